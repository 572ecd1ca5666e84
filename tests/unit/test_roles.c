/* test_roles.c - the role stage over short fictional texts: every way a title finds its holder
 * (title before the name, apposition before and after, copula, pronoun, contact block) and its
 * organization (complement, compound, repeated name, parenthesis, possessive, embassy), roles
 * without organization, and titles that must not be tied to a name. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "entityutil.h"

static void expect_role(const wm_doc *doc, const char *person, const char *org, const char *rule)
{
    const wm_role *r = eu_role(doc, person, org);
    if (!r) {
        eu_dump(doc);
        fail_msg("no role %s -> %s", person, org ? org : "(none)");
    }
    if (rule)
        assert_string_equal(r->rule, rule);
}

static void test_appositions(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Es sprach Maria Lenz, Präsidentin des Landesamtes für Umwelt und Wasser, über Pläne.", NULL);
    expect_role(doc, "maria-lenz", "landesamt-fur-umwelt-und-wasser", "role.complement");
    assert_string_equal(tu_span(doc, doc->roles.items[0].title), "Präsidentin");
    wm_doc_free(doc);
    /* a second title after the first belongs to the same person */
    doc = tu_run("Boris Wolkow, Minister der Regierung von Lettland, Leiter des Amtes für Migration, sprach.", NULL);
    expect_role(doc, "boris-wolkow", "regierung-von-lettland", NULL);
    expect_role(doc, "boris-wolkow", "amt-fur-migration", NULL);
    wm_doc_free(doc);
    /* the title first, the name after a comma */
    doc = tu_run("Die Vorsitzende des Landesfrauenrates Thüringen, Dr. Hella Marx, eröffnete.", NULL);
    expect_role(doc, "hella-marx", "landesfrauenrat-thuringen", "role.complement");
    wm_doc_free(doc);
}

static void test_title_complement_name(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Anwesend waren der Präsident des Amtes für Migration Hans Kröger und weitere Gäste.", NULL);
    expect_role(doc, "hans-kroger", "amt-fur-migration", NULL);
    wm_doc_free(doc);
}

static void test_compound_and_possessive(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Der Verband der Kölner Lebensmittelhändler (KLV) tagte. KLV-Vorsitzende Maren Ohlsen sprach.", NULL);
    expect_role(doc, "maren-ohlsen", "verband-der-kolner-lebensmittelhandler", "role.compound");
    wm_doc_free(doc);
    doc = tu_run("Die Idee kam von der Hanna-Berg-Stiftung. Deren Vorstandsvorsitzende Prof. Dr. Lea Sommer lobte sie.", NULL);
    expect_role(doc, "lea-sommer", "hanna-berg-stiftung", "role.possessive");
    wm_doc_free(doc);
}

static void test_title_repeats_organization(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Tom Beck, Senator für Kultur und Medien, lud ein. Die Senatsverwaltung für Kultur und Medien zahlt.",
                         NULL);
    expect_role(doc, "tom-beck", "senatsverwaltung-fur-kultur-und-medien", "role.repeat");
    wm_doc_free(doc);
    /* no such organization in the text: the role has none */
    doc = tu_run("Der Bundesminister für Verkehr Ulf Mertens reiste ab.", NULL);
    expect_role(doc, "ulf-mertens", NULL, NULL);
    wm_doc_free(doc);
}

static void test_parenthesis_and_embassy(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Gäste waren Staatssekretärin Ina Vogt (Senatsverwaltung für Bildung, Jugend und Familie) und "
                         "Botschafter Iwan Petrow. Er lud in die Botschaft der Republik Bulgarien ein.",
                         NULL);
    expect_role(doc, "ina-vogt", "senatsverwaltung-fur-bildung-jugend-und-familie", "role.parenthesis");
    /* the key takes the standard transliteration: Iwan -> Ivan */
    expect_role(doc, "ivan-petrow", "botschaft-der-republik-bulgarien", "role.embassy");
    wm_doc_free(doc);
}

static void test_copula_and_pronoun(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Tina Roth ist seit Mai 2020 Geschäftsführerin der Nordlicht Energie GmbH. Sie ist zudem "
                         "Mitglied des Landesintegrationsbeirates.",
                         NULL);
    /* the organization comes from the complement, the holder from the copula or the pronoun */
    expect_role(doc, "tina-roth", "nordlicht-energie", "role.complement");
    expect_role(doc, "tina-roth", "landesintegrationsbeirat", "role.complement");
    wm_doc_free(doc);
    doc = tu_run("Tina Roth ist seit Mai 2020 Schatzmeisterin. Zuvor war sie Sprecherin.", NULL);
    expect_role(doc, "tina-roth", NULL, "role.copula");
    assert_int_equal(doc->roles.len, 2);
    assert_string_equal(doc->roles.items[1].rule, "role.pronoun");
    wm_doc_free(doc);
}

static void test_delegation_leader(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Eine Delegation des Ministeriums für Arbeit der Republik Moldau besuchte Kiel. Angeführt wurde "
                         "die Delegation vom stellvertretenden Minister Ion Rusu. Empfangen wurde sie von Staatssekretärin "
                         "Eva Lind.",
                         NULL);
    expect_role(doc, "ion-rusu", "ministerium-fur-arbeit-der-republik-moldau", "role.delegation");
    /* who receives the delegation does not lead it */
    assert_null(eu_role(doc, "eva-lind", "ministerium-fur-arbeit-der-republik-moldau"));
    wm_doc_free(doc);
}

static void test_contact_block(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Kontakt\n\nAmt für Migration und Flüchtlinge\nDr. Karin Schulte\nReferentin\nTelefon: 0331 12345\n",
                         NULL);
    expect_role(doc, "karin-schulte", "amt-fur-migration-und-fluchtlinge", "role.contact");
    wm_doc_free(doc);
}

static void test_not_tied(void **state)
{
    (void)state;
    /* the title's holder is named next to the title, not somewhere after an object */
    wm_doc *doc = tu_run("Zum Abschluss erinnerte die Senatorin an ihren Vorgänger Dr. Kurt Ahlers.", NULL);
    assert_null(eu_role(doc, "kurt-ahlers", NULL));
    wm_doc_free(doc);
    doc = tu_run("Der Minister würdigte die Verdienste des Gründers der Karl-Wolf-Stiftung, Emil Wolf, sehr.", NULL);
    const wm_role *r = eu_role(doc, "emil-wolf", "karl-wolf-stiftung");
    if (!r)
        eu_dump(doc);
    assert_non_null(r);
    assert_string_equal(tu_span(doc, r->title), "Gründers");
    assert_int_equal(doc->roles.len, 1);
    wm_doc_free(doc);
    /* a photo credit gives no role */
    doc = tu_run("Die Ministerin beim Besuch\nFoto: Pressestelle/Kai Brenner\n", NULL);
    assert_int_equal(doc->roles.len, 0);
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appositions),          cmocka_unit_test(test_title_complement_name),
        cmocka_unit_test(test_compound_and_possessive), cmocka_unit_test(test_title_repeats_organization),
        cmocka_unit_test(test_parenthesis_and_embassy), cmocka_unit_test(test_copula_and_pronoun),
        cmocka_unit_test(test_delegation_leader),    cmocka_unit_test(test_contact_block),
        cmocka_unit_test(test_not_tied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
