/* test_dates.c - the dates stage over whole texts: every pattern family of rules/dates.rules,
 * the things that are not dates, anchoring (dct, dateline, Stand, previous date, dominant
 * year), role starts and the event-date API of dates.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <unicode/ustring.h>

#include "dates.h"
#include "testutil.h"

typedef struct {
    const char *text;
    const char *dct;
    const char *date;  /* the date's text in the normalized document */
    const char *value; /* expected value */
} date_case;

static void span_utf8(const wm_doc *doc, wm_span s, char *buf, size_t size)
{
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(buf, (int32_t)size, &n, doc->text + s.start, s.end - s.start, &status);
    if (U_FAILURE(status) || n >= (int32_t)size)
        buf[0] = '\0';
}

/* The date whose text is `text`, or NULL. */
static const wm_date *find_date(const wm_doc *doc, const char *text)
{
    char buf[256];
    for (size_t i = 0; i < doc->dates.len; i++) {
        span_utf8(doc, doc->dates.items[i].span, buf, sizeof buf);
        if (strcmp(buf, text) == 0)
            return &doc->dates.items[i];
    }
    return NULL;
}

static void dump(const wm_doc *doc)
{
    char buf[256];
    for (size_t i = 0; i < doc->dates.len; i++) {
        span_utf8(doc, doc->dates.items[i].span, buf, sizeof buf);
        print_message("  found '%s' = %s (%s)\n", buf, doc->dates.items[i].value, doc->dates.items[i].rule);
    }
}

static void check_cases(const date_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        wm_doc *doc = tu_run(cases[i].text, cases[i].dct);
        const wm_date *d = find_date(doc, cases[i].date);
        if (!d || strcmp(d->value, cases[i].value) != 0) {
            print_error("text: %s\nwanted '%s' = %s\n", cases[i].text, cases[i].date, cases[i].value);
            dump(doc);
        }
        assert_non_null(d);
        assert_string_equal(d->value, cases[i].value);
        wm_doc_free(doc);
    }
}

#define CHECK(cases) check_cases(cases, sizeof cases / sizeof *cases)

static void test_day_month_year(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Am 31. März 2025 begrüßte sie den Gast.", NULL, "31. März 2025", "2025-03-31"},
        {"Er kam am 5. Mai 2019 in Bonn an.", NULL, "5. Mai 2019", "2019-05-05"},
        {"Das Abkommen vom 28.08.1991 gilt weiter.", NULL, "28.08.1991", "1991-08-28"},
        {"Potsdam, den 3.4.19\n\nText.", NULL, "3.4.19", "2019-04-03"},
        {"Die Konferenz am 14. Sept. 2017 war gut besucht.", NULL, "14. Sept. 2017", "2017-09-14"},
        {"Wien, 23. Jänner 2025 - Die Sitzung begann.", NULL, "23. Jänner 2025", "2025-01-23"},
        {"Sie trifft ihn am Montag, 3. Juni 2024, in Berlin.", NULL, "Montag, 3. Juni 2024", "2024-06-03"},
        {"Es tagte am Donnerstag, dem 23. Jänner 2025, per Video.", NULL, "Donnerstag, dem 23. Jänner 2025", "2025-01-23"},
    };
    CHECK(cases);
}

static void test_month_year_and_year(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Die Reform gilt ab März 2025 bundesweit.", NULL, "ab März 2025", "2025-03"},
        {"Stand: Oktober2016", NULL, "Oktober2016", "2016-10"},
        {"Seit Maerz 2020 gilt die Regel.", NULL, "Seit Maerz 2020", "2020-03"},
        {"Bis Jan. 2020 lief das Projekt.", NULL, "Bis Jan. 2020", "2020-01"},
        {"Im Jahr 2015 wurde die Stelle eingerichtet.", NULL, "Im Jahr 2015", "2015"},
        {"Das Netzwerk gründete sich 2011 in Berlin.", NULL, "2011", "2011"},
        {"Im Jubiläumsjahr 2017 reiste sie nach Moskau.", NULL, "2017", "2017"},
        {"Der Jahresbericht 2023 ist erschienen.", NULL, "2023", "2023"},
        {"Die Frist endete am 2024-05-18 um Mitternacht.", NULL, "2024-05-18", "2024-05-18"},
        {"Ende des Jahres 2024 lief der Vertrag aus.", NULL, "Ende des Jahres 2024", "2024"},
    };
    CHECK(cases);
}

static void test_ranges(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Die Reise fand vom 27. bis 31. August 2018 statt.", NULL, "vom 27. bis 31. August 2018", "2018-08-27/2018-08-31"},
        {"Das Seminar lief vom 1. bis 2. März 2012.", NULL, "vom 1. bis 2. März 2012", "2012-03-01/2012-03-02"},
        {"Forum, 27.–31. August\n\nText.", "2018-09-01", "27.-31. August", "2018-08-27/2018-08-31"},
        {"Vom 27. Dezember bis 3. Januar 2019 war geschlossen.", NULL, "Vom 27. Dezember bis 3. Januar 2019",
         "2018-12-27/2019-01-03"},
        {"Die Messe lief 27.08.-29.08.2018 in Köln.", NULL, "27.08.-29.08.2018", "2018-08-27/2018-08-29"},
        {"Sie war von 2012 bis 2019 Leiterin des Amtes.", NULL, "von 2012 bis 2019", "2012/2019"},
        {"Er lebte zwischen 2003 und 2009 in Riga.", NULL, "zwischen 2003 und 2009", "2003/2009"},
        {"Am 3. und 4. Juni 2024 tagte der Rat.", NULL, "3. und 4. Juni 2024", "2024-06-03/2024-06-04"},
        {"Am 3. und 10. Juni 2024 tagte der Rat.", NULL, "10. Juni 2024", "2024-06-10"},
    };
    CHECK(cases);
}

static void test_intervals(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Sie ist seit Januar 2013 Beauftragte.", NULL, "seit Januar 2013", "2013-01"},
        {"Der Vertrag gilt bis Ende 2024 weiter.", NULL, "bis Ende 2024", "2024"},
        {"Das Lager besteht seit 1945 am Ort.", NULL, "seit 1945", "1945"},
        {"Beide stehen seit Ende 2017 in Kontakt.", NULL, "seit Ende 2017", "2017"},
        {"Ein Besuch ist für Anfang 2025 geplant.", NULL, "Anfang 2025", "2025"},
        {"Die Stätte nimmt seit dem Jahr 2023 Gruppen auf.", NULL, "seit dem Jahr 2023", "2023"},
    };
    CHECK(cases);
    wm_doc *doc = tu_run("Sie ist seit Januar 2013 im Amt, bis Ende 2024.", NULL);
    assert_int_equal(find_date(doc, "seit Januar 2013")->kind, WM_DATEKIND_SINCE);
    assert_int_equal(find_date(doc, "bis Ende 2024")->kind, WM_DATEKIND_UNTIL);
    wm_doc_free(doc);
    doc = tu_run("Die Reise fand vom 27. bis 31. August 2018 statt.", NULL);
    assert_int_equal(doc->dates.items[0].kind, WM_DATEKIND_RANGE);
    wm_doc_free(doc);
}

static void test_decades(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Mitte der 1990er Jahre gründeten sie den Verband.", NULL, "Mitte der 1990er Jahre", "1995"},
        {"Das geschah in den 1980er Jahren.", NULL, "den 1980er Jahren", "1980/1989"},
        {"Anfang der 2000er Jahre zog sie um.", NULL, "Anfang der 2000er Jahre", "2000/2003"},
        {"Ende der 1970er entstand der Bau.", NULL, "Ende der 1970er", "1977/1979"},
        {"Mitte der 90er Jahre kam sie nach Köln.", NULL, "Mitte der 90er Jahre", "1995"},
    };
    CHECK(cases);
    wm_doc *doc = tu_run("Mitte der 1990er Jahre begann es.", NULL);
    assert_int_equal(doc->dates.items[0].kind, WM_DATEKIND_DECADE);
    wm_doc_free(doc);
}

/* 2024-05-15 is a Wednesday. */
static void test_relative_days(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Sie sagte heute (19.05.) in Bonn.", "2024-05-15", "heute (19.05.)", "2024-05-19"},
        {"Sie hat heute unterzeichnet.", "2024-05-15", "heute", "2024-05-15"},
        {"Sie haben am heutigen Montag unterzeichnet.", "2025-03-31", "heutigen Montag", "2025-03-31"},
        {"Er hat gestern die Behörde besucht.", "2024-05-15", "gestern", "2024-05-14"},
        {"Er kommt morgen nach Bonn.", "2024-05-15", "morgen", "2024-05-16"},
        {"Am Donnerstag hat sie ihn empfangen.", "2024-05-15", "Donnerstag", "2024-05-09"},
        {"Am Donnerstag wird sie ihn empfangen.", "2024-05-15", "Donnerstag", "2024-05-16"},
        {"Am Mittwoch hat sie ihn empfangen.", "2024-05-15", "Mittwoch", "2024-05-15"},
        {"Am kommenden Montag beginnt der Kurs.", "2024-05-15", "kommenden Montag", "2024-05-20"},
        {"Am vergangenen Mittwoch begann der Kurs.", "2024-05-15", "vergangenen Mittwoch", "2024-05-08"},
        {"Am Donnerstagabend waren die Gäste da.", "2024-05-15", "Donnerstagabend", "2024-05-09"},
        {"Ein für Dienstagnachmittag vorgesehenes Gespräch musste abgesagt werden.", "2024-05-15",
         "Dienstagnachmittag", "2024-05-14"},
        {"Am Freitag soll die Delegation empfangen werden.", "2024-05-15", "Freitag", "2024-05-17"},
        {"Die Tagung ist kommende Woche in Kiel.", "2024-05-15", "kommende Woche", "2024-05-20/2024-05-26"},
        {"Die Regel gilt am 9. November.", "2024-05-15", "9. November", "2024-11-09"},
    };
    CHECK(cases);
}

static void test_relative_months_and_years(void **state)
{
    (void)state;
    static const date_case cases[] = {
        {"Ende Juli hatte er sie eingeladen.", "2017-09-01", "Ende Juli", "2017-07"},
        {"Im Februar hatte sie ihn getroffen.", "2024-05-15", "Im Februar", "2024-02"},
        {"Vor genau zehn Jahren fand das erste Seminar statt.", "2017-09-01", "Vor genau zehn Jahren", "2007"},
        {"Das war vor 25 Jahren.", "2017-09-01", "vor 25 Jahren", "1992"},
        {"Sie hat im vergangenen Jahr vier Leute eingestellt.", "2025-02-13", "im vergangenen Jahr", "2024"},
        {"Das Forum stand in diesem Jahr unter einem Motto.", "2024-09-02", "in diesem Jahr", "2024"},
        {"Das Gremium tagt seit Anfang des Jahres.", "2016-10-01", "seit Anfang des Jahres", "2016"},
        {"Das Treffen ist für den Spätsommer des kommenden Jahres geplant.", "2024-09-02",
         "Spätsommer des kommenden Jahres", "2025"},
        {"Heuer gab es mehr Anträge.", "2025-01-24", "Heuer", "2025"},
        {"Im Juli des vergangenen Jahres begann es.", "2025-01-24", "Im Juli des vergangenen Jahres", "2024-07"},
        {"Das Konzept kam im Vorjahr.", "2025-01-24", "im Vorjahr", "2024"},
        {"Im vergangenen Monat stieg die Zahl.", "2025-01-24", "Im vergangenen Monat", "2024-12"},
        {"Der Bericht soll zum Jahresende vorliegen.", "2025-01-24", "zum Jahresende", "2025"},
    };
    CHECK(cases);
}

static void test_not_dates(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Telefon: 0331 866-5015",
        "Fax: 0331 275 48-5013",
        "Tel.: +49 30 9028-1234",
        "Rufen Sie +49 30 9028-2017 an.",
        "Clara-Zetkin-Weg 4-12, Haus B\n14469 Potsdam",
        "Die Oranienstraße 106 liegt in Kreuzberg.",
        "Die Stelle ist im Referat 25 integriert.",
        "Sie nahm am 18. Sozialseminar in Moskau teil.",
        "Das 7. Integrationsforum fand großen Zuspruch.",
        "Das 78-seitige Konzept nennt Ziele.",
        "Nach § 23 Abs. 1 AufenthG nimmt das Land Menschen auf.",
        "Die Broschüre (Version 2.1) ist online.",
        "Der Empfang beginnt um 14:30 Uhr.",
        "Das Ticket kostet 2017 Euro.",
        "Rund 2000 Gäste kamen.",
        "Siehe Drucksache 22/14573 des Senats.",
        "Pressemitteilung Nr. 47/2025",
        "Bitte die Bestell-Nr. 14-2024 angeben.",
        "Sprechzeiten: dienstags und donnerstags von 9:00 bis 12:00 Uhr",
        "Das war vor einigen Jahren schwer vorstellbar.",
        "Die Schule von morgen braucht Lehrkräfte.",
        "Das Treffen ist in Raum 0.12.",
        "Stubenring 1\n1010 Wien",
        "In den kommenden Monaten wird weiter beraten.",
        "Künftig soll es mehr Beratung geben.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        wm_doc *doc = tu_run(texts[i], "2024-05-15");
        if (doc->dates.len) {
            print_error("not a date: %s\n", texts[i]);
            dump(doc);
        }
        assert_int_equal(doc->dates.len, 0);
        wm_doc_free(doc);
    }
}

static const wm_date *only_date(const wm_doc *doc, const char *text)
{
    const wm_date *d = find_date(doc, text);
    if (!d)
        dump(doc);
    assert_non_null(d);
    return d;
}

static void test_anchor_dct_over_dateline(void **state)
{
    (void)state;
    const char *text = "Titel\n\nBerlin, 18. Mai 2024 – Am Dienstag traf sie den Minister.";
    wm_doc *doc = tu_run(text, "2024-06-20");
    const wm_date *d = only_date(doc, "Dienstag");
    assert_string_equal(d->value, "2024-06-18");
    assert_int_equal(d->anchor, WM_ANCHOR_DCT);
    assert_string_equal(doc->reference_date, "2024-06-20");
    assert_int_equal(doc->reference_anchor, WM_ANCHOR_DCT);
    wm_doc_free(doc);

    doc = tu_run(text, NULL);
    d = only_date(doc, "Dienstag");
    assert_string_equal(d->value, "2024-05-14");
    assert_int_equal(d->anchor, WM_ANCHOR_DATELINE);
    assert_string_equal(doc->reference_date, "2024-05-18");
    assert_int_equal(doc->reference_anchor, WM_ANCHOR_DATELINE);
    assert_int_equal(only_date(doc, "18. Mai 2024")->anchor, WM_ANCHOR_EXPLICIT);
    assert_int_equal(doc->dates.items[doc->reference_index].span.start, only_date(doc, "18. Mai 2024")->span.start);
    /* the place is the location entity of "Berlin" once the entity stages find one, else -1 */
    if (doc->dateline_place >= 0)
        assert_int_equal(doc->entities.items[doc->dateline_place].kind, WM_ENTITY_LOCATION);
    wm_doc_free(doc);
}

static void test_anchor_datelines(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Potsdam, den 3.4.2019\n\nSie hat gestern unterschrieben.", NULL);
    assert_string_equal(doc->reference_date, "2019-04-03");
    assert_string_equal(only_date(doc, "gestern")->value, "2019-04-02");
    wm_doc_free(doc);
    doc = tu_run("Pressemitteilung Nr. 47/2025 vom 31.03.2025\n\nSie haben am heutigen Montag unterzeichnet.", NULL);
    assert_string_equal(doc->reference_date, "2025-03-31");
    assert_int_equal(doc->reference_anchor, WM_ANCHOR_DATELINE);
    assert_string_equal(only_date(doc, "heutigen Montag")->value, "2025-03-31");
    assert_int_equal(doc->dates.len, 2);
    wm_doc_free(doc);
    doc = tu_run("Pressemitteilung\n18.05.2024\n\nAm Dienstag hat sie ihn empfangen.", NULL);
    assert_string_equal(doc->reference_date, "2024-05-18");
    assert_string_equal(only_date(doc, "Dienstag")->value, "2024-05-14");
    wm_doc_free(doc);
    /* a letter dated at its end */
    doc = tu_run("Sehr geehrte Damen und Herren,\n\ngestern kam Ihr Brief.\n\nPotsdam, den 3.4.2019", NULL);
    assert_string_equal(doc->reference_date, "2019-04-03");
    assert_string_equal(only_date(doc, "gestern")->value, "2019-04-02");
    wm_doc_free(doc);
    /* "Stand der ..." is no "Stand:" line */
    doc = tu_run("Am Donnerstag hat sie berichtet.\n\nStand der Planung 2024", NULL);
    assert_string_equal(doc->reference_date, "");
    wm_doc_free(doc);
}

static void test_anchor_stand_line(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Zuletzt telefonierten beide im Januar.\n\nStand: Februar2025", NULL);
    const wm_date *d = only_date(doc, "im Januar");
    assert_string_equal(d->value, "2025-01");
    assert_int_equal(d->anchor, WM_ANCHOR_STAND_LINE);
    assert_string_equal(doc->reference_date, "2025-02");
    assert_int_equal(doc->reference_anchor, WM_ANCHOR_STAND_LINE);
    wm_doc_free(doc);
}

static void test_anchor_previous_date(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Am 3. Juni 2024 begann die Reise. Am Dienstag besuchten sie Bonn. Ende Juli kamen sie zurück.", NULL);
    const wm_date *d = only_date(doc, "Dienstag");
    assert_string_equal(d->value, "2024-06-04");
    assert_int_equal(d->anchor, WM_ANCHOR_PREVIOUS_DATE);
    assert_string_equal(only_date(doc, "Ende Juli")->value, "2024-07");
    assert_string_equal(doc->reference_date, "");
    wm_doc_free(doc);
    /* a weekday inside a multi-day event just written belongs to it */
    doc = tu_run("Vom 27. bis 29. August 2018 war die Delegation hier. Am Dienstag besuchte sie Cottbus.", NULL);
    assert_string_equal(only_date(doc, "Dienstag")->value, "2018-08-28");
    wm_doc_free(doc);
}

static void test_anchor_dominant_year(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Vor genau zehn Jahren fand das erste Seminar statt. Im Jubiläumsjahr 2017 reiste sie. "
                           "Das Memorandum vom 13.03.2017 gilt. Das Abkommen vom 28.08.1991 auch.",
                           NULL);
    const wm_date *d = only_date(doc, "Vor genau zehn Jahren");
    assert_string_equal(d->value, "2007");
    assert_int_equal(d->anchor, WM_ANCHOR_DOMINANT_YEAR);
    wm_doc_free(doc);
}

static void test_unanchored_left_out(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Am Donnerstag traf sie ihn. Gestern kam er wieder. Im vergangenen Jahr auch.", NULL);
    assert_int_equal(doc->dates.len, 0);
    wm_doc_free(doc);
}

/* A bare "des Jahres" may mean the year just mentioned: when that differs from the document's
 * year, the expression is vague and left out. */
static void test_anaphoric_year(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Die Stelle wurde im Jahr 2015 eingerichtet. Das Gremium tagt seit Anfang des Jahres.\n\n"
                           "Stand: Oktober2016",
                           NULL);
    assert_null(find_date(doc, "seit Anfang des Jahres"));
    assert_non_null(find_date(doc, "im Jahr 2015"));
    wm_doc_free(doc);
    doc = tu_run("Berlin, 5. Mai 2016 - Das Gremium tagt seit Anfang des Jahres.", NULL);
    assert_string_equal(only_date(doc, "seit Anfang des Jahres")->value, "2016");
    wm_doc_free(doc);
    doc = tu_run("Die Stelle wurde im Jahr 2015 eingerichtet. Das Gremium tagt seit Anfang dieses Jahres.\n\n"
                   "Stand: Oktober2016",
                   NULL);
    assert_string_equal(only_date(doc, "seit Anfang dieses Jahres")->value, "2016");
    wm_doc_free(doc);
}

static int32_t index_of(const wm_doc *doc, const wm_date *d) { return (int32_t)(d - doc->dates.items); }

static int32_t segment_of(const wm_doc *doc, const char *needle_ascii)
{
    for (size_t s = 0; s < doc->segments.len; s++) {
        char buf[512];
        span_utf8(doc, doc->segments.items[s].span, buf, sizeof buf);
        if (strstr(buf, needle_ascii))
            return (int32_t)s;
    }
    return -1;
}

static void test_event_date_api(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Besuch aus Ghana\n\nBerlin, 15. Mai 2024 - Am Dienstag hat sie den Minister empfangen. "
                           "Danach sprachen beide lange.\n\nHintergrund\n\nDie Zusammenarbeit ist eng.",
                           NULL);
    int32_t s0 = segment_of(doc, "empfangen"), s1 = segment_of(doc, "Danach"), s2 = segment_of(doc, "Zusammenarbeit");
    assert_true(s0 >= 0 && s1 > s0 && s2 > s1);
    int32_t tuesday = index_of(doc, only_date(doc, "Dienstag"));
    int32_t first;
    assert_int_equal(wm_dates_in_segment(doc, s0, &first), 2);
    assert_int_equal(wm_dates_event_date(doc, s0, doc->segments.items[s0].span.end - 2), tuesday);
    assert_int_equal(wm_dates_event_date(doc, s1, doc->segments.items[s1].span.start), tuesday);
    assert_int_equal(wm_dates_event_date(doc, s2, doc->segments.items[s2].span.start), doc->reference_index);
    assert_int_equal(wm_dates_in_segment(doc, s2, &first), 0);
    wm_doc_free(doc);
}

static void test_role_since(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Frau Dr. Hanna Weiland ist seit Januar 2013 Integrationsbeauftragte des Landes Sachsen.", NULL);
    int32_t since = index_of(doc, only_date(doc, "seit Januar 2013"));
    /* as if the roles stage had found the title: run the dates stage again over that doc */
    wm_role role = {.person = -1, .org = -1, .since = -1, .rule = "test"};
    char buf[128];
    for (size_t t = 0; t < doc->tokens.len; t++) {
        span_utf8(doc, doc->tokens.items[t].span, buf, sizeof buf);
        if (strcmp(buf, "Integrationsbeauftragte") == 0)
            role.title = doc->tokens.items[t].span;
    }
    wm_vec_push(&doc->roles, role);
    doc->dates.len = 0;
    wm_stage_ctx ctx = {.kb = tu_repo_kb(), .matcher = wm_rule_matcher_new(1000000, 10000)};
    wm_error err;
    assert_int_equal(wm_dates(doc, &ctx, &err), WM_OK);
    assert_int_equal(doc->roles.items[0].since, since);
    wm_rule_matcher_free(ctx.matcher);
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_day_month_year),
        cmocka_unit_test(test_month_year_and_year),
        cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_intervals),
        cmocka_unit_test(test_decades),
        cmocka_unit_test(test_relative_days),
        cmocka_unit_test(test_relative_months_and_years),
        cmocka_unit_test(test_not_dates),
        cmocka_unit_test(test_anchor_dct_over_dateline),
        cmocka_unit_test(test_anchor_datelines),
        cmocka_unit_test(test_anchor_stand_line),
        cmocka_unit_test(test_anchor_previous_date),
        cmocka_unit_test(test_anchor_dominant_year),
        cmocka_unit_test(test_unanchored_left_out),
        cmocka_unit_test(test_anaphoric_year),
        cmocka_unit_test(test_event_date_api),
        cmocka_unit_test(test_role_since),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
