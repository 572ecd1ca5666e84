/* stats.c - counting per document, folding counts into a run, grouping skip reasons, and the
 * text of the --stats summary. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "stats.h"

void wm_doc_count(const wm_doc *doc, wm_doc_counts *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (!(m->flags & WM_MENTION_DROPPED) && m->kind != WM_ENTITY_ROLE && m->kind != WM_ENTITY_DATE)
            out->entities[m->kind]++;
    }
    out->entities[WM_ENTITY_DATE] += doc->dates.len;
    out->entities[WM_ENTITY_ROLE] += doc->roles.len;
    for (size_t i = 0; i < doc->relations.len; i++)
        out->relations[doc->relations.items[i].kind]++;
}

void wm_stats_add_document(wm_batch_stats *stats, const wm_doc_counts *counts, uint64_t bytes)
{
    stats->documents++;
    stats->bytes += bytes;
    for (int k = 0; k < WM_ENTITY_KIND_COUNT; k++)
        stats->entities[k] += counts->entities[k];
    for (int r = 0; r < WM_RELATION_COUNT; r++)
        stats->relations[r] += counts->relations[r];
}

void wm_stats_add_time(wm_batch_stats *stats, const char *name, double seconds)
{
    size_t i = 0;
    while (i < stats->timing_count && strcmp(stats->timings[i].name, name) != 0)
        i++;
    if (i == stats->timing_count) {
        if (i == WM_TIMINGS)
            return;
        stats->timings[i].name = name;
        stats->timings[i].seconds = 0;
        stats->timing_count++;
    }
    stats->timings[i].seconds += seconds;
}

void wm_stats_add_rule_time(wm_batch_stats *stats, const char *rule, double seconds, size_t calls)
{
    size_t i = 0;
    while (i < stats->rule_count && strcmp(stats->rules[i].rule, rule) != 0)
        i++;
    if (i == stats->rule_count) {
        if (i == WM_RULE_TIMINGS)
            return;
        stats->rules[i] = (wm_rule_timing){.rule = rule};
        stats->rule_count++;
    }
    stats->rules[i].seconds += seconds;
    stats->rules[i].calls += calls;
}

static int slower_first(const void *a, const void *b)
{
    double x = ((const wm_rule_timing *)a)->seconds, y = ((const wm_rule_timing *)b)->seconds;
    return x > y ? -1 : x < y;
}

/* The message up to its first detail: "document too large (12 bytes...)" -> "document too large". */
void wm_skip_reason_of(const wm_error *err, char *buf, size_t size)
{
    size_t n = strcspn(err->message, "(:");
    const char *at = strstr(err->message, " at ");
    if (at && (size_t)(at - err->message) < n)
        n = (size_t)(at - err->message);
    while (n > 0 && err->message[n - 1] == ' ')
        n--;
    snprintf(buf, size, "%.*s", (int)n, err->message);
}

void wm_stats_add_skipped(wm_batch_stats *stats, const wm_error *why)
{
    stats->skipped++;
    char reason[64];
    wm_skip_reason_of(why, reason, sizeof reason);
    size_t i = 0;
    while (i < stats->reason_count && strcmp(stats->reasons[i].reason, reason) != 0)
        i++;
    if (i == WM_SKIP_REASONS) {
        i = WM_SKIP_REASONS - 1; /* the last slot turns into "other" */
        snprintf(stats->reasons[i].reason, sizeof stats->reasons[i].reason, "other");
    } else if (i == stats->reason_count) {
        snprintf(stats->reasons[i].reason, sizeof stats->reasons[i].reason, "%s", reason);
        stats->reason_count++;
    }
    stats->reasons[i].count++;
}

typedef struct {
    char *buf;
    size_t size, len;
} text;

static void put(text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(text *t, const char *fmt, ...)
{
    if (t->len >= t->size)
        return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(t->buf + t->len, t->size - t->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        t->len = t->len + (size_t)n < t->size ? t->len + (size_t)n : t->size - 1;
}

size_t wm_stats_format(const wm_batch_stats *s, double seconds, double startup_seconds, unsigned jobs, char *buf,
                       size_t size)
{
    text t = {buf, size, 0};
    if (size)
        buf[0] = '\0';
    double mb = (double)s->bytes / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0, docs_rate = seconds > 0 ? (double)s->documents / seconds : 0;
    put(&t, "whomet: %zu documents, %.2f MB in %.3f s: %.2f MB/s, %.0f documents/s, %u job%s; start-up %.0f ms\n",
        s->documents, mb, seconds, rate, docs_rate, jobs, jobs == 1 ? "" : "s", startup_seconds * 1000);
    put(&t, "whomet: entities:");
    for (int k = 0; k < WM_ENTITY_KIND_COUNT; k++)
        put(&t, "%s %zu %s", k ? "," : "", s->entities[k], wm_entity_kind_name(k));
    put(&t, "\nwhomet: relations:");
    for (int r = 0; r < WM_RELATION_COUNT; r++)
        put(&t, "%s %zu %s", r ? "," : "", s->relations[r], wm_relation_name(r));
    put(&t, "\nwhomet: skipped %zu document%s", s->skipped, s->skipped == 1 ? "" : "s");
    for (size_t i = 0; i < s->reason_count; i++)
        put(&t, "%s %zu %s", i ? "," : ":", s->reasons[i].count, s->reasons[i].reason);
    put(&t, "\nwhomet: %zu warning%s\n", s->warnings, s->warnings == 1 ? "" : "s");
    double total = 0;
    for (size_t i = 0; i < s->timing_count; i++)
        total += s->timings[i].seconds;
    if (total > 0) {
        put(&t, "whomet: time by part (of %.2f s on all threads):", total);
        for (size_t i = 0; i < s->timing_count; i++)
            put(&t, "%s %s %.0f%%", i ? "," : "", s->timings[i].name, 100 * s->timings[i].seconds / total);
        put(&t, "\n");
    }
    if (s->rule_count && total > 0) {
        wm_rule_timing slowest[WM_RULE_TIMINGS];
        memcpy(slowest, s->rules, s->rule_count * sizeof *slowest);
        qsort(slowest, s->rule_count, sizeof *slowest, slower_first);
        put(&t, "whomet: slowest rules (share of that time):");
        for (size_t i = 0; i < s->rule_count && i < WM_SLOWEST_RULES; i++)
            put(&t, "%s %s %.1f%%", i ? "," : "", slowest[i].rule, 100 * slowest[i].seconds / total);
        put(&t, "\n");
    }
    return t.len;
}
