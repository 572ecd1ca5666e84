/* lexicon.c - per-document token -> list index built from doc->gaz_hits, and lookups that undo
 * German inflection or split compounds on the folded token forms. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "lexicon.h"
#include "tokenize.h"

/* Longer words are not split into compounds (German words of 60 letters are curiosities). */
enum { KEY_CAP = 512, TAIL_WORD_MAX = 60 };

void wm_lex_init(wm_lex *lx, wm_doc *doc, const wm_gazetteer *gaz)
{
    size_t n = doc->tokens.len ? doc->tokens.len : 1;
    lx->doc = doc;
    lx->gaz = gaz;
    lx->lists = wm_arena_alloc(&doc->arena, n * sizeof *lx->lists);
    lx->hits = wm_arena_alloc(&doc->arena, n * sizeof *lx->hits);
    memset(lx->lists, 0, n * sizeof *lx->lists);
    for (size_t i = 0; i < n; i++)
        lx->hits[i] = -1;
    for (size_t h = 0; h < doc->gaz_hits.len; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        if (lx->hits[hit->first_token] < 0)
            lx->hits[hit->first_token] = (int32_t)h;
        if (hit->token_count == 1)
            lx->lists[hit->first_token] |= 1u << hit->list;
    }
}

int32_t wm_lex_count(const wm_lex *lx) { return (int32_t)lx->doc->tokens.len; }

int wm_lex_in(const wm_lex *lx, int32_t t, wm_list list)
{
    return t >= 0 && t < wm_lex_count(lx) && (lx->lists[t] & (1u << list)) != 0;
}

int32_t wm_lex_hit(const wm_lex *lx, int32_t t, wm_list list, int32_t *ntok)
{
    if (t < 0 || t >= wm_lex_count(lx) || lx->hits[t] < 0)
        return -1;
    const wm_doc *doc = lx->doc;
    for (size_t h = (size_t)lx->hits[t]; h < doc->gaz_hits.len && doc->gaz_hits.items[h].first_token == t; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        if (hit->list == list) {
            if (ntok)
                *ntok = hit->token_count;
            return hit->entry; /* hits at one token are sorted longest first */
        }
    }
    return -1;
}

int wm_lex_is(const wm_lex *lx, int32_t t, const char *word)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    const wm_token *tok = &lx->doc->tokens.items[t];
    int32_t n = (int32_t)strlen(word);
    if (tok->fold_len != n)
        return 0;
    const UChar *f = lx->doc->folded + tok->fold_start;
    for (int32_t i = 0; i < n; i++)
        if (f[i] != (UChar)(unsigned char)word[i])
            return 0;
    return 1;
}

static int ends_with(const UChar *s, int32_t n, const char *suffix)
{
    int32_t k = (int32_t)strlen(suffix);
    if (k > n)
        return 0;
    for (int32_t i = 0; i < k; i++)
        if (s[n - k + i] != (UChar)suffix[i])
            return 0;
    return 1;
}

typedef struct {
    int32_t keep;       /* units of the folded token kept */
    const char *append; /* ASCII appended */
} variant;

static const char *const adjective_endings[] = {"en", "em", "er", "es", "e"};
static const char *const noun_endings[] = {"ns", "es", "en", "s", "n"};

/* Forms of a word that an inflected text form may stand for; the text form itself first. */
static int word_variants(const UChar *f, int32_t n, int last, variant *out)
{
    int k = 0;
    out[k++] = (variant){n, ""};
    if (last) {
        for (size_t e = 0; e < sizeof noun_endings / sizeof *noun_endings; e++)
            if (ends_with(f, n, noun_endings[e]) && n - (int32_t)strlen(noun_endings[e]) >= 3)
                out[k++] = (variant){n - (int32_t)strlen(noun_endings[e]), ""};
        return k;
    }
    for (size_t e = 0; e < sizeof adjective_endings / sizeof *adjective_endings; e++) {
        if (!ends_with(f, n, adjective_endings[e]))
            continue;
        int32_t stem = n - (int32_t)strlen(adjective_endings[e]);
        if (stem < 3)
            break;
        out[k++] = (variant){stem, ""};
        for (size_t a = 0; a < sizeof adjective_endings / sizeof *adjective_endings; a++)
            if (a != e)
                out[k++] = (variant){stem, adjective_endings[a]};
        break;
    }
    return k;
}

static int32_t inflected_from(const wm_lex *lx, int32_t t, int32_t end, UChar *key, int32_t klen, wm_list list)
{
    const wm_token *tok = &lx->doc->tokens.items[t];
    const UChar *f = lx->doc->folded + tok->fold_start;
    variant vs[12];
    int nv = (tok->flags & WM_TOK_ALPHA) ? word_variants(f, tok->fold_len, t == end - 1, vs) : 1;
    if (!(tok->flags & WM_TOK_ALPHA))
        vs[0] = (variant){tok->fold_len, ""};
    for (int v = 0; v < nv; v++) {
        int32_t add = (int32_t)strlen(vs[v].append);
        int32_t len = klen + (klen ? 1 : 0) + vs[v].keep + add;
        if (len > KEY_CAP)
            continue;
        int32_t at = klen;
        if (klen)
            key[at++] = ' ';
        memcpy(key + at, f, (size_t)vs[v].keep * sizeof(UChar));
        at += vs[v].keep;
        for (int32_t i = 0; i < add; i++)
            key[at++] = (UChar)vs[v].append[i];
        wm_gaz_lookup found;
        if (!wm_gazetteer_find(lx->gaz, key, len, &found))
            continue;
        if (t == end - 1) {
            int32_t e = wm_gaz_lookup_in_list(lx->gaz, &found, list);
            if (e >= 0)
                return e;
        } else if (found.is_prefix) {
            int32_t e = inflected_from(lx, t + 1, end, key, len, list);
            if (e >= 0)
                return e;
        }
    }
    return -1;
}

int32_t wm_lex_inflected(const wm_lex *lx, int32_t t, int32_t n, wm_list list)
{
    if (t < 0 || n <= 0 || t + n > wm_lex_count(lx))
        return -1;
    UChar key[KEY_CAP];
    return inflected_from(lx, t, t + n, key, 0, list);
}

int32_t wm_lex_adjective(const wm_lex *lx, int32_t t, wm_list list)
{
    if (t < 0 || t >= wm_lex_count(lx) || !(lx->doc->tokens.items[t].flags & WM_TOK_ALPHA))
        return -1;
    const wm_token *tok = &lx->doc->tokens.items[t];
    const UChar *f = lx->doc->folded + tok->fold_start;
    variant vs[12];
    int nv = word_variants(f, tok->fold_len, 0, vs);
    for (int v = 0; v < nv; v++) {
        if (vs[v].append[0])
            continue; /* the stem itself is the list form of an adjective */
        wm_gaz_lookup found;
        if (!wm_gazetteer_find(lx->gaz, f, vs[v].keep, &found))
            continue;
        int32_t e = wm_gaz_lookup_in_list(lx->gaz, &found, list);
        if (e >= 0)
            return e;
    }
    return -1;
}

int32_t wm_lex_tail(const wm_lex *lx, int32_t t, wm_list list, int32_t min_tail, int32_t *tail_at)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return -1;
    const wm_token *tok = &lx->doc->tokens.items[t];
    if (!(tok->flags & WM_TOK_ALPHA))
        return -1;
    const UChar *f = lx->doc->folded + tok->fold_start;
    int32_t n = tok->fold_len;
    if (n > TAIL_WORD_MAX)
        return -1;
    variant vs[12];
    int nv = word_variants(f, n, 1, vs);
    for (int32_t k = 3; k + min_tail <= n; k++)
        for (int v = 0; v < nv; v++) {
            int32_t len = vs[v].keep - k;
            if (len < min_tail)
                continue;
            wm_gaz_lookup found;
            if (!wm_gazetteer_find(lx->gaz, f + k, len, &found))
                continue;
            int32_t e = wm_gaz_lookup_in_list(lx->gaz, &found, list);
            if (e >= 0) {
                if (tail_at)
                    *tail_at = k;
                return e;
            }
        }
    return -1;
}

typedef struct {
    uint32_t flags[64];
    int n;
} flag_list;

static void collect_flags(void *ctx, wm_span span, uint32_t flags)
{
    (void)span;
    flag_list *fl = ctx;
    if (fl->n < 64)
        fl->flags[fl->n] = flags;
    fl->n++;
}

int wm_lex_case_matches(const wm_lex *lx, int32_t t, const wm_gaz_entry *entry)
{
    UChar buf[KEY_CAP];
    int32_t len = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(buf, KEY_CAP, &len, entry->surface, -1, &status);
    if (U_FAILURE(status))
        return 0;
    flag_list fl = {.n = 0};
    wm_tokenize(buf, len, collect_flags, &fl);
    if (fl.n > 64 || t + fl.n > wm_lex_count(lx))
        return 0;
    const uint32_t shape = WM_TOK_UPPER | WM_TOK_ALL_CAPS;
    for (int i = 0; i < fl.n; i++) {
        uint32_t text = lx->doc->tokens.items[t + i].flags;
        if (!(fl.flags[i] & WM_TOK_ALPHA))
            continue;
        if ((text & shape) != (fl.flags[i] & shape))
            return 0;
    }
    return 1;
}

int wm_lex_capitalized(const wm_lex *lx, int32_t t)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    uint32_t f = lx->doc->tokens.items[t].flags;
    return (f & WM_TOK_ALPHA) && (f & WM_TOK_UPPER) && (f & WM_TOK_HAS_LOWER);
}

int wm_lex_all_caps(const wm_lex *lx, int32_t t)
{
    return t >= 0 && t < wm_lex_count(lx) && (lx->doc->tokens.items[t].flags & WM_TOK_ALL_CAPS);
}

int wm_lex_lower(const wm_lex *lx, int32_t t)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    uint32_t f = lx->doc->tokens.items[t].flags;
    return (f & WM_TOK_ALPHA) && !(f & WM_TOK_UPPER);
}

int wm_lex_punct(const wm_lex *lx, int32_t t, UChar c)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    const wm_token *tok = &lx->doc->tokens.items[t];
    return (tok->flags & WM_TOK_PUNCT) && lx->doc->text[tok->span.start] == c;
}

int wm_lex_joined(const wm_lex *lx, int32_t t)
{
    return t >= 0 && t + 1 < wm_lex_count(lx) && !(lx->doc->tokens.items[t + 1].flags & WM_TOK_SPACE_BEFORE);
}

int wm_lex_adjective_ending(const wm_lex *lx, int32_t t)
{
    if (t < 0 || t >= wm_lex_count(lx))
        return 0;
    const wm_token *tok = &lx->doc->tokens.items[t];
    const UChar *f = lx->doc->folded + tok->fold_start;
    if (!(tok->flags & WM_TOK_ALPHA) || tok->fold_len < 4)
        return 0;
    for (size_t e = 0; e < sizeof adjective_endings / sizeof *adjective_endings; e++)
        if (ends_with(f, tok->fold_len, adjective_endings[e]))
            return 1;
    return 0;
}
