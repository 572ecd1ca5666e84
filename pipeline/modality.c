/* modality.c - runs the word-class and cue rules of rules/meetings.rules into per-token bit sets,
 * and decides from the cues in a clause whether an encounter happened, is planned or fell through. */
#include <string.h>

#include "alloc.h"
#include "modality.h"

static const char *const mark_names[] = {
#define WM_X(e, name) name,
    WM_MEET_MARKS(WM_X)
#undef WM_X
};

static uint32_t mark_of_rule(const wm_rule *rule)
{
    char value[32];
    if (!wm_rule_attr(rule, "mark", value, sizeof value) && !wm_rule_attr(rule, "cue", value, sizeof value))
        return 0;
    for (int i = 0; i < WM_MARKBIT_COUNT; i++)
        if (strcmp(mark_names[i], value) == 0)
            return 1u << i;
    return 0;
}

void wm_span_tokens(const wm_doc *doc, wm_span span, int32_t *first, int32_t *end)
{
    size_t lo = 0, hi = doc->tokens.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->tokens.items[mid].span.end <= span.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t e = lo;
    while (e < doc->tokens.len && doc->tokens.items[e].span.start < span.end)
        e++;
    *first = (int32_t)lo;
    *end = (int32_t)e;
}

static int match_order(const void *a, const void *b)
{
    const wm_mark_match *x = a, *y = b;
    if (x->first_tok != y->first_tok)
        return x->first_tok < y->first_tok ? -1 : 1;
    if (x->end_tok != y->end_tok)
        return x->end_tok > y->end_tok ? -1 : 1;
    return strcmp(x->rule->id, y->rule->id);
}

void wm_marks_build(wm_marks *m, wm_doc *doc, wm_stage_ctx *ctx)
{
    memset(m, 0, sizeof *m);
    m->tok = wm_xcalloc(doc->tokens.len + 1, sizeof *m->tok);
    const wm_ruleset *rules = wm_kb_rules(ctx->kb, WM_RULES_MEETINGS);
    for (size_t r = 0; r < wm_ruleset_size(rules); r++) {
        const wm_rule *rule = wm_ruleset_rule(rules, r);
        uint32_t mark = mark_of_rule(rule);
        if (!mark)
            continue;
        int32_t pos = 0;
        while (pos < doc->len && wm_stage_match(ctx, doc, rule, pos) == 1) {
            wm_span whole;
            wm_rule_group(ctx->matcher, rule, NULL, &whole);
            pos = whole.end > whole.start ? whole.end : whole.start + 1;
            if (whole.end <= whole.start)
                continue;
            wm_mark_match mm = {.span = whole, .rule = rule, .mark = mark};
            wm_span_tokens(doc, whole, &mm.first_tok, &mm.end_tok);
            if (mm.first_tok >= mm.end_tok)
                continue;
            for (int32_t t = mm.first_tok; t < mm.end_tok; t++)
                m->tok[t] |= mark == WM_MARK_RELATIVE ? 0 : mark;
            if (mark == WM_MARK_RELATIVE) /* only the opener's first word matters, at a chunk start */
                m->tok[mm.first_tok] |= WM_MARK_RELATIVE | (mm.end_tok - mm.first_tok > 1 ? WM_MARK_REL_PREP : 0);
            wm_vec_push(&m->matches, mm);
        }
    }
    if (m->matches.len > 1)
        qsort(m->matches.items, m->matches.len, sizeof *m->matches.items, match_order);
    for (size_t i = 0; i < m->matches.len; i++) {
        int32_t n = m->matches.items[i].end_tok - m->matches.items[i].first_tok;
        if (n > m->longest)
            m->longest = n;
    }
    for (size_t i = 0; i < m->matches.len; i++)
        if (m->matches.items[i].mark == WM_MARK_ANNOUNCE) {
            m->announce = &m->matches.items[i];
            break;
        }
}

void wm_marks_free(wm_marks *m)
{
    free(m->tok);
    wm_vec_free(&m->matches);
}

const wm_mark_match *wm_marks_at(const wm_marks *m, int32_t t, uint32_t mark)
{
    if (!(m->tok[t] & mark))
        return NULL;
    size_t lo = 0, hi = m->matches.len; /* past the last match that starts at or before t */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m->matches.items[mid].first_tok <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    const wm_mark_match *found = NULL;
    for (size_t i = lo; i > 0 && m->matches.items[i - 1].first_tok > t - m->longest; i--) {
        const wm_mark_match *mm = &m->matches.items[i - 1];
        if (mm->mark == mark && t < mm->end_tok)
            found = mm; /* the earliest-starting match that covers t */
    }
    return found;
}

static const wm_mark_match *first_cue(const wm_marks *m, int32_t first, int32_t end,
                                      int (*in_clause)(int32_t, const void *), const void *ctx, uint32_t mark)
{
    for (int32_t t = first; t < end; t++)
        if ((m->tok[t] & mark) && in_clause(t, ctx))
            return wm_marks_at(m, t, mark);
    return NULL;
}

wm_modality wm_modality_decide(const wm_marks *m, int32_t first, int32_t end, int (*in_clause)(int32_t, const void *),
                               const void *ctx, int past, const wm_mark_match **cue)
{
    if ((*cue = first_cue(m, first, end, in_clause, ctx, WM_MARK_CANCEL)) ||
        (*cue = first_cue(m, first, end, in_clause, ctx, WM_MARK_NEG)))
        return WM_MODALITY_CANCELLED;
    if (past)
        return WM_MODALITY_HAPPENED;
    if ((*cue = first_cue(m, first, end, in_clause, ctx, WM_MARK_HABITUAL)))
        return WM_MODALITY_HABITUAL;
    if ((*cue = first_cue(m, first, end, in_clause, ctx, WM_MARK_PLANNED)) ||
        (*cue = first_cue(m, first, end, in_clause, ctx, WM_MARK_FUTURE)))
        return WM_MODALITY_PLANNED;
    if ((*cue = m->announce))
        return WM_MODALITY_PLANNED;
    return WM_MODALITY_HAPPENED;
}
