/* dates.c - the dates stage: runs rules/dates.rules, reads each match's named groups into a
 * date expression, keeps the longest non-overlapping ones outside "not a date" spans, finds the
 * document's own date and anchors the rest (date_anchor.c). Owns doc->dates and the doc's date. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

#include "date_anchor.h"
#include "dates.h"
#include "vec.h"

/* How far into a document a dateline may stand (UTF-16 units): after title and subtitle. */
enum { WM_DATELINE_REACH = 1500 };

typedef enum { RULE_CALENDAR, RULE_RANGE, RULE_DECADE, RULE_WEEKDAY, RULE_SHIFT, RULE_DATELINE, RULE_STAND,
               RULE_BLOCK, RULE_CUE, RULE_UNKNOWN } rule_type;

static rule_type type_of(const wm_rule *rule)
{
    static const char *const names[] = {"calendar", "range", "decade", "weekday", "shift",
                                        "dateline", "stand", "block", "cue"};
    char buf[32];
    if (!wm_rule_attr(rule, "type", buf, sizeof buf))
        return RULE_UNKNOWN;
    for (int i = 0; i < RULE_UNKNOWN; i++)
        if (strcmp(buf, names[i]) == 0)
            return (rule_type)i;
    return RULE_UNKNOWN;
}

typedef struct {
    wm_date_expr expr;
    size_t rule_index; /* earlier rules win ties */
} candidate;

typedef struct {
    wm_span span, date, place;
    rule_type type;
} marker; /* a dateline or "Stand:" line */

typedef struct {
    wm_span span;
    int future;
} cue;

typedef struct {
    wm_doc *doc;
    wm_stage_ctx *ctx;
    const wm_rule *rule;
    WM_VEC(candidate) candidates;
    WM_VEC(wm_span) blocks;
    WM_VEC(marker) markers;
    WM_VEC(cue) cues;
} reader;

static int group(const reader *r, const char *name, wm_span *out)
{
    return wm_rule_group(r->ctx->matcher, r->rule, name, out) && out->end > out->start;
}

static int span_int(const wm_doc *doc, wm_span s)
{
    int v = 0;
    for (int32_t i = s.start; i < s.end && doc->text[i] >= '0' && doc->text[i] <= '9'; i++)
        v = v * 10 + (doc->text[i] - '0');
    return v;
}

static int span_is_digits(const wm_doc *doc, wm_span s) { return doc->text[s.start] >= '0' && doc->text[s.start] <= '9'; }

/* Canonical number of the gazetteer entry of `list` spelled like the span, or 0. */
static int list_number(const reader *r, wm_list list, wm_span s)
{
    char utf8[128];
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(utf8, sizeof utf8, &n, r->doc->text + s.start, s.end - s.start, &status);
    if (U_FAILURE(status) || n >= (int32_t)sizeof utf8)
        return 0;
    UChar key[256];
    int32_t klen = wm_gazetteer_key(utf8, (size_t)n, key, 256);
    const wm_gazetteer *gaz = wm_kb_gazetteer(r->ctx->kb);
    wm_gaz_lookup found;
    if (klen <= 0 || !wm_gazetteer_find(gaz, key, klen, &found))
        return 0;
    int32_t entry = wm_gaz_lookup_in_list(gaz, &found, list);
    return entry < 0 ? 0 : atoi(wm_gazetteer_entry(gaz, entry)->canonical);
}

/* A month written as a number ("03.") or a name ("März", "Sept."); 0 when neither. */
static int month_of(const reader *r, wm_span s)
{
    int m = span_is_digits(r->doc, s) ? span_int(r->doc, s) : list_number(r, WM_LIST_MONTHS, s);
    return m >= 1 && m <= 12 ? m : 0;
}

static int year_of(const reader *r, wm_span s)
{
    int y = span_int(r->doc, s);
    return s.end - s.start == 2 ? wm_cal_expand_year(y) : y;
}

static int contains_char(const wm_doc *doc, wm_span s, UChar c)
{
    for (int32_t i = s.start; i < s.end; i++)
        if (doc->text[i] == c)
            return 1;
    return 0;
}

/* A day that fits its month (29 February only in a leap year when the year is written). */
static int day_fits(int day, int month, int year)
{
    return day >= 1 && day <= wm_cal_days_in_month(year ? year : 2000, month);
}

static int read_calendar(const reader *r, wm_date_expr *e)
{
    wm_span s;
    e->type = WM_EXPR_CALENDAR;
    if (group(r, "year", &s))
        e->year = year_of(r, s);
    if (group(r, "month", &s)) {
        char bare[8];
        if (wm_rule_attr(r->rule, "bare", bare, sizeof bare) && contains_char(r->doc, s, '.'))
            return 0; /* an abbreviation ("Aug.") names a month only next to a day or a year */
        if (!(e->month = month_of(r, s)))
            return 0;
    }
    if (group(r, "day", &s)) {
        e->day = span_int(r->doc, s);
        if (!e->month || !day_fits(e->day, e->month, e->year))
            return 0;
    }
    if (group(r, "weekday", &s)) {
        int wd = list_number(r, WM_LIST_WEEKDAYS, s);
        if (e->year && e->day && wd && wm_cal_weekday(e->year, e->month, e->day) != wd)
            return 0; /* "Montag, 4. Juni 2024" names two different days: trust neither */
    }
    if (group(r, "this", &s) || group(r, "last", &s) || group(r, "next", &s)) {
        wm_span x;
        e->has_year_shift = 1;
        e->year_shift = group(r, "last", &x) ? -1 : group(r, "next", &x) ? 1 : 0;
    }
    return e->year || e->month;
}

static int read_range(const reader *r, wm_date_expr *e)
{
    wm_span s;
    e->type = WM_EXPR_RANGE;
    if (group(r, "year", &s))
        e->year = year_of(r, s);
    if (group(r, "year2", &s))
        e->year2 = year_of(r, s);
    if (group(r, "month", &s) && !(e->month = month_of(r, s)))
        return 0;
    if (group(r, "month2", &s) && !(e->month2 = month_of(r, s)))
        return 0;
    if (group(r, "day", &s))
        e->day = span_int(r->doc, s);
    if (group(r, "day2", &s))
        e->day2 = span_int(r->doc, s);
    if (!e->day2)
        return e->year && e->year2 && e->year < e->year2;
    char pair[8];
    if (wm_rule_attr(r->rule, "pair", pair, sizeof pair) && e->day2 != e->day + 1)
        return 0;
    int y2 = e->year2 ? e->year2 : e->year;
    return day_fits(e->day, e->month ? e->month : e->month2, y2) && day_fits(e->day2, e->month2, y2);
}

/* "Mitte der 1990er Jahre" -> 1995 (the middle year); "Anfang der 1990er" -> 1990/1993,
 * "Ende der 1990er" -> 1997/1999, "der 1990er Jahre" and "der 90er Jahre" -> 1990/1999. */
static int read_decade(const reader *r, wm_date_expr *e)
{
    wm_span s;
    e->type = WM_EXPR_DECADE;
    e->kind = WM_DATEKIND_DECADE;
    if (!group(r, "decade", &s))
        return 0;
    int d = span_int(r->doc, s);
    if (d < 100)
        d += 1900; /* "der 90er Jahre"; "20er" could be either century and is not read */
    int first = d, last = d + 9;
    if (group(r, "part", &s)) {
        UChar c = r->doc->text[s.start];
        if (c == 'M') {
            snprintf(e->decade_value, sizeof e->decade_value, "%04d", d + 5);
            return 1;
        }
        if (c == 'A')
            last = d + 3;
        else
            first = d + 7;
    }
    snprintf(e->decade_value, sizeof e->decade_value, "%04d/%04d", first, last);
    return 1;
}

static int read_weekday(const reader *r, wm_date_expr *e)
{
    wm_span s;
    e->type = WM_EXPR_WEEKDAY;
    if (!group(r, "weekday", &s) || !(e->weekday = list_number(r, WM_LIST_WEEKDAYS, s)))
        return 0;
    if (e->weekday > 7)
        return 0;
    e->direction = group(r, "next", &s) ? WM_DIR_NEXT : group(r, "last", &s) ? WM_DIR_LAST : WM_DIR_UNKNOWN;
    return 1;
}

static int read_unit(const reader *r, wm_date_unit *unit)
{
    char buf[16];
    wm_span s;
    if (wm_rule_attr(r->rule, "unit", buf, sizeof buf)) {
        *unit = buf[0] == 'd' ? WM_UNIT_DAY : buf[0] == 'w' ? WM_UNIT_WEEK : buf[0] == 'm' ? WM_UNIT_MONTH : WM_UNIT_YEAR;
        return 1;
    }
    if (!group(r, "unit", &s))
        return 0;
    switch (r->doc->text[s.start]) { /* Jahr, Monat, Woche, Tag */
    case 'J': *unit = WM_UNIT_YEAR; return 1;
    case 'M': *unit = WM_UNIT_MONTH; return 1;
    case 'W': *unit = WM_UNIT_WEEK; return 1;
    case 'T': *unit = WM_UNIT_DAY; return 1;
    default: return 0;
    }
}

static int read_shift(const reader *r, wm_date_expr *e)
{
    char buf[16];
    wm_span s;
    e->type = WM_EXPR_SHIFT;
    if (!read_unit(r, &e->unit))
        return 0;
    if (wm_rule_attr(r->rule, "amount", buf, sizeof buf)) {
        e->amount = atoi(buf);
    } else if (group(r, "num", &s)) {
        int n = span_is_digits(r->doc, s) ? span_int(r->doc, s) : list_number(r, WM_LIST_NUMBER_WORDS, s);
        if (n <= 0)
            return 0;
        e->amount = wm_rule_attr(r->rule, "sign", buf, sizeof buf) ? atoi(buf) * n : n;
    } else {
        e->amount = group(r, "next", &s) ? 1 : group(r, "last", &s) ? -1 : 0;
    }
    e->anaphoric = group(r, "bare", &s);
    return 1;
}

static void read_match(reader *r, size_t rule_index, rule_type type, wm_span whole)
{
    wm_span s;
    if (type == RULE_BLOCK) {
        wm_vec_push(&r->blocks, whole);
        return;
    }
    if (type == RULE_CUE) {
        char tense[16] = "";
        wm_rule_attr(r->rule, "tense", tense, sizeof tense);
        cue c = {whole, strcmp(tense, "future") == 0};
        wm_vec_push(&r->cues, c);
        return;
    }
    if (type == RULE_DATELINE || type == RULE_STAND) {
        marker m = {.span = whole, .type = type, .place = {0, 0}};
        if (!group(r, "date", &m.date))
            return;
        group(r, "place", &m.place);
        wm_vec_push(&r->markers, m);
        return;
    }
    candidate c = {.rule_index = rule_index};
    wm_date_expr *e = &c.expr;
    e->span = whole;
    e->rule = r->rule->id;
    e->kind = WM_DATEKIND_DATE;
    int ok = 0;
    switch (type) {
    case RULE_CALENDAR: ok = read_calendar(r, e); break;
    case RULE_RANGE: ok = read_range(r, e); break;
    case RULE_DECADE: ok = read_decade(r, e); break;
    case RULE_WEEKDAY: ok = read_weekday(r, e); break;
    case RULE_SHIFT: ok = read_shift(r, e); break;
    default: break;
    }
    if (!ok)
        return;
    if (type == RULE_RANGE)
        e->kind = WM_DATEKIND_RANGE;
    if (group(r, "since", &s))
        e->kind = WM_DATEKIND_SINCE;
    else if (group(r, "until", &s))
        e->kind = WM_DATEKIND_UNTIL;
    wm_vec_push(&r->candidates, c);
}

static void run_rules(reader *r)
{
    const wm_ruleset *set = wm_kb_rules(r->ctx->kb, WM_RULES_DATES);
    for (size_t i = 0; i < wm_ruleset_size(set); i++) {
        r->rule = wm_ruleset_rule(set, i);
        rule_type type = type_of(r->rule);
        if (type == RULE_UNKNOWN)
            continue;
        int32_t pos = 0;
        while (pos <= r->doc->len && wm_stage_match(r->ctx, r->doc, r->rule, pos) == 1) {
            wm_span whole;
            wm_rule_group(r->ctx->matcher, r->rule, NULL, &whole);
            if (whole.end > whole.start)
                read_match(r, i, type, whole);
            pos = whole.end > pos ? whole.end : pos + 1;
        }
    }
}

static int overlaps(wm_span a, wm_span b) { return a.start < b.end && b.start < a.end; }

static int by_length_then_position(const void *pa, const void *pb)
{
    const candidate *a = pa, *b = pb;
    int32_t la = a->expr.span.end - a->expr.span.start, lb = b->expr.span.end - b->expr.span.start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->expr.span.start != b->expr.span.start)
        return a->expr.span.start < b->expr.span.start ? -1 : 1;
    return a->rule_index < b->rule_index ? -1 : a->rule_index > b->rule_index;
}

static int by_position(const void *pa, const void *pb)
{
    const wm_date_expr *a = pa, *b = pb;
    return a->span.start < b->span.start ? -1 : a->span.start > b->span.start;
}

static int by_start(const void *pa, const void *pb)
{
    const wm_span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Whether s overlaps one of the spans sorted by start, whose running maximum end is max_end. */
static int overlaps_sorted(const wm_span *spans, const int32_t *max_end, size_t n, wm_span s)
{
    size_t lo = 0, hi = n; /* spans[0..lo) start before s ends */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (spans[mid].start < s.end)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && max_end[lo - 1] > s.start;
}

/* Whether s overlaps a chosen span; owner[u] is 1 + the chosen span covering text unit u, or
 * 0, and empty_at marks the chosen empty spans. */
static int overlaps_chosen(const int32_t *owner, const unsigned char *empty_at, wm_span s)
{
    if (s.start == s.end)
        return s.start > 0 && owner[s.start - 1] && owner[s.start - 1] == owner[s.start];
    for (int32_t u = s.start; u < s.end; u++)
        if (owner[u] || (u > s.start && empty_at[u]))
            return 1;
    return 0;
}

/* The longest candidates win; a candidate that touches a "not a date" span is dropped.
 * (Comparing each candidate with every block and every chosen one was quadratic in a
 * document with thousands of dates.) */
static size_t choose(reader *r, wm_date_expr **out)
{
    if (r->candidates.len)
        qsort(r->candidates.items, r->candidates.len, sizeof *r->candidates.items, by_length_then_position);
    size_t nb = r->blocks.len;
    wm_span *blocks = wm_xmalloc((nb ? nb : 1) * sizeof *blocks);
    int32_t *max_end = wm_xmalloc((nb ? nb : 1) * sizeof *max_end);
    if (nb) {
        memcpy(blocks, r->blocks.items, nb * sizeof *blocks);
        qsort(blocks, nb, sizeof *blocks, by_start);
    }
    for (size_t b = 0; b < nb; b++)
        max_end[b] = b && max_end[b - 1] > blocks[b].end ? max_end[b - 1] : blocks[b].end;
    int32_t len = r->doc->len;
    int32_t *owner = wm_xcalloc((size_t)len + 1, sizeof *owner);
    unsigned char *empty_at = wm_xcalloc((size_t)len + 1, 1);
    wm_date_expr *chosen = wm_xcalloc(r->candidates.len + 1, sizeof *chosen);
    size_t n = 0;
    for (size_t i = 0; i < r->candidates.len; i++) {
        wm_span s = r->candidates.items[i].expr.span;
        if (overlaps_sorted(blocks, max_end, nb, s) || overlaps_chosen(owner, empty_at, s))
            continue;
        chosen[n++] = r->candidates.items[i].expr;
        if (s.start == s.end)
            empty_at[s.start] = 1;
        for (int32_t u = s.start; u < s.end; u++)
            owner[u] = (int32_t)n;
    }
    free(blocks);
    free(max_end);
    free(owner);
    free(empty_at);
    if (n)
        qsort(chosen, n, sizeof *chosen, by_position);
    *out = chosen;
    return n;
}

static int32_t segment_at(const wm_doc *doc, int32_t pos)
{
    int32_t t = wm_doc_token_at(doc, pos);
    return t >= 0 ? doc->tokens.items[t].segment : -1;
}

/* A bare weekday turns forward in a sentence with a future cue and no past one. */
static void set_directions(const reader *r, wm_date_expr *exprs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        wm_date_expr *e = &exprs[i];
        if (e->type != WM_EXPR_WEEKDAY || e->direction != WM_DIR_UNKNOWN || e->segment < 0)
            continue;
        wm_span seg = r->doc->segments.items[e->segment].span;
        int future = 0, past = 0;
        for (size_t c = 0; c < r->cues.len; c++)
            if (overlaps(r->cues.items[c].span, seg))
                *(r->cues.items[c].future ? &future : &past) += 1;
        if (future && !past)
            e->direction = WM_DIR_FUTURE;
        else if (past)
            e->direction = WM_DIR_PAST;
    }
}

/* The expression lying inside a marker's date, with at least `prec`, or -1. */
static int32_t expr_in(const wm_date_expr *exprs, size_t n, wm_span where, wm_date_prec prec)
{
    for (size_t i = 0; i < n; i++) {
        const wm_date_expr *e = &exprs[i];
        if (e->type != WM_EXPR_CALENDAR || !e->year || !overlaps(e->span, where))
            continue;
        wm_date_prec p = e->day ? WM_PREC_DAY : e->month ? WM_PREC_MONTH : WM_PREC_YEAR;
        if (p >= prec)
            return (int32_t)i;
    }
    return -1;
}

static wm_cal_date expr_date(const wm_date_expr *e)
{
    return e->day ? wm_cal_day(e->year, e->month, e->day) : e->month ? wm_cal_month(e->year, e->month) : wm_cal_year(e->year);
}

/* The location entity whose mention lies in the dateline's place, or -1. */
static int32_t place_entity(const wm_doc *doc, wm_span place)
{
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind == WM_ENTITY_LOCATION && m->entity >= 0 && !(m->flags & WM_MENTION_DROPPED) &&
            m->span.start >= place.start && m->span.end <= place.end)
            return m->entity;
    }
    return -1;
}

/* The first marker of `type` (within `reach` of the start) that holds a date of `prec`; sets
 * *found to that date's expression and returns the marker, or NULL. */
static const marker *first_marker(const reader *r, const wm_date_expr *exprs, size_t n, rule_type type, int32_t reach,
                                  wm_date_prec prec, int32_t *found)
{
    for (size_t m = 0; m < r->markers.len; m++) {
        const marker *mk = &r->markers.items[m];
        if (mk->type == type && mk->span.start <= reach && (*found = expr_in(exprs, n, mk->date, prec)) >= 0)
            return mk;
    }
    return NULL;
}

/* Sets the document's date from --dct, else a dateline near the top, else a "Stand:" line,
 * else a dateline further down (a letter's "Ort, den ..."); returns the expression that is the
 * document's date, or -1. */
static int32_t find_reference(const reader *r, wm_date_expr *exprs, size_t n, wm_cal_date *ref, wm_date_anchor *kind)
{
    wm_doc *doc = r->doc;
    int32_t found = -1;
    const marker *mk = first_marker(r, exprs, n, RULE_DATELINE, WM_DATELINE_REACH, WM_PREC_DAY, &found);
    if (!mk && first_marker(r, exprs, n, RULE_STAND, INT32_MAX, WM_PREC_YEAR, &found))
        *kind = WM_ANCHOR_STAND_LINE;
    else if (mk || (mk = first_marker(r, exprs, n, RULE_DATELINE, INT32_MAX, WM_PREC_DAY, &found)))
        *kind = WM_ANCHOR_DATELINE;
    if (mk && mk->place.end > mk->place.start)
        doc->dateline_place = place_entity(doc, mk->place);
    ref->prec = WM_PREC_NONE;
    if (found >= 0)
        *ref = expr_date(&exprs[found]);
    if (r->ctx->dct && wm_cal_parse(r->ctx->dct, ref))
        *kind = WM_ANCHOR_DCT;
    if (ref->prec != WM_PREC_NONE) {
        wm_cal_format(*ref, doc->reference_date, sizeof doc->reference_date);
        doc->reference_anchor = *kind;
    }
    return found;
}

/* "seit Januar 2013" in the sentence of a role is when the role began. */
static void attach_role_starts(wm_doc *doc)
{
    for (size_t i = 0; i < doc->roles.len; i++) {
        wm_role *role = &doc->roles.items[i];
        if (role->since >= 0)
            continue;
        int32_t seg = segment_at(doc, role->title.start);
        int32_t first;
        size_t count = seg >= 0 ? wm_dates_in_segment(doc, seg, &first) : 0;
        for (size_t k = 0; k < count; k++)
            if (doc->dates.items[first + (int32_t)k].kind == WM_DATEKIND_SINCE) {
                role->since = first + (int32_t)k;
                break;
            }
    }
}

wm_status wm_dates(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    reader r = {.doc = doc, .ctx = ctx};
    run_rules(&r);
    wm_date_expr *exprs;
    size_t n = choose(&r, &exprs);
    for (size_t i = 0; i < n; i++)
        exprs[i].segment = segment_at(doc, exprs[i].span.start);
    set_directions(&r, exprs, n);
    wm_cal_date ref;
    wm_date_anchor kind = WM_ANCHOR_EXPLICIT;
    int32_t ref_expr = find_reference(&r, exprs, n, &ref, &kind);
    wm_date_anchor_all(exprs, n, ref, kind);
    for (size_t i = 0; i < n; i++) {
        const wm_date_expr *e = &exprs[i];
        if (!e->value[0])
            continue;
        wm_date d = {.span = e->span, .rule = e->rule, .anchor = e->anchor, .kind = e->kind, .segment = e->segment};
        snprintf(d.value, sizeof d.value, "%s", e->value);
        if ((int32_t)i == ref_expr)
            doc->reference_index = (int32_t)doc->dates.len;
        wm_vec_push(&doc->dates, d);
    }
    attach_role_starts(doc);
    free(exprs);
    wm_vec_free(&r.candidates);
    wm_vec_free(&r.blocks);
    wm_vec_free(&r.markers);
    wm_vec_free(&r.cues);
    return WM_OK;
}

size_t wm_dates_in_segment(const wm_doc *doc, int32_t segment, int32_t *first)
{
    size_t count = 0;
    *first = -1;
    for (size_t i = 0; i < doc->dates.len; i++)
        if (doc->dates.items[i].segment == segment) {
            if (!count)
                *first = (int32_t)i;
            count++;
        }
    return count;
}

static int dates_events(const wm_date *d) { return d->kind == WM_DATEKIND_DATE || d->kind == WM_DATEKIND_RANGE; }

int32_t wm_dates_event_date(const wm_doc *doc, int32_t segment, int32_t pos)
{
    int32_t first, best = -1;
    size_t count = segment >= 0 ? wm_dates_in_segment(doc, segment, &first) : 0;
    for (size_t k = 0; k < count; k++) {
        int32_t i = first + (int32_t)k;
        const wm_date *d = &doc->dates.items[i];
        if (!dates_events(d) || (i == doc->reference_index && count > 1))
            continue;
        int32_t dist = d->span.end <= pos ? pos - d->span.end : d->span.start - pos;
        if (dist < 0)
            dist = 0;
        if (best < 0) {
            best = i;
            continue;
        }
        const wm_date *b = &doc->dates.items[best];
        int32_t bdist = b->span.end <= pos ? pos - b->span.end : b->span.start - pos;
        if (dist < (bdist < 0 ? 0 : bdist))
            best = i;
    }
    if (best >= 0)
        return best;
    for (int32_t s = segment - 1; s >= 0; s--) {
        wm_segment_kind k = doc->segments.items[s].kind;
        if (k == WM_SEGMENT_HEADING)
            break;
        if (k == WM_SEGMENT_CAPTION || k == WM_SEGMENT_CREDIT)
            continue;
        count = wm_dates_in_segment(doc, s, &first);
        for (size_t j = count; j-- > 0;)
            if (dates_events(&doc->dates.items[first + (int32_t)j]))
                return first + (int32_t)j;
    }
    return doc->reference_index;
}
