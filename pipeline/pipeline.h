/* pipeline.h - runs one document through every stage in order: decode, normalize, segment,
 * gazetteer, entity rules, resolution, roles, dates, relations. A worker owns the per-thread
 * scratch (regex match data); the kb it reads is shared. The caller owns the doc. */
#ifndef WM_PIPELINE_H
#define WM_PIPELINE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "error.h"
#include "kb.h"

typedef struct {
    const char *dct;       /* reference date for relative dates, or NULL */
    uint32_t match_limit;  /* PCRE2 match limit per rule application */
    uint32_t depth_limit;
    int time_rules;        /* measure the time of every rule application (for --stats) */
} wm_pipeline_options;

typedef struct wm_worker wm_worker;

wm_worker *wm_worker_new(const wm_kb *kb, const wm_pipeline_options *options);
void wm_worker_free(wm_worker *worker);

/* Decodes bytes into doc and runs all stages. On error the doc is unusable and err says why. */
wm_status wm_pipeline_run(wm_worker *worker, wm_doc *doc, const unsigned char *bytes, size_t len, wm_error *err);

/* The stage names in order, for --help and tests. */
size_t wm_pipeline_stage_count(void);
const char *wm_pipeline_stage_name(size_t index);

/* Where a worker's time went, for --stats: slot 0 is decoding, slot 1 + i is stage i; seconds
 * of wall-clock time on the worker's thread, summed over the documents it ran. */
size_t wm_worker_timing_count(void);
const char *wm_worker_timing_name(size_t slot);
double wm_worker_timing(const wm_worker *worker, size_t slot);

/* With options.time_rules: the rules this worker applied, one by one (index from 0 until it
 * returns 0), with their wall-clock seconds and number of applications. */
int wm_worker_rule_timing(const wm_worker *worker, size_t index, const wm_rule **rule, double *seconds,
                          size_t *calls);

#endif
