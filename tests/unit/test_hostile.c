/* test_hostile.c - hostile data for the loaders and the regex matcher: braces that belong to
 * escapes, exploding {define}s, NUL bytes, catastrophic patterns under the match and JIT
 * stack limits, and a limit hit recorded as a document warning while the run goes on. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "alloc.h"
#include "gazetteer.h"
#include "rules.h"
#include "stage.h"

static wm_status load_rules(const char *text, wm_ruleset **set, wm_error *err)
{
    wm_error_clear(err);
    return wm_ruleset_load_text("test.rules", text, strlen(text), NULL, set, err);
}

static UChar *ascii_u16(const char *s, int32_t *len)
{
    size_t n = strlen(s);
    UChar *u = wm_xmalloc((n + 1) * sizeof *u);
    for (size_t i = 0; i <= n; i++)
        u[i] = (UChar)(unsigned char)s[i];
    *len = (int32_t)n;
    return u;
}

/* n copies of c followed by tail, as UTF-16 */
static UChar *run_of(char c, int32_t n, const char *tail, int32_t *len)
{
    int32_t t = (int32_t)strlen(tail);
    UChar *u = wm_xmalloc(((size_t)n + (size_t)t + 1) * sizeof *u);
    for (int32_t i = 0; i < n; i++)
        u[i] = (UChar)c;
    for (int32_t i = 0; i <= t; i++)
        u[n + i] = (UChar)tail[i];
    *len = n + t;
    return u;
}

static void escape_braces_are_not_defines(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules("define UP \\p{Lu}\nname /(?<name>{UP}\\p{Ll}+)\\x{20}\\g{1}?/\n", &set, &err), WM_OK);
    wm_rule_matcher *m = wm_rule_matcher_new(100000, 1000);
    int32_t len;
    UChar *text = ascii_u16("zu Anna traf", &len);
    assert_int_equal(wm_rule_match(m, wm_ruleset_find(set, "name"), text, len, 0, &err), 1);
    wm_span span;
    assert_true(wm_rule_group(m, wm_ruleset_find(set, "name"), "name", &span));
    assert_int_equal(span.start, 3);
    assert_int_equal(span.end, 7);
    free(text);
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

static void doubling_defines_are_bounded(void **state)
{
    (void)state;
    char text[4096] = "define D0 abcdefgh\n";
    for (int i = 1; i < 40; i++) {
        char line[64];
        snprintf(line, sizeof line, "define D%d {D%d}{D%d}\n", i, i - 1, i - 1);
        strcat(text, line);
    }
    strcat(text, "r /{D39}/\n");
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules(text, &set, &err), WM_ERR_DATA);
    assert_non_null(strstr(err.message, "after expansion"));
    assert_string_equal(err.file, "test.rules");
    assert_true(err.line > 1 && err.line < 40);
}

static void nul_bytes_are_rejected_with_their_column(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    wm_error_clear(&err);
    static const char rules[] = "ok /x/\nbad /a\0b/\n";
    assert_int_equal(wm_ruleset_load_text("test.rules", rules, sizeof rules - 1, NULL, &set, &err), WM_ERR_DATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 7);

    static const char tsv[] = "Anna\nBe\0rnd\n";
    wm_gazetteer *gaz = wm_gazetteer_new();
    assert_int_equal(wm_gazetteer_load_text(gaz, "names.tsv", tsv, sizeof tsv - 1, WM_LIST_GIVEN_NAMES, &err),
                     WM_ERR_DATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 3);
    wm_gazetteer_free(gaz);
}

/* The error names the file even though the ruleset that stored the name is freed. */
static void load_errors_outlive_the_ruleset(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules("ok /x/\n  indented /y/\n", &set, &err), WM_ERR_DATA);
    assert_string_equal(err.file, "test.rules");
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.message, "indented"));
}

static void catastrophic_pattern_hits_the_match_limit(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules("slow.nested /(a+)+$/\n", &set, &err), WM_OK);
    const wm_rule *rule = wm_ruleset_find(set, "slow.nested");
    size_t jit_size = 0;
    pcre2_pattern_info(rule->code, PCRE2_INFO_JITSIZE, &jit_size);
    wm_rule_matcher *m = wm_rule_matcher_new(1000000, 10000);
    int32_t len;
    UChar *text = run_of('a', 5000, "!", &len);
    wm_error_clear(&err);
    assert_int_equal(wm_rule_match(m, rule, text, len, 0, &err), -1);
    assert_int_equal(err.status, WM_ERR_LIMIT);
    assert_non_null(strstr(err.message, "slow.nested"));
    /* JIT when the CPU has it (the limit must hold there), else the interpreter */
    assert_non_null(strstr(err.message, jit_size ? "match limit" : "limit"));
    free(text);
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

/* A repeated group over a long run keeps growing the JIT stack; its bound is a limit too. */
static void deep_backtracking_stays_bounded(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules("deep /(\\w+\\s?)+[0-9]/\n", &set, &err), WM_OK);
    wm_rule_matcher *m = wm_rule_matcher_new(1000000, 10000);
    int32_t len;
    UChar *text = run_of('w', 1000000, " x", &len);
    for (int32_t i = 1; i < len; i += 2)
        text[i] = ' ';
    wm_error_clear(&err);
    assert_int_equal(wm_rule_match(m, wm_ruleset_find(set, "deep"), text, len, 0, &err), -1);
    assert_int_equal(err.status, WM_ERR_LIMIT);
    assert_non_null(strstr(err.message, "deep"));
    free(text);
    wm_rule_matcher_free(m);
    wm_ruleset_free(set);
}

static void limit_hit_becomes_a_document_warning(void **state)
{
    (void)state;
    wm_ruleset *set = NULL;
    wm_error err;
    assert_int_equal(load_rules("ok.word /\\bWort\\b/\nslow.nested /(a+)+$/\n", &set, &err), WM_OK);
    wm_doc *doc = wm_doc_new("bericht", "in/bericht.txt");
    doc->text = run_of('a', 3000, "! Wort", &doc->len);
    wm_stage_ctx ctx = {.matcher = wm_rule_matcher_new(100000, 1000)};
    assert_int_equal(wm_stage_match(&ctx, doc, wm_ruleset_find(set, "slow.nested"), 0), -1);
    assert_int_equal(doc->warnings.len, 1);
    assert_int_equal(doc->warnings.items[0].status, WM_ERR_LIMIT);
    assert_string_equal(doc->warnings.items[0].file, "in/bericht.txt");
    assert_non_null(strstr(doc->warnings.items[0].message, "slow.nested"));
    /* the next rule still runs on the same document */
    assert_int_equal(wm_stage_match(&ctx, doc, wm_ruleset_find(set, "ok.word"), 0), 1);
    assert_int_equal(doc->warnings.len, 1);
    wm_rule_matcher_free(ctx.matcher);
    wm_doc_free(doc);
    wm_ruleset_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(escape_braces_are_not_defines),
        cmocka_unit_test(doubling_defines_are_bounded),
        cmocka_unit_test(nul_bytes_are_rejected_with_their_column),
        cmocka_unit_test(load_errors_outlive_the_ruleset),
        cmocka_unit_test(catastrophic_pattern_hits_the_match_limit),
        cmocka_unit_test(deep_backtracking_stays_bounded),
        cmocka_unit_test(limit_hit_becomes_a_document_warning),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
