/* batch.h - runs a list of inputs through the pipeline and writes the chosen format: the
 * graph at the end, jsonl document by document in input order. Reports each skipped input
 * through a callback; the batch owns nothing the caller passed in. */
#ifndef WM_BATCH_H
#define WM_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "error.h"
#include "formats.h"
#include "kb.h"
#include "pipeline.h"

typedef struct {
    const wm_format *format;
    wm_pipeline_options pipeline;
    size_t max_doc_bytes;
    const char *generator;      /* "whomet 0.1.0" */
    unsigned export_flags;      /* WM_EXPORT_* */
    /* called for every skipped document and every warning; never NULL */
    void (*report)(const wm_error *err, int skipped, void *ctx);
    void *report_ctx;
} wm_batch_options;

typedef struct {
    size_t documents;   /* processed */
    size_t skipped;     /* rejected inputs */
    size_t warnings;
} wm_batch_stats;

/* Processes paths[0..count) ("-" = standard input) and writes to out. Returns an error only
 * when output fails; bad inputs are reported and counted in stats. */
wm_status wm_batch_run(const wm_kb *kb, const wm_batch_options *options, char *const *paths, size_t count,
                       FILE *out, wm_batch_stats *stats, wm_error *err);

#endif
