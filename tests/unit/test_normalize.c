/* test_normalize.c - the normalized text and its offset map back to the original: NFC,
 * quotes, dashes, spaces, soft hyphens, hyphenation, line breaks; plus a property test over
 * generated strings that every token and segment maps back to the text it claims. */
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "testutil.h"

static wm_kb *kb;

static int setup(void **state)
{
    (void)state;
    kb = tu_kb("Dr.\nz. B.\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    wm_kb_free(kb);
    return 0;
}

static void assert_normalized(const char *in, const char *expect)
{
    wm_doc *doc = tu_doc(in, NULL);
    assert_string_equal(tu_span(doc, (wm_span){0, doc->len}), expect);
    wm_doc_free(doc);
}

static void nfc(void **state)
{
    (void)state;
    wm_doc *doc = tu_doc("Mu\xcc\x88ller", NULL); /* u + combining diaeresis */
    assert_string_equal(tu_span(doc, (wm_span){0, doc->len}), "M\xc3\xbcller");
    assert_int_equal(doc->len, 6);
    assert_string_equal(tu_original(doc, tu_find(doc, "\xc3\xbc")), "u\xcc\x88");
    int32_t s, e;
    wm_doc_original_offsets(doc, tu_find(doc, "ller"), &s, &e);
    assert_int_equal(s, 3);
    assert_int_equal(e, 7);
    wm_doc_free(doc);
}

static void quotes_dashes_spaces(void **state)
{
    (void)state;
    assert_normalized("\xe2\x80\x9eZitat\xe2\x80\x9c und \xc2\xbbZitat\xc2\xab, \xe2\x80\x9a" "einfach\xe2\x80\x98",
                      "\"Zitat\" und \"Zitat\", 'einfach'");
    assert_normalized("Berlin \xe2\x80\x93 Bonn \xe2\x80\x94 K\xc3\xb6ln", "Berlin - Bonn - K\xc3\xb6ln");
    assert_normalized("Dr.\xc2\xa0Ines\xe2\x80\xaf" "Brock", "Dr. Ines Brock");
    assert_normalized("a  \t b", "a b");
    assert_normalized("Ende\xe2\x80\xa6", "Ende...");
}

static void soft_hyphen_and_zero_width(void **state)
{
    (void)state;
    wm_doc *doc = tu_doc("die Erst\xc2\xad" "aufnahme\xe2\x80\x8b" "einrichtung", NULL);
    assert_string_equal(tu_span(doc, (wm_span){0, doc->len}), "die Erstaufnahmeeinrichtung");
    assert_string_equal(tu_original(doc, tu_find(doc, "Erstaufnahmeeinrichtung")),
                        "Erst\xc2\xad" "aufnahme\xe2\x80\x8b" "einrichtung");
    wm_doc_free(doc);
}

static void line_break_hyphenation(void **state)
{
    (void)state;
    wm_doc *doc = tu_doc("Ziel ist die berufliche Integra-\ntion von Fachkr\xc3\xa4" "ften.", NULL);
    assert_string_equal(tu_span(doc, (wm_span){0, doc->len}), "Ziel ist die berufliche Integration von Fachkr\xc3\xa4" "ften.");
    assert_string_equal(tu_original(doc, tu_find(doc, "Integration")), "Integra-\ntion");
    wm_doc_free(doc);
    /* a truncation before a conjunction keeps its hyphen */
    assert_normalized("das Arbeits-\nund Sozialministerium", "das Arbeits- und Sozialministerium");
    assert_normalized("Unterbringungs-\r\noder Personalfragen", "Unterbringungs- oder Personalfragen");
    /* a hyphen before a capital is a compound hyphen: "Baden-\nWürttemberg" */
    assert_normalized("in Baden-\nW\xc3\xbcrttemberg", "in Baden-\nW\xc3\xbcrttemberg");
}

static void line_breaks(void **state)
{
    (void)state;
    /* a blank line separates blocks; runs of blank lines and CR LF collapse */
    assert_normalized("Titel\r\n\r\n\r\nText.", "Titel\n\nText.");
    /* leading and trailing blank lines and spaces vanish */
    assert_normalized("\n\n  Titel  \n\n", "Titel");
    /* a long line without closing punctuation goes on in the next line */
    assert_normalized("Die Senatorin hat gestern gemeinsam mit dem Botschafter der Republik die\nAusstellung er\xc3\xb6" "ffnet.",
                      "Die Senatorin hat gestern gemeinsam mit dem Botschafter der Republik die Ausstellung er\xc3\xb6" "ffnet.");
    /* so does a line that goes on in lower case */
    assert_normalized("Die Staatssekret\xc3\xa4rin begr\xc3\xbc\xc3\x9f" "te\ndie G\xc3\xa4ste.",
                      "Die Staatssekret\xc3\xa4rin begr\xc3\xbc\xc3\x9f" "te die G\xc3\xa4ste.");
    /* after a comma too */
    assert_normalized("Sie dankte Dr. Henrike Vossberg,\nDirektorin der Agentur.",
                      "Sie dankte Dr. Henrike Vossberg, Direktorin der Agentur.");
    /* a sentence end, a short line or a capital starts a new line */
    assert_normalized("Erster Satz.\nZweiter Satz.", "Erster Satz.\nZweiter Satz.");
    assert_normalized("Pressestelle\nWilhelmstra\xc3\x9f" "e 49", "Pressestelle\nWilhelmstra\xc3\x9f" "e 49");
}

/* Contact blocks: e-mail addresses and web sites start in lower case but are their own lines. */
static void short_lines_stay(void **state)
{
    (void)state;
    assert_normalized("Fax: 0511 120-6555\npressestelle@mi.example.de",
                      "Fax: 0511 120-6555\npressestelle@mi.example.de");
    assert_normalized("E-Mail: info@verband.example\nwww.verband.example",
                      "E-Mail: info@verband.example\nwww.verband.example");
}

/* Every bullet stays on its own line, even after a line ending in a comma. */
static void bullets_stay(void **state)
{
    (void)state;
    assert_normalized("Vereinbart wurde,\n- Sprechstunden einzurichten,\n- Material zu erstellen,\n\xe2\x80\xa2 einen Austausch.",
                      "Vereinbart wurde,\n- Sprechstunden einzurichten,\n- Material zu erstellen,\n\xe2\x80\xa2 einen Austausch.");
}

/* Text wrapped at a fixed width is rejoined; lines of a document that is not wrapped are not. */
static void wrapped_paragraphs(void **state)
{
    (void)state;
    assert_normalized("Am Dienstag hat die Parlamentarische Staatssekret\xc3\xa4rin beim Ministerium\n"
                      "Herrn Kwabena Asante-Mensah, stellvertretenden Minister, im Dienstsitz\n"
                      "des Ministeriums empfangen.",
                      "Am Dienstag hat die Parlamentarische Staatssekret\xc3\xa4rin beim Ministerium "
                      "Herrn Kwabena Asante-Mensah, stellvertretenden Minister, im Dienstsitz "
                      "des Ministeriums empfangen.");
    const char *unwrapped =
        "Am Dienstag hat die Parlamentarische Staatssekret\xc3\xa4rin beim Bundesministerium f\xc3\xbcr Arbeit und "
        "Soziales einen Gast aus Ghana im Dienstsitz des Ministeriums empfangen und mit ihm gesprochen.\n"
        "Th\xc3\xbcringer Ministerium f\xc3\xbcr Soziales, Gesundheit, Arbeit, Frauen und Familie\n"
        "Gesch\xc3\xa4" "ftsstelle der Beauftragten f\xc3\xbcr Integration, Migration und Fl\xc3\xbc" "chtlinge";
    assert_normalized(unwrapped, unwrapped);
}

/* A long line followed by a label line ("Bild:", "Telefon:") is not wrapped into it. */
static void label_lines_stay(void **state)
{
    (void)state;
    const char *in = "Foto: Senatorin Dr. Katharina Lenzen und Botschafter Janusz Wroblewski bei der Unterzeichnung\n"
                     "Bild: Senatsverwaltung/Paula Strehlow und Mitarbeiter";
    assert_normalized(in, in);
}

static int is_trail_of_pair(const wm_doc *doc, int32_t unit)
{
    return unit > 0 && unit < doc->orig_len && U16_IS_TRAIL(doc->orig[unit]) && U16_IS_LEAD(doc->orig[unit - 1]);
}

/* The letters of s[0..n) after NFC, case kept. */
static int32_t letters(const UChar *s, int32_t n, UChar *out)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfc_norm = unorm2_getNFCInstance(&st);
    UChar buf[4096];
    int32_t m = unorm2_normalize(nfc_norm, s, n, buf, 4096, &st);
    assert_true(U_SUCCESS(st));
    int32_t k = 0;
    for (int32_t i = 0; i < m;) {
        UChar32 c;
        int32_t at = i;
        U16_NEXT(buf, i, m, c);
        if (u_isalpha(c))
            for (; at < i; at++)
                out[k++] = buf[at];
    }
    return k;
}

static void check_span_maps_back(const wm_doc *doc, wm_span span, const char *what)
{
    assert_true(span.start >= 0 && span.start < span.end && span.end <= doc->len);
    wm_span u = wm_doc_original_units(doc, span);
    assert_true(0 <= u.start && u.start < u.end && u.end <= doc->orig_len);
    assert_false(is_trail_of_pair(doc, u.start));
    assert_false(is_trail_of_pair(doc, u.end));
    UChar a[4096], b[4096];
    int32_t na = letters(doc->orig + u.start, u.end - u.start, a);
    int32_t nb = letters(doc->text + span.start, span.end - span.start, b);
    if (na != nb || u_memcmp(a, b, na) != 0)
        fail_msg("%s '%s' maps back to '%s'", what, tu_span(doc, span), tu_original(doc, span));
}

/* A token's original text, normalized on its own, is the token (an ellipsis aside: one
 * original character becomes three tokens). */
static void check_token_renormalizes(const wm_doc *doc, wm_span span)
{
    wm_span u = wm_doc_original_units(doc, span);
    if (u_memchr(doc->orig + u.start, 0x2026, u.end - u.start))
        return;
    char *slice = tu_utf8(doc->orig + u.start, u.end - u.start);
    char *token = tu_utf8(doc->text + span.start, span.end - span.start);
    wm_doc *alone = tu_doc(slice, NULL);
    char *again = tu_utf8(alone->text, alone->len);
    if (strcmp(again, token) != 0)
        fail_msg("token '%s' comes from '%s', which normalizes to '%s'", token, slice, again);
    free(again);
    wm_doc_free(alone);
    free(token);
    free(slice);
}

/* Pieces that exercise every rule of the normalizer. */
static const char *const pieces[] = {
    "Dr.", " ", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\xc2\xa0", "\xc2\xad", "\xe2\x80\x8b", "\xef\xbb\xbf",
    "Integra-\ntion", "Arbeits-\nund", "M\xc3\xbcller", "Mu\xcc\x88ller", "e\xcc\x81", "\xe2\x80\x9e", "\xe2\x80\x9c",
    "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa6", "-", "- ", "\xe2\x80\xa2 ", ",", ".", ":", "z. B.", "31.",
    "M\xc3\xa4rz", "13.03.2017", "\xf0\x9f\x98\x80", "\xf0\x9d\x90\x80", "Stra\xc3\x9f" "e", "Ba'ath", "O\xe2\x80\x99" "Brien",
    "Foto: ", "a", "Wort", "wort", "GmbH", "(BMAS)", "\xe2\x80\xaf", "\x0c", "\xe2\x80\xa8",
    "Die Staatssekret\xc3\xa4rin hat gemeinsam mit dem Botschafter des Landes heute",
};

static unsigned next_random(unsigned *seed)
{
    *seed = *seed * 1103515245u + 12345u;
    return (*seed >> 16) & 0x7fff;
}

static void offset_map_property(void **state)
{
    (void)state;
    unsigned seed = 20250331;
    size_t npieces = sizeof pieces / sizeof *pieces;
    for (int round = 0; round < 3000; round++) {
        char buf[2048] = "";
        int n = 1 + (int)(next_random(&seed) % 40);
        for (int k = 0; k < n; k++)
            strcat(buf, pieces[next_random(&seed) % npieces]);
        wm_doc *doc = tu_doc(buf, kb);
        /* the map is monotone and every unit comes from a non-empty original range */
        for (int32_t i = 0; i < doc->len; i++) {
            assert_true(doc->src_start[i] < doc->src_end[i]);
            assert_true(doc->src_end[i] <= doc->orig_len);
            if (i) {
                assert_true(doc->src_start[i - 1] <= doc->src_start[i]);
                assert_true(doc->src_end[i - 1] <= doc->src_end[i]);
            }
        }
        for (size_t t = 0; t < doc->tokens.len; t++)
            check_span_maps_back(doc, doc->tokens.items[t].span, "token");
        for (size_t s = 0; s < doc->segments.len; s++)
            check_span_maps_back(doc, doc->segments.items[s].span, "segment");
        for (size_t t = 0; t < doc->tokens.len; t++)
            check_token_renormalizes(doc, doc->tokens.items[t].span);
        wm_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nfc),
        cmocka_unit_test(quotes_dashes_spaces),
        cmocka_unit_test(soft_hyphen_and_zero_width),
        cmocka_unit_test(line_break_hyphenation),
        cmocka_unit_test(line_breaks),
        cmocka_unit_test(short_lines_stay),
        cmocka_unit_test(bullets_stay),
        cmocka_unit_test(wrapped_paragraphs),
        cmocka_unit_test(label_lines_stay),
        cmocka_unit_test(offset_map_property),
    };
    return cmocka_run_group_tests_name("normalize", tests, setup, teardown);
}
