/* date_value.h - proleptic Gregorian calendar arithmetic and ISO 8601 text for the dates stage.
 * Pure value functions without state; a wm_cal_date owns nothing. */
#ifndef WM_DATE_VALUE_H
#define WM_DATE_VALUE_H

#include <stddef.h>
#include <stdint.h>

/* How much of a date is known: a year, a month of a year, or a day. */
typedef enum { WM_PREC_NONE, WM_PREC_YEAR, WM_PREC_MONTH, WM_PREC_DAY } wm_date_prec;

typedef struct {
    int year, month, day; /* fields beyond `prec` are 0 */
    wm_date_prec prec;
} wm_cal_date;

int wm_cal_days_in_month(int year, int month);
/* Whether year/month/day form a calendar day (1000..2999 for the year). */
int wm_cal_valid(int year, int month, int day);
/* ISO weekday of a day: 1 = Monday ... 7 = Sunday. */
int wm_cal_weekday(int year, int month, int day);

wm_cal_date wm_cal_day(int year, int month, int day);
wm_cal_date wm_cal_month(int year, int month);
wm_cal_date wm_cal_year(int year);

/* Shifts keep the precision of d: days need a day, months at least a month. Adding months to
 * a day clamps to the month's last day (31 March + 1 month = 30 April). */
wm_cal_date wm_cal_add_days(wm_cal_date d, int days);
wm_cal_date wm_cal_add_months(wm_cal_date d, int months);
wm_cal_date wm_cal_add_years(wm_cal_date d, int years);

/* d cut down to at most `prec`. */
wm_cal_date wm_cal_truncate(wm_cal_date d, wm_date_prec prec);

/* Compares two dates on their common precision: <0, 0, >0. */
int wm_cal_compare(wm_cal_date a, wm_cal_date b);

/* Writes YYYY, YYYY-MM or YYYY-MM-DD; returns the length, 0 for WM_PREC_NONE. */
int wm_cal_format(wm_cal_date d, char *buf, size_t size);
/* Writes "a/b" (an ISO 8601 interval); returns the length. */
int wm_cal_format_interval(wm_cal_date a, wm_cal_date b, char *buf, size_t size);

/* Parses YYYY, YYYY-MM or YYYY-MM-DD (the whole string); returns 0 when it is none of them. */
int wm_cal_parse(const char *s, wm_cal_date *out);

/* A two-digit year as written in "3.4.19": 00..49 -> 20xx, 50..99 -> 19xx. */
int wm_cal_expand_year(int two_digits);

#endif
