/* orgwords.h - the vocabulary of organization names over a wm_lex: head nouns (also inflected
 * and as the tail of a compound), place names after them, and the nominative base form of a
 * name. Pure functions; strings they return live in doc->arena. */
#ifndef WM_ORGWORDS_H
#define WM_ORGWORDS_H

#include "lexicon.h"

typedef struct {
    int32_t entry;   /* org_heads entry; its canonical is the nominative singular */
    int32_t ntok;    /* tokens the head covers */
    int32_t tail_at; /* folded offset where the head starts inside a compound, 0 for a whole word */
    int plural;      /* an inflected form that is not a genitive: "Ministerien", "Behörden" */
} wm_org_head;

/* An organization head noun starting at token t ("Bundesministeriums", "Nationalen Agentur",
 * "Landesaufnahmebehörde"); a role noun is never a head ("Botschaftsrat"). Returns 0 if none. */
int wm_org_head_at(const wm_lex *lx, int32_t t, wm_org_head *out);

/* Class of the head ("ministry", "unit", ...), "" when the list gives none. */
const char *wm_org_head_class(const wm_lex *lx, const wm_org_head *head);

/* A place name starting at token t: a location (also inflected: "der Russischen Föderation"),
 * optionally framed ("Republik Usbekistan", "des Landes Brandenburg" from "Landes" on,
 * "Sozialistischen Republik Vietnam"). Returns the token after it, or -1. */
int32_t wm_place_end(const wm_lex *lx, int32_t t);

/* Like wm_place_end, also giving the locations entry of the place (its canonical is the name). */
int32_t wm_place_at(const wm_lex *lx, int32_t t, int32_t *entry);

/* Token t is a location adjective (list entry, also inflected: "Bayerisches", "kasachischen"). */
int32_t wm_location_adjective(const wm_lex *lx, int32_t t);

/* Grammatical gender of a head noun from its ending: 'f', 'm' or 'n'. */
char wm_head_genus(const char *canonical_utf8);

/* Nominative form of the name in tokens [start, end) with the head at token `head`:
 * adjectives before the head take the strong ending of the head's gender, the head its
 * canonical form, the rest stays as written (line breaks become spaces). */
const char *wm_org_base_form(const wm_lex *lx, wm_doc *doc, int32_t start, int32_t end, int32_t head,
                             const wm_org_head *h);

/* The normalized text of tokens [start, end), white space collapsed, in doc->arena. */
const char *wm_tokens_text(const wm_lex *lx, wm_doc *doc, int32_t start, int32_t end);

#endif
