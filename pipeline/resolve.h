/* resolve.h - the resolution stage: groups person and organization mentions into doc->entities
 * (in-document coreference, base forms, stable keys) and drops bare references that name no
 * entity. It owns nothing beyond the entities it appends. */
#ifndef WM_RESOLVE_H
#define WM_RESOLVE_H

#include "stage.h"

wm_status wm_resolve(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
