/* date_anchor.c - values for explicit expressions and anchoring of the relative and
 * underspecified ones (see README.md, "Dates", for the order). Owns no state. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "date_anchor.h"

int wm_date_expr_is_explicit(const wm_date_expr *e)
{
    switch (e->type) {
    case WM_EXPR_CALENDAR: return e->year != 0;
    case WM_EXPR_RANGE: return e->year2 != 0 || e->year != 0;
    case WM_EXPR_DECADE: return 1;
    case WM_EXPR_WEEKDAY:
    case WM_EXPR_SHIFT: return 0;
    }
    return 0;
}

/* The calendar date an explicit expression denotes (the start of a range). */
static wm_cal_date explicit_start(const wm_date_expr *e)
{
    if (e->type == WM_EXPR_DECADE) {
        wm_cal_date d = {0};
        return d;
    }
    int y = e->year ? e->year : e->year2;
    int m = e->month ? e->month : (e->type == WM_EXPR_RANGE ? e->month2 : 0);
    if (e->day && m)
        return wm_cal_day(y, m, e->day);
    if (m)
        return wm_cal_month(y, m);
    return wm_cal_year(y);
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The year most explicit dates fall in; 0 when none, or when two years tie. Counted over the
 * sorted years: counting per date was quadratic in a document with thousands of dates. */
int wm_date_dominant_year(const wm_date_expr *exprs, size_t n)
{
    int *years = wm_xmalloc((n ? n : 1) * sizeof *years);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (wm_date_expr_is_explicit(&exprs[i]) && exprs[i].type != WM_EXPR_DECADE)
            years[m++] = explicit_start(&exprs[i]).year;
    qsort(years, m, sizeof *years, compare_ints);
    int best = 0, tied = 0;
    size_t best_count = 0;
    for (size_t i = 0; i < m;) {
        size_t j = i;
        while (j < m && years[j] == years[i])
            j++;
        if (j - i > best_count) {
            best = years[i];
            best_count = j - i;
            tied = 0;
        } else if (j - i == best_count) {
            tied = 1;
        }
        i = j;
    }
    free(years);
    return tied ? 0 : best;
}

/* A range's two ends; the start borrows what it does not write from the end, and a start
 * month after the end month lies in the year before ("27. Dezember bis 3. Januar 2019"). */
static void range_ends(const wm_date_expr *e, int anchor_year, wm_cal_date *a, wm_cal_date *b)
{
    int y2 = e->year2 ? e->year2 : (e->year ? e->year : anchor_year);
    if (!e->day2) {
        *a = wm_cal_year(e->year);
        *b = wm_cal_year(e->year2);
        return;
    }
    int m1 = e->month ? e->month : e->month2;
    int y1 = e->year ? e->year : (m1 > e->month2 ? y2 - 1 : y2);
    *a = wm_cal_day(y1, m1, e->day);
    *b = wm_cal_day(y2, e->month2, e->day2);
}

static int range_valid(wm_cal_date a, wm_cal_date b)
{
    if (a.prec == WM_PREC_DAY && (!wm_cal_valid(a.year, a.month, a.day) || !wm_cal_valid(b.year, b.month, b.day)))
        return 0;
    return wm_cal_compare(a, b) < 0 || (a.prec == WM_PREC_DAY && a.day < b.day && a.month == b.month);
}

static void set_value(wm_date_expr *e, wm_cal_date d, wm_date_anchor anchor)
{
    if (d.prec == WM_PREC_DAY && !wm_cal_valid(d.year, d.month, d.day)) {
        e->value[0] = '\0';
        return;
    }
    wm_cal_format(d, e->value, sizeof e->value);
    e->anchor = anchor;
}

static void value_explicit(wm_date_expr *e)
{
    e->anchor = WM_ANCHOR_EXPLICIT;
    if (e->type == WM_EXPR_DECADE) {
        snprintf(e->value, sizeof e->value, "%s", e->decade_value);
    } else if (e->type == WM_EXPR_RANGE) {
        wm_cal_date a, b;
        range_ends(e, 0, &a, &b);
        if (range_valid(a, b))
            wm_cal_format_interval(a, b, e->value, sizeof e->value);
        else
            e->value[0] = '\0';
    } else {
        set_value(e, explicit_start(e), WM_ANCHOR_EXPLICIT);
    }
}

static int weekday_offset(int from, int to, int direction)
{
    int delta = to - from; /* -6 .. 6 */
    switch (direction) {
    case WM_DIR_LAST: return delta < 0 ? delta : delta - 7;
    case WM_DIR_NEXT: return delta > 0 ? delta : delta + 7;
    case WM_DIR_FUTURE: return delta < 0 ? delta + 7 : delta;
    default: return delta > 0 ? delta - 7 : delta;
    }
}

/* The value of a non-explicit expression relative to `anchor`; "" when the anchor is too coarse
 * to say anything. `forward` is the default direction of a weekday from this anchor. */
static void value_relative(wm_date_expr *e, wm_cal_date anchor, wm_date_anchor kind, int forward)
{
    e->value[0] = '\0';
    switch (e->type) {
    case WM_EXPR_CALENDAR: {
        int y = anchor.year + (e->has_year_shift ? e->year_shift : 0);
        if (e->day && e->month)
            set_value(e, wm_cal_day(y, e->month, e->day), kind);
        else if (e->month)
            set_value(e, wm_cal_month(y, e->month), kind);
        break;
    }
    case WM_EXPR_RANGE: {
        wm_cal_date a, b;
        range_ends(e, anchor.year, &a, &b);
        if (range_valid(a, b)) {
            wm_cal_format_interval(a, b, e->value, sizeof e->value);
            e->anchor = kind;
        }
        break;
    }
    case WM_EXPR_WEEKDAY:
        if (anchor.prec == WM_PREC_DAY) {
            int dir = e->direction != WM_DIR_UNKNOWN ? e->direction : (forward ? WM_DIR_FUTURE : WM_DIR_PAST);
            int off = weekday_offset(wm_cal_weekday(anchor.year, anchor.month, anchor.day), e->weekday, dir);
            set_value(e, wm_cal_add_days(anchor, off), kind);
        } else {
            set_value(e, anchor, kind);
        }
        break;
    case WM_EXPR_SHIFT:
        switch (e->unit) {
        case WM_UNIT_DAY: set_value(e, wm_cal_add_days(anchor, e->amount), kind); break;
        case WM_UNIT_WEEK:
            if (anchor.prec == WM_PREC_DAY) {
                int wd = wm_cal_weekday(anchor.year, anchor.month, anchor.day);
                wm_cal_date monday = wm_cal_add_days(anchor, 1 - wd + 7 * e->amount);
                wm_cal_format_interval(monday, wm_cal_add_days(monday, 6), e->value, sizeof e->value);
                e->anchor = kind;
            }
            break;
        case WM_UNIT_MONTH:
            if (anchor.prec >= WM_PREC_MONTH)
                set_value(e, wm_cal_add_months(wm_cal_truncate(anchor, WM_PREC_MONTH), e->amount), kind);
            else if (e->amount == 0)
                set_value(e, anchor, kind);
            break;
        case WM_UNIT_YEAR: set_value(e, wm_cal_year(anchor.year + e->amount), kind); break;
        }
        break;
    case WM_EXPR_DECADE: break;
    }
}

/* Whether the expression needs a day of its anchor to be exact. */
static int wants_day(const wm_date_expr *e)
{
    return e->type == WM_EXPR_WEEKDAY ||
           (e->type == WM_EXPR_SHIFT && (e->unit == WM_UNIT_DAY || e->unit == WM_UNIT_WEEK));
}

void wm_date_anchor_all(wm_date_expr *exprs, size_t n, wm_cal_date reference, wm_date_anchor reference_kind)
{
    for (size_t i = 0; i < n; i++)
        if (wm_date_expr_is_explicit(&exprs[i]))
            value_explicit(&exprs[i]);
    int dominant = wm_date_dominant_year(exprs, n);
    /* the nearest explicit date before, the nearest one with a day, the nearest multi-day range:
     * kept up to date as the loop passes each expression in its final state (searching back
     * from every expression was quadratic in a document with thousands of dates) */
    const wm_date_expr *prev = NULL, *prev_day = NULL, *prev_range = NULL;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            const wm_date_expr *p = &exprs[i - 1];
            if (p->anchor == WM_ANCHOR_EXPLICIT && p->value[0] && p->type != WM_EXPR_DECADE) {
                prev = p;
                if (p->type == WM_EXPR_CALENDAR && p->day)
                    prev_day = p;
            }
            if (p->type == WM_EXPR_RANGE && p->day2 && p->value[0])
                prev_range = p;
        }
        wm_date_expr *e = &exprs[i];
        if (wm_date_expr_is_explicit(e))
            continue;
        if (e->anaphoric && prev && reference.prec != WM_PREC_NONE && explicit_start(prev).year != reference.year) {
            e->value[0] = '\0'; /* "Anfang des Jahres": the text's year and the document's disagree */
            continue;
        }
        if (e->type == WM_EXPR_WEEKDAY && prev_range) {
            /* a weekday inside a multi-day event written just before belongs to that event */
            wm_cal_date a, b;
            char ends[48];
            snprintf(ends, sizeof ends, "%s", prev_range->value);
            char *slash = strchr(ends, '/');
            if (slash) {
                *slash = '\0';
                if (wm_cal_parse(ends, &a) && wm_cal_parse(slash + 1, &b) && a.prec == WM_PREC_DAY)
                    for (wm_cal_date d = a; wm_cal_compare(d, b) <= 0; d = wm_cal_add_days(d, 1))
                        if (wm_cal_weekday(d.year, d.month, d.day) == e->weekday) {
                            set_value(e, d, WM_ANCHOR_PREVIOUS_DATE);
                            break;
                        }
            }
            if (e->value[0])
                continue;
        }
        if (reference.prec != WM_PREC_NONE) {
            value_relative(e, reference, reference_kind, 0);
        } else if (prev) {
            const wm_date_expr *p = wants_day(e) && prev_day ? prev_day : prev;
            value_relative(e, explicit_start(p), WM_ANCHOR_PREVIOUS_DATE, 1);
        } else if (dominant) {
            value_relative(e, wm_cal_year(dominant), WM_ANCHOR_DOMINANT_YEAR, 0);
        } else {
            e->value[0] = '\0';
        }
    }
}
