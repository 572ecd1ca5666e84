/* stats.h - what a run counted: documents, bytes, entities by type, relations by kind, and
 * skipped documents grouped by reason; for --stats and the progress line. Plain values that
 * the caller owns. */
#ifndef WM_STATS_H
#define WM_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "error.h"
#include "kinds.h"

enum {
    WM_SKIP_REASONS = 12, /* distinct reasons kept; the rest count as "other" */
    WM_TIMINGS = 40,      /* named parts of the run whose time is kept */
    WM_RULE_TIMINGS = 512, /* rules whose time is kept */
    WM_SLOWEST_RULES = 8  /* rules --stats names */
};

typedef struct {
    char reason[64];
    size_t count;
} wm_skip_reason;

/* What one document contributed (its entities as the jsonl output lists them). */
typedef struct {
    size_t entities[WM_ENTITY_KIND_COUNT];
    size_t relations[WM_RELATION_COUNT];
} wm_doc_counts;

/* Time spent in one part of the run (a stage, reading, writing), summed over threads. */
typedef struct {
    const char *name;   /* static or owned by the pipeline */
    double seconds;
} wm_timing;

/* Time spent applying one rule (wm_stage_match), summed over threads. */
typedef struct {
    const char *rule;   /* the rule id; lives as long as the kb */
    double seconds;
    size_t calls;
} wm_rule_timing;

typedef struct {
    size_t documents;   /* processed */
    size_t skipped;     /* rejected inputs */
    size_t warnings;
    uint64_t bytes;     /* input bytes of the processed documents */
    size_t entities[WM_ENTITY_KIND_COUNT];
    size_t relations[WM_RELATION_COUNT];
    wm_skip_reason reasons[WM_SKIP_REASONS];
    size_t reason_count;
    wm_timing timings[WM_TIMINGS];
    size_t timing_count;
    wm_rule_timing rules[WM_RULE_TIMINGS];
    size_t rule_count;
} wm_batch_stats;

void wm_doc_count(const wm_doc *doc, wm_doc_counts *out);
void wm_stats_add_document(wm_batch_stats *stats, const wm_doc_counts *counts, uint64_t bytes);
void wm_stats_add_skipped(wm_batch_stats *stats, const wm_error *why);

/* Adds seconds to the timing called `name`, which is appended (in first-use order) if new. */
void wm_stats_add_time(wm_batch_stats *stats, const char *name, double seconds);

/* Adds the time of `calls` applications of the rule with this id. */
void wm_stats_add_rule_time(wm_batch_stats *stats, const char *rule, double seconds, size_t calls);

/* The short reason of an error ("binary file", "cannot open"), written into buf. */
void wm_skip_reason_of(const wm_error *err, char *buf, size_t size);

/* The --stats summary as lines starting "whomet: ", for a run of `seconds` with `jobs`
 * threads after a start-up of `startup_seconds`. Returns the length written into buf. */
size_t wm_stats_format(const wm_batch_stats *stats, double seconds, double startup_seconds, unsigned jobs,
                       char *buf, size_t size);

#endif
