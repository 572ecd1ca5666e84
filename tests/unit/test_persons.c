/* test_persons.c - the person stage over short fictional texts: names after titles and forms of
 * address, names starting with a given name (hyphens, particles, several given names),
 * appositions, credits, family names again, and what is no person. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "entityutil.h"

static void expect_person(const wm_doc *doc, const char *text, const char *rule)
{
    int32_t m = eu_mention(doc, WM_ENTITY_PERSON, text);
    if (m < 0) {
        eu_dump(doc);
        fail_msg("no person '%s'", text);
    }
    if (rule)
        assert_string_equal(doc->mentions.items[m].rule, rule);
}

static void expect_no_persons(const char *text)
{
    wm_doc *doc = tu_run(text, NULL);
    if (eu_entities(doc, WM_ENTITY_PERSON)) {
        eu_dump(doc);
        fail_msg("person found in: %s", text);
    }
    wm_doc_free(doc);
}

static void test_titles_are_not_part_of_names(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Senatorin Dr. Ulla Brehm begrüßte S.E. Botschafter Iwan Petrow und Herrn Jamal Okoro.", NULL);
    expect_person(doc, "Ulla Brehm", "person.title");
    expect_person(doc, "Iwan Petrow", "person.title");
    expect_person(doc, "Jamal Okoro", "person.title");
    assert_int_equal(eu_mention(doc, WM_ENTITY_PERSON, "Dr. Ulla Brehm"), -1);
    wm_doc_free(doc);
    /* a family name alone after a title */
    doc = tu_run("Am Abend sprach Ministerin Kowalczyk-Brandt.", NULL);
    expect_person(doc, "Kowalczyk-Brandt", "person.title");
    wm_doc_free(doc);
}

static void test_name_shapes(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Es sprachen Jan-Ole Brettschneider-Yilmaz, Prof. Dr. Frieda van der Hoeven und "
                         "Mehmet Ali Korkmaz.", NULL);
    expect_person(doc, "Jan-Ole Brettschneider-Yilmaz", "person.given");
    expect_person(doc, "Frieda van der Hoeven", NULL);
    expect_person(doc, "Mehmet Ali Korkmaz", "person.given");
    wm_doc_free(doc);
}

static void test_appositions_and_unknown_given_names(void **state)
{
    (void)state;
    /* a given name no list knows, set off by commas next to a title */
    wm_doc *doc = tu_run("Anwesend war Xolanya Dubekwe, Leiterin des Referats für Statistik.", NULL);
    expect_person(doc, "Xolanya Dubekwe", "person.apposition");
    wm_doc_free(doc);
    doc = tu_run("Die Direktorin der Stadtbibliothek Erfurt, Zuleikha Odinaeva, eröffnete.", NULL);
    expect_person(doc, "Zuleikha Odinaeva", NULL);
    wm_doc_free(doc);
    /* after a title and its complement, before a comma */
    doc = tu_run("Es kamen der Minister für Bildung Hektorius Quandt, und andere.", NULL);
    expect_person(doc, "Hektorius Quandt", "person.title");
    wm_doc_free(doc);
}

static void test_credits(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Die Ministerin im Gespräch\nFoto: Landesamt/Jonas Weidlich\n", NULL);
    int32_t m = eu_mention(doc, WM_ENTITY_PERSON, "Jonas Weidlich");
    assert_true(m >= 0);
    assert_true(doc->mentions.items[m].flags & WM_MENTION_CREDIT);
    wm_doc_free(doc);
}

static void test_family_name_again(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Marlene Quast leitet das Amt. Quast sagte, sie sei zufrieden.", NULL);
    expect_person(doc, "Quast", "person.surname");
    assert_true(doc->mentions.items[eu_mention(doc, WM_ENTITY_PERSON, "Quast")].flags & WM_MENTION_SURNAME_ONLY);
    wm_doc_free(doc);
}

static void test_not_persons(void **state)
{
    (void)state;
    expect_no_persons("Die Geschäftsstelle liegt in der Walter-Rathenau-Straße 12 in Erfurt.");
    expect_no_persons("Sie wohnt am Hedwig-Dohm-Platz.");
    expect_no_persons("Die Mittel kommen von der Friedrich-Naumann-Stiftung.");
    expect_no_persons("Ende Juli trafen sich die Vertreter in Berlin Mitte.");
    expect_no_persons("Ende März soll ein erstes Treffen stattfinden.");
    expect_no_persons("Gesundheit Sicherheit und Pflege stehen im Mittelpunkt.");
    expect_no_persons("Unter der Leitung von Vize-Minister und Staatssekretärin tagte man.");
    expect_no_persons("Die Sonnenblick Logistik GmbH zog nach Gera.");
}

static void test_two_family_names(void **state)
{
    (void)state;
    /* Spanish names carry two family names, also joined by a particle; later mentions keep both */
    wm_doc *doc = tu_run("Konsulin Carmen Vidal Montoya traf Tomás Ibarra de Quesada in Görlitz. "
                         "Danach dankte Konsulin Vidal Montoya allen Gästen.",
                         NULL);
    expect_person(doc, "Carmen Vidal Montoya", NULL);
    expect_person(doc, "Tomás Ibarra de Quesada", NULL);
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Vidal Montoya"),
                        eu_key(doc, WM_ENTITY_PERSON, "Carmen Vidal Montoya"));
    wm_doc_free(doc);
    /* a double name may end in a family name that is also a street word */
    doc = tu_run("Es sprach Prof. Dr. Greta Wiese-Berg von der Hochschule.", NULL);
    expect_person(doc, "Greta Wiese-Berg", NULL);
    wm_doc_free(doc);
}

static void test_nouns_after_titles_and_particles(void **state)
{
    (void)state;
    /* "zu" before a common noun is a preposition, not a name particle */
    wm_doc *doc = tu_run("Am Montag war Staatssekretär Peter zu Gast im Rathaus von Gera.", NULL);
    assert_int_equal(eu_mention(doc, WM_ENTITY_PERSON, "Peter zu Gast"), -1);
    wm_doc_free(doc);
    /* a compound of a common noun after a title is no family name */
    expect_no_persons("Im Mai will die Ministerin Beratungsprojekte in Gera besuchen.");
    /* the area after an executive's title is no family name */
    expect_no_persons("Es kam die Geschäftsführerin Operativ der Agentur.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_titles_are_not_part_of_names),
        cmocka_unit_test(test_name_shapes),
        cmocka_unit_test(test_appositions_and_unknown_given_names),
        cmocka_unit_test(test_credits),
        cmocka_unit_test(test_family_name_again),
        cmocka_unit_test(test_not_persons),
        cmocka_unit_test(test_two_family_names),
        cmocka_unit_test(test_nouns_after_titles_and_particles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
