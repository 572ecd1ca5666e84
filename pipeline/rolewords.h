/* rolewords.h - role and office titles over a wm_lex: "Senatorin", "stellvertretenden Direktor",
 * "Parlamentarische Staatssekretärin", compounds ("Bezirksbürgermeisterin", "LASV-Präsident").
 * Pure functions; shared by the person, organization and role stages. */
#ifndef WM_ROLEWORDS_H
#define WM_ROLEWORDS_H

#include "lexicon.h"

typedef struct {
    int32_t start, end; /* tokens of the title noun phrase, adjectives included */
    int32_t noun;       /* token of the role noun */
    int32_t entry;      /* roles entry */
    char gender;        /* 'm', 'f' or 0 */
} wm_role_word;

/* A role title whose first token is t. Adjectives that belong to the title ("stellvertretende",
 * "Parlamentarischen", "damalige") are covered when the list or the title shape says so. */
int wm_role_at(const wm_lex *lx, int32_t t, wm_role_word *out);

/* A role title that ends at token t (its noun), searching back over its adjectives. */
int wm_role_ending_at(const wm_lex *lx, int32_t t, wm_role_word *out);

#endif
