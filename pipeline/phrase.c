/* phrase.c - noun phrase and enumeration shapes of German names and titles; the words that
 * join them are German grammar, so they live here rather than in a list. */
#include "phrase.h"

const char *const wm_articles[] = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines",
                                   "einem", "einen", NULL};
const char *const wm_genitive_articles[] = {"des", "der", NULL};
const char *const wm_complement_preps[] = {"fur", "zur", "zum", "gegen", NULL};
static const char *const enum_joins[] = {"und", "sowie", NULL};
static const char *const inner_preps[] = {"mit", "von", "ohne", NULL};

int wm_word_in(const wm_lex *lx, int32_t t, const char *const *words)
{
    for (; *words; words++)
        if (wm_lex_is(lx, t, *words))
            return 1;
    return 0;
}

int wm_function_word(const wm_lex *lx, int32_t t)
{
    int32_t e = wm_lex_hit(lx, t, WM_LIST_NON_NAMES, NULL);
    if (e < 0)
        return 0;
    const char *cls = wm_gazetteer_entry(lx->gaz, e)->cls;
    return cls && cls[0] == 'f';
}

int wm_continues(const wm_lex *lx, int32_t t)
{
    if (t <= 0 || t >= wm_lex_count(lx))
        return 0;
    const wm_doc *doc = lx->doc;
    int32_t a = doc->tokens.items[t - 1].segment, b = doc->tokens.items[t].segment;
    if (a == b)
        return 1;
    if (a < 0 || b < 0 || doc->segments.items[a].block != doc->segments.items[b].block)
        return 0;
    return wm_lex_punct(lx, t - 1, ',') || wm_lex_is(lx, t - 1, "und");
}

int32_t wm_cap_word_end(const wm_lex *lx, int32_t t)
{
    if (!(wm_lex_capitalized(lx, t) || wm_lex_all_caps(lx, t)) || wm_function_word(lx, t))
        return -1;
    int32_t e = t + 1;
    while (e - t < 12 && wm_lex_punct(lx, e, '-') && wm_lex_joined(lx, e - 1) && wm_lex_joined(lx, e) &&
           (wm_lex_capitalized(lx, e + 1) || wm_lex_all_caps(lx, e + 1) || wm_lex_lower(lx, e + 1)))
        e += 2;
    return e;
}

int32_t wm_skip_adjectives(const wm_lex *lx, int32_t t)
{
    int32_t k = 0;
    while (k < 2 && wm_continues(lx, t + k) && wm_lex_lower(lx, t + k) && wm_lex_adjective_ending(lx, t + k) &&
           !wm_function_word(lx, t + k) && !wm_word_in(lx, t + k, wm_articles))
        k++;
    return t + k;
}

static int32_t enum_from(const wm_lex *lx, int32_t t, int inner);

/* A capitalised adjective that is not a noun itself: "Internationale", "Kölner". */
static int tok_adjective_like(const wm_lex *lx, int32_t t)
{
    if (wm_lex_in(lx, t, WM_LIST_NON_NAMES) || wm_function_word(lx, t))
        return 0;
    if (wm_lex_hit(lx, t, WM_LIST_LOCATION_ADJECTIVES, NULL) >= 0 ||
        wm_lex_adjective(lx, t, WM_LIST_LOCATION_ADJECTIVES) >= 0)
        return 1;
    return wm_lex_adjective_ending(lx, t) && !wm_lex_in(lx, t, WM_LIST_LOCATIONS) && !wm_lex_in(lx, t, WM_LIST_SURNAMES);
}

static int32_t np_end(const wm_lex *lx, int32_t t, int inner)
{
    if (!wm_continues(lx, t))
        return -1;
    int32_t p = wm_skip_adjectives(lx, t);
    if (p > t && !wm_continues(lx, p))
        return -1;
    /* a truncated compound: "Asyl-" "und" "Flüchtlingspolitik" */
    if (wm_lex_capitalized(lx, p) && wm_lex_punct(lx, p + 1, '-') && wm_lex_joined(lx, p) && !wm_lex_joined(lx, p + 1) &&
        wm_word_in(lx, p + 2, enum_joins))
        p += 3;
    /* capitalised adjectives in front of the noun: "Kölner Lebensmittelhändler", "Internationale
     * Jugendarbeit"; a nominalised adjective such as "Soziales" is a noun of its own */
    for (int k = 0; k < 2 && wm_lex_capitalized(lx, p) && wm_lex_capitalized(lx, p + 1) && wm_continues(lx, p + 1) &&
                    (tok_adjective_like(lx, p)) && !wm_lex_in(lx, p + 1, WM_LIST_GIVEN_NAMES);
         k++)
        p++;
    int32_t e = wm_cap_word_end(lx, p);
    if (e < 0)
        return -1;
    if (!inner && wm_word_in(lx, e, inner_preps) && wm_continues(lx, e)) {
        int32_t more = enum_from(lx, e + 1, 1);
        if (more > 0)
            e = more;
    }
    return e;
}

static int32_t enum_from(const wm_lex *lx, int32_t t, int inner)
{
    int32_t first = np_end(lx, t, inner);
    if (first < 0)
        return -1;
    int32_t e = first;
    int commas = 0;
    for (int items = 0; items < 40; items++) {
        if (!inner && wm_lex_punct(lx, e, ',') && wm_continues(lx, e)) {
            int32_t n = np_end(lx, e + 1, inner);
            if (n < 0)
                break;
            e = n;
            commas++;
            continue;
        }
        if ((wm_word_in(lx, e, enum_joins) || wm_lex_punct(lx, e, '&')) && wm_continues(lx, e) &&
            !wm_word_in(lx, e + 1, wm_articles)) {
            int32_t n = np_end(lx, e + 1, inner);
            if (n > 0)
                return n;
        }
        break;
    }
    return commas ? first : e;
}

int32_t wm_enum_end(const wm_lex *lx, int32_t t) { return enum_from(lx, t, 0); }
