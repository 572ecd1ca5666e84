/* gazmatch.h - the gazetteer stage: every phrase of every list found in the text.
 * Appends to doc->gaz_hits, ordered by first token, longer phrases first. */
#ifndef WM_GAZMATCH_H
#define WM_GAZMATCH_H

#include "stage.h"

wm_status wm_gazmatch(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
