/* rolewords.c - finds role titles: list phrases (also inflected), compounds ending in a role
 * ("Bezirksbürgermeisterin"), hyphenated prefixes ("Vize-Minister", "LASV-Präsident") and a
 * lower-case adjective before the noun ("stellvertretende Leiterin"). */
#include "rolewords.h"

/* A compound's role tail must be at least this long: "leiter", "chefin", not "rat". */
enum { ROLE_TAIL_MIN = 5 };

static int is_function_word(const wm_lex *lx, int32_t t)
{
    int32_t e = wm_lex_hit(lx, t, WM_LIST_NON_NAMES, NULL);
    if (e < 0)
        return 0;
    const char *cls = wm_gazetteer_entry(lx->gaz, e)->cls;
    return cls && cls[0] == 'f';
}

/* The role noun phrase of the list starting exactly at t; end token in *end. */
static int32_t role_phrase(const wm_lex *lx, int32_t t, int32_t *end)
{
    int32_t n = 0;
    int32_t e = wm_lex_hit(lx, t, WM_LIST_ROLES, &n);
    if (e >= 0 && (wm_lex_capitalized(lx, t + n - 1) || wm_lex_all_caps(lx, t + n - 1))) {
        *end = t + n;
        return e;
    }
    for (int32_t k = 3; k >= 1; k--) {
        if (!wm_lex_capitalized(lx, t + k - 1))
            continue;
        e = wm_lex_inflected(lx, t, k, WM_LIST_ROLES);
        if (e >= 0) {
            *end = t + k;
            return e;
        }
    }
    if (wm_lex_capitalized(lx, t) && !is_function_word(lx, t)) {
        int32_t at = 0;
        e = wm_lex_tail(lx, t, WM_LIST_ROLES, ROLE_TAIL_MIN, &at);
        if (e >= 0) {
            *end = t + 1;
            return e;
        }
    }
    return -1;
}

static void fill(const wm_lex *lx, wm_role_word *out, int32_t start, int32_t end, int32_t entry)
{
    const wm_gaz_entry *g = wm_gazetteer_entry(lx->gaz, entry);
    out->start = start;
    out->end = end;
    out->noun = end - 1;
    out->entry = entry;
    out->gender = (g->gender == 'm' || g->gender == 'f') ? g->gender : 0;
}

int wm_role_at(const wm_lex *lx, int32_t t, wm_role_word *out)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    int32_t end = 0;
    int32_t e = role_phrase(lx, t, &end);
    if (e >= 0) {
        fill(lx, out, t, end, e);
        return 1;
    }
    /* "Vize-Minister", "LASV-Präsident", "BVRE-Vorstandsmitglied" */
    if ((wm_lex_capitalized(lx, t) || wm_lex_all_caps(lx, t)) && wm_lex_punct(lx, t + 1, '-') && wm_lex_joined(lx, t) &&
        wm_lex_joined(lx, t + 1)) {
        e = role_phrase(lx, t + 2, &end);
        if (e >= 0) {
            fill(lx, out, t, end, e);
            return 1;
        }
    }
    /* "die stellvertretende Leiterin", "des damaligen Vize-Ministers": an adjective after an
     * article or at the start (a verb such as "sagte" has the same ending but no article) */
    static const char *const determiners[] = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer",
                                              "eines", "einem", "einen", "seine", "seiner", "seinem", "seinen",
                                              "ihre", "ihrer", "ihrem", "ihren", "deren", "dessen", NULL};
    int after_determiner = t == 0 || (lx->doc->tokens.items[t].flags & WM_TOK_SEGMENT_START);
    for (int i = 0; !after_determiner && determiners[i]; i++)
        after_determiner = wm_lex_is(lx, t - 1, determiners[i]);
    if (after_determiner && wm_lex_lower(lx, t) && wm_lex_adjective_ending(lx, t) && !is_function_word(lx, t) &&
        wm_role_at(lx, t + 1, out) && out->start == t + 1) {
        out->start = t;
        return 1;
    }
    return 0;
}

int wm_role_ending_at(const wm_lex *lx, int32_t t, wm_role_word *out)
{
    for (int32_t s = t; s >= 0 && s >= t - 3; s--) {
        wm_role_word r;
        if (wm_role_at(lx, s, &r) && r.end == t + 1) {
            *out = r;
            /* keep looking for a longer title with more adjectives in front */
            for (int32_t p = s - 1; p >= 0 && p >= t - 4; p--) {
                wm_role_word longer;
                if (wm_role_at(lx, p, &longer) && longer.end == t + 1)
                    *out = longer;
            }
            return 1;
        }
    }
    return 0;
}
