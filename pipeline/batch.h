/* batch.h - runs a sequence of inputs through the pipeline on N worker threads and writes the
 * chosen format: per-document output (jsonl) in input order as documents finish, the graph
 * (merged in input order) at the end. Reports every skipped input and warning, in input
 * order, through a callback; the batch owns nothing the caller passed in. */
#ifndef WM_BATCH_H
#define WM_BATCH_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "error.h"
#include "formats.h"
#include "kb.h"
#include "pipeline.h"
#include "source.h"
#include "stats.h"

/* The run so far, for a progress display. Totals are 0 when unknown. */
typedef struct {
    size_t documents, skipped, total_documents;
    uint64_t bytes, total_bytes;
    double seconds;
} wm_progress;

typedef struct {
    const wm_format *format;
    wm_pipeline_options pipeline;
    size_t max_doc_bytes;
    const char *generator;      /* "whomet 0.1.0" */
    unsigned export_flags;      /* WM_EXPORT_* */
    unsigned jobs;              /* worker threads, at least 1 */
    /* called for every skipped document and every warning, in input order; never NULL */
    void (*report)(const wm_error *err, int skipped, void *ctx);
    void *report_ctx;
    /* when set, called about five times a second while documents complete, and once at the end
     * with final = 1 */
    void (*progress)(const wm_progress *progress, int final, void *ctx);
    void *progress_ctx;
} wm_batch_options;

/* Processes every input of src and writes to out. Returns an error only when output fails
 * or no worker can be created; bad inputs are reported and counted in stats. The callbacks
 * run on one thread at a time. */
wm_status wm_batch_run(const wm_kb *kb, const wm_batch_options *options, wm_source *src, FILE *out,
                       wm_batch_stats *stats, double *seconds, wm_error *err);

#endif
