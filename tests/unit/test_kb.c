/* test_kb.c - loading a data directory: file names map to lists and rule files, rules see the
 * gazetteers, every broken file is reported with its path, and the default directory lookup. */
#include "testutil.h"

static wm_status load_dir(const char *dir, wm_kb **kb, char *line, size_t size)
{
    wm_error err;
    wm_error_clear(&err);
    *kb = NULL;
    wm_status st = wm_kb_load(dir, kb, &err);
    if (st != WM_OK)
        wm_error_format(&err, line, size);
    return st;
}

/* The data directory `dir` fails to load with a message that is `expect` after the dir. */
static void assert_kb_error(char *dir, wm_status status, const char *expect)
{
    wm_kb *kb;
    char line[1200], want[1200];
    assert_int_equal(load_dir(dir, &kb, line, sizeof line), status);
    assert_null(kb);
    snprintf(want, sizeof want, "%s/%s", dir, expect);
    assert_string_equal(line, want);
    tu_rmtree(dir);
}

static void loads_lists_and_rules(void **state)
{
    (void)state;
    char *dir = tu_data_dir("roles", "role.title /{list:roles}/\n", "roles.tsv", "Ministerin\n", "roles.extra.tsv",
                            "Botschafter\nVize-Minister\n", "abbreviations.tsv", "Dr.\n", (const char *)NULL);
    wm_kb *kb;
    char line[1200];
    if (load_dir(dir, &kb, line, sizeof line) != WM_OK)
        fail_msg("%s", line);
    assert_string_equal(wm_kb_dir(kb), dir);
    const wm_gazetteer *gaz = wm_kb_gazetteer(kb);
    assert_int_equal(wm_gazetteer_size(gaz), 4);
    /* files load in name order: abbreviations, roles.extra, roles */
    assert_int_equal(wm_gazetteer_entry(gaz, 0)->list, WM_LIST_ABBREVIATIONS);
    assert_string_equal(wm_gazetteer_entry(gaz, 1)->surface, "Botschafter");
    assert_int_equal(wm_gazetteer_entry(gaz, 1)->list, WM_LIST_ROLES);
    assert_int_equal(wm_gazetteer_entry(gaz, 3)->list, WM_LIST_ROLES);
    const wm_ruleset *roles = wm_kb_rules(kb, WM_RULES_ROLES);
    assert_int_equal(wm_ruleset_size(roles), 1);
    for (int f = 0; f < WM_RULE_FILE_COUNT; f++)
        assert_non_null(wm_kb_rules(kb, (wm_rule_file)f));

    /* the rule sees every roles entry, longest first */
    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    static const UChar subject[] = {'d', 'e', 'r', ' ', 'V', 'i', 'z', 'e', '-', 'M', 'i', 'n', 'i', 's', 't', 'e', 'r'};
    wm_error err;
    assert_int_equal(wm_rule_match(m, wm_ruleset_rule(roles, 0), subject, 17, 0, &err), 1);
    wm_span span;
    assert_true(wm_rule_group(m, wm_ruleset_rule(roles, 0), NULL, &span));
    assert_int_equal(span.start, 4);
    assert_int_equal(span.end, 17);
    wm_rule_matcher_free(m);
    wm_kb_free(kb);
    tu_rmtree(dir);
}

static void unknown_file_names(void **state)
{
    (void)state;
    assert_kb_error(tu_data_dir(NULL, NULL, "rolls.tsv", "Ministerin\n", (const char *)NULL), WM_ERR_DATA,
                    "gazetteers/rolls.tsv: unknown gazetteer list 'rolls' (the name before the first '.' must be a list name)");
    char *dir = tu_data_dir(NULL, NULL, (const char *)NULL);
    tu_write(dir, "rules/people.rules", "# nothing\n");
    assert_kb_error(dir, WM_ERR_DATA, "rules/people.rules: unknown rule file (expected persons.rules, organizations.rules, roles.rules, dates.rules, "
                         "meetings.rules)");
}

static void missing_files(void **state)
{
    (void)state;
    char *dir = tu_data_dir(NULL, NULL, (const char *)NULL);
    char path[4200];
    snprintf(path, sizeof path, "%s/rules/dates.rules", dir);
    remove(path);
    assert_kb_error(dir, WM_ERR_IO, "rules/dates.rules: cannot open: No such file or directory");
    assert_kb_error(tu_tempdir(), WM_ERR_DATA, "gazetteers: cannot open data directory (see --data)");
}

static void broken_lines(void **state)
{
    (void)state;
    assert_kb_error(tu_data_dir(NULL, NULL, "roles.tsv", "Ministerin\nMinister\tMinister\tgender=q\n", (const char *)NULL),
                    WM_ERR_DATA, "gazetteers/roles.tsv:2:26: gender must be m, f or u, not 'q'");
    assert_kb_error(tu_data_dir("persons", "# persons\nperson.a /(?<n>a)(?<n>b)/\n", (const char *)NULL), WM_ERR_DATA,
                    "rules/persons.rules:2:23: rule person.a: two named subpatterns have the same name (PCRE2_DUPNAMES not set)");
    assert_kb_error(tu_data_dir("meetings", "meet.x /{list:rolez}/\n", (const char *)NULL), WM_ERR_DATA,
                    "rules/meetings.rules:1:15: unknown gazetteer list 'rolez'");
}

static void default_dir(void **state)
{
    (void)state;
    char buf[4096];
    setenv("WHOMET_DATA", "/some/where", 1);
    assert_string_equal(wm_kb_default_dir(buf, sizeof buf), "/some/where");
    unsetenv("WHOMET_DATA");
    /* the test binary's directory holds no data, nor does its ../share/whomet */
    assert_string_equal(wm_kb_default_dir(buf, sizeof buf), WM_DATA_DIR);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_lists_and_rules),
        cmocka_unit_test(unknown_file_names),
        cmocka_unit_test(missing_files),
        cmocka_unit_test(broken_lines),
        cmocka_unit_test(default_dir),
    };
    return cmocka_run_group_tests_name("kb", tests, NULL, NULL);
}
