/* lexicon.h - word-level knowledge shared by the entity stages: which gazetteer lists a token or
 * a run of tokens belongs to (also inflected, and as the tail of a compound), and name shapes.
 * A wm_lex serves one stage run over one document; its arrays live in doc->arena. */
#ifndef WM_LEXICON_H
#define WM_LEXICON_H

#include <stdint.h>

#include "doc.h"
#include "gazetteer.h"

typedef struct {
    const wm_doc *doc;
    const wm_gazetteer *gaz;
    uint32_t *lists; /* per token: bit (1u << list) for each list with a one-token entry equal to it */
    int32_t *hits;   /* per token: index of the first gazetteer hit starting there, or -1 */
} wm_lex;

void wm_lex_init(wm_lex *lx, wm_doc *doc, const wm_gazetteer *gaz);

/* Token t is (case-insensitively) a one-token entry of list. */
int wm_lex_in(const wm_lex *lx, int32_t t, wm_list list);

/* Longest entry of list whose phrase starts at token t; its token count in *ntok. -1 if none. */
int32_t wm_lex_hit(const wm_lex *lx, int32_t t, wm_list list, int32_t *ntok);

/* Folded form of token t equals the ASCII word (already folded: lower case, no diacritics). */
int wm_lex_is(const wm_lex *lx, int32_t t, const char *folded_ascii);

/* Folded phrase [t, t+n) of the document, looked up in list with German inflectional endings
 * undone: the last word may carry -s/-es/-n/-en/-ns, the words before it any adjective ending
 * ("des Nationalen Agentur" -> "Nationale Agentur", "stellvertretenden Direktor"). */
int32_t wm_lex_inflected(const wm_lex *lx, int32_t t, int32_t n, wm_list list);

/* Token t as an adjective of list: the word itself or its stem without -e/-en/-er/-es/-em
 * ("Bayerisches" -> "bayerisch", "kasachischen" -> "kasachisch"). -1 if none. */
int32_t wm_lex_adjective(const wm_lex *lx, int32_t t, wm_list list);

/* Longest entry of list that is the tail of token t's folded form (a compound such as
 * "Landesaufnahmebehörde" -> "Behörde"), leaving at least 3 letters before it and taking at
 * least min_tail letters; inflectional endings of the token are undone first. The folded
 * offset where the tail starts goes to *tail_at. -1 if none. */
int32_t wm_lex_tail(const wm_lex *lx, int32_t t, wm_list list, int32_t min_tail, int32_t *tail_at);

/* The token's text matches the entry's surface also in capitalisation: every token starts with an
 * upper-case letter exactly where the surface's does, and is all capitals where the surface is. */
int wm_lex_case_matches(const wm_lex *lx, int32_t t, const wm_gaz_entry *entry);

/* Shapes. */
int wm_lex_capitalized(const wm_lex *lx, int32_t t); /* upper-case letter first, some lower case */
int wm_lex_all_caps(const wm_lex *lx, int32_t t);
int wm_lex_lower(const wm_lex *lx, int32_t t);       /* a word starting with a lower-case letter */
int wm_lex_punct(const wm_lex *lx, int32_t t, UChar c);
/* Tokens t and t+1 touch (no white space between them). */
int wm_lex_joined(const wm_lex *lx, int32_t t);
/* Token t ends with one of the German adjective endings -e, -en, -er, -es, -em. */
int wm_lex_adjective_ending(const wm_lex *lx, int32_t t);
/* Number of tokens in the document. */
int32_t wm_lex_count(const wm_lex *lx);

#endif
