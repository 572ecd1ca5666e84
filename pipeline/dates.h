/* dates.h - the dates stage and the questions later stages ask about dates. The stage owns
 * doc->dates (sorted by position), doc->reference_date/_anchor/_index, doc->dateline_place,
 * and the `since` of roles; the functions below only read the doc. */
#ifndef WM_DATES_H
#define WM_DATES_H

#include "stage.h"

/* Finds date expressions with rules/dates.rules, values and anchors them (README, "Dates"). */
wm_status wm_dates(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

/* The dates inside segment `segment`: writes the index of the first into *first and returns
 * how many there are (they are contiguous in doc->dates). */
size_t wm_dates_in_segment(const wm_doc *doc, int32_t segment, int32_t *first);

/* The date that dates an event mentioned at text offset `pos` of segment `segment`, as an index
 * into doc->dates, or -1: the point date or range of that sentence nearest to pos (a dateline
 * only when the sentence has no other), else the latest one in the sentences before it up to
 * the previous heading (captions and credits skipped), else the document's own date (dateline
 * or "Stand:" line). Open intervals ("seit 2013") and decades never date an event. */
int32_t wm_dates_event_date(const wm_doc *doc, int32_t segment, int32_t pos);

#endif
