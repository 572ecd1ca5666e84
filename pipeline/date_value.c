/* date_value.c - Gregorian day arithmetic (days since 1970-01-01 after H. Hinnant's civil
 * algorithms) and the ISO 8601 text of dates and intervals. Owns no state. */
#include <stdio.h>
#include <string.h>

#include "date_value.h"

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int wm_cal_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return days[month - 1] + (month == 2 && is_leap(year));
}

int wm_cal_valid(int year, int month, int day)
{
    return year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= wm_cal_days_in_month(year, month);
}

static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int wm_cal_weekday(int year, int month, int day)
{
    int64_t z = days_from_civil(year, month, day); /* 1970-01-01 was a Thursday */
    int64_t w = (z % 7 + 7 + 3) % 7;                /* 0 = Monday */
    return (int)w + 1;
}

wm_cal_date wm_cal_day(int year, int month, int day) { return (wm_cal_date){year, month, day, WM_PREC_DAY}; }
wm_cal_date wm_cal_month(int year, int month) { return (wm_cal_date){year, month, 0, WM_PREC_MONTH}; }
wm_cal_date wm_cal_year(int year) { return (wm_cal_date){year, 0, 0, WM_PREC_YEAR}; }

wm_cal_date wm_cal_add_days(wm_cal_date d, int days)
{
    if (d.prec != WM_PREC_DAY)
        return d;
    civil_from_days(days_from_civil(d.year, d.month, d.day) + days, &d.year, &d.month, &d.day);
    return d;
}

wm_cal_date wm_cal_add_months(wm_cal_date d, int months)
{
    if (d.prec < WM_PREC_MONTH)
        return d;
    int index = d.year * 12 + (d.month - 1) + months;
    d.year = index / 12;
    d.month = index % 12 + 1;
    if (d.prec == WM_PREC_DAY && d.day > wm_cal_days_in_month(d.year, d.month))
        d.day = wm_cal_days_in_month(d.year, d.month);
    return d;
}

wm_cal_date wm_cal_add_years(wm_cal_date d, int years)
{
    if (d.prec == WM_PREC_NONE)
        return d;
    d.year += years;
    if (d.prec == WM_PREC_DAY && d.day > wm_cal_days_in_month(d.year, d.month))
        d.day = wm_cal_days_in_month(d.year, d.month);
    return d;
}

wm_cal_date wm_cal_truncate(wm_cal_date d, wm_date_prec prec)
{
    if (d.prec <= prec)
        return d;
    d.prec = prec;
    if (prec < WM_PREC_DAY)
        d.day = 0;
    if (prec < WM_PREC_MONTH)
        d.month = 0;
    if (prec < WM_PREC_YEAR)
        d.year = 0;
    return d;
}

int wm_cal_compare(wm_cal_date a, wm_cal_date b)
{
    wm_date_prec p = a.prec < b.prec ? a.prec : b.prec;
    int fa[3] = {a.year, a.month, a.day}, fb[3] = {b.year, b.month, b.day};
    for (int i = 0; i < (int)p; i++)
        if (fa[i] != fb[i])
            return fa[i] < fb[i] ? -1 : 1;
    return 0;
}

int wm_cal_format(wm_cal_date d, char *buf, size_t size)
{
    int n = 0;
    switch (d.prec) {
    case WM_PREC_YEAR: n = snprintf(buf, size, "%04d", d.year); break;
    case WM_PREC_MONTH: n = snprintf(buf, size, "%04d-%02d", d.year, d.month); break;
    case WM_PREC_DAY: n = snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day); break;
    case WM_PREC_NONE:
        if (size)
            buf[0] = '\0';
        break;
    }
    return n;
}

int wm_cal_format_interval(wm_cal_date a, wm_cal_date b, char *buf, size_t size)
{
    char x[16], y[16];
    wm_cal_format(a, x, sizeof x);
    wm_cal_format(b, y, sizeof y);
    return snprintf(buf, size, "%s/%s", x, y);
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int wm_cal_parse(const char *s, wm_cal_date *out)
{
    size_t n = strlen(s);
    int y, m = 0, d = 0;
    if (n < 4 || !digits(s, 4, &y))
        return 0;
    if (n == 4) {
        *out = wm_cal_year(y);
        return y >= 1000;
    }
    if ((n != 7 && n != 10) || s[4] != '-' || !digits(s + 5, 2, &m))
        return 0;
    if (n == 7) {
        *out = wm_cal_month(y, m);
        return y >= 1000 && m >= 1 && m <= 12;
    }
    if (s[7] != '-' || !digits(s + 8, 2, &d) || !wm_cal_valid(y, m, d))
        return 0;
    *out = wm_cal_day(y, m, d);
    return 1;
}

int wm_cal_expand_year(int two_digits) { return two_digits < 50 ? 2000 + two_digits : 1900 + two_digits; }
