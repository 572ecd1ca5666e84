/* test_locations.c - the location stage: framed and inflected place names, hyphenated pairs,
 * one entity per place, and places inside names that stay part of the name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "entityutil.h"

static void test_places(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Die Städtepartnerschaft Köln-Kyjiw besteht seit Jahren. Gäste aus der Russischen Föderation "
                         "und der Republik Usbekistan kamen nach Köln.",
                         NULL);
    assert_int_equal(eu_count(doc, WM_ENTITY_LOCATION, "Köln"), 2);
    assert_true(eu_mention(doc, WM_ENTITY_LOCATION, "Kyjiw") >= 0); /* the pair is two places */
    assert_string_equal(eu_key(doc, WM_ENTITY_LOCATION, "Russischen Föderation"), "russland");
    assert_string_equal(eu_key(doc, WM_ENTITY_LOCATION, "Republik Usbekistan"), "usbekistan");
    /* "Gäste" is also a village in the OpenStreetMap list, but here a common noun */
    assert_int_equal(eu_mention(doc, WM_ENTITY_LOCATION, "Gäste"), -1);
    wm_doc_free(doc);
}

static void test_places_inside_names(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Die Botschaft der Republik Chile und Katrin Sommerfeld waren da.", NULL);
    assert_int_equal(eu_entities(doc, WM_ENTITY_LOCATION), 0);
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_places_inside_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
