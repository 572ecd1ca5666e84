/* test_lexicon.c - the word-level matcher of the entity stages (lexicon.c, orgwords.c,
 * rolewords.c): inflected and compound lookups, capitalisation, place names, base forms, and
 * the errors a malformed rule of the entity rule files gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "gazmatch.h"
#include "lexicon.h"
#include "orgwords.h"
#include "rolewords.h"
#include "testutil.h"

typedef struct {
    wm_doc *doc;
    wm_lex lx;
} fixture;

/* A document run through segmentation and gazetteer matching with the repository's kb. */
static fixture *open_text(const char *text)
{
    fixture *f = calloc(1, sizeof *f);
    f->doc = tu_doc(text, tu_repo_kb());
    wm_stage_ctx ctx = {.kb = tu_repo_kb(), .matcher = wm_rule_matcher_new(100000, 1000)};
    wm_error err;
    assert_int_equal(wm_gazmatch(f->doc, &ctx, &err), WM_OK);
    wm_rule_matcher_free(ctx.matcher);
    wm_lex_init(&f->lx, f->doc, wm_kb_gazetteer(tu_repo_kb()));
    return f;
}

static void close_text(fixture *f)
{
    wm_doc_free(f->doc);
    free(f);
}

static int32_t token_of(const fixture *f, const char *word)
{
    wm_span s = tu_find(f->doc, word);
    return wm_doc_token_at(f->doc, s.start);
}

static const char *canonical(int32_t entry) { return wm_gazetteer_entry(wm_kb_gazetteer(tu_repo_kb()), entry)->canonical; }

static void test_inflected_phrases(void **state)
{
    (void)state;
    fixture *f = open_text("Er sprach mit der Nationalen Agentur und dem stellvertretenden Direktor.");
    int32_t t = token_of(f, "Nationalen");
    int32_t e = wm_lex_inflected(&f->lx, t, 2, WM_LIST_ORG_HEADS);
    assert_true(e >= 0);
    assert_string_equal(canonical(e), "Nationale Agentur");
    wm_role_word r;
    assert_true(wm_role_at(&f->lx, token_of(f, "stellvertretenden"), &r));
    assert_int_equal(r.end - r.start, 2);
    /* the plain verb "sprach" is no role, the article "der" no head */
    assert_false(wm_role_at(&f->lx, token_of(f, "sprach"), &r));
    wm_org_head h;
    assert_false(wm_org_head_at(&f->lx, token_of(f, "der"), &h));
    close_text(f);
}

static void test_compounds(void **state)
{
    (void)state;
    fixture *f = open_text("Die Landesaufnahmebehörde und die Bezirksbürgermeisterin, das Ehrenamt, die Behörden.");
    wm_org_head h;
    assert_true(wm_org_head_at(&f->lx, token_of(f, "Landesaufnahmebehörde"), &h));
    assert_true(h.tail_at > 0);
    assert_false(h.plural);
    assert_true(wm_org_head_at(&f->lx, token_of(f, "Behörden"), &h));
    assert_true(h.plural); /* "Behörden" is never one organization */
    wm_role_word r;
    assert_true(wm_role_at(&f->lx, token_of(f, "Bezirksbürgermeisterin"), &r));
    assert_int_equal(r.gender, 'f');
    /* a tail shorter than a role's minimum is no role: "Ehrenamt" */
    assert_false(wm_role_at(&f->lx, token_of(f, "Ehrenamt"), &r));
    close_text(f);
}

static void test_places_and_base_forms(void **state)
{
    (void)state;
    fixture *f = open_text("Gäste der Sozialistischen Republik Vietnam und des Thüringer Landesverwaltungsamtes.");
    int32_t t = token_of(f, "Sozialistischen");
    assert_int_equal(wm_place_end(&f->lx, t), t + 3);
    assert_true(wm_location_adjective(&f->lx, token_of(f, "Thüringer")) >= 0);
    int32_t head = token_of(f, "Landesverwaltungsamtes");
    wm_org_head h;
    assert_true(wm_org_head_at(&f->lx, head, &h));
    assert_string_equal(wm_org_base_form(&f->lx, f->doc, head - 1, head + 1, head, &h), "Thüringer Landesverwaltungsamt");
    assert_int_equal(wm_place_end(&f->lx, token_of(f, "Gäste")), -1);
    close_text(f);
}

static void test_adjective_base_form(void **state)
{
    (void)state;
    fixture *f = open_text("im Bayerischen Staatsministerium und beim Deutschen Verband");
    int32_t head = token_of(f, "Staatsministerium");
    wm_org_head h;
    assert_true(wm_org_head_at(&f->lx, head, &h));
    assert_string_equal(wm_org_base_form(&f->lx, f->doc, head - 1, head + 1, head, &h), "Bayerisches Staatsministerium");
    head = token_of(f, "Verband");
    assert_true(wm_org_head_at(&f->lx, head, &h));
    assert_string_equal(wm_org_base_form(&f->lx, f->doc, head - 1, head + 1, head, &h), "Deutscher Verband");
    assert_int_equal(wm_head_genus("Behörde"), 'f');
    assert_int_equal(wm_head_genus("Landesamt"), 'n');
    assert_int_equal(wm_head_genus("Beirat"), 'm');
    close_text(f);
}

/* Capitalisation must agree: the article "die" is not the abbreviation "DIE". */
static void test_case_must_agree(void **state)
{
    (void)state;
    char *dir = tu_data_dir(NULL, NULL, "organizations.tsv",
                            "DIE\tDeutsches Institut für Entwicklungspolitik\tclass=other\n", (const char *)NULL);
    wm_kb *kb = NULL;
    wm_error err;
    assert_int_equal(wm_kb_load(dir, &kb, &err), WM_OK);
    tu_rmtree(dir);
    wm_doc *doc = tu_doc("Die Studie des DIE lag vor.", kb);
    wm_stage_ctx ctx = {.kb = kb, .matcher = wm_rule_matcher_new(100000, 1000)};
    assert_int_equal(wm_gazmatch(doc, &ctx, &err), WM_OK);
    wm_lex lx;
    wm_lex_init(&lx, doc, wm_kb_gazetteer(kb));
    int32_t first = wm_doc_token_at(doc, 0), last = wm_doc_token_at(doc, tu_find(doc, "DIE").start);
    const wm_gaz_entry *entry = wm_gazetteer_entry(wm_kb_gazetteer(kb), wm_lex_hit(&lx, last, WM_LIST_ORGANIZATIONS, NULL));
    assert_true(wm_lex_case_matches(&lx, last, entry));
    assert_true(wm_lex_hit(&lx, first, WM_LIST_ORGANIZATIONS, NULL) >= 0); /* folded, the list matches "Die" ... */
    assert_false(wm_lex_case_matches(&lx, first, entry));                 /* ... but the capitals do not */
    wm_rule_matcher_free(ctx.matcher);
    wm_doc_free(doc);
    wm_kb_free(kb);
}

/* A malformed rule in an entity rule file fails loading with file:line:column and PCRE2's message. */
static void test_malformed_rule(void **state)
{
    (void)state;
    static const char rules[] = "# organizations\n"
                                "define ABBR \\p{Lu}[\\p{Lu}\\p{Ll}]{1,11}+\n"
                                "org.abbr_def kind=definition /\\((?<abbr>{ABBR}\\)/\n";
    char *dir = tu_data_dir("organizations", rules, (const char *)NULL);
    wm_kb *kb = NULL;
    wm_error err;
    wm_error_clear(&err);
    assert_int_equal(wm_kb_load(dir, &kb, &err), WM_ERR_DATA);
    tu_rmtree(dir);
    assert_non_null(strstr(err.file, "organizations.rules"));
    assert_int_equal(err.line, 3);
    assert_true(err.column > 30);
    assert_non_null(strstr(err.message, "org.abbr_def"));
    assert_non_null(strstr(err.message, "missing closing parenthesis"));
}

/* An unknown list in {list:...} names the list and its column. */
static void test_unknown_list(void **state)
{
    (void)state;
    char *dir = tu_data_dir("roles", "role.x kind=affinity class=embassy /\\G{list:embassies}/\n", (const char *)NULL);
    wm_kb *kb = NULL;
    wm_error err;
    assert_int_equal(wm_kb_load(dir, &kb, &err), WM_ERR_DATA);
    tu_rmtree(dir);
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "embassies"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_inflected_phrases),     cmocka_unit_test(test_compounds),
        cmocka_unit_test(test_places_and_base_forms), cmocka_unit_test(test_adjective_base_form),
        cmocka_unit_test(test_case_must_agree),       cmocka_unit_test(test_malformed_rule),
        cmocka_unit_test(test_unknown_list),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
