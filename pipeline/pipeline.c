/* pipeline.c - the stage list and the worker that runs it. Adding a stage means one line in
 * `stages`; stages communicate only through the document model. */
#include <stdio.h>

#include "alloc.h"
#include "dates.h"
#include "decode.h"
#include "gazmatch.h"
#include "meetings.h"
#include "normalize.h"
#include "pipeline.h"
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
    {"dates", wm_dates},
    {"meetings", wm_meetings},
};

struct wm_worker {
    wm_stage_ctx ctx;
};

size_t wm_pipeline_stage_count(void) { return sizeof stages / sizeof *stages; }
const char *wm_pipeline_stage_name(size_t index) { return stages[index].name; }

wm_worker *wm_worker_new(const wm_kb *kb, const wm_pipeline_options *options)
{
    wm_worker *w = wm_xcalloc(1, sizeof *w);
    w->ctx.kb = kb;
    w->ctx.dct = options->dct;
    w->ctx.matcher = wm_rule_matcher_new(options->match_limit, options->depth_limit);
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
    free(worker);
}

wm_status wm_pipeline_run(wm_worker *worker, wm_doc *doc, const unsigned char *bytes, size_t len, wm_error *err)
{
    wm_status st = wm_decode(bytes, len, doc, err);
    for (size_t i = 0; st == WM_OK && i < wm_pipeline_stage_count(); i++)
        st = stages[i].run(doc, &worker->ctx, err);
    return st;
}

int wm_stage_match(wm_stage_ctx *ctx, wm_doc *doc, const wm_rule *rule, int32_t start)
{
    wm_error e;
    int rc = wm_rule_match(ctx->matcher, rule, doc->text, doc->len, start, &e);
    if (rc < 0) {
        snprintf(e.file, sizeof e.file, "%s", doc->source);
        e.line = 0;
        wm_vec_push(&doc->warnings, e);
    }
    return rc;
}
