/* modality.h - word classes and modality cues for meeting extraction, read from the mark= and
 * cue= rules of rules/meetings.rules, and the decision whether a reported encounter happened.
 * A wm_marks owns its per-token bit sets and its list of matches; it borrows the doc and kb. */
#ifndef WM_MODALITY_H
#define WM_MODALITY_H

#include <stdint.h>

#include "doc.h"
#include "rules.h"
#include "stage.h"

/* Word classes (mark=NAME) and cues (cue=NAME), one bit each: X(ENUM, attribute value). */
#define WM_MEET_MARKS(X)              \
    X(SUBORD, "subord")               \
    X(RELATIVE, "relative")           \
    X(FUNCTION, "function")           \
    X(SPEECH, "speech")               \
    X(ZUINF, "zuinf")                 \
    X(PARTICIPATION, "participation") \
    X(ABSENT, "absent")               \
    X(DET, "det")                     \
    X(TITLE, "title")                 \
    X(PRON_M, "pron_m")               \
    X(PRON_F, "pron_f")               \
    X(COLLEAGUE, "colleague")         \
    X(SINGULAR, "singular")           \
    X(PLURAL, "plural")               \
    X(PASSIVE, "passive")             \
    X(FUTURE, "future")               \
    X(PLANNED, "planned")             \
    X(CANCEL, "cancel")               \
    X(NEG, "neg")                     \
    X(HABITUAL, "habitual")           \
    X(ANNOUNCE, "announce")           \
    X(VOID, "void")

enum {
#define WM_X(e, name) WM_MARKBIT_##e,
    WM_MEET_MARKS(WM_X)
#undef WM_X
    WM_MARKBIT_COUNT
};
enum {
#define WM_X(e, name) WM_MARK_##e = 1u << WM_MARKBIT_##e,
    WM_MEET_MARKS(WM_X)
#undef WM_X
    /* set on the first token of a relative-clause opener that starts with a preposition ("an dem") */
    WM_MARK_REL_PREP = 1u << WM_MARKBIT_COUNT
};

typedef struct {
    wm_span span;
    int32_t first_tok, end_tok; /* tokens [first_tok, end_tok) the match covers */
    const wm_rule *rule;
    uint32_t mark;              /* one WM_MARK_* bit */
} wm_mark_match;

typedef struct {
    uint32_t *tok;              /* per token: WM_MARK_* bits of every match covering it */
    WM_VEC(wm_mark_match) matches; /* by first token */
    int32_t longest;            /* the most tokens one match covers */
    const wm_mark_match *announce; /* a document-wide appointment notice, or NULL */
} wm_marks;

/* Runs every mark= and cue= rule of the meetings rule file over the document. */
void wm_marks_build(wm_marks *m, wm_doc *doc, wm_stage_ctx *ctx);
void wm_marks_free(wm_marks *m);

/* Tokens [first, end) covered by span (first = end when none). */
void wm_span_tokens(const wm_doc *doc, wm_span span, int32_t *first, int32_t *end);

/* The match of class `mark` that covers token t, or NULL. */
const wm_mark_match *wm_marks_at(const wm_marks *m, int32_t t, uint32_t mark);

typedef enum {
    WM_MODALITY_HAPPENED,
    WM_MODALITY_PLANNED,
    WM_MODALITY_CANCELLED,
    WM_MODALITY_HABITUAL    /* recurring, no one encounter: no relation at all */
} wm_modality;

/* Decides whether the encounter reported by a trigger in the tokens `in_clause` selects
 * happened: a cancel or negation cue makes it cancelled; a future or planning cue, or an
 * appointment notice, makes it planned unless the trigger is a finite past form (past = 1);
 * a habit cue ("regelmäßig") in the present makes it no single encounter.
 * `in_clause(t, ctx)` tells whether token t belongs to the trigger's clause. *cue gets the
 * deciding match (NULL when it happened). */
wm_modality wm_modality_decide(const wm_marks *m, int32_t first, int32_t end, int (*in_clause)(int32_t t, const void *ctx),
                               const void *ctx, int past, const wm_mark_match **cue);

#endif
