/* orgwords.c - head nouns, framed place names and nominative base forms of organization names.
 * German grammar lives here (noun gender by ending, strong adjective endings); words live in
 * the gazetteers. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "orgwords.h"
#include "tokenize.h"

enum { KEY_CAP = 256 };

/* Folded last word of an entry's surface, into out; returns its length. */
static int32_t surface_last_word(const wm_gaz_entry *e, UChar *out, int32_t cap)
{
    UChar key[KEY_CAP];
    int32_t n = wm_gazetteer_key(e->surface, strlen(e->surface), key, KEY_CAP);
    if (n < 0)
        return 0;
    int32_t s = n;
    while (s > 0 && key[s - 1] != ' ')
        s--;
    int32_t len = n - s < cap ? n - s : cap;
    memcpy(out, key + s, (size_t)len * sizeof(UChar));
    return len;
}

int wm_org_head_at(const wm_lex *lx, int32_t t, wm_org_head *out)
{
    /* an abbreviated head only as a whole word: "IHK", "HWK" */
    if (!wm_lex_capitalized(lx, t) && !(wm_lex_all_caps(lx, t) && wm_lex_in(lx, t, WM_LIST_ORG_HEADS)))
        return 0;
    if (wm_lex_in(lx, t, WM_LIST_ROLES) || wm_lex_inflected(lx, t, 1, WM_LIST_ROLES) >= 0)
        return 0;
    int32_t n = 0, tail_at = 0;
    int32_t e = wm_lex_hit(lx, t, WM_LIST_ORG_HEADS, &n);
    for (int32_t k = 2; e < 0 && k >= 1; k--) {
        e = wm_lex_inflected(lx, t, k, WM_LIST_ORG_HEADS);
        n = k;
    }
    if (e < 0) {
        if (wm_lex_in(lx, t, WM_LIST_NON_NAMES))
            return 0;
        e = wm_lex_tail(lx, t, WM_LIST_ORG_HEADS, 3, &tail_at);
        n = 1;
    }
    if (e < 0)
        return 0;
    const wm_gaz_entry *entry = wm_gazetteer_entry(lx->gaz, e);
    const wm_token *last = &lx->doc->tokens.items[t + n - 1];
    const UChar *text = lx->doc->folded + last->fold_start + (n == 1 ? tail_at : 0);
    int32_t text_len = last->fold_len - (n == 1 ? tail_at : 0);
    UChar word[KEY_CAP];
    int32_t wlen = surface_last_word(entry, word, KEY_CAP);
    int differs = wlen != text_len || u_memcmp(word, text, wlen) != 0;
    char expands[4]; /* "IHK" -> "Industrie- und Handelskammer" is no inflected form */
    int is_inflected_form = strcmp(entry->surface, entry->canonical) != 0 &&
                            !wm_gaz_entry_attr(entry, "expands", expands, sizeof expands);
    out->entry = e;
    out->ntok = n;
    out->tail_at = tail_at;
    out->plural = (differs || is_inflected_form) && text[text_len - 1] != 's';
    return 1;
}

const char *wm_org_head_class(const wm_lex *lx, const wm_org_head *head)
{
    const char *cls = wm_gazetteer_entry(lx->gaz, head->entry)->cls;
    return cls ? cls : "";
}

/* Words that put a place name in a frame: "Republik Usbekistan", "des Landes Brandenburg". */
static const char *const place_frames[] = {
    "republik", "bundesrepublik", "foderation", "konigreich", "konigreichs", "freistaat", "freistaats",
    "freistaates", "land", "landes", "stadt", "hansestadt", "region", "provinz", "kanton", "kantons",
    "emirat", "emirats", "furstentum", "furstentums", "staat", "staates", "landkreis", "landkreises",
    "kreis", "kreises", "bezirk", "bezirks", "bezirkes", "gemeinde", "landeshauptstadt", "bundeslandes",
    "bundesland"};

static int is_frame(const wm_lex *lx, int32_t t)
{
    for (size_t i = 0; i < sizeof place_frames / sizeof *place_frames; i++)
        if (wm_lex_is(lx, t, place_frames[i]))
            return 1;
    return 0;
}

/* The text of tokens [t, t+n) is exactly the UTF-8 surface (diacritics included). */
static int same_as_surface(const wm_lex *lx, int32_t t, int32_t n, const char *surface)
{
    UChar buf[KEY_CAP];
    int32_t len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(buf, KEY_CAP, &len, surface, -1, &st);
    const wm_token *a = &lx->doc->tokens.items[t], *b = &lx->doc->tokens.items[t + n - 1];
    int32_t tl = b->span.end - a->span.start;
    return U_SUCCESS(st) && tl == len && !u_memcmp(lx->doc->text + a->span.start, buf, len);
}

static int32_t location_end(const wm_lex *lx, int32_t t, int32_t *entry)
{
    if (!wm_lex_capitalized(lx, t) && !wm_lex_all_caps(lx, t))
        return -1;
    const wm_doc *doc = lx->doc;
    for (size_t h = lx->hits[t] >= 0 ? (size_t)lx->hits[t] : doc->gaz_hits.len;
         h < doc->gaz_hits.len && doc->gaz_hits.items[h].first_token == t; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        if (hit->list != WM_LIST_LOCATIONS)
            continue;
        const wm_gaz_entry *e = wm_gazetteer_entry(lx->gaz, hit->entry);
        if (!wm_lex_case_matches(lx, t, e))
            continue;
        /* the OpenStreetMap settlements are weak: only written exactly, and never a common noun */
        if (strstr(e->file, ".osm.") && (!same_as_surface(lx, t, hit->token_count, e->surface) ||
                                         (hit->token_count == 1 && wm_lex_in(lx, t, WM_LIST_NON_NAMES))))
            continue;
        *entry = hit->entry;
        return t + hit->token_count;
    }
    /* inflected: "der Russischen Föderation" */
    for (int32_t k = 3; k >= 1; k--) {
        int32_t e = wm_lex_inflected(lx, t, k, WM_LIST_LOCATIONS);
        if (e >= 0 && !strstr(wm_gazetteer_entry(lx->gaz, e)->file, ".osm.")) {
            *entry = e;
            return t + k;
        }
    }
    return -1;
}

int32_t wm_place_at(const wm_lex *lx, int32_t t, int32_t *entry)
{
    int32_t end = location_end(lx, t, entry);
    if (end >= 0) {
        /* "Berlin-Brandenburg", "Duisburg-Essen" */
        int32_t more_entry;
        while (wm_lex_punct(lx, end, '-') && wm_lex_joined(lx, end - 1) && wm_lex_joined(lx, end)) {
            int32_t more = location_end(lx, end + 1, &more_entry);
            if (more < 0)
                break;
            end = more;
        }
        return end;
    }
    int32_t f = t;
    while (f < t + 2 && wm_lex_capitalized(lx, f) && wm_lex_adjective_ending(lx, f) && !is_frame(lx, f))
        f++;
    if (!is_frame(lx, f))
        return -1;
    return location_end(lx, f + 1, entry);
}

int32_t wm_place_end(const wm_lex *lx, int32_t t)
{
    int32_t entry;
    return wm_place_at(lx, t, &entry);
}

/* A main-list location (not an OpenStreetMap settlement) whose folded name is key. */
static int32_t strong_location_key(const wm_lex *lx, const UChar *key, int32_t len)
{
    wm_gaz_lookup found;
    if (!wm_gazetteer_find(lx->gaz, key, len, &found))
        return -1;
    for (int32_t i = 0; i < found.count; i++) {
        const wm_gaz_entry *e = wm_gazetteer_entry(lx->gaz, found.entries[i]);
        if (e->list == WM_LIST_LOCATIONS && !strstr(e->file, ".osm."))
            return found.entries[i];
    }
    return -1;
}

int32_t wm_location_adjective(const wm_lex *lx, int32_t t)
{
    int32_t e = wm_lex_hit(lx, t, WM_LIST_LOCATION_ADJECTIVES, NULL);
    if (e >= 0)
        return e;
    e = wm_lex_adjective(lx, t, WM_LIST_LOCATION_ADJECTIVES);
    if (e >= 0 || !wm_lex_capitalized(lx, t))
        return e;
    /* the indeclinable -er adjective of a place: "Thüringer" (Thüringen), "Spandauer" (Spandau) */
    const wm_token *tok = &lx->doc->tokens.items[t];
    const UChar *f = lx->doc->folded + tok->fold_start;
    int32_t n = tok->fold_len;
    if (n < 6 || f[n - 2] != 'e' || f[n - 1] != 'r')
        return -1;
    UChar key[KEY_CAP];
    if (n + 1 > KEY_CAP)
        return -1;
    memcpy(key, f, (size_t)(n - 2) * sizeof(UChar));
    e = strong_location_key(lx, key, n - 2);
    if (e < 0) {
        key[n - 2] = 'e';
        key[n - 1] = 'n';
        e = strong_location_key(lx, key, n);
    }
    return e;
}

typedef struct {
    const char *ending;
    char genus;
} genus_rule;

/* German noun gender by ending; the longest matching ending decides. */
static const genus_rule genus_rules[] = {
    {"ung", 'f'},        {"ion", 'f'},         {"tat", 'f'},        {"schaft", 'f'},    {"heit", 'f'},
    {"keit", 'f'},       {"ei", 'f'},          {"ur", 'f'},         {"stelle", 'f'},    {"behorde", 'f'},
    {"kammer", 'f'},     {"kommission", 'f'},  {"akademie", 'f'},   {"schule", 'f'},    {"gruppe", 'f'},
    {"initiative", 'f'}, {"allianz", 'f'},     {"plattform", 'f'},  {"konferenz", 'f'}, {"kasse", 'f'},
    {"anstalt", 'f'},    {"zentrale", 'f'},    {"bibliothek", 'f'}, {"union", 'f'},     {"liga", 'f'},
    {"bank", 'f'},       {"runde", 'f'},       {"partei", 'f'},     {"force", 'f'},     {"ium", 'n'},
    {"amt", 'n'},        {"zentrum", 'n'},     {"institut", 'n'},   {"buro", 'n'},      {"werk", 'n'},
    {"referat", 'n'},    {"konsulat", 'n'},    {"departement", 'n'}, {"sekretariat", 'n'}, {"kabinett", 'n'},
    {"komitee", 'n'},    {"forum", 'n'},       {"bundnis", 'n'},    {"gericht", 'n'},   {"haus", 'n'},
    {"team", 'n'},       {"archiv", 'n'},      {"museum", 'n'},     {"dezernat", 'n'},  {"ressort", 'n'},
    {"unternehmen", 'n'}, {"kolleg", 'n'},     {"parlament", 'n'},  {"rat", 'm'},       {"verband", 'm'},
    {"verein", 'm'},     {"bund", 'm'},        {"ausschuss", 'm'},  {"senat", 'm'},     {"tag", 'm'},
    {"dienst", 'm'},     {"fonds", 'm'},       {"kreis", 'm'},      {"bereich", 'm'},   {"stab", 'm'},
    {"konzern", 'm'},    {"betrieb", 'm'},     {"ring", 'm'},       {"klub", 'm'},      {"club", 'm'},
    {"magistrat", 'm'},  {"hof", 'm'},         {"trust", 'm'},      {"verbund", 'm'},   {"vorstand", 'm'},
};

char wm_head_genus(const char *canonical)
{
    UChar key[KEY_CAP];
    int32_t n = wm_gazetteer_key(canonical, strlen(canonical), key, KEY_CAP);
    char genus = 'f';
    size_t best = 0;
    for (size_t i = 0; n > 0 && i < sizeof genus_rules / sizeof *genus_rules; i++) {
        size_t k = strlen(genus_rules[i].ending);
        if ((int32_t)k > n || k <= best)
            continue;
        int match = 1;
        for (size_t j = 0; j < k && match; j++)
            match = key[n - (int32_t)k + (int32_t)j] == (UChar)genus_rules[i].ending[j];
        if (match) {
            best = k;
            genus = genus_rules[i].genus;
        }
    }
    return genus;
}

typedef WM_VEC(UChar) ubuf;

static void put(ubuf *b, const UChar *s, int32_t n)
{
    wm_vec_reserve(b, b->len + (size_t)n + 1);
    memcpy(b->items + b->len, s, (size_t)n * sizeof(UChar));
    b->len += (size_t)n;
}

static void put_utf8(ubuf *b, const char *s, int lower_first)
{
    int32_t n = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(NULL, 0, &n, s, -1, &st);
    wm_vec_reserve(b, b->len + (size_t)n + 1);
    st = U_ZERO_ERROR;
    u_strFromUTF8(b->items + b->len, n + 1, NULL, s, -1, &st);
    if (lower_first && n > 0)
        b->items[b->len] = (UChar)u_tolower(b->items[b->len]);
    b->len += (size_t)n;
}

static void put_ascii(ubuf *b, const char *s)
{
    for (; *s; s++) {
        UChar c = (UChar)*s;
        put(b, &c, 1);
    }
}

static const char *arena_utf8(wm_doc *doc, const UChar *s, int32_t n)
{
    int32_t need = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &need, s, n, &st);
    char *out = wm_arena_alloc(&doc->arena, (size_t)need + 1);
    st = U_ZERO_ERROR;
    u_strToUTF8WithSub(out, need + 1, NULL, s, n, 0xFFFD, NULL, &st);
    out[need] = '\0';
    return out;
}

static void put_token(ubuf *b, const wm_lex *lx, int32_t t, int32_t first)
{
    const wm_token *tok = &lx->doc->tokens.items[t];
    if (t > first && (tok->flags & WM_TOK_SPACE_BEFORE)) {
        UChar sp = ' ';
        put(b, &sp, 1);
    }
    put(b, lx->doc->text + tok->span.start, tok->span.end - tok->span.start);
}

const char *wm_tokens_text(const wm_lex *lx, wm_doc *doc, int32_t start, int32_t end)
{
    ubuf b = {0};
    for (int32_t t = start; t < end; t++)
        put_token(&b, lx, t, start);
    const char *s = arena_utf8(doc, b.items, (int32_t)b.len);
    wm_vec_free(&b);
    return s;
}

/* Length of the text prefix of token t whose folded form is `folded_len` units long. */
static int32_t text_prefix(const wm_lex *lx, int32_t t, int32_t folded_len)
{
    const wm_token *tok = &lx->doc->tokens.items[t];
    int32_t i = tok->span.start, k = 0;
    UChar tmp[4];
    while (i < tok->span.end && k < folded_len)
        k += wm_fold(lx->doc->text + i++, 1, tmp);
    return i - tok->span.start;
}

static const char *const strong_endings[] = {"e", "er", "es"}; /* f, m, n */

const char *wm_org_base_form(const wm_lex *lx, wm_doc *doc, int32_t start, int32_t end, int32_t head,
                             const wm_org_head *h)
{
    const wm_gaz_entry *entry = wm_gazetteer_entry(lx->gaz, h->entry);
    char genus = wm_head_genus(entry->canonical);
    const char *ending = strong_endings[genus == 'f' ? 0 : genus == 'm' ? 1 : 2];
    ubuf b = {0};
    for (int32_t t = start; t < end; t++) {
        const wm_token *tok = &lx->doc->tokens.items[t];
        if (t == head) {
            if (t > start && (tok->flags & WM_TOK_SPACE_BEFORE))
                put_ascii(&b, " ");
            if (h->tail_at > 0) {
                put(&b, doc->text + tok->span.start, text_prefix(lx, t, h->tail_at));
                put_utf8(&b, entry->canonical, 1);
            } else {
                put_utf8(&b, entry->canonical, 0);
            }
            t += h->ntok - 1;
            continue;
        }
        const UChar *tf = doc->folded + tok->fold_start;
        int indeclinable = tok->fold_len > 2 && tf[tok->fold_len - 2] == 'e' && tf[tok->fold_len - 1] == 'r' &&
                           wm_location_adjective(lx, t) >= 0; /* "Berliner", "Thüringer" */
        int adjective = t < head && wm_lex_capitalized(lx, t) && wm_lex_adjective_ending(lx, t) && !indeclinable &&
                        !wm_lex_punct(lx, t + 1, '-');
        if (!adjective) {
            put_token(&b, lx, t, start);
            continue;
        }
        const UChar *f = doc->folded + tok->fold_start;
        int32_t n = tok->fold_len, cut = 0;
        static const char *const endings[] = {"en", "em", "er", "es", "e"};
        for (size_t e = 0; e < sizeof endings / sizeof *endings && !cut; e++) {
            int32_t k = (int32_t)strlen(endings[e]);
            if (n > k && f[n - k] == (UChar)endings[e][0] && (k == 1 || f[n - 1] == (UChar)endings[e][1]))
                cut = k;
        }
        if (t > start && (tok->flags & WM_TOK_SPACE_BEFORE))
            put_ascii(&b, " ");
        put(&b, doc->text + tok->span.start, tok->span.end - tok->span.start - cut);
        put_ascii(&b, ending);
    }
    const char *s = arena_utf8(doc, b.items, (int32_t)b.len);
    wm_vec_free(&b);
    return s;
}
