/* segment.h - the segmentation stage: tokens (with folded forms) and segments (sentences,
 * headings, list items, captions, credits). Fills doc->tokens, doc->folded, doc->segments. */
#ifndef WM_SEGMENT_H
#define WM_SEGMENT_H

#include "stage.h"

wm_status wm_segment_text(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
