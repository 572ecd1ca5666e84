/* persons.h - the person stage: adds person mentions (names without titles) to doc->mentions.
 * It owns nothing beyond what it appends to the document. */
#ifndef WM_PERSONS_H
#define WM_PERSONS_H

#include "stage.h"

wm_status wm_persons(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
