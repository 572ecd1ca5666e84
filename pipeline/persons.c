/* persons.c - the person stage: names after titles and forms of address, names that start with
 * a given name, names in appositions to a role, names in photo credits, and later mentions of a
 * family name already seen. Names never include titles, and never overlap an organization.
 * Owns only the mentions it appends. */
#include <string.h>

#include "orgwords.h"
#include "persons.h"
#include "phrase.h"
#include "rolewords.h"
#include "strmap.h"

enum { MAX_GIVEN = 4, MAX_PARTS = 4, APPOSITION_REACH = 40 };

typedef struct {
    int32_t start, end;  /* name tokens */
    int32_t given_end;   /* [start, given_end) are given names */
    const char *rule;
    uint32_t flags;
} person_cand;

typedef struct {
    wm_doc *doc;
    wm_lex lx;
    int32_t *org;        /* per token: 1 inside an organization mention */
    int32_t *taken;      /* per token: 1 inside a chosen person mention */
    WM_VEC(person_cand) cands;
} persons;

static int32_t ntokens(const persons *p) { return wm_lex_count(&p->lx); }
static const wm_token *tok(const persons *p, int32_t t) { return &p->doc->tokens.items[t]; }

static int same_segment(const persons *p, int32_t a, int32_t b)
{
    return a >= 0 && b < ntokens(p) && tok(p, a)->segment == tok(p, b)->segment;
}

/* Street names are not persons: "Henning-von-Tresckow-Straße", "Wilhelmstraße". */
static int street_word(const persons *p, int32_t t, int after_hyphen)
{
    int32_t e = wm_lex_hit(&p->lx, t, WM_LIST_STREET_SUFFIXES, NULL);
    if (e >= 0 && after_hyphen)
        return 1;
    int32_t at = 0;
    e = wm_lex_tail(&p->lx, t, WM_LIST_STREET_SUFFIXES, 3, &at);
    if (e < 0)
        return 0;
    char match[16];
    return wm_gaz_entry_attr(wm_gazetteer_entry(p->lx.gaz, e), "match", match, sizeof match) && !strcmp(match, "suffix");
}

/* A location of the main lists; the OpenStreetMap settlements are too often family names. */
static int strong_location(const persons *p, int32_t t)
{
    const wm_doc *doc = p->doc;
    if (p->lx.hits[t] < 0)
        return 0;
    for (size_t h = (size_t)p->lx.hits[t]; h < doc->gaz_hits.len && doc->gaz_hits.items[h].first_token == t; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        if (hit->list == WM_LIST_LOCATIONS && hit->token_count == 1 &&
            !strstr(wm_gazetteer_entry(p->lx.gaz, hit->entry)->file, ".osm."))
            return 1;
    }
    return 0;
}

static int name_shaped(const persons *p, int32_t t)
{
    return t >= 0 && t < ntokens(p) && wm_lex_capitalized(&p->lx, t) && !p->org[t] && !p->taken[t];
}

/* Words that are never part of a personal name. `lenient`: after a given name, a word of the
 * surname list may also be a noun, weekday or place ("Anne Freitag", "Jan Brandenburg"). */
static int excluded(const persons *p, int32_t t, int lenient)
{
    const wm_lex *lx = &p->lx;
    if (!name_shaped(p, t) || wm_function_word(lx, t))
        return 1;
    /* "Ende März", "am Freitag": a month or weekday after a word is a date, even if some family
     * is called März or Freitag */
    if (lenient && wm_lex_in(lx, t, WM_LIST_SURNAMES) && !wm_lex_in(lx, t, WM_LIST_MONTHS) &&
        !wm_lex_in(lx, t, WM_LIST_WEEKDAYS))
        return 0;
    wm_org_head h;
    wm_role_word r;
    /* a month before a name is a given name: "Jan Koch", "August Bebel"; before a number a month */
    int month = (wm_lex_in(lx, t, WM_LIST_MONTHS) || wm_lex_in(lx, t, WM_LIST_WEEKDAYS)) &&
                !(wm_lex_capitalized(lx, t + 1) && wm_lex_joined(lx, t) == 0 && same_segment(p, t, t + 1)) &&
                !(wm_lex_punct(lx, t + 1, '-') && wm_lex_joined(lx, t));
    if (wm_lex_in(lx, t, WM_LIST_NON_NAMES) || month ||
        wm_lex_in(lx, t, WM_LIST_HONORIFICS) || wm_lex_in(lx, t, WM_LIST_ACADEMIC_TITLES) ||
        wm_lex_in(lx, t, WM_LIST_ORG_SUFFIXES) || wm_location_adjective(lx, t) >= 0 || strong_location(p, t) ||
        wm_lex_inflected(lx, t, 1, WM_LIST_NON_NAMES) >= 0)
        return 1;
    if (wm_org_head_at(lx, t, &h) || (wm_role_at(lx, t, &r) && r.start == t && r.end == t + 1))
        return 1;
    return 0;
}

static int given_name(const persons *p, int32_t t)
{
    return name_shaped(p, t) && wm_lex_in(&p->lx, t, WM_LIST_GIVEN_NAMES) && !excluded(p, t, 0);
}

/* One family name: "Kramme", "Petrlić-Woelke", "Al-Khatib", with a street check on the parts. */
static int32_t surname_end(const persons *p, int32_t t, int lenient)
{
    if (excluded(p, t, lenient) || street_word(p, t, 0))
        return -1;
    int32_t e = t + 1;
    while (wm_lex_punct(&p->lx, e, '-') && wm_lex_joined(&p->lx, e - 1) && wm_lex_joined(&p->lx, e) &&
           wm_lex_capitalized(&p->lx, e + 1)) {
        if (e - t >= 2 * MAX_PARTS)
            return -1; /* no family name has that many parts */
        wm_org_head h;
        /* "Albertine-Rehfeld-Straße", "Friedrich-Ebert-Stiftung"; but a family name such as
         * "Berg" or "Feld" ends a double name ("Meier-Berg") */
        if ((street_word(p, e + 1, 1) && !wm_lex_in(&p->lx, e + 1, WM_LIST_SURNAMES)) ||
            (wm_org_head_at(&p->lx, e + 1, &h) && !p->org[e + 1]))
            return -1;
        e += 2;
    }
    if (wm_lex_punct(&p->lx, e, '-') && wm_lex_joined(&p->lx, e - 1))
        return -1; /* a compound such as "Breitenbach-Rede" */
    wm_role_word r;
    if (wm_role_at(&p->lx, t, &r) && r.start == t && r.end == e)
        return -1; /* "Vize-Minister" */
    return e;
}

static int name_boundary(const persons *p, int32_t t)
{
    if (t >= ntokens(p) || !same_segment(p, t - 1, t))
        return 1;
    const wm_lex *lx = &p->lx;
    return wm_lex_punct(lx, t, ',') || wm_lex_punct(lx, t, '.') || wm_lex_punct(lx, t, ')') ||
           wm_lex_punct(lx, t, '(') || wm_lex_punct(lx, t, ';') || wm_lex_punct(lx, t, ':') || wm_lex_is(lx, t, "und") ||
           wm_lex_is(lx, t, "sowie") || (tok(p, t)->flags & WM_TOK_PUNCT && !wm_lex_punct(lx, t, '-'));
}

/* Name particles inside a name: "von", "van der", "de"; German articles and contracted
 * prepositions that the list also holds ("des", "zur") only ever join a title to its complement. */
static int32_t particles_end(const persons *p, int32_t t)
{
    static const char *const articles[] = {"der", "des", "dem", "den", "die", "das", "zur", "zum", "vom", "am", "im", NULL};
    int32_t n = 0;
    if (wm_lex_hit(&p->lx, t, WM_LIST_NAME_PARTICLES, &n) < 0 || !wm_lex_lower(&p->lx, t) ||
        !same_segment(p, t, t + n) || wm_word_in(&p->lx, t, articles))
        return t;
    return t + n;
}

/* Spanish and Portuguese names carry two family names, often joined by a particle: "Ana
 * Gómez Ruiz", "Pedro Sánchez de la Torre". A second name word after the first family name
 * belongs to it when it is no common word and the name ends there. */
static int32_t second_surname_end(const persons *p, int32_t e)
{
    int32_t s = particles_end(p, e);
    if (!same_segment(p, e - 1, s) || !name_shaped(p, s) || excluded(p, s, 0) || given_name(p, s) ||
        street_word(p, s, 0) || (s == e && wm_lex_punct(&p->lx, e - 1, '-')))
        return e;
    int32_t f = surname_end(p, s, 0);
    if (f < 0 || (f < ntokens(p) && same_segment(p, s, f) && wm_lex_capitalized(&p->lx, f)))
        return e;
    return f;
}

/* A lone word [s, e) that is a compound of a common noun ("Lotsenprojekte", "Pflegekräfte")
 * is no family name unless the list knows it as one. */
static int common_compound(const persons *p, int32_t s, int32_t e)
{
    int32_t at = 0;
    return e == s + 1 && !wm_lex_in(&p->lx, s, WM_LIST_SURNAMES) && wm_lex_tail(&p->lx, s, WM_LIST_NON_NAMES, 5, &at) >= 0;
}

enum {
    NAME_GIVEN = 1,   /* a known given name must come first */
    NAME_SURNAME = 2  /* a lone family name will do (after a title) */
};

/* A personal name at t: known given names, particles and one family name. Without a known given
 * name, two name words right before a boundary also make a name ("Hebertus Heil,"). */
static int32_t parse_name(const persons *p, int32_t t, int modes, int32_t *given_end)
{
    int32_t g = t, last_given = t, units = 0;
    /* inside a name a given name may also be a month or a word: "Phạm Thị Mai Anh" */
    while (units < MAX_GIVEN && same_segment(p, t, g) &&
           (given_name(p, g) || (units > 0 && name_shaped(p, g) && wm_lex_in(&p->lx, g, WM_LIST_GIVEN_NAMES) &&
                                 !wm_function_word(&p->lx, g) && name_shaped(p, g + 1) && same_segment(p, g, g + 1)))) {
        int32_t e = g + 1;
        /* "Andrea-Maria", "Hans-Georg"; but "Arslan-Peters" after a first name is a family name */
        while (e - g < 2 * MAX_PARTS && wm_lex_punct(&p->lx, e, '-') && wm_lex_joined(&p->lx, e - 1) &&
               wm_lex_joined(&p->lx, e) && given_name(p, e + 1))
            e += 2;
        if (units > 0 && wm_lex_punct(&p->lx, e, '-') && wm_lex_joined(&p->lx, e - 1))
            break;
        last_given = g;
        g = e;
        units++;
    }
    int32_t s = particles_end(p, g);
    if (g > t) {
        /* after a particle a common noun is the preposition's object: "Anna zu Gast bei ..." */
        int32_t e = same_segment(p, t, s) ? surname_end(p, s, s == g) : -1;
        if (e > 0) {
            *given_end = g;
            return second_surname_end(p, e);
        }
        /* "Phạm Thị Mai Anh": every word a given name, the last one serves as family name */
        if (units >= 2) {
            *given_end = last_given;
            return g;
        }
        return -1;
    }
    if (modes & NAME_GIVEN)
        return -1;
    if (s > t) {
        int32_t dummy;
        if (parse_name(p, s, NAME_GIVEN, &dummy) > 0)
            return -1; /* "unter der Leitung von Elke Breitenbach": "von" is a preposition */
    } else if (!excluded(p, t, 0) && surname_end(p, t, 0) == t + 1 && same_segment(p, t, t + 1)) {
        int32_t e = surname_end(p, particles_end(p, t + 1), 0);
        if (e > 0 && same_segment(p, t, e - 1) && name_boundary(p, e)) {
            *given_end = t + 1;
            return e;
        }
    }
    if (!(modes & NAME_SURNAME) || !same_segment(p, t, s))
        return -1;
    int32_t e = surname_end(p, s, 0);
    if (e < 0 || common_compound(p, s, e))
        return -1;
    *given_end = t;
    return second_surname_end(p, e);
}

/* Titles and forms of address before a name: "S.E. Botschafter", "Frau Dr.", "Senatorin".
 * Returns the token after them; *role tells whether a role title was among them. */
static int32_t title_chain_end(const persons *p, int32_t t, int *role, uint32_t *gender)
{
    const wm_lex *lx = &p->lx;
    int32_t e = t;
    *role = 0;
    for (int k = 0; k < 5 && e < ntokens(p) && same_segment(p, t, e); k++) {
        int32_t n = 0, entry;
        wm_role_word r;
        if ((entry = wm_lex_hit(lx, e, WM_LIST_HONORIFICS, &n)) >= 0 ||
            (entry = wm_lex_hit(lx, e, WM_LIST_ACADEMIC_TITLES, &n)) >= 0) {
            char g = wm_gazetteer_entry(lx->gaz, entry)->gender;
            *gender |= g == 'f' ? WM_MENTION_FEMALE : g == 'm' ? WM_MENTION_MALE : 0;
            e += n;
        } else if (wm_role_at(lx, e, &r) && r.start == e && !p->org[r.noun]) {
            *gender |= r.gender == 'f' ? WM_MENTION_FEMALE : r.gender == 'm' ? WM_MENTION_MALE : 0;
            *role = 1;
            e = r.end;
        } else {
            break;
        }
    }
    return e;
}

static void add_cand(persons *p, int32_t start, int32_t end, int32_t given_end, const char *rule, uint32_t flags)
{
    person_cand c = {start, end, given_end, rule, flags};
    wm_vec_push(&p->cands, c);
}

/* The end of what a role title governs before a name: "für Arbeit und Soziales", "des LAGeSo",
 * "der Bundesagentur für Arbeit", "der Republik Ghana". */
static int32_t complement_end(const persons *p, int32_t t)
{
    const wm_lex *lx = &p->lx;
    int32_t e = t;
    for (int k = 0; k < 3 && same_segment(p, t, e); k++) {
        if (wm_word_in(lx, e, wm_complement_preps)) {
            int32_t n = wm_enum_end(lx, e + 1);
            if (n < 0)
                break;
            e = n;
        } else if (wm_word_in(lx, e, wm_genitive_articles) || wm_lex_is(lx, e, "beim") || wm_lex_is(lx, e, "im")) {
            int32_t q = wm_skip_adjectives(lx, e + 1);
            if (p->org[q]) {
                while (q < ntokens(p) && p->org[q])
                    q++;
                e = q;
            } else if (wm_place_end(lx, q) > 0) {
                e = wm_place_end(lx, q);
            } else {
                break;
            }
        } else {
            break;
        }
    }
    return e;
}

/* "Senatorin Breitenbach", "Herrn Jamshid Abruev", "der Präsident des LAGeSo Franz Allert". */
static void titled_names(persons *p)
{
    for (int32_t t = 0; t < ntokens(p); t++) {
        int role = 0;
        uint32_t gender = 0;
        int32_t e = title_chain_end(p, t, &role, &gender);
        if (e == t)
            continue;
        int32_t given_end;
        int32_t end = parse_name(p, e, NAME_SURNAME, &given_end); /* also "HWR-Präsident van der Linden" */
        if (end > 0 && same_segment(p, t, end - 1)) {
            add_cand(p, e, end, given_end, "person.title", gender);
            continue;
        }
        if (!role)
            continue;
        int32_t c = complement_end(p, e);
        if (c == e)
            continue;
        int32_t after = title_chain_end(p, c, &role, &gender);
        end = parse_name(p, after, 0, &given_end);
        if (end > 0 && same_segment(p, t, end - 1))
            add_cand(p, after, end, given_end, "person.title", gender);
    }
}

/* Names starting with a given name: "Elke Breitenbach", "Andrea-Maria Petrlić-Woelke". */
static void given_first_names(persons *p)
{
    for (int32_t t = 0; t < ntokens(p); t++) {
        int32_t given_end;
        int32_t end = parse_name(p, t, NAME_GIVEN, &given_end);
        if (end > 0)
            add_cand(p, t, end, given_end, "person.given", 0);
    }
}

static int allowed_in_title_phrase(const persons *p, int32_t t)
{
    static const char *const words[] = {"fur", "und", "der", "des", "im", "beim", "bei", "in", "am", "an", "von",
                                        "vom", "zur", "zum", "mit", "gegen", "ohne", "dem", "den", NULL};
    const wm_lex *lx = &p->lx;
    const wm_token *k = tok(p, t);
    if (wm_word_in(lx, t, words) || wm_lex_capitalized(lx, t) || wm_lex_all_caps(lx, t) || (k->flags & WM_TOK_DIGIT))
        return 1;
    if (wm_lex_lower(lx, t) && wm_lex_adjective_ending(lx, t))
        return 1;
    UChar c = p->doc->text[k->span.start];
    return (k->flags & WM_TOK_PUNCT) && c != '.' && c != ';' && c != ':' && c != '!' && c != '?';
}

/* A name set off by commas after a title and its complement: "Die Senatorin für Arbeit, ...,
 * Dr. Katharina Lenzen-Okafor, und", "die Generalkonsulin der ... in Frankfurt am Main, Phạm Thị
 * Mai Anh, teilnehmen". Without a known given name the name needs two words and a boundary. */
static void names_after_roles(persons *p)
{
    for (int32_t t = 0; t < ntokens(p); t++) {
        wm_role_word r;
        if (!wm_role_at(&p->lx, t, &r) || r.start != t || p->org[r.noun])
            continue;
        for (int32_t k = r.end; k < ntokens(p) && k < r.end + APPOSITION_REACH && same_segment(p, t, k); k++) {
            if (!wm_lex_punct(&p->lx, k, ',')) {
                if (!allowed_in_title_phrase(p, k) || (name_shaped(p, k) && given_name(p, k) && !p->org[k]))
                    break;
                continue;
            }
            int role;
            uint32_t gender = 0;
            int32_t s = title_chain_end(p, k + 1, &role, &gender), given_end;
            int32_t end = parse_name(p, s, 0, &given_end);
            if (end > 0 && name_boundary(p, end)) {
                add_cand(p, s, end, given_end, "person.apposition", gender);
                break;
            }
        }
        t = r.end - 1;
    }
}

/* "Efua Boateng, Direktorin für ...": two or three name words right before ", <role>". */
static void names_before_roles(persons *p)
{
    for (int32_t t = 0; t < ntokens(p); t++) {
        if (name_shaped(p, t - 1) || !name_shaped(p, t))
            continue;
        int32_t given_end;
        int32_t end = parse_name(p, t, 0, &given_end);
        if (end < 0 || end - t < 2 || !wm_lex_punct(&p->lx, end, ','))
            continue;
        for (int32_t k = t; k < end; k++)
            if (wm_lex_is(&p->lx, k, "-") == 0 && tok(p, k)->flags & WM_TOK_ALPHA && excluded(p, k, 1))
                end = -1;
        wm_role_word r;
        if (end > 0 && wm_role_at(&p->lx, end + 1, &r) && r.start == end + 1 && !p->org[r.noun])
            add_cand(p, t, end, given_end, "person.apposition", 0);
    }
}

/* The name right after a credit marker: "Foto: BMAS/Lutz Dammeier". */
static int credited(const persons *p, int32_t t)
{
    int32_t seg = tok(p, t)->segment;
    if (t < 1 || seg < 0 || p->doc->segments.items[seg].kind != WM_SEGMENT_CREDIT)
        return 0;
    const wm_lex *lx = &p->lx;
    return wm_lex_punct(lx, t - 1, ':') || wm_lex_punct(lx, t - 1, '/') || wm_lex_punct(lx, t - 1, '-') ||
           wm_lex_punct(lx, t - 1, 0x2013);
}

/* "Foto: BMAS/Lutz Dammeier", "Bilder - Victoria Tomaschko.": the credited name. */
static void credit_names(persons *p)
{
    for (int32_t t = 1; t < ntokens(p); t++) {
        if (!credited(p, t))
            continue;
        int32_t given_end;
        int32_t end = parse_name(p, t, 0, &given_end);
        if (end > 0 && name_boundary(p, end))
            add_cand(p, t, end, given_end, "person.credit", WM_MENTION_CREDIT);
    }
}

static int by_start_then_length(const void *a, const void *b)
{
    const person_cand *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (y->end - y->start) - (x->end - x->start);
}

static const char *name_base(persons *p, const person_cand *c)
{
    if (c->given_end <= c->start)
        return NULL;
    /* a transliteration variant takes the standard spelling: "Wladimir" -> "Vladimir" */
    const wm_doc *doc = p->doc;
    const char *canonical = NULL;
    for (size_t h = p->lx.hits[c->start] >= 0 ? (size_t)p->lx.hits[c->start] : doc->gaz_hits.len;
         h < doc->gaz_hits.len && doc->gaz_hits.items[h].first_token == c->start; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        char v[16];
        const wm_gaz_entry *e = wm_gazetteer_entry(p->lx.gaz, hit->entry);
        if (hit->list == WM_LIST_GIVEN_NAMES && hit->token_count == 1 && wm_gaz_entry_attr(e, "variant", v, sizeof v) &&
            !strcmp(v, "translit"))
            canonical = e->canonical;
    }
    if (!canonical)
        return NULL;
    const char *rest = wm_tokens_text(&p->lx, p->doc, c->start + 1, c->end);
    return wm_arena_printf(&p->doc->arena, "%s %s", canonical, rest);
}

static uint32_t given_gender(const persons *p, int32_t t)
{
    int f = 0, m = 0;
    const wm_doc *doc = p->doc;
    if (p->lx.hits[t] < 0)
        return 0;
    for (size_t h = (size_t)p->lx.hits[t]; h < doc->gaz_hits.len && doc->gaz_hits.items[h].first_token == t; h++) {
        const wm_gaz_hit *hit = &doc->gaz_hits.items[h];
        if (hit->list != WM_LIST_GIVEN_NAMES || hit->token_count != 1)
            continue;
        char g = wm_gazetteer_entry(p->lx.gaz, hit->entry)->gender;
        f |= g == 'f';
        m |= g == 'm';
    }
    return f && !m ? WM_MENTION_FEMALE : m && !f ? WM_MENTION_MALE : 0;
}

static void add_mention(persons *p, int32_t start, int32_t end, const char *rule, uint32_t flags, const char *base)
{
    wm_span span = {tok(p, start)->span.start, tok(p, end - 1)->span.end};
    int32_t m = wm_doc_add_mention(p->doc, span, WM_ENTITY_PERSON, rule, -1, flags);
    p->doc->mentions.items[m].base = base;
    for (int32_t k = start; k < end; k++)
        p->taken[k] = 1;
}

/* The folded text of tokens [a, b) into buf (joined by spaces); returns its length in units. */
static size_t folded_key(const persons *p, int32_t a, int32_t b, UChar *buf, size_t cap)
{
    size_t n = 0;
    for (int32_t k = a; k < b; k++) {
        const wm_token *x = tok(p, k);
        if (n + (size_t)x->fold_len + 1 > cap)
            return 0;
        if (k > a)
            buf[n++] = ' ';
        memcpy(buf + n, p->doc->folded + x->fold_start, (size_t)x->fold_len * sizeof(UChar));
        n += (size_t)x->fold_len;
    }
    return n;
}

/* A family name seen in a full name, again on its own: "Kramme", "Petrlić-Woelke". */
static void surname_mentions(persons *p, size_t first_mention)
{
    enum { KEY_UNITS = 256 };
    size_t n = p->doc->mentions.len;
    wm_strmap known = {0};
    int lengths = 0; /* bit k: some family name has k tokens */
    UChar key[KEY_UNITS];
    for (size_t i = first_mention; i < n; i++) {
        const wm_mention *m = &p->doc->mentions.items[i];
        int32_t a = wm_doc_token_at(p->doc, m->span.start), b = wm_doc_token_at(p->doc, m->span.end - 1) + 1;
        /* the family name is the last word, with its hyphenated parts */
        int32_t s = b - 1;
        while (s - 2 >= a && wm_lex_punct(&p->lx, s - 1, '-') && wm_lex_joined(&p->lx, s - 2))
            s -= 2;
        size_t len = folded_key(p, s, b, key, KEY_UNITS);
        if (len && b - s < 16) {
            wm_strmap_put(&known, key, len * sizeof(UChar), b - s);
            lengths |= 1 << (b - s);
        }
    }
    for (int32_t t = 0; t < ntokens(p) && known.len; t++) {
        if (p->taken[t] || p->org[t] || !wm_lex_capitalized(&p->lx, t) ||
            (t > 0 && wm_lex_joined(&p->lx, t - 1) && wm_lex_punct(&p->lx, t - 1, '-')))
            continue;
        for (int32_t len = 15; len >= 1; len--) {
            if (!(lengths & (1 << len)) || t + len > ntokens(p))
                continue;
            int free_span = 1;
            for (int32_t k = t; k < t + len && free_span; k++)
                free_span = !p->taken[k] && !p->org[k];
            size_t klen = free_span ? folded_key(p, t, t + len, key, KEY_UNITS) : 0;
            if (!klen || wm_strmap_get(&known, key, klen * sizeof(UChar)) < 0 ||
                (wm_lex_punct(&p->lx, t + len, '-') && wm_lex_joined(&p->lx, t + len - 1)))
                continue;
            add_mention(p, t, t + len, "person.surname", WM_MENTION_SURNAME_ONLY, NULL);
            t += len - 1;
            break;
        }
    }
    wm_strmap_free(&known);
}

wm_status wm_persons(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    persons p = {.doc = doc};
    wm_lex_init(&p.lx, doc, wm_kb_gazetteer(ctx->kb));
    size_t n = doc->tokens.len ? doc->tokens.len : 1;
    p.org = wm_arena_alloc(&doc->arena, n * sizeof *p.org);
    p.taken = wm_arena_alloc(&doc->arena, n * sizeof *p.taken);
    memset(p.org, 0, n * sizeof *p.org);
    memset(p.taken, 0, n * sizeof *p.taken);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_ORGANIZATION || (m->flags & WM_MENTION_ANAPHOR))
            continue;
        for (int32_t t = wm_doc_token_at(doc, m->span.start); t >= 0 && t < (int32_t)doc->tokens.len &&
                                                                doc->tokens.items[t].span.start < m->span.end;
             t++)
            p.org[t] = 1;
    }
    titled_names(&p);
    given_first_names(&p);
    names_after_roles(&p);
    names_before_roles(&p);
    credit_names(&p);
    if (p.cands.len)
        qsort(p.cands.items, p.cands.len, sizeof *p.cands.items, by_start_then_length);
    size_t first = doc->mentions.len;
    for (size_t i = 0; i < p.cands.len; i++) {
        const person_cand *c = &p.cands.items[i];
        int free_span = 1;
        for (int32_t k = c->start; k < c->end && free_span; k++)
            free_span = !p.taken[k];
        if (!free_span)
            continue;
        uint32_t flags = c->flags | (credited(&p, c->start) ? WM_MENTION_CREDIT : 0);
        if (c->given_end <= c->start)
            flags |= WM_MENTION_SURNAME_ONLY;
        else if (!(flags & (WM_MENTION_FEMALE | WM_MENTION_MALE)))
            flags |= given_gender(&p, c->start);
        add_mention(&p, c->start, c->end, c->rule, flags, name_base(&p, c));
    }
    surname_mentions(&p, first);
    wm_vec_free(&p.cands);
    return WM_OK;
}
