/* test_stats.c - the run summary: skip reasons grouped without their details, the overflow
 * slot, the --stats text, and the id set that finds duplicate documents. */
#include "testutil.h"

#include "stats.h"
#include "strset.h"

static void test_reasons(void **state)
{
    (void)state;
    wm_batch_stats s;
    memset(&s, 0, sizeof s);
    wm_error e;
    wm_error_set(&e, WM_ERR_INPUT, "a.txt", 0, 0, "document too large (123 bytes; the limit is 100)");
    wm_stats_add_skipped(&s, &e);
    wm_error_set(&e, WM_ERR_INPUT, "b.txt", 0, 0, "document too large (456 bytes; the limit is 100)");
    wm_stats_add_skipped(&s, &e);
    wm_error_set(&e, WM_ERR_IO, "c.txt", 0, 0, "cannot open: No such file or directory");
    wm_stats_add_skipped(&s, &e);
    wm_error_set(&e, WM_ERR_INPUT, "-:3", 0, 0, "invalid JSON at column 3: '[' expected");
    wm_stats_add_skipped(&s, &e);
    assert_int_equal(s.skipped, 4);
    assert_int_equal(s.reason_count, 3);
    assert_string_equal(s.reasons[0].reason, "document too large");
    assert_int_equal(s.reasons[0].count, 2);
    assert_string_equal(s.reasons[1].reason, "cannot open");
    assert_string_equal(s.reasons[2].reason, "invalid JSON");

    for (int k = 0; k < 2 * WM_SKIP_REASONS; k++) {
        wm_error_set(&e, WM_ERR_INPUT, "x", 0, 0, "reason number %d", k);
        wm_stats_add_skipped(&s, &e);
    }
    assert_int_equal(s.reason_count, WM_SKIP_REASONS);
    assert_string_equal(s.reasons[WM_SKIP_REASONS - 1].reason, "other");
    size_t total = 0;
    for (size_t i = 0; i < s.reason_count; i++)
        total += s.reasons[i].count;
    assert_int_equal(total, s.skipped);
}

static void test_summary_text(void **state)
{
    (void)state;
    wm_batch_stats s;
    memset(&s, 0, sizeof s);
    wm_doc_counts c;
    memset(&c, 0, sizeof c);
    c.entities[WM_ENTITY_PERSON] = 3;
    c.relations[WM_REL_MET] = 1;
    wm_stats_add_document(&s, &c, 2000000);
    wm_stats_add_document(&s, &c, 2000000);
    char buf[2048];
    wm_stats_format(&s, 2.0, 0.05, 2, buf, sizeof buf);
    assert_non_null(strstr(buf, "whomet: 2 documents, 4.00 MB in 2.000 s: 2.00 MB/s, 1 documents/s, 2 jobs; start-up 50 ms\n"));
    assert_non_null(strstr(buf, "whomet: entities: 6 person, 0 organization"));
    assert_non_null(strstr(buf, "whomet: relations: 2 met"));
    assert_non_null(strstr(buf, "whomet: skipped 0 documents\n"));
    assert_null(strstr(buf, "time by part")); /* nothing timed, no line */
    wm_stats_add_time(&s, "read", 0.5);
    wm_stats_add_time(&s, "segment", 1.0);
    wm_stats_add_time(&s, "read", 0.5);
    assert_int_equal(s.timing_count, 2);
    wm_stats_format(&s, 2.0, 0.05, 2, buf, sizeof buf);
    assert_non_null(strstr(buf, "whomet: time by part (of 2.00 s on all threads): read 50%, segment 50%\n"));
    wm_stats_add_rule_time(&s, "date.slow", 0.5, 10);
    wm_stats_add_rule_time(&s, "date.fast", 0.1, 10);
    wm_stats_add_rule_time(&s, "date.slow", 0.5, 5);
    assert_int_equal(s.rule_count, 2);
    assert_int_equal(s.rules[0].calls, 15);
    wm_stats_format(&s, 2.0, 0.05, 2, buf, sizeof buf);
    assert_non_null(strstr(buf, "whomet: slowest rules (share of that time): date.slow 50.0%, date.fast 5.0%\n"));
    char small[40];
    assert_true(wm_stats_format(&s, 2.0, 0.05, 2, small, sizeof small) < sizeof small);
}

static void test_id_set(void **state)
{
    (void)state;
    wm_strset *set = wm_strset_new();
    char id[32];
    for (int k = 0; k < 5000; k++) {
        snprintf(id, sizeof id, "doc-%d", k);
        assert_int_equal(wm_strset_add(set, id), 1);
    }
    for (int k = 0; k < 5000; k += 7) {
        snprintf(id, sizeof id, "doc-%d", k);
        assert_int_equal(wm_strset_add(set, id), 0);
    }
    assert_int_equal(wm_strset_add(set, ""), 1);
    assert_int_equal(wm_strset_add(set, ""), 0);
    assert_int_equal(wm_strset_size(set), 5001);
    wm_strset_free(set);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reasons),
        cmocka_unit_test(test_summary_text),
        cmocka_unit_test(test_id_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
