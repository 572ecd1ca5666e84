/* organizations.h - the organization stage: adds organization mentions (with their nominative
 * base form) to doc->mentions. It owns nothing beyond what it appends to the document. */
#ifndef WM_ORGANIZATIONS_H
#define WM_ORGANIZATIONS_H

#include "stage.h"

wm_status wm_organizations(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
