/* clause.h - clause segmentation for meeting extraction: direct and reported speech, comma
 * chunks, and the clauses they form (main, subordinate, relative, infinitive) with verb-final
 * detection. A wm_clauses owns its arrays; it borrows the doc and the marks. */
#ifndef WM_CLAUSE_H
#define WM_CLAUSE_H

#include <stdint.h>

#include "doc.h"
#include "modality.h"

typedef enum {
    WM_CLAUSE_MAIN,
    WM_CLAUSE_SUB,      /* opened by a subordinator: "nachdem ... zusammengekommen war" */
    WM_CLAUSE_REL,      /* a relative clause: "an dem ... teilnahmen", "der ihn ... empfing" */
    WM_CLAUSE_INF       /* an infinitive clause: "um ... zu diskutieren" */
} wm_clause_kind;

typedef struct {
    wm_clause_kind kind;
    int32_t segment;
    int32_t parent;         /* the clause it is embedded in, or -1 */
    int32_t first, end;     /* tokens [first, end) from its first to its last token */
    int32_t antecedent;     /* REL: the last word before the comma that opens it, else -1 */
    int ends_with_colon;    /* the segment ends with this clause and a ':' */
} wm_clause;

typedef struct {
    int32_t first, end;     /* tokens, without the boundary punctuation */
    int32_t clause;
} wm_chunk;

typedef struct {
    int32_t *clause_of;     /* per token: its clause */
    int32_t *chunk_of;      /* per token: its chunk, -1 for boundary punctuation */
    uint8_t *speech;        /* per token: inside direct speech or after "sagte," */
    uint8_t *aside;         /* per token: inside parentheses, a remark beside the clause */
    WM_VEC(wm_clause) clauses;
    WM_VEC(wm_chunk) chunks;
} wm_clauses;

void wm_clauses_build(wm_clauses *c, const wm_doc *doc, const wm_marks *m);
void wm_clauses_free(wm_clauses *c);

/* A lower-case word that is no function word: what ends a verb-final clause. */
int wm_token_verb_like(const wm_doc *doc, const wm_marks *m, int32_t t);

/* The token's folded form equals the ASCII string. */
int wm_token_is(const wm_doc *doc, int32_t t, const char *folded);

/* Token t is the single punctuation character c. */
int wm_token_punct(const wm_doc *doc, int32_t t, UChar c);

/* The last word token of chunk k, or -1. */
int32_t wm_chunk_last_word(const wm_doc *doc, const wm_clauses *c, int32_t k);

#endif
