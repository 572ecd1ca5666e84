/* test_gazetteer.c - gazetteer files: fields, attributes, folding, the phrase index with its
 * prefix marks, and errors that name file:line:column. */
#include "gazetteer.h"
#include "testutil.h"

static wm_gazetteer *load(const char *text, wm_list list)
{
    wm_gazetteer *gaz = wm_gazetteer_new();
    wm_error err;
    if (wm_gazetteer_load_text(gaz, "test.tsv", text, strlen(text), list, &err) != WM_OK)
        fail_msg("%s:%ld:%ld: %s", err.file, err.line, err.column, err.message);
    wm_gazetteer_freeze(gaz);
    return gaz;
}

/* Loading `text` fails with exactly this formatted error. */
static void assert_load_error(const char *text, const char *expect)
{
    wm_gazetteer *gaz = wm_gazetteer_new();
    wm_error err;
    wm_error_clear(&err);
    assert_int_equal(wm_gazetteer_load_text(gaz, "roles.tsv", text, strlen(text), WM_LIST_ROLES, &err), WM_ERR_DATA);
    char line[1200];
    wm_error_format(&err, line, sizeof line);
    assert_string_equal(line, expect);
    wm_gazetteer_free(gaz);
}

/* Looks up a UTF-8 phrase the way the matcher does (folded tokens joined by spaces). */
static int lookup(const wm_gazetteer *gaz, const char *phrase, wm_gaz_lookup *found)
{
    UChar key[512];
    int32_t n = wm_gazetteer_key(phrase, strlen(phrase), key, 512);
    assert_true(n > 0);
    return wm_gazetteer_find(gaz, key, n, found);
}

static void fields_and_attributes(void **state)
{
    (void)state;
    wm_gazetteer *gaz = load("# comment\n"
                             "\n"
                             "Staatssekret\xc3\xa4rin\tStaatssekret\xc3\xa4r\tgender=f;class=official\n"
                             "Bundesministerium f\xc3\xbcr Arbeit und Soziales\t\tabbr=BMAS\n"
                             "Botschafter\n",
                             WM_LIST_ROLES);
    assert_int_equal(wm_gazetteer_size(gaz), 3);
    const wm_gaz_entry *e = wm_gazetteer_entry(gaz, 0);
    assert_string_equal(e->surface, "Staatssekret\xc3\xa4rin");
    assert_string_equal(e->canonical, "Staatssekret\xc3\xa4r");
    assert_string_equal(e->attrs, "gender=f;class=official");
    assert_string_equal(e->cls, "official");
    assert_null(e->abbr);
    assert_int_equal(e->gender, 'f');
    assert_int_equal(e->line, 3);
    assert_int_equal(e->list, WM_LIST_ROLES);
    assert_int_equal(e->token_count, 1);
    char buf[32];
    assert_true(wm_gaz_entry_attr(e, "class", buf, sizeof buf));
    assert_string_equal(buf, "official");
    assert_false(wm_gaz_entry_attr(e, "clas", buf, sizeof buf));
    e = wm_gazetteer_entry(gaz, 1);
    assert_string_equal(e->canonical, e->surface); /* an empty canonical field means the surface */
    assert_string_equal(e->abbr, "BMAS");
    assert_int_equal(e->token_count, 5);
    e = wm_gazetteer_entry(gaz, 2);
    assert_string_equal(e->attrs, "");
    assert_int_equal(e->gender, 0);
    wm_gazetteer_free(gaz);
}

static void bom_and_crlf(void **state)
{
    (void)state;
    wm_gazetteer *gaz = load("\xef\xbb\xbf" "Dr.\r\nProf.\tProfessor\r\n", WM_LIST_ACADEMIC_TITLES);
    assert_int_equal(wm_gazetteer_size(gaz), 2);
    assert_string_equal(wm_gazetteer_entry(gaz, 0)->surface, "Dr.");
    assert_string_equal(wm_gazetteer_entry(gaz, 1)->canonical, "Professor");
    wm_gazetteer_free(gaz);
}

static void phrase_index(void **state)
{
    (void)state;
    wm_gazetteer *gaz = load("Bundesministerium f\xc3\xbcr Arbeit und Soziales\n"
                             "Bundesministerium f\xc3\xbcr Gesundheit\n"
                             "Stra\xc3\x9f" "e\n"
                             "z. B.\n",
                             WM_LIST_ORGANIZATIONS);
    wm_gaz_lookup found;
    /* case, diacritics and sharp s fold; spacing of tokens does not matter */
    assert_true(lookup(gaz, "BUNDESMINISTERIUM FUR ARBEIT UND SOZIALES", &found));
    assert_int_equal(found.count, 1);
    assert_int_equal(found.entries[0], 0);
    assert_false(found.is_prefix);
    assert_true(lookup(gaz, "strasse", &found));
    assert_int_equal(found.count, 1);
    assert_true(lookup(gaz, "z.B.", &found));
    assert_int_equal(found.count, 1);
    /* a proper prefix of two phrases is found with no entries, marked as prefix */
    assert_true(lookup(gaz, "Bundesministerium f\xc3\xbcr", &found));
    assert_int_equal(found.count, 0);
    assert_true(found.is_prefix);
    /* not a prefix at a token boundary */
    assert_false(lookup(gaz, "Bundesministeri", &found));
    assert_false(lookup(gaz, "Gesundheit", &found));
    assert_int_equal(wm_gaz_lookup_in_list(gaz, &found, WM_LIST_ORGANIZATIONS), -1);
    wm_gazetteer_free(gaz);
}

/* The same surface in two lists: one key, both entries, each list findable. */
static void several_lists(void **state)
{
    (void)state;
    wm_gazetteer *gaz = wm_gazetteer_new();
    wm_error err;
    const char *a = "Weimar\n", *b = "Weimar\tWeimar\tgender=u\n";
    assert_int_equal(wm_gazetteer_load_text(gaz, "locations.tsv", a, strlen(a), WM_LIST_LOCATIONS, &err), WM_OK);
    assert_int_equal(wm_gazetteer_load_text(gaz, "surnames.tsv", b, strlen(b), WM_LIST_SURNAMES, &err), WM_OK);
    wm_gazetteer_freeze(gaz);
    wm_gaz_lookup found;
    assert_true(lookup(gaz, "weimar", &found));
    assert_int_equal(found.count, 2);
    assert_int_equal(wm_gaz_lookup_in_list(gaz, &found, WM_LIST_LOCATIONS), 0);
    assert_int_equal(wm_gaz_lookup_in_list(gaz, &found, WM_LIST_SURNAMES), 1);
    assert_int_equal(wm_gaz_lookup_in_list(gaz, &found, WM_LIST_ROLES), -1);
    assert_string_equal(wm_gazetteer_entry(gaz, 1)->file, "surnames.tsv");
    wm_gazetteer_free(gaz);
}

static void errors_name_line_and_column(void **state)
{
    (void)state;
    assert_load_error("Ministerin\n# ok\nMinister\tMinister\tgender=m\textra\n",
                      "roles.tsv:3:28: more than 3 tab-separated fields (surface, canonical, attributes)");
    assert_load_error("Ministerin\tMinister\tgender=f;class\n",
                      "roles.tsv:1:30: attribute is not key=value");
    assert_load_error("Ministerin\tMinister\t=f\n", "roles.tsv:1:21: attribute is not key=value");
    assert_load_error("Ministerin\tMinister\tgender=x\n", "roles.tsv:1:28: gender must be m, f or u, not 'x'");
    assert_load_error("a\n\tMinister\n", "roles.tsv:2:1: empty surface");
    assert_load_error(" Ministerin\n", "roles.tsv:1:1: surface has leading or trailing spaces");
    assert_load_error("Ministerin \n", "roles.tsv:1:1: surface has leading or trailing spaces");
    assert_load_error("ok\nMinist\xe9rin\n", "roles.tsv:2:7: invalid UTF-8");
}

static void load_file_errors(void **state)
{
    (void)state;
    wm_gazetteer *gaz = wm_gazetteer_new();
    wm_error err;
    assert_int_equal(wm_gazetteer_load_file(gaz, "/nonexistent/roles.tsv", WM_LIST_ROLES, &err), WM_ERR_IO);
    assert_string_equal(err.file, "/nonexistent/roles.tsv");
    char *dir = tu_tempdir();
    tu_write(dir, "roles.tsv", "Ministerin\nMinister\t\tkey\n");
    char path[4200];
    snprintf(path, sizeof path, "%s/roles.tsv", dir);
    assert_int_equal(wm_gazetteer_load_file(gaz, path, WM_LIST_ROLES, &err), WM_ERR_DATA);
    assert_string_equal(err.file, path);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 11);
    tu_rmtree(dir);
    wm_gazetteer_free(gaz);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields_and_attributes),
        cmocka_unit_test(bom_and_crlf),
        cmocka_unit_test(phrase_index),
        cmocka_unit_test(several_lists),
        cmocka_unit_test(errors_name_line_and_column),
        cmocka_unit_test(load_file_errors),
    };
    return cmocka_run_group_tests_name("gazetteer", tests, NULL, NULL);
}
