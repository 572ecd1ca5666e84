/* roles.h - the role stage: ties persons to their titles and, where the text says which, to an
 * organization (doc->roles). It owns nothing beyond the roles it appends. */
#ifndef WM_ROLES_H
#define WM_ROLES_H

#include "stage.h"

wm_status wm_roles(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
