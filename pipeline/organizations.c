/* organizations.c - the organization stage: names from the gazetteer and from the German name
 * grammar (head noun + "für ..." + genitive place or organization + legal form + "(ABBR)"),
 * abbreviation definitions, legal-form names, "ABBR-Role" compounds and bare heads that refer
 * back ("die Botschaft"). Owns only the mentions it appends. */
#include <string.h>
#include <unicode/uchar.h>

#include "organizations.h"
#include "orgwords.h"
#include "phrase.h"
#include "rolewords.h"

enum { MAX_NEST = 2, MAX_GENITIVES = 3 };

typedef struct {
    int32_t start, end; /* tokens [start, end) */
    int32_t name_start; /* where the name proper starts: after "IJAB – " */
    int32_t head;       /* head token, or -1 */
    wm_org_head h;
    int32_t entry;      /* organizations entry, or -1 */
    int32_t abbr_start, abbr_end; /* tokens inside "(...)" right after the name, or -1 */
    const char *rule;
    int qualified; /* a modifier or a person's name in front of the head: not a mere unit */
    int dropped;   /* a gazetteer abbreviation that the text defines otherwise */
} org_cand;

typedef struct {
    wm_doc *doc;
    wm_stage_ctx *ctx;
    wm_lex lx;
    WM_VEC(org_cand) cands;
    int32_t *owner; /* per token: candidate covering it, or -1 */
} orgs;

static const char *const anaphor_determiners[] = {"der", "die", "das", "des", "dem", "den", "im", "beim", "zum",
                                                  "zur", "vom", "am", "ins", "ans", "dieser", "diese", "dieses",
                                                  "diesem", "diesen", NULL};

static const char *const indefinite_articles[] = {"ein", "eine", "eines", "einem", "einen", "einer", NULL};

static int32_t ntokens(const orgs *o) { return wm_lex_count(&o->lx); }

static const wm_token *tok(const orgs *o, int32_t t) { return &o->doc->tokens.items[t]; }

static int word_in(const orgs *o, int32_t t, const char *const *words) { return wm_word_in(&o->lx, t, words); }
static int cont(const orgs *o, int32_t t) { return wm_continues(&o->lx, t); }
static int is_function_word(const orgs *o, int32_t t) { return wm_function_word(&o->lx, t); }
static int32_t skip_adjectives(const orgs *o, int32_t t) { return wm_skip_adjectives(&o->lx, t); }
static int32_t cap_word_end(const orgs *o, int32_t t) { return wm_cap_word_end(&o->lx, t); }
static int32_t enum_end(const orgs *o, int32_t t) { return wm_enum_end(&o->lx, t); }

static int upper_count(const orgs *o, int32_t t)
{
    const wm_token *k = tok(o, t);
    int n = 0;
    for (int32_t i = k->span.start; i < k->span.end; i++)
        n += u_isupper(o->doc->text[i]) != 0;
    return n;
}

/* "BMAS", "LAGeSo", "SenASGIVA", "StMAS": a word with at least two capitals in it. */
static int abbr_shape(const orgs *o, int32_t t)
{
    if (t < 0 || t >= ntokens(o) || !(tok(o, t)->flags & WM_TOK_ALPHA) || !(tok(o, t)->flags & WM_TOK_UPPER))
        return 0;
    return upper_count(o, t) >= 2 && tok(o, t)->span.end - tok(o, t)->span.start <= 12;
}

static int32_t legal_suffix_end(const orgs *o, int32_t t)
{
    if (!cont(o, t))
        return -1;
    int32_t n = 0;
    int32_t e = wm_lex_hit(&o->lx, t, WM_LIST_ORG_SUFFIXES, &n);
    if (e < 0 || !wm_lex_case_matches(&o->lx, t, wm_gazetteer_entry(o->lx.gaz, e)))
        return -1;
    return t + n;
}

/* "(BMAS)", "(LAB NI)" right at t; returns the token after ")" and the inside in *a, *b. */
static int32_t paren_abbr(const orgs *o, int32_t t, int32_t *a, int32_t *b)
{
    if (!wm_lex_punct(&o->lx, t, '(') || !cont(o, t))
        return -1;
    int32_t e = t + 1;
    while (e < t + 3 && abbr_shape(o, e))
        e++;
    if (e == t + 1 || !wm_lex_punct(&o->lx, e, ')'))
        return -1;
    *a = t + 1;
    *b = e;
    return e + 1;
}

static int head_org(orgs *o, int32_t t, int32_t floor, org_cand *out, int depth);

/* "Stadt Leipzig", "Landeshauptstadt Kiel", "Gemeinde Weil": a municipality named with its
 * frame word acts as a body (it hosts, signs, sends delegations). Returns the token after it. */
static int32_t municipality_end(const orgs *o, int32_t t)
{
    static const char *const frames[] = {"stadt", "landeshauptstadt", "gemeinde", "samtgemeinde",
                                         "verbandsgemeinde", "marktgemeinde", NULL};
    if (t < 0 || t + 1 >= ntokens(o) || !wm_lex_capitalized(&o->lx, t) || !word_in(o, t, frames) || !cont(o, t + 1))
        return -1;
    return wm_place_end(&o->lx, t + 1);
}

/* Gazetteer organization starting at t, also inflected ("des Bundesministeriums für Arbeit und
 * Soziales"); capitalisation must agree so "die" is never DIE. */
static int gazetteer_org(const orgs *o, int32_t t, int32_t *end)
{
    const wm_lex *lx = &o->lx;
    if (!wm_lex_capitalized(lx, t) && !wm_lex_all_caps(lx, t))
        return -1;
    int32_t n = 0;
    int32_t e = wm_lex_hit(lx, t, WM_LIST_ORGANIZATIONS, &n);
    if (e >= 0 && wm_lex_case_matches(lx, t, wm_gazetteer_entry(lx->gaz, e))) {
        *end = t + n;
        return e;
    }
    for (int32_t k = 8; k >= 1; k--) {
        if (t + k > ntokens(o) || !wm_lex_capitalized(lx, t + k - 1))
            continue;
        e = wm_lex_inflected(lx, t, k, WM_LIST_ORGANIZATIONS);
        wm_org_head h;
        int plural = 0; /* "die Agenturen für Arbeit" are many */
        for (int32_t j = t; j < t + k && j < t + 3 && !plural; j++)
            plural = wm_org_head_at(lx, j, &h) && h.plural;
        if (e >= 0 && !plural && wm_lex_case_matches(lx, t, wm_gazetteer_entry(lx->gaz, e))) {
            *end = t + k;
            return e;
        }
    }
    return -1;
}

/* A head noun on its own names an organization: "Landesregierung", "Bundestag", "Staatskanzlei",
 * "Landesintegrationsbeirat"; generic heads ("Ministerium", "Behörde") do not. */
static int bare_head_names(const orgs *o, int32_t t, const wm_org_head *h)
{
    const char *cls = wm_org_head_class(&o->lx, h);
    const wm_token *k = tok(o, t);
    const UChar *f = o->doc->folded + k->fold_start;
    static const char *const prefixes[] = {"bundes", "landes", "staats", "senats"};
    int prefixed = 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        int same = (int32_t)n < k->fold_len;
        for (size_t j = 0; same && j < n; j++)
            same = f[j] == (UChar)prefixes[i][j];
        prefixed |= same;
    }
    char local[4];
    if (wm_gaz_entry_attr(wm_gazetteer_entry(o->lx.gaz, h->entry), "local", local, sizeof local))
        /* a town's or a Land's one "Ausländerbehörde", "Integrationsrat"; "die Ausländerbehörde
         * der Landeshauptstadt" describes whose it is instead */
        return !word_in(o, t + h->ntok, wm_genitive_articles);
    if (!strcmp(cls, "government") || !strcmp(cls, "parliament"))
        return prefixed || wm_lex_is(&o->lx, t, "landtag") || wm_lex_is(&o->lx, t, "bundestag");
    if (!strcmp(cls, "association"))
        return prefixed && h->tail_at > 0;
    return 0;
}

typedef struct {
    int valid;      /* the name is well formed already where the extension starts */
    int complement; /* "für ..." may follow (not after a complete gazetteer name) */
    int name;       /* capitalised words may follow directly: "Netzwerk Vielfalt und Chancengleichheit" */
    int embassy;    /* "in <place>" may follow: "Generalkonsulat der Republik Türkei in Düsseldorf" */
    int government; /* "von <place>" may follow: "Regierung von Moskau" */
    int generic;    /* the head is an everyday noun ("Delegation"): a genitive body is the name */
    int indefinite; /* "eines Zentrums für ...": a description of a kind of body, not its name */
} extension;

/* Capitalised words right after a head that name it: "Fachbereich Seniorenpolitik",
 * "Stabsstelle Landesbeauftragte". They must end the phrase (punctuation, a lower-case word or
 * the line end follow) and must not be a person, place or role. */
static int32_t head_name_end(orgs *o, int32_t pos)
{
    const wm_lex *lx = &o->lx;
    if (!cont(o, pos) || wm_lex_hit(lx, pos, WM_LIST_GIVEN_NAMES, NULL) >= 0 || wm_place_end(lx, pos) > 0)
        return -1;
    wm_org_head h;
    if (wm_lex_in(lx, pos, WM_LIST_MONTHS) || wm_lex_in(lx, pos, WM_LIST_WEEKDAYS) ||
        (wm_org_head_at(lx, pos, &h) && h.tail_at == 0))
        return -1;
    int32_t e = enum_end(o, pos);
    if (e < 0)
        return -1;
    /* "Referat Presse": a name needs one word that is not an everyday noun */
    int proper = 0;
    for (int32_t k = pos; k < e && !proper; k++)
        proper = (tok(o, k)->flags & WM_TOK_ALPHA) && wm_lex_capitalized(lx, k) && !wm_lex_in(lx, k, WM_LIST_NON_NAMES) &&
                 wm_lex_inflected(lx, k, 1, WM_LIST_NON_NAMES) < 0;
    if (!proper)
        return -1;
    const wm_token *after = e < ntokens(o) ? tok(o, e) : NULL;
    int boundary = !after || after->segment != tok(o, e - 1)->segment || (after->flags & WM_TOK_PUNCT) ||
                   wm_lex_lower(lx, e);
    return boundary && !word_in(o, e, wm_genitive_articles) ? e : -1;
}

/* Tokens [t, e) are one capitalised word: "zur Verfügung", "zur Verbesserung" are a verb's
 * complement far more often than part of a name ("Koordinierungsstelle zur Unterbringung,
 * Versorgung und Betreuung ..."). */
static int single_noun(const orgs *o, int32_t t, int32_t e)
{
    return cap_word_end(o, t) == e;
}

/* "und Umgebung", "und Umland" after a place name belong to the area an organization serves.
 * Returns the token after them, or pos. */
static int32_t surroundings_end(const orgs *o, int32_t pos)
{
    static const char *const areas[] = {"umgebung", "umland", NULL};
    if (wm_lex_is(&o->lx, pos, "und") && cont(o, pos) && cont(o, pos + 1) && word_in(o, pos + 1, areas) &&
        wm_lex_capitalized(&o->lx, pos + 1))
        return pos + 2;
    return pos;
}

/* Extends a name that ends before `pos` with what may follow an organization's name: a place,
 * "für ...", genitives, "in <place>" (embassies), a legal form and "(ABBR)". Sets out->end to
 * the longest well-formed end; returns 0 if no end is well formed. */
static int extend(orgs *o, org_cand *c, int32_t pos, extension x, int depth)
{
    const wm_lex *lx = &o->lx;
    int32_t best = x.valid ? pos : -1;
    int has_name = 0;
    if (cont(o, pos)) {
        int32_t p = wm_place_end(lx, pos);
        if (p > 0) {
            pos = best = p;
            has_name = 1;
        }
    }
    if (pos > 0 && wm_place_end(lx, pos - 1) == pos)
        pos = best = surroundings_end(o, pos); /* "Caritasverband X und Umgebung" */
    if (x.complement && !x.indefinite && word_in(o, pos, wm_complement_preps) && cont(o, pos)) {
        int32_t e = enum_end(o, pos + 1);
        /* "das Netzwerk zur Verbesserung der Lebensbedingungen": a verb's complement, not a name */
        int nominal = wm_lex_is(lx, pos, "fur") || wm_lex_is(lx, pos, "gegen") || (e > 0 && !single_noun(o, pos + 1, e));
        if (e > 0 && nominal) {
            pos = best = e;
            has_name = 1;
            int32_t p = cont(o, pos) ? wm_place_end(lx, pos) : -1;
            if (p > 0)
                pos = best = p;
        }
    } else if ((x.government || x.embassy) && wm_lex_is(lx, pos, "von") && cont(o, pos + 1) &&
               wm_place_end(lx, pos + 1) > 0) {
        /* "Regierung von Moskau", "Botschaft von Georgien" */
        pos = best = wm_place_end(lx, pos + 1);
        has_name = 1;
    } else if (x.name && !has_name) {
        int32_t e = head_name_end(o, pos);
        if (e > 0) {
            pos = best = e;
            has_name = 1;
        }
    }
    for (int g = 0; g < MAX_GENITIVES && cont(o, pos); g++) {
        int32_t next = -1;
        if (word_in(o, pos, wm_genitive_articles) && cont(o, pos + 1)) {
            org_cand inner;
            int32_t p = wm_place_end(lx, pos + 1);
            int town = municipality_end(o, pos + 1) > 0;
            if (p > 0 && !town) {
                next = p;
            } else if (depth < MAX_NEST && head_org(o, pos + 1, pos + 1, &inner, depth + 1) && inner.start == pos + 1) {
                int company = legal_suffix_end(o, inner.end) > 0 ||
                              (inner.end > pos + 2 && wm_lex_hit(lx, inner.end - 1, WM_LIST_ORG_SUFFIXES, NULL) >= 0);
                /* "Delegation der Stadt Krakau" is the town's; "Integrationsrat der Stadt X" a body of its own */
                int replaces = town ? x.generic : !has_name && best == -1 && c->entry < 0 && !c->qualified;
                if (replaces || (company && c->entry < 0)) {
                    *c = inner; /* "Delegation des BMAS", "Geschäftsstelle der Koordinierungsstelle ..." */
                    return 1;
                }
                next = inner.end;
            } else {
                wm_role_word r;
                int32_t q = skip_adjectives(o, pos + 1);
                if (wm_role_at(lx, q, &r) && word_in(o, r.end, wm_complement_preps)) {
                    int32_t e = enum_end(o, r.end + 1); /* "der Beauftragten für Integration" */
                    if (e > 0)
                        next = e;
                } else {
                    /* a noun that leads on to a place or an organization: "der Bevölkerung der
                     * Republik Kasachstan", "der Unternehmerinnen und Unternehmer mit ... Berlin-Brandenburg" */
                    int32_t e = enum_end(o, pos + 1);
                    if (e > 0 && cont(o, e)) {
                        int32_t p2 = wm_place_end(lx, e);
                        if (p2 > 0)
                            next = p2;
                        else if (word_in(o, e, wm_genitive_articles) && wm_place_end(lx, e + 1) > 0)
                            next = wm_place_end(lx, e + 1);
                        else if (legal_suffix_end(o, e) > 0 || paren_abbr(o, e, &(int32_t){0}, &(int32_t){0}) > 0)
                            next = e; /* "Verband der Kölner Lebensmittelhändler (KLV)" */
                    }
                }
            }
        } else if (best >= 0 && wm_lex_is(lx, pos, "beim") && cont(o, pos + 1)) {
            /* "beim Präsidenten der Republik Usbekistan" */
            int32_t q = skip_adjectives(o, pos + 1);
            int32_t e = cap_word_end(o, q);
            if (e > 0 && word_in(o, e, wm_genitive_articles) && cont(o, e + 1)) {
                int32_t p = wm_place_end(lx, e + 1);
                if (p > 0)
                    next = p;
            }
        } else if (best >= 0 && wm_lex_is(lx, pos, "zu") && cont(o, pos + 1) && wm_place_end(lx, pos + 1) > 0) {
            next = wm_place_end(lx, pos + 1); /* "Humboldt-Universität zu Berlin" */
        } else if (best >= 0 && x.embassy && wm_lex_is(lx, pos, "in") && cont(o, pos + 1)) {
            int32_t p = wm_place_end(lx, pos + 1);
            if (p > 0)
                next = p;
        }
        if (next < 0)
            break;
        pos = best = next;
        has_name = 1;
    }
    /* "Landesstelle für Gleichbehandlung – gegen Diskriminierung" */
    if (best == pos && (wm_lex_punct(lx, pos, 0x2013) || wm_lex_punct(lx, pos, '-')) && cont(o, pos) &&
        word_in(o, pos + 1, wm_complement_preps) && cont(o, pos + 1)) {
        int32_t e = enum_end(o, pos + 2);
        if (e > 0)
            pos = best = e;
    }
    int32_t s = legal_suffix_end(o, pos);
    if (s > 0)
        pos = best = s;
    if (best < 0)
        return 0;
    int32_t a, b;
    int32_t after = paren_abbr(o, best, &a, &b);
    c->end = best;
    if (after > 0) {
        c->abbr_start = a;
        c->abbr_end = b;
        int32_t s2 = legal_suffix_end(o, after);
        if (s2 > 0)
            c->end = s2; /* "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH" */
    }
    return 1;
}

static int role_governs(const orgs *o, int32_t t)
{
    /* "Leiterin der Abteilung ...": the unit is part of her title, not an organization */
    wm_role_word r;
    return word_in(o, t - 1, wm_genitive_articles) && wm_role_ending_at(&o->lx, t - 2, &r);
}

/* The head's nominative is an everyday noun ("Delegation" in "Fachdelegation"): a place
 * adjective in front ("Brandenburger Fachdelegation") does not make it a name. */
static int head_is_common_noun(const wm_lex *lx, const wm_org_head *h)
{
    const char *canonical = wm_gazetteer_entry(lx->gaz, h->entry)->canonical;
    UChar key[256];
    int32_t n = wm_gazetteer_key(canonical, strlen(canonical), key, 256);
    wm_gaz_lookup found;
    return n > 0 && wm_gazetteer_find(lx->gaz, key, n, &found) && wm_gaz_lookup_in_list(lx->gaz, &found, WM_LIST_NON_NAMES) >= 0;
}

/* An ordinal before a name marks an event: "das 7. Hamburger Integrationsforum". */
static int after_ordinal(const orgs *o, int32_t start)
{
    return start >= 2 && wm_lex_punct(&o->lx, start - 1, '.') && (tok(o, start - 2)->flags & WM_TOK_DIGIT) &&
           wm_lex_joined(&o->lx, start - 2);
}

/* "eines zentralen Zentrums": an indefinite article, maybe with adjectives, before start. */
static int after_indefinite_article(const orgs *o, int32_t start)
{
    int32_t p = start - 1;
    while (p >= 0 && start - p < 4 && wm_lex_lower(&o->lx, p) && wm_lex_adjective_ending(&o->lx, p) &&
           !word_in(o, p, indefinite_articles))
        p--;
    return p >= 0 && word_in(o, p, indefinite_articles);
}

static int head_org(orgs *o, int32_t t, int32_t floor, org_cand *out, int depth)
{
    const wm_lex *lx = &o->lx;
    wm_org_head h;
    memset(out, 0, sizeof *out);
    out->abbr_start = out->abbr_end = -1;
    out->entry = -1;
    int32_t town = municipality_end(o, t);
    if (town > 0) {
        out->start = t;
        out->end = town;
        out->head = -1;
        out->rule = "org.municipality";
        return 1;
    }
    int32_t gend = -1;
    int32_t ge = gazetteer_org(o, t, &gend);
    wm_role_word office;
    int in_list = tok(o, t)->segment >= 0 && o->doc->segments.items[tok(o, t)->segment].kind == WM_SEGMENT_LIST_ITEM;
    if (ge >= 0 && wm_role_at(lx, t, &office) && office.noun == t && !in_list)
        ge = -1; /* "Integrationsbeauftragte des Landes Brandenburg" is a title unless listed as a member */
    if (ge >= 0 && !(gend == t + 1 && (wm_lex_in(lx, t, WM_LIST_ORG_HEADS) || wm_lex_in(lx, t, WM_LIST_NON_NAMES)))) {
        out->start = t;
        out->head = -1;
        out->entry = ge;
        out->rule = "org.gazetteer";
        /* "Arbeiterwohlfahrt Landesverband Mecklenburg-Vorpommern e.V.": a unit named after it */
        org_cand unit;
        if (depth < MAX_NEST && cont(o, gend) && head_org(o, gend, gend, &unit, depth + 1) && unit.start == gend &&
            unit.entry < 0) {
            out->end = unit.end;
            out->abbr_start = unit.abbr_start;
            out->abbr_end = unit.abbr_end;
            return 1;
        }
        extend(o, out, gend, (extension){.valid = 1}, depth);
        if (out->end < gend)
            out->end = gend;
        return 1;
    }
    if (!wm_org_head_at(lx, t, &h) || h.plural)
        return 0;
    const char *cls = wm_org_head_class(lx, &h);
    if (!strcmp(cls, "unit") && role_governs(o, t))
        return 0;
    int32_t start = t;
    int named_after = 0;
    /* "Elisabeth-Kranach-Stiftung": a hyphenated compound ending in a head */
    while (start - 2 >= floor && t - start < 8 && wm_lex_punct(lx, start - 1, '-') && wm_lex_joined(lx, start - 2) &&
           wm_lex_joined(lx, start - 1) && (wm_lex_capitalized(lx, start - 2) || wm_lex_all_caps(lx, start - 2))) {
        start -= 2;
        named_after = 1;
    }
    /* "Arbeits- und Sozialdepartement" */
    if (start - 3 >= floor && wm_lex_is(lx, start - 1, "und") && wm_lex_punct(lx, start - 2, '-') &&
        wm_lex_joined(lx, start - 3) && !wm_lex_joined(lx, start - 2) && wm_lex_capitalized(lx, start - 3))
        start -= 3;
    /* adjectives: "Nationale", "Bayerisches", "Thüringer", "Türkisch-Deutsche" */
    int modifiers = 0, place_adjective = 0;
    while (!named_after && modifiers < 2 && start - 1 >= floor && cont(o, start)) {
        int32_t p = start - 1;
        int is_place = wm_location_adjective(lx, p) >= 0;
        int adjective = wm_lex_capitalized(lx, p) && (is_place || wm_lex_adjective_ending(lx, p)) &&
                        !is_function_word(o, p) && !(tok(o, p)->flags & WM_TOK_SEGMENT_START && !is_place &&
                                                    wm_lex_in(lx, p, WM_LIST_NON_NAMES));
        if (!adjective)
            break;
        start = p;
        modifiers++;
        place_adjective |= is_place;
        if (wm_lex_punct(lx, p - 1, '-') && wm_lex_joined(lx, p - 2) && wm_lex_joined(lx, p - 1) &&
            wm_lex_capitalized(lx, p - 2) && p - 2 >= floor)
            start = p - 2;
    }
    if (after_ordinal(o, start))
        return 0;
    out->start = start;
    out->head = t;
    out->h = h;
    out->rule = named_after ? "org.named_after" : "org.head";
    out->qualified = named_after || modifiers > 0;
    /* "Fachdelegation": a unit or delegation named by a common noun is no name of its own */
    int generic = wm_lex_in(lx, t, WM_LIST_NON_NAMES) ||
                  ((!strcmp(cls, "embassy") || !strcmp(cls, "unit")) && head_is_common_noun(lx, &h));
    int government = !strcmp(cls, "government") || !strcmp(cls, "parliament");
    extension x = {
        .valid = named_after || bare_head_names(o, t, &h) || (place_adjective && (!generic || government)),
        .complement = !wm_lex_all_caps(lx, t), /* "die IHK für kleine Betriebe" asks for whom */
        /* a delegation is named by whom it comes from, never by a noun after it */
        .name = !named_after && !(generic && !strcmp(cls, "embassy")),
        .embassy = !strcmp(cls, "embassy"),
        .government = government,
        .generic = generic,
        .indefinite = after_indefinite_article(o, start),
    };
    return extend(o, out, t + h.ntok, x, depth);
}

/* "des Vereins Ukrainisches Haus", "dem Pflegedienst Sonnenhof Care": a kind of body named by an
 * everyday noun, then its proper name, which alone is the organization. The noun follows a
 * determiner (perhaps with a place adjective) and the name runs to a boundary. */
static int kind_apposition(orgs *o, int32_t t, org_cand *out)
{
    const wm_lex *lx = &o->lx;
    wm_org_head h;
    /* a compound ("Beratungsnetzwerk") is specific enough to be part of the name */
    if (!wm_org_head_at(lx, t, &h) || h.plural || h.tail_at > 0 || !head_is_common_noun(lx, &h))
        return 0;
    const char *cls = wm_org_head_class(lx, &h);
    if (strcmp(cls, "association") && strcmp(cls, "company"))
        return 0;
    int32_t d = t - 1;
    if (d >= 0 && wm_location_adjective(lx, d) >= 0)
        d--;
    if (!word_in(o, d, anaphor_determiners))
        return 0;
    int32_t s = t + h.ntok, e = s;
    while (e < s + 5 && cont(o, e) && (wm_lex_capitalized(lx, e) || abbr_shape(o, e)) && !is_function_word(o, e) &&
           !wm_role_ending_at(lx, e, &(wm_role_word){0}))
        e = cap_word_end(o, e);
    if (e == s || wm_place_end(lx, s) == e || (e == s + 1 && wm_lex_in(lx, s, WM_LIST_NON_NAMES)))
        return 0;
    int32_t legal = legal_suffix_end(o, e);
    if (legal > 0)
        e = legal;
    int boundary = e >= ntokens(o) || tok(o, e)->segment != tok(o, e - 1)->segment ||
                   (tok(o, e)->flags & WM_TOK_PUNCT && !wm_lex_punct(lx, e, '-')) || wm_lex_lower(lx, e);
    if (!boundary || word_in(o, e, wm_genitive_articles) || wm_lex_punct(lx, e, '('))
        return 0;
    memset(out, 0, sizeof *out);
    out->start = out->name_start = s;
    out->end = e;
    out->head = -1;
    out->entry = -1;
    out->abbr_start = out->abbr_end = -1;
    out->rule = "org.kind_apposition";
    return 1;
}

/* A list of members or bodies may name an office by its title: "- Landesbeauftragter für
 * Menschen mit Behinderung". Only at the start of a list item and with a complement. */
static int office_org(orgs *o, int32_t t, org_cand *out)
{
    int32_t seg = tok(o, t)->segment;
    if (seg < 0 || o->doc->segments.items[seg].kind != WM_SEGMENT_LIST_ITEM)
        return 0;
    int32_t first = o->doc->segments.items[seg].first_token;
    while (first < t && (tok(o, first)->flags & WM_TOK_PUNCT))
        first++;
    wm_role_word r;
    if (first != t || !wm_role_at(&o->lx, t, &r) || r.start != t || !word_in(o, r.end, wm_complement_preps))
        return 0;
    int32_t e = enum_end(o, r.end + 1);
    if (e < 0 || (e < ntokens(o) && tok(o, e)->segment == seg && !(tok(o, e)->flags & WM_TOK_PUNCT)))
        return 0;
    memset(out, 0, sizeof *out);
    out->start = t;
    out->end = e;
    out->head = -1;
    out->entry = -1;
    out->abbr_start = out->abbr_end = -1;
    out->rule = "org.office";
    out->name_start = t;
    return 1;
}

/* "(SSNIT)" after words the grammar does not know: "Social Security and National Insurance
 * Trust (SSNIT)". The long form runs back over capitalised words and joining words and must
 * start with the abbreviation's first letter. */
static int abbr_definition_fallback(orgs *o, int32_t paren, org_cand *out)
{
    int32_t a, b;
    if (paren_abbr(o, paren, &a, &b) < 0 || b != a + 1)
        return 0;
    static const char *const joins[] = {"and", "of", "for", "the", "und", "fur", "der", "des", "de", NULL};
    int32_t s = paren, words = 0;
    while (s - 1 >= 0 && paren - s < 12 && o->owner[s - 1] < 0 && cont(o, s) &&
           ((wm_lex_capitalized(&o->lx, s - 1) && !is_function_word(o, s - 1)) || word_in(o, s - 1, joins)))
        s--;
    while (s < paren && !wm_lex_capitalized(&o->lx, s))
        s++;
    UChar first = o->doc->text[tok(o, a)->span.start];
    while (s < paren && (o->doc->text[tok(o, s)->span.start] != first))
        s++;
    for (int32_t k = s; k < paren; k++)
        words += wm_lex_capitalized(&o->lx, k);
    if (words < 2)
        return 0;
    memset(out, 0, sizeof *out);
    out->start = s;
    out->end = paren;
    out->head = -1;
    out->entry = -1;
    out->abbr_start = a;
    out->abbr_end = b;
    out->rule = "org.abbr_def";
    out->name_start = s;
    return 1;
}

/* "Tehrani Logistik GmbH", "BVRE e.V.": capitalised words right before a legal form. */
static int legal_form_fallback(orgs *o, int32_t t, org_cand *out)
{
    int32_t e = legal_suffix_end(o, t);
    if (e < 0)
        return 0;
    int32_t s = t;
    while (s - 1 >= 0 && o->owner[s - 1] < 0 && cont(o, s) && s > t - 4 &&
           (wm_lex_capitalized(&o->lx, s - 1) || abbr_shape(o, s - 1)) && !is_function_word(o, s - 1) &&
           !wm_role_ending_at(&o->lx, s - 1, &(wm_role_word){0}))
        s--;
    if (s == t)
        return 0;
    memset(out, 0, sizeof *out);
    out->start = s;
    out->end = e;
    out->head = -1;
    out->entry = -1;
    out->abbr_start = out->abbr_end = -1;
    out->rule = "org.legal_form";
    out->name_start = s;
    return 1;
}

static void claim(orgs *o, const org_cand *c)
{
    for (int32_t k = c->start; k < c->end; k++)
        o->owner[k] = (int32_t)o->cands.len;
    wm_vec_push(&o->cands, *c);
}

static int overlaps(const orgs *o, int32_t s, int32_t e)
{
    for (int32_t k = s; k < e; k++)
        if (o->owner[k] >= 0)
            return 1;
    return 0;
}

typedef struct {
    wm_span text;   /* the abbreviation as written */
    int32_t cand;   /* candidate it abbreviates, or -1 */
    int32_t entry;  /* organizations entry, or -1 */
} abbr_def;

typedef WM_VEC(abbr_def) abbr_list;

static int same_text(const wm_doc *doc, wm_span a, wm_span b)
{
    return a.end - a.start == b.end - b.start &&
           memcmp(doc->text + a.start, doc->text + b.start, (size_t)(a.end - a.start) * sizeof(UChar)) == 0;
}

static void add_abbr(abbr_list *l, const wm_doc *doc, wm_span text, int32_t cand, int32_t entry)
{
    for (size_t i = 0; i < l->len; i++)
        if (same_text(doc, l->items[i].text, text))
            return;
    abbr_def d = {text, cand, entry};
    wm_vec_push(l, d);
}

/* Runs the regex rules of organizations.rules: abbreviation definitions and "ABBR-Role". */
static void rule_abbreviations(orgs *o, abbr_list *abbrs)
{
    const wm_ruleset *set = wm_kb_rules(o->ctx->kb, WM_RULES_ORGANIZATIONS);
    for (size_t r = 0; set && r < wm_ruleset_size(set); r++) {
        const wm_rule *rule = wm_ruleset_rule(set, r);
        char kind[32];
        if (!wm_rule_attr(rule, "kind", kind, sizeof kind))
            continue;
        int32_t at = 0;
        while (at < o->doc->len && wm_stage_match(o->ctx, o->doc, rule, at) > 0) {
            wm_span whole, abbr;
            wm_rule_group(o->ctx->matcher, rule, NULL, &whole);
            at = whole.end > at ? whole.end : at + 1;
            if (!wm_rule_group(o->ctx->matcher, rule, "abbr", &abbr))
                continue;
            int32_t t = wm_doc_token_at(o->doc, abbr.start);
            if (t < 0 || !abbr_shape(o, t))
                continue;
            if (!strcmp(kind, "compound")) {
                /* the part after the hyphen must be a role: "BVRE-Vorstandsmitglied" */
                wm_role_word rw;
                const wm_gaz_entry *re = NULL;
                if (wm_role_at(&o->lx, t, &rw) && rw.start == t)
                    re = wm_gazetteer_entry(o->lx.gaz, rw.entry);
                /* an office in the singular: "LASV-Präsident", not "NGO-Experten" */
                if (re && !strcmp(re->surface, re->canonical) && wm_place_end(&o->lx, t) < 0 &&
                    !wm_lex_in(&o->lx, t, WM_LIST_NON_NAMES))
                    add_abbr(abbrs, o->doc, abbr, -1, -1);
            } else if (!strcmp(kind, "definition")) {
                int32_t open = t - 1;
                int32_t owner = open > 0 ? o->owner[open - 1] : -1;
                if (owner < 0) {
                    org_cand c;
                    if (abbr_definition_fallback(o, open, &c) && !overlaps(o, c.start, c.end)) {
                        claim(o, &c);
                        owner = (int32_t)o->cands.len - 1;
                    }
                }
                if (owner >= 0)
                    add_abbr(abbrs, o->doc, abbr, owner, -1);
            }
        }
    }
}

static void add_mention(orgs *o, int32_t start, int32_t end, const char *rule, int32_t entry, uint32_t flags,
                        const char *base)
{
    wm_span span = {tok(o, start)->span.start, tok(o, end - 1)->span.end};
    int32_t m = wm_doc_add_mention(o->doc, span, WM_ENTITY_ORGANIZATION, rule, entry, flags);
    o->doc->mentions.items[m].base = base;
}

/* A quoted name right after an abbreviation: "IMAG „Integration“". Returns the token after
 * the closing quote, or -1. */
static int32_t quoted_name_end(const orgs *o, int32_t t)
{
    static const UChar opening[] = {0x201E, 0x201C, '"', 0x00BB, 0};
    static const UChar closing[] = {0x201C, 0x201D, '"', 0x00AB, 0};
    if (t >= ntokens(o) || !cont(o, t))
        return -1;
    for (int q = 0; opening[q]; q++) {
        if (!wm_lex_punct(&o->lx, t, opening[q]))
            continue;
        int32_t e = enum_end(o, t + 1);
        if (e > 0 && e <= t + 4 && wm_lex_punct(&o->lx, e, closing[q]))
            return e + 1;
    }
    return -1;
}

/* Every occurrence of a known abbreviation, also inside "LASV-Präsident". */
static void abbreviation_mentions(orgs *o, const abbr_list *abbrs, const char *const *bases)
{
    for (int32_t t = 0; t < ntokens(o); t++) {
        if (o->owner[t] >= 0 || !abbr_shape(o, t))
            continue;
        for (size_t i = 0; i < abbrs->len; i++) {
            const abbr_def *d = &abbrs->items[i];
            int32_t first = wm_doc_token_at(o->doc, d->text.start), last = wm_doc_token_at(o->doc, d->text.end - 1);
            int32_t n = last - first + 1;
            if (t + n > ntokens(o))
                continue;
            wm_span here = {tok(o, t)->span.start, tok(o, t + n - 1)->span.end};
            if (!same_text(o->doc, here, d->text) || (t > 0 && wm_lex_joined(&o->lx, t - 1) &&
                                                      (tok(o, t - 1)->flags & WM_TOK_ALPHA)))
                continue;
            const char *base = d->cand >= 0   ? bases[d->cand]
                               : d->entry >= 0 ? wm_gazetteer_entry(o->lx.gaz, d->entry)->canonical
                                               : NULL;
            int32_t end = quoted_name_end(o, t + n);
            add_mention(o, t, end > 0 ? end : t + n, "org.abbr", d->entry, WM_MENTION_ABBREVIATION, base);
            t = (end > 0 ? end : t + n) - 1;
            break;
        }
    }
}

/* "die Botschaft", "des Landesamtes", "im kasachischen Ministerium": a bare head that resolution
 * links to an organization named elsewhere in the document, or drops. */
static void anaphor_mentions(orgs *o)
{
    for (int32_t t = 1; t < ntokens(o); t++) {
        wm_org_head h;
        if (o->owner[t] >= 0 || !wm_org_head_at(&o->lx, t, &h) || h.plural)
            continue;
        int32_t d = t - 1;
        if (wm_location_adjective(&o->lx, d) >= 0 && wm_lex_lower(&o->lx, d))
            d--;
        if (!word_in(o, d, anaphor_determiners) || (!strcmp(wm_org_head_class(&o->lx, &h), "unit") && role_governs(o, t)))
            continue;
        int32_t start = d < t - 1 ? t - 1 : t;
        add_mention(o, start, t + h.ntok, "org.anaphor", -1, WM_MENTION_ANAPHOR,
                    wm_org_base_form(&o->lx, o->doc, t, t + h.ntok, t, &h));
        t += h.ntok - 1;
    }
}

/* "IJAB – Fachstelle für ...": an abbreviation and a dash in front of a name define it too. */
static void leading_abbreviation(orgs *o, org_cand *c, int32_t floor)
{
    int32_t d = c->start - 1, a = c->start - 2;
    c->name_start = c->start;
    if (a < floor || !(wm_lex_punct(&o->lx, d, 0x2013) || wm_lex_punct(&o->lx, d, '-')) || wm_lex_joined(&o->lx, a) ||
        !abbr_shape(o, a) || !cont(o, d) || !cont(o, c->start) || c->abbr_start >= 0)
        return;
    c->abbr_start = a;
    c->abbr_end = a + 1;
    c->start = a;
}

static const char *cand_base(orgs *o, const org_cand *c)
{
    if (c->entry >= 0 && c->end == c->name_start + wm_gazetteer_entry(o->lx.gaz, c->entry)->token_count)
        return wm_gazetteer_entry(o->lx.gaz, c->entry)->canonical;
    if (c->head >= 0)
        return wm_org_base_form(&o->lx, o->doc, c->name_start, c->end, c->head, &c->h);
    if (c->entry >= 0) {
        /* a gazetteer name extended by a genitive or legal form: canonical + the rest */
        int32_t n = wm_gazetteer_entry(o->lx.gaz, c->entry)->token_count;
        const char *rest = wm_tokens_text(&o->lx, o->doc, c->name_start + n, c->end);
        return wm_arena_printf(&o->doc->arena, "%s %s", wm_gazetteer_entry(o->lx.gaz, c->entry)->canonical, rest);
    }
    return NULL;
}

wm_status wm_organizations(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    orgs o = {.doc = doc, .ctx = ctx};
    wm_lex_init(&o.lx, doc, wm_kb_gazetteer(ctx->kb));
    int32_t n = ntokens(&o);
    o.owner = wm_arena_alloc(&doc->arena, (size_t)(n ? n : 1) * sizeof *o.owner);
    for (int32_t t = 0; t < n; t++)
        o.owner[t] = -1;

    int32_t floor = 0;
    for (int32_t t = 0; t < n; t++) {
        org_cand c;
        if ((kind_apposition(&o, t, &c) || head_org(&o, t, floor, &c, 0) || office_org(&o, t, &c)) && c.end > t &&
            !overlaps(&o, c.start, c.end)) {
            leading_abbreviation(&o, &c, floor);
            claim(&o, &c);
            floor = c.end;
            t = c.end - 1;
            if (c.abbr_end > c.end)
                t = c.abbr_end; /* "(SMWA)" is this name's, whatever the gazetteer says */
        }
    }
    for (int32_t t = 0; t < n; t++) {
        org_cand c;
        if (o.owner[t] < 0 && legal_form_fallback(&o, t, &c) && !overlaps(&o, c.start, c.end))
            claim(&o, &c);
    }
    /* definitions in the text come first: they win over a gazetteer abbreviation of the same
     * letters ("SMWA" of another ministry or an older name) */
    abbr_list abbrs = {0};
    for (size_t i = 0; i < o.cands.len; i++) {
        const org_cand *c = &o.cands.items[i];
        if (c->abbr_start >= 0)
            add_abbr(&abbrs, doc, (wm_span){tok(&o, c->abbr_start)->span.start, tok(&o, c->abbr_end - 1)->span.end},
                     (int32_t)i, c->entry);
    }
    rule_abbreviations(&o, &abbrs);
    size_t defined = abbrs.len;
    for (size_t i = 0; i < o.cands.len; i++) {
        org_cand *c = &o.cands.items[i];
        if (c->abbr_start >= 0 || c->entry < 0 || c->end != c->start + 1 || !abbr_shape(&o, c->start))
            continue;
        int redefined = 0;
        for (size_t d = 0; d < defined && !redefined; d++)
            redefined = abbrs.items[d].cand >= 0 && same_text(doc, abbrs.items[d].text, tok(&o, c->start)->span);
        if (redefined) {
            c->dropped = 1;
            o.owner[c->start] = -1;
        } else {
            add_abbr(&abbrs, doc, tok(&o, c->start)->span, (int32_t)i, c->entry);
        }
    }
    /* an abbreviation that only the legal form marks: "BVRE e.V." */
    for (size_t i = 0; i < o.cands.len; i++) {
        const org_cand *c = &o.cands.items[i];
        if (!strcmp(c->rule, "org.legal_form") && abbr_shape(&o, c->start))
            add_abbr(&abbrs, doc, tok(&o, c->start)->span, (int32_t)i, -1);
    }

    const char **bases = wm_arena_alloc(&doc->arena, (o.cands.len + 1) * sizeof *bases);
    for (size_t i = 0; i < o.cands.len; i++) {
        org_cand *c = &o.cands.items[i];
        bases[i] = cand_base(&o, c);
        if (c->dropped)
            continue;
        add_mention(&o, c->start, c->end, c->rule, c->entry, 0, bases[i]);
        if (!bases[i])
            bases[i] = wm_tokens_text(&o.lx, doc, c->start, c->end);
    }
    abbreviation_mentions(&o, &abbrs, bases);
    anaphor_mentions(&o);
    wm_vec_free(&abbrs);
    wm_vec_free(&o.cands);
    return WM_OK;
}
