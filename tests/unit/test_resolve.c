/* test_resolve.c - in-document coreference and keys: family names join the nearest compatible
 * full name (never two people merged), transliteration variants, abbreviations and inflected
 * forms of one organization, short forms, and keys that do not depend on the document. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "entityutil.h"

static void test_family_name_joins_full_name(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Staatssekretärin Berger eröffnete. Später sprach Anna Berger. Berger dankte allen.", NULL);
    assert_int_equal(eu_entities(doc, WM_ENTITY_PERSON), 1);
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Berger"), "anna-berger");
    wm_doc_free(doc);
}

static void test_same_family_name_two_people(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Paul Kerber und Anna Kerber kamen. Frau Kerber sprach zuerst. "
                         "Später kam Lisa Weiß, dann Tom Weiß. Weiß sagte nichts.",
                         NULL);
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Paul Kerber"), "paul-kerber");
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Anna Kerber"), "anna-kerber");
    /* the form of address says which Kerber */
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Kerber"), "anna-kerber");
    /* without other evidence the nearest full name before */
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Weiß"), "tom-weiss");
    assert_int_equal(eu_entities(doc, WM_ENTITY_PERSON), 4);
    wm_doc_free(doc);
}

static void test_transliteration_variants(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Wladimir Orlow traf die Gäste. Am Abend dankte Vladimir Orlow.", NULL);
    assert_int_equal(eu_entities(doc, WM_ENTITY_PERSON), 1);
    assert_string_equal(eu_key(doc, WM_ENTITY_PERSON, "Wladimir Orlow"), "vladimir-orlow");
    wm_doc_free(doc);
}

static void test_organization_forms(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Die Leiterin des Landesamtes für Umwelt und Wasser (LUW) sprach. Das Landesamt für Umwelt "
                         "und Wasser prüft. Das LUW schweigt. Der Präsident des Landesamtes lobte.",
                         NULL);
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 1);
    const char *key = eu_key(doc, WM_ENTITY_ORGANIZATION, "Landesamt für Umwelt und Wasser");
    assert_string_equal(key, "landesamt-fur-umwelt-und-wasser");
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "Landesamtes für Umwelt und Wasser"), key);
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "LUW"), key);
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "Landesamtes"), key);
    const wm_entity *e = &doc->entities.items[doc->mentions.items[eu_mention(doc, WM_ENTITY_ORGANIZATION, "LUW")].entity];
    assert_string_equal(e->label, "Landesamt für Umwelt und Wasser");
    wm_doc_free(doc);
}

static void test_short_form_joins_full_name(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Ein Vertreter der Regierung von Lettland kam. Die Lettische Regierung dankte.", NULL);
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "Lettische Regierung"),
                        eu_key(doc, WM_ENTITY_ORGANIZATION, "Regierung von Lettland"));
    wm_doc_free(doc);
}

static void test_keys_across_documents(void **state)
{
    (void)state;
    wm_doc *a = tu_run("Das Bundesministerium für Gesundheit (BMG) lud Dr. Ina Roth ein.", NULL);
    wm_doc *b = tu_run("Ina Roth sprach mit dem BMG und mit dem Bundesministerium für Gesundheit.", NULL);
    assert_string_equal(eu_key(a, WM_ENTITY_PERSON, "Ina Roth"), eu_key(b, WM_ENTITY_PERSON, "Ina Roth"));
    assert_string_equal(eu_key(a, WM_ENTITY_ORGANIZATION, "BMG"), eu_key(b, WM_ENTITY_ORGANIZATION, "BMG"));
    assert_string_equal(eu_key(a, WM_ENTITY_ORGANIZATION, "BMG"), "bundesministerium-fur-gesundheit");
    wm_doc_free(a);
    wm_doc_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_family_name_joins_full_name), cmocka_unit_test(test_same_family_name_two_people),
        cmocka_unit_test(test_transliteration_variants),    cmocka_unit_test(test_organization_forms),
        cmocka_unit_test(test_short_form_joins_full_name),  cmocka_unit_test(test_keys_across_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
