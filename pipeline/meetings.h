/* meetings.h - the meeting stage: who met whom, from the triggers, cues and word classes of
 * rules/meetings.rules. It reads the doc's segments, person mentions, entities, roles and dates
 * and appends to doc->relations (one relation per passage, grouped into encounters by `event`). */
#ifndef WM_MEETINGS_H
#define WM_MEETINGS_H

#include "stage.h"

wm_status wm_meetings(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

#endif
