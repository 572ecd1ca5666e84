/* locations.h - the location stage: adds place mentions and their entities (countries, Länder,
 * cities, framed names such as "Republik Usbekistan"). It owns nothing beyond what it appends. */
#ifndef WM_LOCATIONS_H
#define WM_LOCATIONS_H

#include "stage.h"

wm_status wm_locations(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
