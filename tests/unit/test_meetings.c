/* test_meetings.c - the meeting stage in isolation: each document runs through normalization,
 * segmentation and the gazetteer, then gets its persons, dates and places put in by hand (as
 * the entity and date stages would), then the meeting stage. One test per construction and
 * per exclusion; the export tests check graph.meetings, meeting nodes and --explain. */
#include "testutil.h"

#include <unicode/uchar.h>

#include "export.h"
#include "gazmatch.h"
#include "graph.h"
#include "meetings.h"

/* The next whole-word occurrence of utf8 in the normalized text at or after `from`, or -1. */
static int32_t find_word(const wm_doc *doc, const char *utf8, int32_t from, int32_t *len)
{
    UChar u[512];
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, 512, len, utf8, -1, &st);
    for (int32_t i = from; i + *len <= doc->len; i++)
        if (memcmp(doc->text + i, u, (size_t)*len * sizeof(UChar)) == 0 && (i == 0 || !u_isalnum(doc->text[i - 1])) &&
            (i + *len == doc->len || !u_isalnum(doc->text[i + *len])))
            return i;
    return -1;
}

static int covered(const wm_doc *doc, int32_t start, int32_t end)
{
    for (size_t i = 0; i < doc->mentions.len; i++)
        if (start < doc->mentions.items[i].span.end && doc->mentions.items[i].span.start < end)
            return 1;
    return 0;
}

/* An entity of `kind` with every occurrence of each surface (longest first) as a mention. */
static int32_t entity(wm_doc *doc, wm_entity_kind kind, const char *key, char gender, const char *const *surfaces)
{
    int32_t index = (int32_t)doc->entities.len;
    wm_entity e = {.kind = kind, .label_mention = -1, .key = key, .gender = gender};
    for (const char *const *s = surfaces; *s; s++) {
        int32_t len, at = 0;
        while ((at = find_word(doc, *s, at, &len)) >= 0) {
            if (!covered(doc, at, at + len)) {
                int32_t m = wm_doc_add_mention(doc, (wm_span){at, at + len}, kind, "test", -1, 0);
                doc->mentions.items[m].entity = index;
                if (e.label_mention < 0)
                    e.label_mention = m;
            }
            at += len;
        }
    }
    assert_true(e.label_mention >= 0);
    wm_vec_push(&doc->entities, e);
    return index;
}

#define PERSON(doc, key, gender, ...) entity(doc, WM_ENTITY_PERSON, key, gender, (const char *const[]){__VA_ARGS__, NULL})

static int32_t place(wm_doc *doc, const char *name)
{
    return entity(doc, WM_ENTITY_LOCATION, name, 0, (const char *const[]){name, NULL});
}

static void date(wm_doc *doc, const char *text, const char *value)
{
    int32_t len, at = find_word(doc, text, 0, &len);
    assert_true(at >= 0);
    wm_date d = {.span = {at, at + len}, .rule = "test", .anchor = WM_ANCHOR_EXPLICIT,
                 .segment = doc->tokens.items[wm_doc_token_at(doc, at)].segment};
    snprintf(d.value, sizeof d.value, "%s", value);
    wm_vec_push(&doc->dates, d);
}

static wm_doc *prepare(const char *text)
{
    wm_doc *doc = tu_doc(text, tu_repo_kb());
    wm_stage_ctx ctx = {.kb = tu_repo_kb(), .matcher = wm_rule_matcher_new(1000000, 10000)};
    wm_error err;
    assert_int_equal(wm_gazmatch(doc, &ctx, &err), WM_OK);
    wm_rule_matcher_free(ctx.matcher);
    return doc;
}

static void run(wm_doc *doc)
{
    wm_stage_ctx ctx = {.kb = tu_repo_kb(), .matcher = wm_rule_matcher_new(1000000, 10000)};
    wm_error err;
    assert_int_equal(wm_meetings(doc, &ctx, &err), WM_OK);
    wm_rule_matcher_free(ctx.matcher);
}

static int in_event(const wm_doc *doc, int32_t event, int32_t entity)
{
    for (size_t i = 0; i < doc->relations.len; i++) {
        const wm_relation *r = &doc->relations.items[i];
        for (int32_t k = 0; r->event == event && k < r->participant_count; k++)
            if (r->participants[k] == entity)
                return 1;
    }
    return 0;
}

/* The relation (first passage) of the encounter of `kind` that has both persons, or NULL. */
static const wm_relation *together(const wm_doc *doc, wm_relation_kind kind, int32_t a, int32_t b)
{
    for (size_t i = 0; i < doc->relations.len; i++) {
        const wm_relation *r = &doc->relations.items[i];
        if (r->kind == kind && in_event(doc, r->event, a) && in_event(doc, r->event, b))
            return r;
    }
    return NULL;
}

static const char *met_date(const wm_doc *doc, int32_t a, int32_t b)
{
    const wm_relation *r = together(doc, WM_REL_MET, a, b);
    assert_non_null(r);
    return r->date >= 0 ? doc->dates.items[r->date].value : "";
}

static size_t count_kind(const wm_doc *doc, wm_relation_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->relations.len; i++)
        n += doc->relations.items[i].kind == kind;
    return n;
}

/* --- who: clauses, word order, coordination, appositions ------------------------------------- */

static void test_verb_second(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am 3. März 2024 empfing Ministerin Karla Brandt den Botschafter Ivo Marek in Lübeck.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t lubeck = place(doc, "Lübeck");
    date(doc, "3. März 2024", "2024-03-03");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_MET, k, i);
    assert_non_null(r);
    assert_string_equal(met_date(doc, k, i), "2024-03-03");
    assert_int_equal(r->place, lubeck);
    assert_string_equal(tu_span(doc, r->trigger), "empfing");
    assert_string_equal(r->rule, "meet.empfangen");
    wm_doc_free(doc);
}

static void test_verb_final_subordinate(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Die Idee entstand, nachdem Karla Brandt im Mai 2022 mit Ivo Marek zusammengekommen war.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "Mai 2022", "2022-05");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2022-05");
    wm_doc_free(doc);
}

static void test_separable_verb(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Dazu kam Karla Brandt, Leiterin der Abteilung, per Video mit Ivo Marek zusammen.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_MET, k, i);
    assert_non_null(r);
    assert_string_equal(tu_span(doc, r->trigger), "kam");
    assert_string_equal(tu_span(doc, r->particle), "zusammen");
    wm_doc_free(doc);
}

static void test_separable_particle_must_close_clause(void **state)
{
    (void)state;
    /* "kam ... zusammen" only when "zusammen" ends the clause: here it is an adverb */
    wm_doc *doc = prepare("Karla Brandt kam mit Ivo Marek zusammen mit dem Zug an.\n");
    PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_int_equal(count_kind(doc, WM_REL_MET), 0);
    wm_doc_free(doc);
}

static void test_passive_agent(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Ivo Marek ist am Mittwoch im Rathaus von der Senatorin Karla Brandt empfangen worden.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    wm_doc_free(doc);
}

static void test_coordination(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Karla Brandt, Ivo Marek und Lena Sommer trafen sich in Potsdam.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    assert_non_null(together(doc, WM_REL_MET, k, l));
    assert_non_null(together(doc, WM_REL_MET, i, l));
    wm_doc_free(doc);
}

static void test_relative_clause_of_meeting_noun(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Der Tag endete mit einem Treffen, an dem Kanzler Paul Weber, die Ministerin Karla Brandt, "
                          "der Präsident der Kammer Ivo Marek und Vertreter der Verbände teilnahmen.\n");
    int32_t p = PERSON(doc, "paul-weber", 'm', "Paul Weber"), k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    int32_t i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, p, k));
    assert_non_null(together(doc, WM_REL_MET, p, i));
    assert_non_null(together(doc, WM_REL_MET, k, i));
    wm_doc_free(doc);
}

static void test_participants_in_other_clause_excluded(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Karla Brandt traf Ivo Marek, der zuvor mit Lena Sommer gesprochen hatte.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    assert_non_null(together(doc, WM_REL_MET, i, l));
    assert_null(together(doc, WM_REL_MET, k, l));
    wm_doc_free(doc);
}

static void test_apposition_inner_name(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Karla Brandt, Leiterin des Büros von Paul Weber, begrüßte Ivo Marek zu einem Gespräch.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t p = PERSON(doc, "paul-weber", 'm', "Paul Weber");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    assert_null(together(doc, WM_REL_MET, p, i));
    assert_null(together(doc, WM_REL_MET, p, k));
    wm_doc_free(doc);
}

static void test_genitive_attribute_is_no_participant(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Beim Empfang würdigte Karla Brandt die Arbeit des Abgeordneten Paul Weber und begrüßte Ivo Marek.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t p = PERSON(doc, "paul-weber", 'm', "Paul Weber");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    assert_null(together(doc, WM_REL_MET, k, p));
    wm_doc_free(doc);
}

static void test_absent_persons(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "In Vertretung von Ministerin Lena Sommer begrüßte Karla Brandt den Gast Ivo Marek.\n",
        "Karla Brandt sprach mit Ivo Marek über Lena Sommer.\n",
        "Beim Treffen würdigte Karla Brandt vor Ivo Marek die Verdienste von Paul Weber und Lena Sommer.\n",
        "Beim Treffen gedachte Karla Brandt mit Ivo Marek der verstorbenen Lena Sommer.\n",
        "Am Empfang nahmen Karla Brandt, Ivo Marek und Lena Sommer, die kurzfristig verhindert war, teil.\n",
    };
    for (size_t n = 0; n < sizeof texts / sizeof *texts; n++) {
        wm_doc *doc = prepare(texts[n]);
        int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
        int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
        if (strstr(texts[n], "Paul Weber"))
            PERSON(doc, "paul-weber", 'm', "Paul Weber");
        run(doc);
        if (!together(doc, WM_REL_MET, k, i) || together(doc, WM_REL_MET, k, l) || together(doc, WM_REL_MET, i, l))
            fail_msg("wrong participants in: %s", texts[n]);
        wm_doc_free(doc);
    }
}

static void test_under_the_lead_of(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Im Jahr 2017 nahm eine Delegation unter der Leitung von Karla Brandt am Seminar in Prag teil.\n\n"
                          "Ivo Marek bot seiner Amtspartnerin ein Fachseminar. Bei der Auswertung des Seminars dankten "
                          "Brandt und Marek den Gästen.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt", "Brandt");
    int32_t i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek", "Marek");
    date(doc, "Jahr 2017", "2017");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2017");
    wm_doc_free(doc);
}

/* --- references to persons named earlier --------------------------------------------------- */

static void test_reference_by_role_title(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Senatorin Karla Brandt eröffnete die Ausstellung. Am Abend empfing die Senatorin Ivo Marek.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_MET, k, i);
    assert_non_null(r);
    int found = 0;
    for (int32_t p = 0; p < r->participant_count; p++)
        found |= r->participants[p] == k && strcmp(tu_span(doc, r->participant_spans[p]), "die Senatorin") == 0;
    assert_true(found);
    wm_doc_free(doc);
}

static void test_reference_by_colleague_word(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Die Sozialministerin Dr. Johanna Weiß stellte ein Programm vor. Am Abend empfing Minister "
                          "Paul Weber seine Amtskollegin in Mainz.\n");
    int32_t j = PERSON(doc, "johanna-weiss", 0, "Johanna Weiß"), p = PERSON(doc, "paul-weber", 'm', "Paul Weber");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, j, p));
    wm_doc_free(doc);
}

static void test_reference_by_pronoun(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Botschafter Ivo Marek reiste nach Berlin. Dort empfing ihn Senatorin Karla Brandt.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    wm_doc_free(doc);
}

static void test_ambiguous_pronoun_left_alone(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Ivo Marek und Paul Weber reisten nach Berlin. Dort empfing ihn Senatorin Karla Brandt.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    PERSON(doc, "paul-weber", 'm', "Paul Weber");
    run(doc);
    for (size_t r = 0; r < doc->relations.len; r++)
        for (int32_t p = 0; p < doc->relations.items[r].participant_count; p++)
            assert_int_equal(doc->relations.items[r].participants[p] == k, 0);
    wm_doc_free(doc);
}

/* --- group encounters told over several sentences, captions ---------------------------------- */

static void test_group_over_paragraphs(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Botschafter Ivo Marek hatte Senatorin Karla Brandt im Mai 2023 zu einem Fachgespräch in die "
                          "Botschaft geladen.\n\nPaul Weber und Lena Sommer gestalteten den Austausch in der Botschaft mit.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t p = PERSON(doc, "paul-weber", 'm', "Paul Weber"), l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Mai 2023", "2023-05");
    snprintf(doc->reference_date, sizeof doc->reference_date, "2023-08-01");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2023-05");
    assert_string_equal(met_date(doc, k, p), "2023-05");
    assert_string_equal(met_date(doc, i, l), "2023-05");
    assert_string_equal(met_date(doc, p, l), "2023-05");
    const wm_relation *r = together(doc, WM_REL_MET, k, l);
    assert_true(r && r->event == together(doc, WM_REL_MET, p, i)->event);
    wm_doc_free(doc);
}

static void test_list_after_colon(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am Donnerstag begrüßte Karla Brandt die Gäste des Empfangs.\n"
                          "Unter den Gästen waren u. a.:\n• Staatssekretär Ivo Marek\n• Lena Sommer, Präsidentin der Kammer\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Donnerstag", "2024-11-07");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-11-07");
    assert_string_equal(met_date(doc, i, l), "2024-11-07");
    wm_doc_free(doc);
}

static void test_caption_names_together(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Karla Brandt und Ivo Marek\nKarla Brandt und Ivo Marek Foto: Lena Sommer\n\n"
                          "Die Ministerin sprach über die Lage.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_MET, k, i);
    assert_non_null(r);
    assert_string_equal(r->rule, "meet.caption");
    assert_null(together(doc, WM_REL_MET, k, l)); /* a photo credit is no participant */
    wm_doc_free(doc);
}

static void test_caption_takes_the_encounter_date(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Karla Brandt und Ivo Marek\nKarla Brandt und Ivo Marek Foto: Amt\n\n"
                          "Am 2. Mai 2024 empfing Karla Brandt den Gast Ivo Marek.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "2. Mai 2024", "2024-05-02");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_MET, k, i);
    size_t passages = 0;
    for (size_t x = 0; x < doc->relations.len; x++)
        passages += doc->relations.items[x].event == r->event;
    assert_int_equal(passages, 3); /* two caption lines and the sentence: one encounter */
    assert_string_equal(met_date(doc, k, i), "2024-05-02");
    wm_doc_free(doc);
}

/* --- dates ----------------------------------------------------------------------------------- */

static void test_date_of_the_encounter_it_continues(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am 5. Mai 2024 empfing Karla Brandt den Gast Ivo Marek.\n\n"
                          "Im Anschluss diskutierte Marek auf dem Podium mit Lena Sommer.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    int32_t i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek", "Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "5. Mai 2024", "2024-05-05");
    run(doc);
    assert_string_equal(met_date(doc, i, l), "2024-05-05");
    assert_string_equal(met_date(doc, k, l), "2024-05-05");
    wm_doc_free(doc);
}

static void test_no_date_stays_undated(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Berlin, 8. November 2024 - Karla Brandt traf Ivo Marek.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "8. November 2024", "2024-11-08");
    run(doc);
    assert_string_equal(met_date(doc, k, i), ""); /* the dateline dates the release, not the meeting */
    wm_doc_free(doc);
}

/* --- who: participants told around the encounter ----------------------------------------------- */

static void test_noun_phrase_after_apposition(void **state)
{
    (void)state;
    /* ", mit dem spanischen Konsul ..." after an apposition continues the list: no relative clause */
    wm_doc *doc = prepare("Im Rathaus kamen am 4. Juni Karla Brandt und Lena Sommer, Direktorin der Klinik Nord, mit dem "
                          "spanischen Konsul Ivo Marek zu einem Austausch zusammen.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "4. Juni", "2024-06-04");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-06-04");
    assert_string_equal(met_date(doc, l, i), "2024-06-04");
    wm_doc_free(doc);
}

static void test_moderated_round(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am Freitag diskutierte Karla Brandt auf dem Podium mit Ivo Marek. Moderiert wurde die Runde von "
                          "der Journalistin Lena Sommer.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Freitag", "2024-05-03");
    run(doc);
    assert_string_equal(met_date(doc, k, l), "2024-05-03");
    assert_string_equal(met_date(doc, i, l), "2024-05-03");
    wm_doc_free(doc);
}

static void test_group_led_by(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am Dienstag empfing Karla Brandt eine Gruppe aus Polen im Ministerium. Angeführt wurde die Gruppe "
                          "von Ivo Marek, dem Vizeminister.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "Dienstag", "2024-05-07");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-05-07");
    wm_doc_free(doc);
}

static void test_encounter_noun_without_persons_continues(void **state)
{
    (void)state;
    /* "des Gesprächs" (with "rund" before it) names the encounter just told; who joins it later
     * joins that one */
    wm_doc *doc = prepare("Am Dienstag empfing Karla Brandt den Gesandten Ivo Marek. Im Mittelpunkt des rund zweistündigen "
                          "Gesprächs stand die Ausbildung.\n\nAn dem Austausch nahm außerdem Lena Sommer teil.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Dienstag", "2024-05-07");
    run(doc);
    assert_string_equal(met_date(doc, k, l), "2024-05-07");
    assert_string_equal(met_date(doc, i, l), "2024-05-07");
    wm_doc_free(doc);
}

static void test_roster_heading(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Auf Einladung von Karla Brandt sind am 5. Mai 2024 Vertreter der Kammern im Rathaus "
                          "zusammengekommen.\n\nDie Lage bleibt angespannt.\n\nEs geht um Fristen.\n\n"
                          "Teilnehmende\n\n– Ivo Marek, Präsident, Kammer Nord\n– Lena Sommer, Leiterin, Amt für Zuwanderung\n\n"
                          "Entschuldigt: Paul Weber, Landrat\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer"), p = PERSON(doc, "paul-weber", 'm', "Paul Weber");
    date(doc, "5. Mai 2024", "2024-05-05");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-05-05");
    assert_string_equal(met_date(doc, i, l), "2024-05-05");
    assert_null(together(doc, WM_REL_MET, k, p));
    wm_doc_free(doc);
}

static void test_participants_in_the_next_sentence(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Rund zwei Stunden tauschten sich Vertreter des Verbands am Montag per Videokonferenz mit Karla "
                          "Brandt aus. Für den Verband nahmen Ivo Marek und Fachreferentin Lena Sommer teil.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Montag", "2024-02-05");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-02-05");
    assert_string_equal(met_date(doc, i, l), "2024-02-05");
    wm_doc_free(doc);
}

static void test_hosts_show_the_visitor(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Senatorin Karla Brandt hat sich am Montag ein Bild von der Beratungsstelle gemacht. Beraterin Lena "
                          "Sommer und Teamleiter Ivo Marek schilderten ihr, wie die Nachfrage gestiegen ist.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "Montag", "2024-03-11");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-03-11");
    assert_string_equal(met_date(doc, k, l), "2024-03-11");
    wm_doc_free(doc);
}

static void test_host_presents_to_the_guest(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am 5. Juni war Staatssekretär Ivo Marek zu Gast beim Verein Brücke. Vorständin Lena Sommer stellte "
                          "ihm die Projekte des Vereins vor, die seit Jahren laufen.\n");
    int32_t i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek"), l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer");
    date(doc, "5. Juni", "2024-06-05");
    run(doc);
    assert_string_equal(met_date(doc, i, l), "2024-06-05");
    wm_doc_free(doc);
}

/* --- when: schedules and periods --------------------------------------------------------------- */

static void test_schedule_entry_is_an_appointment(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Wochenvorschau\n\nMontag, 10. Juni 2024\n\n14:00 Uhr\nKarla Brandt empfängt Ivo Marek zu einem "
                          "Gespräch.\nOrt: Rathaus, Markt 1, 12345 Neustadt\n\nRückblick auf die Vorwoche\n\n"
                          "Lena Sommer traf Paul Weber in Kiel.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    int32_t l = PERSON(doc, "lena-sommer", 'f', "Lena Sommer"), p = PERSON(doc, "paul-weber", 'm', "Paul Weber");
    date(doc, "Montag, 10. Juni 2024", "2024-06-10");
    snprintf(doc->reference_date, sizeof doc->reference_date, "2024-06-07");
    run(doc);
    const wm_relation *r = together(doc, WM_REL_PLANNED_MEETING, k, i);
    assert_non_null(r);
    assert_string_equal(doc->dates.items[r->date].value, "2024-06-10");
    assert_null(together(doc, WM_REL_MET, k, i));
    assert_string_equal(met_date(doc, l, p), ""); /* a new section: the schedule date is not its date */
    wm_doc_free(doc);
}

static void test_past_schedule_entry_happened(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Montag, 3. Juni 2024\n\nKarla Brandt empfängt Ivo Marek zu einem Gespräch.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "Montag, 3. Juni 2024", "2024-06-03");
    snprintf(doc->reference_date, sizeof doc->reference_date, "2024-06-07");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "2024-06-03");
    wm_doc_free(doc);
}

static void test_period_since_dates_no_encounter(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Seit seiner Gründung im Oktober 2022 trafen sich Karla Brandt und Ivo Marek dreimal.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "Oktober 2022", "2022-10");
    run(doc);
    assert_string_equal(met_date(doc, k, i), "");
    wm_doc_free(doc);
}

/* --- what is not a meeting ------------------------------------------------------------------ */

typedef struct {
    const char *text;
    wm_relation_kind kind; /* the relation it gives instead of met, or WM_RELATION_COUNT for none */
    const char *cue;       /* the words that decided it, or NULL */
} exclusion;

static void check_exclusion(const exclusion *x, const char *reference)
{
    wm_doc *doc = prepare(x->text);
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt", "Brandt");
    int32_t i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek", "Marek");
    if (reference)
        snprintf(doc->reference_date, sizeof doc->reference_date, "%s", reference);
    if (strstr(x->text, "3. Juni"))
        date(doc, "3. Juni", "2024-06-03");
    run(doc);
    if (together(doc, WM_REL_MET, k, i))
        fail_msg("met in: %s", x->text);
    if (x->kind == WM_RELATION_COUNT) {
        assert_int_equal(doc->relations.len, 0);
    } else {
        const wm_relation *r = together(doc, x->kind, k, i);
        if (!r)
            fail_msg("no %s in: %s", wm_relation_name(x->kind), x->text);
        if (x->cue)
            assert_string_equal(tu_span(doc, r->cue), x->cue);
    }
    wm_doc_free(doc);
}

static void test_future(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt wird Ivo Marek am Montag treffen.\n", WM_REL_PLANNED_MEETING, "wird"}, NULL);
    check_exclusion(&(exclusion){"Karla Brandt und Ivo Marek werden im Herbst zusammenkommen.\n", WM_REL_PLANNED_MEETING,
                                 "werden"},
                    NULL);
}

static void test_soll(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Am Freitag soll Ivo Marek von Karla Brandt empfangen werden.\n", WM_REL_PLANNED_MEETING,
                                 "soll"},
                    NULL);
}

static void test_geplant(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Ein Treffen von Karla Brandt mit Ivo Marek ist für Juni geplant.\n",
                                 WM_REL_PLANNED_MEETING, "geplant"},
                    NULL);
}

static void test_abgesagt(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Ein Gespräch zwischen Karla Brandt und Ivo Marek musste abgesagt werden.\n",
                                 WM_REL_CANCELLED_MEETING, "abgesagt"},
                    NULL);
}

static void test_negated(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt konnte nicht an dem Treffen mit Ivo Marek teilnehmen.\n",
                                 WM_REL_CANCELLED_MEETING, "nicht"},
                    NULL);
}

static void test_telefonierte(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Bereits im Februar hatte Karla Brandt mit Ivo Marek telefoniert.\n", WM_REL_CONTACTED, NULL},
                    NULL);
}

static void test_schreiben(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"In einem Schreiben an Ivo Marek bat Karla Brandt um ein Treffen.\n", WM_REL_CONTACTED, NULL},
                    NULL);
}

static void test_quote(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"„Das Treffen mit Ivo Marek hat mich sehr beeindruckt“, sagte Karla Brandt.\n",
                                 WM_RELATION_COUNT, NULL},
                    NULL);
    check_exclusion(&(exclusion){"Karla Brandt betonte, sie habe Ivo Marek oft getroffen.\n", WM_RELATION_COUNT, NULL}, NULL);
}

static void test_co_mention(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt und Ivo Marek lobten die gute Zusammenarbeit der Länder.\n",
                                 WM_RELATION_COUNT, NULL},
                    NULL);
}

static void test_encounter_noun_in_an_attribute(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt gratulierte Ivo Marek zur Wahl zum Präsidenten der Konferenz.\n",
                                 WM_RELATION_COUNT, NULL},
                    NULL);
}

static void test_welcoming_a_step(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt begrüßte den mutigen Schritt, Ivo Marek dagegen mahnte zur Eile.\n",
                                 WM_RELATION_COUNT, NULL},
                    NULL);
}

static void test_ongoing_contact(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt steht mit Ivo Marek in engem Austausch.\n", WM_RELATION_COUNT, NULL}, NULL);
}

static void test_habit(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt und Ivo Marek tauschen sich regelmäßig aus.\n", WM_RELATION_COUNT, NULL}, NULL);
}

static void test_credit(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt besuchte die Schule am Montag.\nFoto: Ivo Marek\n", WM_RELATION_COUNT, NULL},
                    NULL);
}

static void test_after_the_document_date(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Karla Brandt empfängt am 3. Juni Ivo Marek.\n", WM_REL_PLANNED_MEETING, NULL}, "2024-05-29");
}

static void test_appointment_notice(void **state)
{
    (void)state;
    check_exclusion(&(exclusion){"Terminankündigung\n\nKarla Brandt empfängt Ivo Marek im Ministerium.\n",
                                 WM_REL_PLANNED_MEETING, "Terminankündigung"},
                    NULL);
}

static void test_aside_is_no_cue(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Am Montag sprach Karla Brandt mit Ivo Marek (nicht öffentlich).\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    wm_doc_free(doc);
}

static void test_past_tense_keeps_its_tense(void **state)
{
    (void)state;
    /* "wollen" belongs to what they agreed, not to the meeting told in the past */
    wm_doc *doc = prepare("Karla Brandt traf Ivo Marek und beide wollen die Zusammenarbeit ausbauen.\n");
    int32_t k = PERSON(doc, "karla-brandt", 'f', "Karla Brandt"), i = PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    assert_non_null(together(doc, WM_REL_MET, k, i));
    wm_doc_free(doc);
}

/* --- export ------------------------------------------------------------------------------------ */

static wm_doc *reported_meeting(const char *id, const char *text)
{
    wm_doc *doc = prepare(text);
    free(doc->id);
    doc->id = strdup(id);
    PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    date(doc, "2. Mai 2024", "2024-05-02");
    run(doc);
    return doc;
}

static void test_graph_meeting_merges_across_documents(void **state)
{
    (void)state;
    wm_doc *a = reported_meeting("a", "Am 2. Mai 2024 empfing Karla Brandt den Gast Ivo Marek.\n");
    wm_doc *b = reported_meeting("b", "Ivo Marek traf am 2. Mai 2024 mit Karla Brandt zusammen.\n");
    wm_graph *g = wm_graph_new();
    wm_error err;
    json_t *ga = wm_export_graph(a, 0), *gb = wm_export_graph(b, 0);
    assert_int_equal(wm_graph_merge(g, ga, "a", &err), WM_OK);
    assert_int_equal(wm_graph_merge(g, gb, "b", &err), WM_OK);
    json_t *result = wm_graph_result(g, "test");
    json_t *meetings = json_object_get(json_object_get(result, "graph"), "meetings");
    assert_int_equal(json_array_size(meetings), 1);
    json_t *m = json_array_get(meetings, 0);
    assert_int_equal(json_array_size(json_object_get(m, "evidence")), 2);
    assert_string_equal(json_string_value(json_object_get(m, "date")), "2024-05-02");
    json_t *links = json_object_get(result, "links");
    assert_int_equal(json_array_size(links), 1);
    json_t *l = json_array_get(links, 0);
    assert_string_equal(json_string_value(json_object_get(l, "relation")), "met");
    assert_string_equal(json_string_value(json_array_get(json_object_get(l, "meetings"), 0)),
                        json_string_value(json_object_get(m, "id")));
    assert_int_equal(json_array_size(json_object_get(l, "evidence")), 2);

    wm_graph_meeting_nodes(result);
    size_t i;
    json_t *v;
    int meeting_nodes = 0, participations = 0;
    json_array_foreach(json_object_get(result, "nodes"), i, v) meeting_nodes +=
        strcmp(json_string_value(json_object_get(v, "kind")), "meeting") == 0;
    json_array_foreach(json_object_get(result, "links"), i, v) participations +=
        strcmp(json_string_value(json_object_get(v, "relation")), "participated_in") == 0;
    assert_int_equal(meeting_nodes, 1);
    assert_int_equal(participations, 2);
    json_decref(result);
    json_decref(ga);
    json_decref(gb);
    wm_graph_free(g);
    wm_doc_free(a);
    wm_doc_free(b);
}

static void test_explain(void **state)
{
    (void)state;
    wm_doc *doc = prepare("Senatorin Karla Brandt eröffnete die Ausstellung. Am Montag soll die Senatorin Ivo Marek treffen.\n");
    PERSON(doc, "karla-brandt", 'f', "Karla Brandt");
    PERSON(doc, "ivo-marek", 'm', "Ivo Marek");
    run(doc);
    json_t *ann = wm_export_annotations(doc, WM_EXPORT_EXPLAIN);
    json_t *rel = json_array_get(json_object_get(ann, "relations"), 0);
    assert_non_null(rel);
    assert_string_equal(json_string_value(json_object_get(rel, "relation")), "planned_meeting");
    json_t *x = json_object_get(json_array_get(json_object_get(rel, "evidence"), 0), "explain");
    assert_string_equal(json_string_value(json_object_get(x, "rule")), "meet.treffen");
    assert_string_equal(json_string_value(json_object_get(x, "trigger")), "treffen");
    assert_string_equal(json_string_value(json_object_get(json_object_get(x, "cue"), "text")), "soll");
    json_t *who = json_object_get(x, "participants");
    assert_int_equal(json_array_size(who), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(who, 0), "text")), "Ivo Marek");
    assert_string_equal(json_string_value(json_object_get(json_array_get(who, 1), "text")), "die Senatorin");
    assert_string_equal(json_string_value(json_object_get(json_array_get(who, 1), "node")), "person:karla-brandt");
    json_decref(ann);
    json_t *g = wm_export_graph(doc, WM_EXPORT_EXPLAIN);
    json_t *ev = json_array_get(json_object_get(json_array_get(json_object_get(g, "links"), 0), "evidence"), 0);
    assert_string_equal(json_string_value(json_object_get(ev, "explain")),
                        "meet.treffen: treffen | Ivo Marek, die Senatorin | cue: soll");
    json_decref(g);
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_verb_second),
        cmocka_unit_test(test_verb_final_subordinate),
        cmocka_unit_test(test_separable_verb),
        cmocka_unit_test(test_separable_particle_must_close_clause),
        cmocka_unit_test(test_passive_agent),
        cmocka_unit_test(test_coordination),
        cmocka_unit_test(test_relative_clause_of_meeting_noun),
        cmocka_unit_test(test_participants_in_other_clause_excluded),
        cmocka_unit_test(test_apposition_inner_name),
        cmocka_unit_test(test_genitive_attribute_is_no_participant),
        cmocka_unit_test(test_absent_persons),
        cmocka_unit_test(test_under_the_lead_of),
        cmocka_unit_test(test_reference_by_role_title),
        cmocka_unit_test(test_reference_by_colleague_word),
        cmocka_unit_test(test_reference_by_pronoun),
        cmocka_unit_test(test_ambiguous_pronoun_left_alone),
        cmocka_unit_test(test_group_over_paragraphs),
        cmocka_unit_test(test_list_after_colon),
        cmocka_unit_test(test_caption_names_together),
        cmocka_unit_test(test_caption_takes_the_encounter_date),
        cmocka_unit_test(test_date_of_the_encounter_it_continues),
        cmocka_unit_test(test_no_date_stays_undated),
        cmocka_unit_test(test_noun_phrase_after_apposition),
        cmocka_unit_test(test_moderated_round),
        cmocka_unit_test(test_group_led_by),
        cmocka_unit_test(test_encounter_noun_without_persons_continues),
        cmocka_unit_test(test_roster_heading),
        cmocka_unit_test(test_participants_in_the_next_sentence),
        cmocka_unit_test(test_hosts_show_the_visitor),
        cmocka_unit_test(test_host_presents_to_the_guest),
        cmocka_unit_test(test_schedule_entry_is_an_appointment),
        cmocka_unit_test(test_past_schedule_entry_happened),
        cmocka_unit_test(test_period_since_dates_no_encounter),
        cmocka_unit_test(test_future),
        cmocka_unit_test(test_soll),
        cmocka_unit_test(test_geplant),
        cmocka_unit_test(test_abgesagt),
        cmocka_unit_test(test_negated),
        cmocka_unit_test(test_telefonierte),
        cmocka_unit_test(test_schreiben),
        cmocka_unit_test(test_quote),
        cmocka_unit_test(test_co_mention),
        cmocka_unit_test(test_encounter_noun_in_an_attribute),
        cmocka_unit_test(test_welcoming_a_step),
        cmocka_unit_test(test_ongoing_contact),
        cmocka_unit_test(test_habit),
        cmocka_unit_test(test_credit),
        cmocka_unit_test(test_after_the_document_date),
        cmocka_unit_test(test_appointment_notice),
        cmocka_unit_test(test_aside_is_no_cue),
        cmocka_unit_test(test_past_tense_keeps_its_tense),
        cmocka_unit_test(test_graph_meeting_merges_across_documents),
        cmocka_unit_test(test_explain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
