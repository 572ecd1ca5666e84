/* test_segment.c - tokens and segments: sentence ends that are not (abbreviations, initials,
 * ordinals, dates), headings, list items, captions, credits and blocks. */
#include <unistd.h>

#include "testutil.h"
#include "tokenize.h"

static wm_kb *kb;

static const char abbreviations[] = "# test list\n"
                                    "Dr.\nProf.\nAbs.\nNr.\nbzw.\ne.V.\nS.E.\nSept.\n"
                                    "z. B.\tz.B.\nu. a.\tu.a.\nz.B.\nv. l.\n";

static int setup(void **state)
{
    (void)state;
    kb = tu_kb(abbreviations);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    wm_kb_free(kb);
    return 0;
}

/* Segments as "kind|text" lines, joined by '\n', in a static buffer. */
static const char *segments_of(const wm_doc *doc)
{
    static char out[16384];
    out[0] = '\0';
    for (size_t i = 0; i < doc->segments.len; i++) {
        const wm_segment *s = &doc->segments.items[i];
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s|%s", i ? "\n" : "", wm_segment_kind_name(s->kind), tu_span(doc, s->span));
    }
    return out;
}

static void assert_segments(const char *text, const char *expect)
{
    wm_doc *doc = tu_doc(text, kb);
    assert_string_equal(segments_of(doc), expect);
    wm_doc_free(doc);
}

static void sentences(void **state)
{
    (void)state;
    assert_segments("Das ist gut. Das ist besser! Ist es? Ja.",
                    "sentence|Das ist gut.\nsentence|Das ist besser!\nsentence|Ist es?\nsentence|Ja.");
}

static void abbreviations_do_not_end_sentences(void **state)
{
    (void)state;
    assert_segments("Heute sprach Dr. M\xc3\xbcller mit Prof. Dr. Weber. Danach ging er.",
                    "sentence|Heute sprach Dr. M\xc3\xbcller mit Prof. Dr. Weber.\nsentence|Danach ging er.");
    assert_segments("Es kam S.E. Botschafter Janusz Nowak. Er blieb.",
                    "sentence|Es kam S.E. Botschafter Janusz Nowak.\nsentence|Er blieb.");
    assert_segments("Nach \xc2\xa7 23 Abs. 1 AufenthG und Nr. 47 gilt das. Gut.",
                    "sentence|Nach \xc2\xa7 23 Abs. 1 AufenthG und Nr. 47 gilt das.\nsentence|Gut.");
    assert_segments("Sie beraten Ingenieure bzw. Technikerinnen. Gut.",
                    "sentence|Sie beraten Ingenieure bzw. Technikerinnen.\nsentence|Gut.");
    assert_segments("Der Verein Faire Arbeit e.V. Berlin berät. Gut.",
                    "sentence|Der Verein Faire Arbeit e.V. Berlin berät.\nsentence|Gut.");
    assert_segments("Am 14. Sept. 2017 trafen sie sich. Gut.",
                    "sentence|Am 14. Sept. 2017 trafen sie sich.\nsentence|Gut.");
}

/* "z. B." is two tokens with a break after the first dot. */
static void spaced_abbreviations(void **state)
{
    (void)state;
    assert_segments("Sie bildet z. B. Geflüchtete aus. Gut.",
                    "sentence|Sie bildet z. B. Geflüchtete aus.\nsentence|Gut.");
    assert_segments("Dazu kamen u. a. Vertreter der Kammern. Gut.",
                    "sentence|Dazu kamen u. a. Vertreter der Kammern.\nsentence|Gut.");
    assert_segments("Sie bildet z.B. Geflüchtete aus. Gut.",
                    "sentence|Sie bildet z.B. Geflüchtete aus.\nsentence|Gut.");
}

static void initials_ordinals_dates(void **state)
{
    (void)state;
    assert_segments("Es sprach J. Abruev. Dann S. E. Nowak. Ende.",
                    "sentence|Es sprach J. Abruev.\nsentence|Dann S. E. Nowak.\nsentence|Ende.");
    assert_segments("Am 31. M\xc3\xa4rz 2025 tagte das 18. Sozialseminar. Gut.",
                    "sentence|Am 31. M\xc3\xa4rz 2025 tagte das 18. Sozialseminar.\nsentence|Gut.");
    assert_segments("Die Sitzung vom 13.03.2017 war lang. Gut.",
                    "sentence|Die Sitzung vom 13.03.2017 war lang.\nsentence|Gut.");
}

static void headings_and_blocks(void **state)
{
    (void)state;
    wm_doc *doc = tu_doc("Delegation aus Ghana im Ministerium\n\nDer Minister empfing sie. Es war gut.\n\nHintergrund\n\nMehr.", kb);
    assert_string_equal(segments_of(doc), "heading|Delegation aus Ghana im Ministerium\nsentence|Der Minister empfing sie.\n"
                                          "sentence|Es war gut.\nheading|Hintergrund\nsentence|Mehr.");
    assert_int_equal(doc->segments.items[0].block, 0);
    assert_int_equal(doc->segments.items[1].block, 1);
    assert_int_equal(doc->segments.items[2].block, 1);
    assert_int_equal(doc->segments.items[3].block, 2);
    assert_int_equal(doc->segments.items[4].block, 3);
    wm_doc_free(doc);
}

static void list_items(void **state)
{
    (void)state;
    assert_segments("Besprochen wurden:\n\xe2\x80\xa2 faire Anwerbung,\n\xe2\x80\xa2 schnellere Anerkennung.\n- ein Austausch\n* mehr",
                    "sentence|Besprochen wurden:\nlist_item|\xe2\x80\xa2 faire Anwerbung,\nlist_item|\xe2\x80\xa2 schnellere Anerkennung.\n"
                    "list_item|- ein Austausch\nlist_item|* mehr");
}

static void captions_and_credits(void **state)
{
    (void)state;
    /* a caption followed by its credit on the next line */
    assert_segments("Die Ministerin und der Botschafter im Ministerium\nFoto: BMAS/Lutz Dammeier",
                    "caption|Die Ministerin und der Botschafter im Ministerium\ncredit|Foto: BMAS/Lutz Dammeier");
    /* on one line, with or without a full stop */
    assert_segments("Die Ministerin und der Botschafter im BMAS Foto: BMAS/Lutz Dammeier",
                    "caption|Die Ministerin und der Botschafter im BMAS\ncredit|Foto: BMAS/Lutz Dammeier");
    assert_segments("Die Ministerin und der Botschafter im BMAS. Foto: BMAS/Katja Holl",
                    "caption|Die Ministerin und der Botschafter im BMAS.\ncredit|Foto: BMAS/Katja Holl");
    /* web pages repeat the caption line */
    assert_segments("Vize-Minister Pak (Mitte) in Cottbus\nVize-Minister Pak (Mitte) in Cottbus\n\xc2\xa9 LASV",
                    "caption|Vize-Minister Pak (Mitte) in Cottbus\ncaption|Vize-Minister Pak (Mitte) in Cottbus\ncredit|\xc2\xa9 LASV");
    assert_segments("Bild - Senatsverwaltung\n\nFotos: Deniz Kalkan\n\nQuelle: dpa",
                    "credit|Bild - Senatsverwaltung\ncredit|Fotos: Deniz Kalkan\ncredit|Quelle: dpa");
    /* "Bild:" inside running prose is no credit */
    assert_segments("Er zeichnete ein klares Bild: Die Lage ist ernst.",
                    "sentence|Er zeichnete ein klares Bild: Die Lage ist ernst.");
}

static void tokens_belong_to_segments(void **state)
{
    (void)state;
    wm_doc *doc = tu_doc("Titel\n\nDr. Anna Weber traf die BMAS-Leitung. Im Oktober2016 war O'Brien da.", kb);
    assert_int_equal(doc->segments.len, 3);
    for (size_t s = 0; s < doc->segments.len; s++) {
        const wm_segment *seg = &doc->segments.items[s];
        assert_true(seg->token_count > 0);
        for (int32_t t = seg->first_token; t < seg->first_token + seg->token_count; t++) {
            const wm_token *tok = &doc->tokens.items[t];
            assert_int_equal(tok->segment, (int32_t)s);
            assert_true(tok->span.start >= seg->span.start && tok->span.end <= seg->span.end);
            assert_int_equal(!!(tok->flags & WM_TOK_SEGMENT_START), t == seg->first_token);
        }
    }
    int32_t t = wm_doc_token_at(doc, tu_find(doc, "BMAS").start);
    assert_true(doc->tokens.items[t].flags & WM_TOK_ALL_CAPS);
    assert_true(doc->tokens.items[t].flags & WM_TOK_UPPER);
    assert_string_equal(tu_span(doc, doc->tokens.items[t + 1].span), "-");
    assert_true(doc->tokens.items[t + 1].flags & WM_TOK_PUNCT);
    t = wm_doc_token_at(doc, tu_find(doc, "Oktober2016").start);
    assert_string_equal(tu_span(doc, doc->tokens.items[t].span), "Oktober");
    assert_string_equal(tu_span(doc, doc->tokens.items[t + 1].span), "2016");
    assert_true(doc->tokens.items[t + 1].flags & WM_TOK_DIGIT);
    assert_false(doc->tokens.items[t + 1].flags & WM_TOK_SPACE_BEFORE);
    t = wm_doc_token_at(doc, tu_find(doc, "O'Brien").start);
    assert_string_equal(tu_span(doc, doc->tokens.items[t].span), "O'Brien");
    wm_doc_free(doc);
}

static void folding(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"Petrli\xc4\x87", "petrlic"}, {"Stra\xc3\x9f" "e", "strasse"}, {"\xc3\x84rztin", "arztin"},
        {"\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz"}, {"YILDIRIM", "yildirim"}, {"Y\xc4\xb1ld\xc4\xb1r\xc4\xb1m", "yildirim"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        UChar in[64], out[128];
        int32_t n = 0;
        UErrorCode st = U_ZERO_ERROR;
        u_strFromUTF8(in, 64, &n, cases[i].in, -1, &st);
        int32_t m = wm_fold(in, n, out);
        char *s = tu_utf8(out, m);
        assert_string_equal(s, cases[i].out);
        free(s);
    }
}

/* A knowledge base with abbreviations, legal-form suffixes and function words. */
static wm_kb *kb_with_function_words(void)
{
    char *dir = tu_data_dir(NULL, NULL, "abbreviations.tsv", "e.V.\nDr.\nu. a.\n", "org_suffixes.tsv", "e.V.\nGmbH\n",
                            "non_names.tsv",
                            "Im\t\tclass=function\nDie\t\tclass=function\nF\xc3\xbcr\t\tclass=function\n"
                            "Und\t\tclass=function\nIntegration\t\tclass=noun\n",
                            (const char *)NULL);
    wm_kb *out = NULL;
    wm_error err;
    assert_int_equal(wm_kb_load(dir, &out, &err), WM_OK);
    tu_rmtree(dir);
    return out;
}

/* A legal-form suffix before a sentence-initial function word ends the sentence. */
static void legal_form_suffix_at_sentence_end(void **state)
{
    (void)state;
    wm_kb *lists = kb_with_function_words();
    wm_doc *doc = tu_doc("Sie war beim Flüchtlingsrat e.V. Im Jahr 2015 wechselte sie. Der Verein e.V. Berlin berät. "
                         "Ein Verein e.V. Integration hilft. Es kam Dr. Die.",
                         lists);
    assert_string_equal(segments_of(doc), "sentence|Sie war beim Flüchtlingsrat e.V.\n"
                                          "sentence|Im Jahr 2015 wechselte sie.\n"
                                          "sentence|Der Verein e.V. Berlin berät.\n"
                                          "sentence|Ein Verein e.V. Integration hilft.\n"
                                          "sentence|Es kam Dr. Die.");
    wm_doc_free(doc);
    wm_kb_free(lists);
}

/* A line ending in a colon is a sentence when it has a lower-case word that is no function
 * word (mostly its verb), else a heading. */
static void colon_lines(void **state)
{
    (void)state;
    wm_kb *lists = kb_with_function_words();
    wm_doc *doc = tu_doc("Unter den G\xc3\xa4sten waren u. a.:\n- Anna Weber\n\nKontakt f\xc3\xbcr die Presse:\n"
                         "Pressestelle\n\nHinweis f\xc3\xbcr Medien und Agenturen:\n",
                         lists);
    assert_string_equal(segments_of(doc), "sentence|Unter den G\xc3\xa4sten waren u. a.:\nlist_item|- Anna Weber\n"
                                          "heading|Kontakt f\xc3\xbcr die Presse:\nheading|Pressestelle\n"
                                          "heading|Hinweis f\xc3\xbcr Medien und Agenturen:");
    wm_doc_free(doc);
    wm_kb_free(lists);
}

/* The shipped abbreviation lists (gazetteers/abbreviations*.tsv) keep the examples. */
static void shipped_abbreviations(void **state)
{
    (void)state;
    if (access("gazetteers", F_OK) != 0)
        skip();
    wm_kb *shipped = NULL;
    wm_error err;
    if (wm_kb_load(".", &shipped, &err) != WM_OK)
        fail_msg("%s:%ld: %s", err.file, err.line, err.message);
    wm_doc *doc = tu_doc("S.E. Botschafter Nowak, Dr. Anna Weber vom Verein e.V. Berlin, nach \xc2\xa7 4 Abs. 1 Nr. 2 "
                         "bzw. Nr. 3, am 31. M\xc3\xa4rz beim 18. Sozialseminar, am 13.03.2017 z. B. mit Dr. Weber. Ende.",
                         shipped);
    assert_int_equal(doc->segments.len, 2);
    wm_doc_free(doc);
    wm_kb_free(shipped);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sentences),
        cmocka_unit_test(abbreviations_do_not_end_sentences),
        cmocka_unit_test(spaced_abbreviations),
        cmocka_unit_test(initials_ordinals_dates),
        cmocka_unit_test(headings_and_blocks),
        cmocka_unit_test(list_items),
        cmocka_unit_test(captions_and_credits),
        cmocka_unit_test(tokens_belong_to_segments),
        cmocka_unit_test(folding),
        cmocka_unit_test(legal_form_suffix_at_sentence_end),
        cmocka_unit_test(colon_lines),
        cmocka_unit_test(shipped_abbreviations),
    };
    return cmocka_run_group_tests_name("segment", tests, setup, teardown);
}
