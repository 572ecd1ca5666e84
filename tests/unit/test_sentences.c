/* test_sentences.c - the windowed sentence boundaries agree with ICU's iterator run over the
 * whole text, on German sentences and on random strings over every sentence-break class. */
#include "testutil.h"

#include <string.h>
#include <unicode/ustring.h>

#include "sentences.h"

static UBreakIterator *open_iterator(void)
{
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "de", NULL, 0, &status);
    assert_true(U_SUCCESS(status));
    return bi;
}

/* Compares both ways of finding the boundaries of text[0..len); returns how many there are. */
static size_t check_same(UBreakIterator *bi, const UChar *text, int32_t len)
{
    wm_offsets windowed = {0}, full = {0};
    assert_int_equal(wm_sentence_breaks(bi, text, len, &windowed), WM_OK);
    assert_int_equal(wm_sentence_breaks_full(bi, text, len, &full), WM_OK);
    if (windowed.len != full.len || (full.len && memcmp(windowed.items, full.items, full.len * sizeof *full.items) != 0)) {
        char utf8[4096];
        int32_t n = 0;
        UErrorCode status = U_ZERO_ERROR;
        u_strToUTF8(utf8, sizeof utf8, &n, text, len, &status);
        fail_msg("boundaries differ (%zu windowed, %zu full) for \"%s\"", windowed.len, full.len, utf8);
    }
    size_t count = full.len;
    wm_vec_free(&windowed);
    wm_vec_free(&full);
    return count;
}

static size_t check_utf8(UBreakIterator *bi, const char *s)
{
    UChar text[1024];
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(text, 1024, &n, s, -1, &status);
    assert_true(U_SUCCESS(status));
    return check_same(bi, text, n);
}

static void test_german_sentences(void **state)
{
    (void)state;
    UBreakIterator *bi = open_iterator();
    assert_int_equal(check_utf8(bi, "Am Montag traf sie den Minister. Danach ging es weiter."), 1);
    assert_int_equal(check_utf8(bi, "Dr. med. Anna Müller sprach am 31. März 2024 in Berlin."), 2);
    check_utf8(bi, "„Wir sind bereit.“ Sie lachte. (Siehe S. 4.) Ende?! Ja… und dann: nichts.");
    check_utf8(bi, "Die U.S.A. und die EU. etc. sowie 1. 2. 3. und 4.5 Prozent.");
    check_utf8(bi, "Kein Satzende hier");
    check_utf8(bi, "...");
    check_utf8(bi, "Er fragte: „Warum?“ – und ging.   Dann kam sie.");
    check_utf8(bi, "Preis: 3.50 Euro. Nr. 47/2025. z. B. Frau Dr. Özdemir.");
    /* one long word full of terminators: the window grows over it once */
    static UChar run[30000];
    static const char unit[] = "Anna,Bernd;Carla.x!Dora?";
    for (int32_t i = 0; i < 30000; i++)
        run[i] = (UChar)unit[i % (int32_t)(sizeof unit - 1)];
    check_same(bi, run, 30000);
    ubrk_close(bi);
}

/* One character of every Sentence_Break class, several letters, and the combinations that
 * decide the rules: abbreviations, numbers, closing quotes, spaces. */
static const char *const pieces[] = {
    "a", "b", "x", "ä", "ß", "A", "B", "Ö", "Ω", "ж", "א", "中", "ǅ", "1", "7", "٣", ".", ".", ".", "!", "?", "。", "؟",
    "‼", "․", "﹒", "…", "\"", "'", ")", "(", "»", "«", "“", "„", "]", " ", " ", " ", " ", "\t", "\xc2\xa0", "\xe2\x80\x89",
    ",", ";", ":", "-", "–", "\xcc\x81", "\xc2\xad", "\xe2\x80\x8b", "\xe2\x81\xa0", "Dr", "med", "Nr", "S", "z", "B",
    "usw", "2024", "31", "und", " Er", " sie", "\xf0\x9f\x98\x80", "\xf0\x91\x81\x87",
};

static void test_random_strings(void **state)
{
    (void)state;
    UBreakIterator *bi = open_iterator();
    uint64_t seed = 0x5DEECE66DULL;
    size_t boundaries = 0;
    for (int round = 0; round < 20000; round++) {
        char s[1024];
        size_t len = 0;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        int count = 1 + (int)((seed >> 33) % 40);
        for (int k = 0; k < count; k++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            const char *p = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            size_t n = strlen(p);
            memcpy(s + len, p, n);
            len += n;
        }
        s[len] = '\0';
        boundaries += check_utf8(bi, s);
    }
    assert_true(boundaries > 1000); /* the strings did exercise boundaries */
    ubrk_close(bi);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_german_sentences),
        cmocka_unit_test(test_random_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
