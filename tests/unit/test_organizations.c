/* test_organizations.c - the organization stage over short fictional texts: every rule family
 * (gazetteer, head + complement, genitive places and organizations, legal forms, abbreviation
 * definitions and compounds, office names in lists, bare heads) and the things that are no
 * organization. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "entityutil.h"

static wm_doc *run(const char *text) { return tu_run(text, NULL); }

static void expect_org(const wm_doc *doc, const char *text, const char *rule)
{
    int32_t m = eu_mention(doc, WM_ENTITY_ORGANIZATION, text);
    if (m < 0) {
        eu_dump(doc);
        fail_msg("no organization '%s'", text);
    }
    if (rule)
        assert_string_equal(doc->mentions.items[m].rule, rule);
}

static void test_head_with_complement(void **state)
{
    (void)state;
    wm_doc *doc = run("Das Ministerium für Wohnen, Bauen und Verkehr des Landes Sachsen-Anhalt lud ein.");
    expect_org(doc, "Ministerium für Wohnen, Bauen und Verkehr des Landes Sachsen-Anhalt", "org.head");
    wm_doc_free(doc);
    doc = run("Sie sprach mit der Nationalen Agentur für Arbeitsschutz beim Präsidenten der Republik Moldau.");
    expect_org(doc, "Nationalen Agentur für Arbeitsschutz beim Präsidenten der Republik Moldau", "org.head");
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION,
                               "Nationalen Agentur für Arbeitsschutz beim Präsidenten der Republik Moldau"),
                        "nationale-agentur-fur-arbeitsschutz-beim-prasidenten-der-republik-moldau");
    wm_doc_free(doc);
    doc = run("Vertreter des Landesamtes für Umwelt und soziale Dienste kamen.");
    expect_org(doc, "Landesamtes für Umwelt und soziale Dienste", NULL);
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "Landesamtes für Umwelt und soziale Dienste"),
                        "landesamt-fur-umwelt-und-soziale-dienste");
    wm_doc_free(doc);
}

static void test_gazetteer_and_abbreviations(void **state)
{
    (void)state;
    wm_doc *doc = run("Das Bundesministerium für Arbeit und Soziales (BMAS) lud ein. Das BMAS zahlt.");
    expect_org(doc, "Bundesministerium für Arbeit und Soziales", "org.gazetteer");
    const char *key = eu_key(doc, WM_ENTITY_ORGANIZATION, "Bundesministerium für Arbeit und Soziales");
    assert_int_equal(eu_count(doc, WM_ENTITY_ORGANIZATION, "BMAS"), 2);
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "BMAS"), key);
    wm_doc_free(doc);
    /* a definition makes an unknown abbreviation an alias everywhere, also in compounds */
    doc = run("Der Verband der Kölner Lebensmittelhändler (KLV) tagte. Die KLV-Vorsitzende Maren Ohlsen sprach.");
    key = eu_key(doc, WM_ENTITY_ORGANIZATION, "Verband der Kölner Lebensmittelhändler");
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "KLV"), key);
    assert_int_equal(eu_count(doc, WM_ENTITY_ORGANIZATION, "KLV"), 2);
    wm_doc_free(doc);
    /* an abbreviation that only a role compound marks */
    doc = run("Das sagte BZRV-Vorstandsmitglied Jonas Weidlich gestern.");
    expect_org(doc, "BZRV", "org.abbr");
    assert_int_equal(eu_count(doc, WM_ENTITY_ORGANIZATION, "NGO"), 0);
    wm_doc_free(doc);
    /* words the grammar does not know, defined by their initials */
    doc = run("Er traf Vertreter des Ghana Cocoa Marketing Board (GCMB) in Accra.");
    expect_org(doc, "Ghana Cocoa Marketing Board", "org.abbr_def");
    wm_doc_free(doc);
}

static void test_legal_forms_and_named_after(void **state)
{
    (void)state;
    wm_doc *doc = run("Die Sonnenblick Logistik GmbH und der Verein Lesewelt Nord e.V. halfen der Karl-Bauer-Stiftung.");
    expect_org(doc, "Sonnenblick Logistik GmbH", "org.legal_form");
    expect_org(doc, "Karl-Bauer-Stiftung", "org.named_after");
    assert_int_equal(eu_mention(doc, WM_ENTITY_PERSON, "Karl-Bauer"), -1);
    assert_int_equal(eu_mention(doc, WM_ENTITY_PERSON, "Karl Bauer"), -1);
    wm_doc_free(doc);
}

static void test_places_and_embassies(void **state)
{
    (void)state;
    wm_doc *doc = run("Die Botschaft der Republik Chile und das Generalkonsulat der Republik Polen in Hamburg luden ein.");
    expect_org(doc, "Botschaft der Republik Chile", "org.head");
    expect_org(doc, "Generalkonsulat der Republik Polen in Hamburg", "org.head");
    wm_doc_free(doc);
    doc = run("Die Handwerkskammer Potsdam und das Thüringer Landesverwaltungsamt beraten.");
    expect_org(doc, "Thüringer Landesverwaltungsamt", "org.head");
    wm_doc_free(doc);
}

static void test_bare_heads(void **state)
{
    (void)state;
    /* a bare head refers back to the named organization with that head ... */
    wm_doc *doc = run("Die Botschaft der Republik Chile lud ein. In der Botschaft sprach man lange.");
    int32_t named = eu_mention(doc, WM_ENTITY_ORGANIZATION, "Botschaft der Republik Chile");
    assert_true(named >= 0);
    int n = 0;
    for (size_t i = 0; i < doc->mentions.len; i++)
        n += doc->mentions.items[i].entity == doc->mentions.items[named].entity;
    assert_int_equal(n, 2);
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 1);
    wm_doc_free(doc);
    /* ... and names nothing without one */
    doc = run("Die Behörde prüft den Antrag. Das Ministerium schweigt.");
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 0);
    wm_doc_free(doc);
    /* some heads name one body by themselves */
    doc = run("Der Entwurf ging an die Landesregierung und dann an den Landtag.");
    expect_org(doc, "Landesregierung", NULL);
    expect_org(doc, "Landtag", NULL);
    wm_doc_free(doc);
}

static void test_office_in_member_list(void **state)
{
    (void)state;
    wm_doc *doc = run("Mitglieder sind:\n- Landesbeauftragter für Menschen mit Behinderung\n- Fachbereich Seniorenarbeit\n");
    expect_org(doc, "Landesbeauftragter für Menschen mit Behinderung", "org.office");
    expect_org(doc, "Fachbereich Seniorenarbeit", "org.head");
    wm_doc_free(doc);
    /* the same title in running text is a title, not an organization */
    doc = run("Frau Dr. Inge Pohl ist die Integrationsbeauftragte des Landes Brandenburg.");
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 0);
    wm_doc_free(doc);
}

static void test_not_organizations(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "So trägt das Netzwerk zur Verbesserung der Lebensbedingungen bei.", /* a verb's complement */
        "Das 5. Kölner Integrationsforum stand unter einem Motto.",          /* an event */
        "Pressestelle\nReferat Presse\nTelefon: 030 1234\n",                  /* a contact block unit */
        "Eine Brandenburger Fachdelegation reiste nach Astana.",              /* a delegation */
        "Die Unterlagen stehen auf der Internetseite der Behörde zur Verfügung.",
        "Vertreter verschiedener Ministerien und Behörden nahmen teil.",      /* plurals */
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        wm_doc *doc = run(texts[i]);
        if (eu_entities(doc, WM_ENTITY_ORGANIZATION)) {
            eu_dump(doc);
            fail_msg("organization found in: %s", texts[i]);
        }
        wm_doc_free(doc);
    }
}

static void test_definition_in_text_wins(void **state)
{
    (void)state;
    /* "BMAS" is a federal ministry in the gazetteer, but this text defines it otherwise */
    wm_doc *doc = run("Der Bund Münchner Alpenschützen (BMAS) tagte in Rosenheim. Der BMAS wählte einen Vorstand.");
    const char *key = eu_key(doc, WM_ENTITY_ORGANIZATION, "Bund Münchner Alpenschützen");
    assert_int_equal(eu_count(doc, WM_ENTITY_ORGANIZATION, "BMAS"), 2);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind == WM_ENTITY_ORGANIZATION && !strcmp(tu_span(doc, m->span), "BMAS"))
            assert_string_equal(doc->entities.items[m->entity].key, key);
    }
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 1);
    wm_doc_free(doc);
}

static void test_municipal_and_local_bodies(void **state)
{
    (void)state;
    /* a town with its frame word acts as a body; a delegation is its town's */
    wm_doc *doc = run("Die Stadt Görlitz empfing eine Delegation der Stadt Breslau.");
    expect_org(doc, "Stadt Görlitz", "org.municipality");
    expect_org(doc, "Stadt Breslau", "org.municipality");
    assert_int_equal(eu_entities(doc, WM_ENTITY_ORGANIZATION), 2);
    wm_doc_free(doc);
    /* bodies a town has one of are named by their head alone */
    doc = run("Der Ausländerbeirat sprach mit der Ausländerbehörde über Termine.");
    expect_org(doc, "Ausländerbeirat", NULL);
    expect_org(doc, "Ausländerbehörde", NULL);
    wm_doc_free(doc);
    /* an abbreviated head takes a place and expands; it asks no complement */
    doc = run("Die IHK Ostthüringen lud ein. Ob die IHK für kleine Firmen etwas tut, blieb offen.");
    assert_string_equal(eu_key(doc, WM_ENTITY_ORGANIZATION, "IHK Ostthüringen"),
                        "industrie-und-handelskammer-ostthuringen");
    assert_int_equal(eu_mention(doc, WM_ENTITY_ORGANIZATION, "IHK für kleine Firmen"), -1);
    wm_doc_free(doc);
    /* the area an association serves */
    doc = run("Es half der Kreisverband Bautzen und Umgebung.");
    expect_org(doc, "Kreisverband Bautzen und Umgebung", NULL);
    wm_doc_free(doc);
}

static void test_names_after_kind_nouns(void **state)
{
    (void)state;
    wm_doc *doc = run("Sie ist Inhaberin des Görlitzer Pflegedienstes Lindenhof Care, er Vorsitzender des "
                      "Vereins Polnisches Haus Bautzen.");
    expect_org(doc, "Lindenhof Care", "org.kind_apposition");
    expect_org(doc, "Polnisches Haus Bautzen", "org.kind_apposition");
    assert_int_equal(eu_entities(doc, WM_ENTITY_PERSON), 0);
    wm_doc_free(doc);
}

static void test_descriptions_are_not_names(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Geplant ist ein zentrales Welcome Center für Pflegekräfte.",   /* an indefinite description */
        "Danach besichtigte die Delegation Pflegeschulen und Kliniken.", /* the delegation's object */
        "Sie kennt die Lage in der Ausländerbehörde der Kreisstadt.",    /* whose it is, described */
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        wm_doc *doc = run(texts[i]);
        if (eu_entities(doc, WM_ENTITY_ORGANIZATION)) {
            eu_dump(doc);
            fail_msg("organization found in: %s", texts[i]);
        }
        wm_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_head_with_complement),  cmocka_unit_test(test_gazetteer_and_abbreviations),
        cmocka_unit_test(test_legal_forms_and_named_after), cmocka_unit_test(test_places_and_embassies),
        cmocka_unit_test(test_bare_heads),            cmocka_unit_test(test_office_in_member_list),
        cmocka_unit_test(test_not_organizations),
        cmocka_unit_test(test_definition_in_text_wins), cmocka_unit_test(test_municipal_and_local_bodies),
        cmocka_unit_test(test_names_after_kind_nouns),  cmocka_unit_test(test_descriptions_are_not_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
