/* phrase.h - small German phrase shapes over a wm_lex that several entity stages parse: word
 * sets, line continuation, capitalised words, complements such as "für Arbeit, Soziales und
 * Familie". Pure functions. */
#ifndef WM_PHRASE_H
#define WM_PHRASE_H

#include "lexicon.h"

/* Token t's folded form is one of the NULL-terminated ASCII words. */
int wm_word_in(const wm_lex *lx, int32_t t, const char *const *words);

extern const char *const wm_articles[];           /* der die das des dem den ein eine ... */
extern const char *const wm_genitive_articles[];  /* des der */
extern const char *const wm_complement_preps[];   /* für zur zum gegen */

/* A sentence-initial function word of the non_names list ("Die", "Im", "Zwischen"). */
int wm_function_word(const wm_lex *lx, int32_t t);

/* Token t may continue a phrase that reached t-1: same segment, or the next line of the same
 * paragraph after a comma or "und" (contact blocks break long names over lines). */
int wm_continues(const wm_lex *lx, int32_t t);

/* A capitalised word of a name, hyphenated parts included ("Berlin-Brandenburg", "LSBTI");
 * returns the token after it, or -1. */
int32_t wm_cap_word_end(const wm_lex *lx, int32_t t);

/* Lower-case attributive adjectives at t ("soziale", "ausländischen"); the token after them. */
int32_t wm_skip_adjectives(const wm_lex *lx, int32_t t);

/* An enumeration of noun phrases: "Arbeit, Soziales, Gesundheit, Frauen und Familie",
 * "Menschen mit Behinderung", "Asyl- und Flüchtlingspolitik". Commas need a closing "und";
 * without one only the first phrase counts. Returns the token after it, or -1. */
int32_t wm_enum_end(const wm_lex *lx, int32_t t);

#endif
