/* stage.h - the interface every pipeline stage implements, and the per-thread context it gets.
 * The context belongs to one worker thread; the kb inside it is shared and read-only. */
#ifndef WM_STAGE_H
#define WM_STAGE_H

#include <unicode/ubrk.h>

#include "doc.h"
#include "error.h"
#include "kb.h"
#include "rules.h"

typedef struct {
    const wm_kb *kb;
    wm_rule_matcher *matcher; /* this thread's PCRE2 scratch, with the run's limits */
    const char *dct;          /* --dct reference date (YYYY-MM-DD) or NULL */
    UBreakIterator *sentence_breaks; /* this thread's ICU sentence iterator, reused for every document; may be NULL */
    struct wm_rule_timer *rule_timer; /* where wm_stage_match adds up each rule's time, or NULL */
    struct wm_match_memo *memo;       /* each rule's last search in this document, or NULL */
} wm_stage_ctx;

/* A stage reads what earlier stages put into doc and appends its own findings. It returns
 * an error only when the document cannot be processed at all; a problem confined to one
 * rule goes to doc->warnings and the stage goes on. */
typedef wm_status (*wm_stage_fn)(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err);

typedef struct {
    const char *name;
    wm_stage_fn run;
} wm_stage;

/* Runs `rule` over the whole text from `start`; on a limit, records a warning in doc and
 * returns -1 so the caller moves on to its next rule. Returns like wm_rule_match.
 * With a memo, a search that starts between an earlier search's start and the match it
 * found (or anywhere after an earlier search that found nothing) costs no new scan, so
 * testing a rule from many nearby positions stays linear in the text. */
int wm_stage_match(wm_stage_ctx *ctx, wm_doc *doc, const wm_rule *rule, int32_t start);

/* The same over text[0..end) only: a stage that looks for a match near a position bounds the
 * search, so asking once per mention costs the sentence, not the rest of the document. */
int wm_stage_match_within(wm_stage_ctx *ctx, wm_doc *doc, const wm_rule *rule, int32_t start, int32_t end);

#endif
