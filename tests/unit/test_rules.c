/* test_rules.c - rule files: defines, {list:...} expansion, flags, attributes, named groups,
 * match limits, and errors that name file:line:column (PCRE2's message for a bad regex). */
#include "rules.h"
#include "testutil.h"

static wm_gazetteer *roles;

static int setup(void **state)
{
    (void)state;
    roles = wm_gazetteer_new();
    const char *text = "Ministerin\nStaatssekret\xc3\xa4rin\nVize-Minister\nMinister\n";
    wm_error err;
    assert_int_equal(wm_gazetteer_load_text(roles, "roles.tsv", text, strlen(text), WM_LIST_ROLES, &err), WM_OK);
    wm_gazetteer_freeze(roles);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    wm_gazetteer_free(roles);
    return 0;
}

static wm_ruleset *load(const char *text)
{
    wm_ruleset *set = NULL;
    wm_error err;
    if (wm_ruleset_load_text("test.rules", text, strlen(text), roles, &set, &err) != WM_OK)
        fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    return set;
}

static void assert_load_error(const char *text, const char *expect)
{
    wm_ruleset *set = NULL;
    wm_error err;
    wm_error_clear(&err);
    assert_int_equal(wm_ruleset_load_text("persons.rules", text, strlen(text), roles, &set, &err), WM_ERR_DATA);
    assert_null(set);
    char line[1200];
    wm_error_format(&err, line, sizeof line);
    assert_string_equal(line, expect);
}

/* Matches rule against UTF-8 subject from 0; returns the text of group `name` (NULL = whole). */
static const char *match(wm_rule_matcher *m, const wm_rule *rule, const char *subject, const char *name)
{
    static char out[1024];
    UChar u[1024];
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, 1024, &n, subject, -1, &st);
    wm_error err;
    int rc = wm_rule_match(m, rule, u, n, 0, &err);
    if (rc != 1)
        return NULL;
    wm_span span;
    if (!wm_rule_group(m, rule, name, &span))
        return "";
    char *s = tu_utf8(u + span.start, span.end - span.start);
    snprintf(out, sizeof out, "%s", s);
    free(s);
    return out;
}

static void defines_lists_groups(void **state)
{
    (void)state;
    wm_ruleset *set = load("# persons\n"
                           "define NAME \\p{Lu}\\p{Ll}+\n"
                           "define FULL {NAME}(?:\\s+{NAME})+\n"
                           "\n"
                           "person.role kind=person weight=2 /(?<role>{list:roles})\\s+(?<name>{FULL})/\n"
                           "person.dr /Dr\\.\\s+(?<name>{NAME})/\n");
    assert_int_equal(wm_ruleset_size(set), 2);
    const wm_rule *rule = wm_ruleset_rule(set, 0);
    assert_string_equal(rule->id, "person.role");
    assert_string_equal(rule->file, "test.rules");
    assert_int_equal(rule->line, 5);
    assert_string_equal(rule->attrs, "kind=person weight=2");
    char buf[32];
    assert_true(wm_rule_attr(rule, "kind", buf, sizeof buf));
    assert_string_equal(buf, "person");
    assert_true(wm_rule_attr(rule, "weight", buf, sizeof buf));
    assert_string_equal(buf, "2");
    assert_false(wm_rule_attr(rule, "kin", buf, sizeof buf));
    assert_ptr_equal(wm_ruleset_find(set, "person.dr"), wm_ruleset_rule(set, 1));
    assert_null(wm_ruleset_find(set, "person"));

    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    /* the longest list entry wins: "Vize-Minister", not "Minister" */
    assert_string_equal(match(m, rule, "Heute kam Vize-Minister Taras Hordijenko.", "role"), "Vize-Minister");
    assert_string_equal(match(m, rule, "Heute kam Vize-Minister Taras Hordijenko.", "name"), "Taras Hordijenko");
    assert_string_equal(match(m, rule, "die Staatssekret\xc3\xa4rin Anna \xc3\x96zt\xc3\xbcrk", "name"),
                        "Anna \xc3\x96zt\xc3\xbcrk");
    assert_string_equal(match(m, rule, "Ministerin Anna Weber", NULL), "Ministerin Anna Weber");
    assert_string_equal(match(m, rule, "Ministerin Anna Weber", "nosuchgroup"), "");
    assert_null(match(m, rule, "Ministerin anna weber", "name"));
    assert_string_equal(match(m, wm_ruleset_rule(set, 1), "mit Dr. Weber", "name"), "Weber");
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

static void flags(void **state)
{
    (void)state;
    wm_ruleset *set = load("a.caseless /m\xc3\xbcller/i\n"
                           "a.extended /M \\x{fc} ller  # Kommentar/x\n"
                           "a.both /m (?:\xc3\xbc|ue) ller/ix\n");
    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    assert_string_equal(match(m, wm_ruleset_rule(set, 0), "Herr M\xc3\x9cLLER", NULL), "M\xc3\x9cLLER");
    assert_null(match(m, wm_ruleset_rule(set, 1), "Herr M \xc3\xbc ller", NULL));
    assert_string_equal(match(m, wm_ruleset_rule(set, 1), "Herr M\xc3\xbcller", NULL), "M\xc3\xbcller");
    assert_string_equal(match(m, wm_ruleset_rule(set, 2), "Herr MUELLER", NULL), "MUELLER");
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

/* A list entry with regex metacharacters is matched literally, spaces flexibly. */
static void list_entries_are_literal(void **state)
{
    (void)state;
    wm_gazetteer *gaz = wm_gazetteer_new();
    const char *text = "Dr. (FH)\nS.E.\nBund/L\xc3\xa4nder-AG\n";
    wm_error err;
    assert_int_equal(wm_gazetteer_load_text(gaz, "academic_titles.tsv", text, strlen(text), WM_LIST_ACADEMIC_TITLES, &err),
                     WM_OK);
    wm_gazetteer_freeze(gaz);
    wm_ruleset *set = NULL;
    const char *rules = "t.title /{list:academic_titles}/\n";
    assert_int_equal(wm_ruleset_load_text("t.rules", rules, strlen(rules), gaz, &set, &err), WM_OK);
    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    const wm_rule *rule = wm_ruleset_rule(set, 0);
    assert_string_equal(match(m, rule, "Herr Dr.  (FH) Weber", NULL), "Dr.  (FH)");
    assert_string_equal(match(m, rule, "die Bund/L\xc3\xa4nder-AG", NULL), "Bund/L\xc3\xa4nder-AG");
    assert_null(match(m, rule, "SxE.", NULL));
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
    wm_gazetteer_free(gaz);
}

/* An empty list expands to a pattern that never matches. */
static void empty_list_never_matches(void **state)
{
    (void)state;
    wm_ruleset *set = load("t.none /x{list:weekdays}|y/\n");
    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    assert_string_equal(match(m, wm_ruleset_rule(set, 0), "x y", NULL), "y");
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

static void match_limit_is_reported(void **state)
{
    (void)state;
    wm_ruleset *set = load("t.catastrophic /(?:a|aa)+(?:a|aa)+$/\n");
    wm_rule_matcher *m = wm_rule_matcher_new(1000, 1000);
    UChar subject[64];
    for (int i = 0; i < 63; i++)
        subject[i] = 'a';
    subject[63] = 'b';
    wm_error err;
    assert_int_equal(wm_rule_match(m, wm_ruleset_rule(set, 0), subject, 64, 0, &err), -1);
    assert_int_equal(err.status, WM_ERR_LIMIT);
    assert_string_equal(err.file, "test.rules");
    assert_int_equal(err.line, 1);
    assert_non_null(strstr(err.message, "t.catastrophic"));
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

static void errors_name_line_and_column(void **state)
{
    (void)state;
    assert_load_error("# c\nperson.x kind /x/\n", "persons.rules:2:10: attribute is not key=value");
    assert_load_error("person.x kind=person =y /x/\n", "persons.rules:1:22: attribute is not key=value");
    assert_load_error("person.x /a{NOPE}b/\n", "persons.rules:1:13: unknown define '{NOPE}'");
    assert_load_error("person.x /a{list:nolist}/\n", "persons.rules:1:18: unknown gazetteer list 'nolist'");
    assert_load_error("person.x /ab(c/\n", "persons.rules:1:15: rule person.x: missing closing parenthesis");
    assert_load_error("define D (?<n>x)\nperson.x /a[b{D}/\n",
                      "persons.rules:2:17: rule person.x: missing terminating ] for character class");
    assert_load_error("person.x /ab*+?/\n", "persons.rules:1:15: rule person.x: quantifier does not follow a repeatable item");
    assert_load_error("person.x /ab/q\n", "persons.rules:1:14: unknown flag 'q' (use i or x)");
    assert_load_error("person.x ab\n", "persons.rules:1:9: expected /PATTERN/ after the rule id");
    assert_load_error("person.x /ab\n", "persons.rules:1:10: pattern has no closing '/'");
    assert_load_error("  person.x /ab/\n", "persons.rules:1:1: a rule line must not be indented");
    assert_load_error("person.x /a/\nperson.x /b/\n", "persons.rules:2:1: duplicate rule id 'person.x'");
    assert_load_error("/ab/\n", "persons.rules:1:1: expected a rule id or 'define'");
    assert_load_error("define\n", "persons.rules:1:7: expected /PATTERN/ after the rule id");
    assert_load_error("define X\n", "persons.rules:1:9: define needs a pattern");
    assert_load_error("person.x /a{X/\n", "persons.rules:1:12: unclosed '{'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defines_lists_groups),
        cmocka_unit_test(flags),
        cmocka_unit_test(list_entries_are_literal),
        cmocka_unit_test(empty_list_never_matches),
        cmocka_unit_test(match_limit_is_reported),
        cmocka_unit_test(errors_name_line_and_column),
    };
    return cmocka_run_group_tests_name("rules", tests, setup, teardown);
}
