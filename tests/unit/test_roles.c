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
    /* a listed abbreviation in the compound */
    doc = tu_run("Auch der CDU-Abgeordnete Jens-Peter von Hollen kam.", NULL);
    expect_role(doc, "jens-peter-von-hollen", "christlich-demokratische-union-deutschlands", "role.compound");
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

static void test_list_entries(void **state)
{
    (void)state;
    /* "Name, Title, Organization" in a list, "(Title, Organization)" after a name */
    wm_doc *doc = tu_run("Teilnehmende:\n– Jonas Reimers, Leiter, Landesamt für Umwelt und Wasser\n", NULL);
    expect_role(doc, "jonas-reimers", "landesamt-fur-umwelt-und-wasser", "role.list");
    wm_doc_free(doc);
    doc = tu_run("Es folgt ein Gespräch mit Jonas Reimers (Präsident, Landesamt für Umwelt und Wasser) und Gästen.", NULL);
    expect_role(doc, "jonas-reimers", "landesamt-fur-umwelt-und-wasser", "role.list");
    wm_doc_free(doc);
}

static void test_ministry_and_chamber(void **state)
{
    (void)state;
    wm_doc *doc = tu_run("Das Ministerium für Umwelt und Wasser lädt ein. Ministerin Petra Kuhn eröffnet die Tagung.", NULL);
    expect_role(doc, "petra-kuhn", "ministerium-fur-umwelt-und-wasser", "role.ministry");
    wm_doc_free(doc);
    /* another Land's minister, or one whose title names another ministry, is not the text's */
    doc = tu_run("Das Ministerium für Umwelt und Wasser lädt ein. Die dortige Ministerin Anna Grau kommt nicht.", NULL);
    expect_role(doc, "anna-grau", NULL, NULL);
    wm_doc_free(doc);
    doc = tu_run("Das Ministerium für Umwelt und Wasser schrieb dem Bundesminister des Innern, Olaf Brandt, einen Brief.",
                 NULL);
    expect_role(doc, "olaf-brandt", NULL, NULL);
    wm_doc_free(doc);
    /* "Kammer|präsident" names the Handwerks|kammer of the text */
    doc = tu_run("Die Handwerkskammer Kassel lud ein. Kammerpräsident Udo Kern begrüßte die Gäste.", NULL);
    expect_role(doc, "udo-kern", "handwerkskammer-kassel", "role.compound");
    wm_doc_free(doc);
}

static void test_organization_from_context(void **state)
{
    (void)state;
    /* the organization named earlier in the sentence, also past a coordinated name */
    wm_doc *doc = tu_run("Für die Hanna-Berg-Stiftung nahmen Ole Lind und Fachreferentin Eva Brandl teil.", NULL);
    expect_role(doc, "eva-brandl", "hanna-berg-stiftung", "role.sentence");
    wm_doc_free(doc);
    /* a possessive that refers to the organization named last */
    doc = tu_run("Die Hanna-Berg-Stiftung wächst. Ihre Geschäftsführerin Lea Sommer stellte den Bericht vor.", NULL);
    expect_role(doc, "lea-sommer", "hanna-berg-stiftung", "role.possessive");
    wm_doc_free(doc);
    /* staff titles belong to the organization on the letterhead */
    doc = tu_run("Hanna-Berg-Stiftung\n\nAm Montag sprach Beraterin Mia Roth mit vielen Eltern.\n", NULL);
    expect_role(doc, "mia-roth", "hanna-berg-stiftung", "role.publisher");
    wm_doc_free(doc);
    /* and so does the head of one of its units */
    doc = tu_run("Hanna-Berg-Stiftung\n\nLeiterin des Fachbereichs Bildung ist seit 2022 Mia Roth.\n", NULL);
    expect_role(doc, "mia-roth", "hanna-berg-stiftung", "role.publisher_unit");
    wm_doc_free(doc);
}

static void test_holder_shapes(void **state)
{
    (void)state;
    /* the copula before the name */
    wm_doc *doc = tu_run("Seit 2019 ist Nina Berger Leiterin des Amtes für Migration.", NULL);
    expect_role(doc, "nina-berger", "amt-fur-migration", NULL);
    wm_doc_free(doc);
    /* the copula after the title and its complement */
    doc = tu_run("Neuer Präsident des Amtes für Migration ist seit dem 1. März Paul Hecht.", NULL);
    expect_role(doc, "paul-hecht", "amt-fur-migration", NULL);
    wm_doc_free(doc);
    /* a German title after a foreign one, behind a slash */
    doc = tu_run("Die Botschaft der Republik Bulgarien lädt ein.\nKontakt: Iwan Petrow, Premier Conseiller / Erster "
                 "Botschaftsrat\n",
                 NULL);
    expect_role(doc, "ivan-petrow", "botschaft-der-republik-bulgarien", "role.embassy");
    wm_doc_free(doc);
    /* a separable verb particle between the name and the apposition */
    doc = tu_run("Die Gäste tauschten sich mit Lea Sommer aus, Präsidentin des Landesamtes für Umwelt und Wasser.", NULL);
    expect_role(doc, "lea-sommer", "landesamt-fur-umwelt-und-wasser", NULL);
    wm_doc_free(doc);
}

static void test_no_organization(void **state)
{
    (void)state;
    /* a gender-star plural is a group, not the title of the name before it */
    wm_doc *doc = tu_run("Anwesend waren Eva Brandl, die Leiter*innen der Jobcenter und weitere Gäste.", NULL);
    assert_null(eu_role(doc, "eva-brandl", NULL));
    wm_doc_free(doc);
    /* a party in parentheses is membership, not the office's organization */
    doc = tu_run("Die Abgeordnete Lisa Brand (SPD) sprach zuerst.", NULL);
    expect_role(doc, "lisa-brand", NULL, NULL);
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appositions),          cmocka_unit_test(test_title_complement_name),
        cmocka_unit_test(test_compound_and_possessive), cmocka_unit_test(test_title_repeats_organization),
        cmocka_unit_test(test_parenthesis_and_embassy), cmocka_unit_test(test_copula_and_pronoun),
        cmocka_unit_test(test_delegation_leader),    cmocka_unit_test(test_contact_block),
        cmocka_unit_test(test_not_tied),             cmocka_unit_test(test_list_entries),
        cmocka_unit_test(test_ministry_and_chamber), cmocka_unit_test(test_organization_from_context),
        cmocka_unit_test(test_holder_shapes),        cmocka_unit_test(test_no_organization),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
