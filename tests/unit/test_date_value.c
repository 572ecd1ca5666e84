/* test_date_value.c - calendar arithmetic and ISO 8601 text of pipeline/date_value.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "date_value.h"


static void test_weekday(void **state)
{
    (void)state;
    assert_int_equal(wm_cal_weekday(1970, 1, 1), 4);   /* Thursday */
    assert_int_equal(wm_cal_weekday(2025, 3, 31), 1);  /* Monday */
    assert_int_equal(wm_cal_weekday(2024, 2, 29), 4);
    assert_int_equal(wm_cal_weekday(2000, 1, 1), 6);
    assert_int_equal(wm_cal_weekday(1991, 8, 28), 3);
}

static void test_validity(void **state)
{
    (void)state;
    assert_true(wm_cal_valid(2024, 2, 29));
    assert_false(wm_cal_valid(2023, 2, 29));
    assert_false(wm_cal_valid(1900, 2, 29));
    assert_true(wm_cal_valid(2000, 2, 29));
    assert_false(wm_cal_valid(2024, 4, 31));
    assert_false(wm_cal_valid(2024, 13, 1));
}

static void test_arithmetic(void **state)
{
    (void)state;
    char buf[32];
    wm_cal_format(wm_cal_add_days(wm_cal_day(2024, 12, 31), 1), buf, sizeof buf);
    assert_string_equal(buf, "2025-01-01");
    wm_cal_format(wm_cal_add_days(wm_cal_day(2024, 3, 1), -1), buf, sizeof buf);
    assert_string_equal(buf, "2024-02-29");
    wm_cal_format(wm_cal_add_months(wm_cal_day(2025, 3, 31), 1), buf, sizeof buf);
    assert_string_equal(buf, "2025-04-30");
    wm_cal_format(wm_cal_add_months(wm_cal_month(2025, 1), -1), buf, sizeof buf);
    assert_string_equal(buf, "2024-12");
    wm_cal_format(wm_cal_add_years(wm_cal_year(2017), -10), buf, sizeof buf);
    assert_string_equal(buf, "2007");
    wm_cal_format(wm_cal_truncate(wm_cal_day(2017, 7, 4), WM_PREC_MONTH), buf, sizeof buf);
    assert_string_equal(buf, "2017-07");
}

static void test_format_and_parse(void **state)
{
    (void)state;
    char buf[48];
    wm_cal_format_interval(wm_cal_day(2018, 8, 27), wm_cal_day(2018, 8, 31), buf, sizeof buf);
    assert_string_equal(buf, "2018-08-27/2018-08-31");
    wm_cal_date d;
    assert_true(wm_cal_parse("2024-05-15", &d));
    assert_int_equal(d.prec, WM_PREC_DAY);
    assert_true(wm_cal_parse("2016-10", &d));
    assert_int_equal(d.prec, WM_PREC_MONTH);
    assert_true(wm_cal_parse("2017", &d));
    assert_int_equal(d.prec, WM_PREC_YEAR);
    assert_false(wm_cal_parse("2017-02-30", &d));
    assert_false(wm_cal_parse("17-02-03", &d));
    assert_false(wm_cal_parse("2017-13", &d));
    assert_int_equal(wm_cal_expand_year(19), 2019);
    assert_int_equal(wm_cal_expand_year(91), 1991);
    assert_true(wm_cal_compare(wm_cal_month(2024, 5), wm_cal_day(2024, 5, 17)) == 0);
    assert_true(wm_cal_compare(wm_cal_day(2024, 5, 16), wm_cal_day(2024, 5, 17)) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weekday),
        cmocka_unit_test(test_validity),
        cmocka_unit_test(test_arithmetic),
        cmocka_unit_test(test_format_and_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
