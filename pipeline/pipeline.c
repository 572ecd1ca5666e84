/* pipeline.c - the stage list and the worker that runs it. Adding a stage means one line in
 * `stages`; stages communicate only through the document model. */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "alloc.h"
#include "dates.h"
#include "decode.h"
#include "gazmatch.h"
#include "locations.h"
#include "meetings.h"
#include "normalize.h"
#include "organizations.h"
#include "persons.h"
#include "pipeline.h"
#include "resolve.h"
#include "roles.h"
#include "segment.h"
#include "stage.h"

static wm_status normalize_stage(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)ctx;
    return wm_normalize(doc, err);
}

static const wm_stage stages[] = {
    {"normalize", normalize_stage},
    {"segment", wm_segment_text},
    {"gazetteer", wm_gazmatch},
    {"organizations", wm_organizations},
    {"persons", wm_persons},
    {"resolve", wm_resolve},
    {"roles", wm_roles},
    {"locations", wm_locations},
    {"dates", wm_dates},
    {"meetings", wm_meetings},
};

enum { WM_TIMING_SLOTS = 1 + sizeof stages / sizeof *stages };

typedef struct {
    const wm_rule *rule; /* NULL: free slot */
    double seconds;
    size_t calls;
} rule_time;

/* Open addressing by rule address. */
struct wm_rule_timer {
    rule_time *slots;
    size_t mask;
};

/* Direct-mapped by rule address; `serial` tells documents apart (a slot of an earlier
 * document is stale even when the new one sits at the same address). */
enum { WM_MEMO_SLOTS = 512 };

typedef struct {
    const wm_rule *rule;
    uint64_t serial;
    int32_t from;  /* the search started here ... */
    int32_t found; /* ... and its first match attempt that succeeded began here, or -1 for none */
} memo_slot;

struct wm_match_memo {
    uint64_t serial;
    memo_slot slots[WM_MEMO_SLOTS];
};

struct wm_worker {
    wm_stage_ctx ctx;
    struct wm_match_memo memo;
    double seconds[WM_TIMING_SLOTS];
    struct wm_rule_timer timer;
};

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

size_t wm_worker_timing_count(void) { return WM_TIMING_SLOTS; }
const char *wm_worker_timing_name(size_t slot) { return slot == 0 ? "decode" : stages[slot - 1].name; }
double wm_worker_timing(const wm_worker *worker, size_t slot) { return worker->seconds[slot]; }

size_t wm_pipeline_stage_count(void) { return sizeof stages / sizeof *stages; }
const char *wm_pipeline_stage_name(size_t index) { return stages[index].name; }

wm_worker *wm_worker_new(const wm_kb *kb, const wm_pipeline_options *options)
{
    wm_worker *w = wm_xcalloc(1, sizeof *w);
    w->ctx.kb = kb;
    w->ctx.dct = options->dct;
    w->ctx.matcher = wm_rule_matcher_new(options->match_limit, options->depth_limit);
    w->ctx.memo = &w->memo;
    if (options->time_rules)
        w->ctx.rule_timer = &w->timer;
    UErrorCode status = U_ZERO_ERROR;
    w->ctx.sentence_breaks = ubrk_open(UBRK_SENTENCE, "de", NULL, 0, &status);
    if (!w->ctx.matcher || U_FAILURE(status)) {
        wm_worker_free(w);
        return NULL;
    }
    return w;
}

void wm_worker_free(wm_worker *worker)
{
    if (!worker)
        return;
    wm_rule_matcher_free(worker->ctx.matcher);
    if (worker->ctx.sentence_breaks)
        ubrk_close(worker->ctx.sentence_breaks);
    free(worker->timer.slots);
    free(worker);
}

wm_status wm_pipeline_run(wm_worker *worker, wm_doc *doc, const unsigned char *bytes, size_t len, wm_error *err)
{
    double at = now_seconds();
    worker->memo.serial++;
    wm_status st = wm_decode(bytes, len, doc, err);
    for (size_t slot = 0;; slot++) {
        double now = now_seconds();
        worker->seconds[slot] += now - at;
        at = now;
        if (st != WM_OK || slot == wm_pipeline_stage_count())
            break;
        st = stages[slot].run(doc, &worker->ctx, err);
    }
    return st;
}

static rule_time *rule_slot(struct wm_rule_timer *t, const wm_rule *rule)
{
    if (!t->slots) {
        t->mask = 1023;
        t->slots = wm_xcalloc(t->mask + 1, sizeof *t->slots);
    }
    size_t i = (size_t)(((uintptr_t)rule >> 4) * 0x9E3779B97F4A7C15ULL >> 40) & t->mask;
    for (size_t probes = 0; t->slots[i].rule != rule; i = (i + 1) & t->mask) {
        if (!t->slots[i].rule) {
            t->slots[i].rule = rule;
            break;
        }
        if (++probes > t->mask)
            return NULL; /* more than 1024 rules: the rest goes untimed */
    }
    return &t->slots[i];
}

int wm_worker_rule_timing(const wm_worker *worker, size_t index, const wm_rule **rule, double *seconds,
                          size_t *calls)
{
    size_t seen = 0;
    for (size_t i = 0; worker->timer.slots && i <= worker->timer.mask; i++)
        if (worker->timer.slots[i].rule && seen++ == index) {
            *rule = worker->timer.slots[i].rule;
            *seconds = worker->timer.slots[i].seconds;
            *calls = worker->timer.slots[i].calls;
            return 1;
        }
    return 0;
}

/* The memo slot for rule, holding what is known about this document; NULL without a memo. */
static memo_slot *memo_for(wm_stage_ctx *ctx, const wm_rule *rule)
{
    if (!ctx->memo || !rule->restartable)
        return NULL;
    size_t i = (size_t)(((uintptr_t)rule >> 4) * 0x9E3779B97F4A7C15ULL >> 40) % WM_MEMO_SLOTS;
    memo_slot *m = &ctx->memo->slots[i];
    if (m->rule != rule || m->serial != ctx->memo->serial)
        *m = (memo_slot){.rule = rule, .serial = ctx->memo->serial, .from = INT32_MAX};
    return m;
}

int wm_stage_match(wm_stage_ctx *ctx, wm_doc *doc, const wm_rule *rule, int32_t start)
{
    return wm_stage_match_within(ctx, doc, rule, start, doc->len);
}

int wm_stage_match_within(wm_stage_ctx *ctx, wm_doc *doc, const wm_rule *rule, int32_t start, int32_t end)
{
    double at = ctx->rule_timer ? now_seconds() : 0;
    memo_slot *m = memo_for(ctx, rule);
    int known = m && start >= m->from && (m->found < 0 || start <= m->found);
    if (known && m->found < 0)
        return 0; /* an earlier search from before here found nothing */
    wm_error e;
    if (end > doc->len)
        end = doc->len;
    if (start > end)
        return 0;
    int rc;
    if (end < doc->len) {
        /* a bounded search is cheap already, and the memo speaks of whole-text searches */
        rc = wm_rule_match(ctx->matcher, rule, doc->text, end, start, &e);
    } else {
        rc = wm_rule_match(ctx->matcher, rule, doc->text, doc->len, known ? m->found : start, &e);
        if (m && !known && rc >= 0) {
            m->from = start;
            m->found = rc ? wm_rule_attempt_start(ctx->matcher) : -1;
        }
    }
    if (rc < 0) {
        snprintf(e.file, sizeof e.file, "%s", doc->source);
        e.line = 0;
        wm_vec_push(&doc->warnings, e);
    }
    if (ctx->rule_timer) {
        rule_time *t = rule_slot(ctx->rule_timer, rule);
        if (t) {
            t->seconds += now_seconds() - at;
            t->calls++;
        }
    }
    return rc;
}
