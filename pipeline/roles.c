/* roles.c - the role stage. For every role title it finds the holder (a name right after the
 * title or its complement, an apposition before or after it, a copula "X ist seit ... Titel",
 * a pronoun subject, a contact block) and the organization (an "ABBR-" compound, the genitive or
 * prepositional complement, a title that repeats an organization's name, a parenthesis after
 * the name, the document's one embassy for diplomatic titles). Owns only the roles it appends. */
#include <string.h>

#include "export.h"
#include "orgwords.h"
#include "phrase.h"
#include "roles.h"
#include "rolewords.h"
#include "strmap.h"

enum { COMPLEMENT_REACH = 24 };

typedef struct {
    wm_doc *doc;
    wm_stage_ctx *ctx;
    wm_lex lx;
    int32_t *person; /* per token: person mention covering it, or -1 */
    int32_t *org;    /* per token: organization mention covering it (resolved, kept), or -1 */
    /* built once per document on first use, so every title costs a lookup, not a scan */
    int indexed;
    wm_strmap complements; /* "fur-kultur-und-medien" (from an organization's name) -> entity */
    wm_strmap heads;       /* an organization's head word ("verband") -> entity named last with it */
    WM_VEC(int32_t) head_mentions; /* per head: mentions in text order, in lists below */
    struct {
        char cls[32];
        int32_t entity; /* the one organization of the class, or -1 */
    } classes[4];
    int class_count;
} roles;

/* Regexes look back at most this far from a title (a sentence of normal length). */
enum { LOOK_BACK = 400 };

typedef struct {
    wm_role_word word;
    int32_t title_end;  /* token after the title (complement included, organization excluded) */
    int32_t scan_end;   /* token after everything the title governs, organization included */
    int32_t org;        /* entity, or -1 */
    const char *org_rule;
} title;

static int32_t ntokens(const roles *r) { return wm_lex_count(&r->lx); }
static const wm_token *tok(const roles *r, int32_t t) { return &r->doc->tokens.items[t]; }
static int same_segment(const roles *r, int32_t a, int32_t b)
{
    return a >= 0 && b >= 0 && a < ntokens(r) && b < ntokens(r) && tok(r, a)->segment == tok(r, b)->segment;
}

static int32_t mention_end_token(const roles *r, int32_t m)
{
    return wm_doc_token_at(r->doc, r->doc->mentions.items[m].span.end - 1) + 1;
}

static int32_t mention_start_token(const roles *r, int32_t m)
{
    return wm_doc_token_at(r->doc, r->doc->mentions.items[m].span.start);
}

static int32_t entity_of(const roles *r, int32_t m) { return m < 0 ? -1 : r->doc->mentions.items[m].entity; }

static void add_role(roles *r, int32_t person, int32_t org, const title *t, wm_span evidence, const char *rule)
{
    if (person < 0)
        return;
    wm_span span = {tok(r, t->word.start)->span.start, tok(r, t->title_end - 1)->span.end};
    for (size_t i = 0; i < r->doc->roles.len; i++) {
        wm_role *x = &r->doc->roles.items[i];
        if (x->person == person && x->title.start == span.start) {
            if (x->org < 0 && org >= 0) {
                x->org = org;
                x->rule = rule;
            }
            return;
        }
    }
    wm_role role = {.person = person, .org = org, .title = span, .evidence = evidence, .rule = rule, .since = -1};
    wm_vec_push(&r->doc->roles, role);
}

static wm_span segment_span(const roles *r, int32_t t)
{
    int32_t s = tok(r, t)->segment;
    return s >= 0 ? r->doc->segments.items[s].span : tok(r, t)->span;
}

static int is_opening_quote(UChar c) { return c == 0x201E || c == 0x201C || c == '"' || c == 0x00BB; }
static int is_closing_quote(UChar c) { return c == 0x201C || c == 0x201D || c == '"' || c == 0x00AB; }

/* What a title governs: "für Arbeit und Soziales", "des Bereichs „Internationale Kontakte“ im
 * LAGeSo", "der Konsularabteilung der Botschaft der Republik Polen", "(BMAS)". The first
 * organization reached through a preposition or article is the title's organization. */
static void scan_complement(roles *r, title *t)
{
    static const char *const links[] = {"des", "der", "im", "beim", "bei", "am", "an", "in", "von", "vom", "zur", "zum",
                                        "mit", NULL};
    static const char *const preps[] = {"bei", "an", "in", "von", "mit", "fur", "gegen", "ohne", NULL};
    static const char *const possessives[] = {"sein", "seine", "seiner", "seinem", "seinen", "seines", "ihr", "ihre",
                                              "ihrer", "ihrem", "ihren", "ihres", "unser", "unsere", "unserer",
                                              "unserem", "unseren", "dessen", "deren", "dieser", "diese", "diesem",
                                              "diesen", "dieses", NULL};
    const wm_lex *lx = &r->lx;
    int32_t k = t->word.end, quote = 0;
    t->title_end = t->scan_end = k;
    t->org = -1;
    while (k < ntokens(r) && k < t->word.end + COMPLEMENT_REACH && same_segment(r, t->word.start, k)) {
        UChar c = r->doc->text[tok(r, k)->span.start];
        wm_role_word other;
        if (r->person[k] >= 0 || wm_lex_hit(lx, k, WM_LIST_HONORIFICS, NULL) >= 0 ||
            wm_lex_hit(lx, k, WM_LIST_ACADEMIC_TITLES, NULL) >= 0 || (r->org[k] < 0 && wm_role_at(lx, k, &other)))
            break; /* a name or another title begins */
        /* "der Minister die Verdienste ...": an article that is no genitive starts another phrase,
         * and so does a possessive ("an ihren Vorgänger") */
        if ((wm_word_in(lx, k, wm_articles) && !wm_word_in(lx, k, wm_genitive_articles) && !wm_word_in(lx, k - 1, preps)) ||
            wm_word_in(lx, k, possessives))
            break;
        if (r->org[k] >= 0) {
            int32_t m = r->org[k];
            /* "des Vereins Ukrainisches Haus": a bare head followed by a name is that name's head,
             * not a reference back to an organization named earlier */
            if ((r->doc->mentions.items[m].flags & WM_MENTION_ANAPHOR) &&
                wm_lex_capitalized(lx, mention_end_token(r, m)) && same_segment(r, k, mention_end_token(r, m)))
                break;
            int linked = k > t->word.end && (wm_word_in(lx, k - 1, links) || wm_word_in(lx, k - 1, wm_articles) ||
                                             (wm_lex_lower(lx, k - 1) && wm_lex_adjective_ending(lx, k - 1)));
            if (!linked)
                break;
            t->org = entity_of(r, m);
            t->org_rule = "role.complement";
            t->scan_end = mention_end_token(r, m);
            /* the preposition and adjectives before the organization are not part of the title */
            int32_t e = k;
            while (e > t->word.end && (wm_word_in(lx, e - 1, links) || wm_word_in(lx, e - 1, wm_articles) ||
                                       (wm_lex_lower(lx, e - 1) && wm_lex_adjective_ending(lx, e - 1))))
                e--;
            t->title_end = e;
            /* "(BMAS)" after the organization is still part of what the title governs */
            int32_t after = t->scan_end;
            if (wm_lex_punct(lx, after, '(') && r->org[after + 1] >= 0 &&
                wm_lex_punct(lx, mention_end_token(r, r->org[after + 1]), ')'))
                t->scan_end = mention_end_token(r, r->org[after + 1]) + 1;
            return;
        }
        if (quote) {
            quote = !is_closing_quote(c);
        } else if (tok(r, k)->flags & WM_TOK_PUNCT) {
            if (is_opening_quote(c)) {
                quote = 1;
            } else if (c == ',') {
                /* a comma inside an enumeration of the complement: "für Integration, Arbeit und Soziales" */
                int32_t s = k;
                while (s > t->word.end && !wm_word_in(lx, s - 1, wm_complement_preps))
                    s--;
                if (s == t->word.end || wm_enum_end(lx, s) <= k)
                    break;
            } else if (c != '-' && c != 0x2013 && c != '(' && c != ')' && c != '/') {
                break;
            }
        } else if (!(wm_word_in(lx, k, links) || wm_word_in(lx, k, preps) || wm_word_in(lx, k, wm_articles) ||
                     wm_lex_is(lx, k, "und") || wm_lex_capitalized(lx, k) || wm_lex_all_caps(lx, k) ||
                     (tok(r, k)->flags & WM_TOK_DIGIT) || (wm_lex_lower(lx, k) && wm_lex_adjective_ending(lx, k)))) {
            break;
        }
        k++;
        if (!quote && !(tok(r, k - 1)->flags & WM_TOK_PUNCT && r->doc->text[tok(r, k - 1)->span.start] == '('))
            t->title_end = t->scan_end = k;
    }
    /* a trailing link word or opening parenthesis belongs to what follows */
    while (t->title_end > t->word.end && (wm_word_in(lx, t->title_end - 1, links) ||
                                          wm_word_in(lx, t->title_end - 1, wm_articles) ||
                                          wm_lex_is(lx, t->title_end - 1, "und") ||
                                          wm_lex_punct(lx, t->title_end - 1, '(')))
        t->title_end--;
    if (t->scan_end < t->title_end)
        t->scan_end = t->title_end;
}

/* Slug of the "für ..." part of a title, or NULL: "fur-integration-arbeit-und-soziales". */
static const char *title_complement(roles *r, const title *t)
{
    int32_t k = t->word.end;
    if (!wm_word_in(&r->lx, k, wm_complement_preps))
        return NULL;
    int32_t e = wm_enum_end(&r->lx, k + 1);
    if (e < 0)
        return NULL;
    /* "des Landes Nordrhein-Westfalen" belongs to the comparison too */
    if (wm_word_in(&r->lx, e, wm_genitive_articles) && wm_place_end(&r->lx, e + 1) > 0)
        e = wm_place_end(&r->lx, e + 1);
    char *s = wm_slug(wm_tokens_text(&r->lx, r->doc, k, e));
    const char *out = wm_arena_strndup(&r->doc->arena, s, strlen(s));
    free(s);
    return out;
}

static void build_index(roles *r);

/* "Senatorin für Integration, Arbeit und Soziales" names the organization whose name goes on
 * with the same words: "Senatsverwaltung für Integration, Arbeit und Soziales". */
static int32_t org_repeating_title(roles *r, const title *t)
{
    const char *comp = title_complement(r, t);
    if (!comp)
        return -1;
    build_index(r);
    return wm_strmap_get(&r->complements, comp, strlen(comp));
}

/* The first match of rule in text[at, to): the subject ends at `to`, so a rule that does not
 * match costs the window, not the rest of the document. A limit hit becomes a warning. */
static int rule_matches_in(roles *r, const wm_rule *rule, int32_t at, int32_t to, wm_span *whole)
{
    if (!rule || at >= to)
        return 0;
    wm_error e;
    int rc = wm_rule_match(r->ctx->matcher, rule, r->doc->text, to, at, &e);
    if (rc < 0) {
        snprintf(e.file, sizeof e.file, "%s", r->doc->source);
        e.line = 0;
        wm_vec_push(&r->doc->warnings, e);
    }
    return rc > 0 && wm_rule_group(r->ctx->matcher, rule, NULL, whole);
}

/* The one organization of a class ("embassy") in the document, or -1; computed once per class. */
static int32_t only_org_of_class(roles *r, const char *cls)
{
    for (int i = 0; i < r->class_count; i++)
        if (!strcmp(r->classes[i].cls, cls))
            return r->classes[i].entity;
    int32_t found = -1;
    for (size_t i = 0; i < r->doc->mentions.len && found != -2; i++) {
        const wm_mention *m = &r->doc->mentions.items[i];
        if (m->kind != WM_ENTITY_ORGANIZATION || m->entity < 0 || (m->flags & WM_MENTION_DROPPED) || m->entity == found)
            continue;
        int32_t a = mention_start_token(r, (int32_t)i), b = mention_end_token(r, (int32_t)i);
        int of_class = 0;
        for (int32_t k = a; k < b && k < a + 4 && !of_class; k++) {
            wm_org_head h;
            of_class = wm_org_head_at(&r->lx, k, &h) && !strcmp(wm_org_head_class(&r->lx, &h), cls);
        }
        if (of_class)
            found = found >= 0 ? -2 : m->entity;
    }
    if (found == -2)
        found = -1;
    if (r->class_count < (int)(sizeof r->classes / sizeof *r->classes)) {
        snprintf(r->classes[r->class_count].cls, sizeof r->classes[0].cls, "%s", cls);
        r->classes[r->class_count++].entity = found;
    }
    return found;
}

static const wm_rule *find_rule(roles *r, const char *kind)
{
    const wm_ruleset *set = wm_kb_rules(r->ctx->kb, WM_RULES_ROLES);
    for (size_t i = 0; set && i < wm_ruleset_size(set); i++) {
        char k[32];
        if (wm_rule_attr(wm_ruleset_rule(set, i), "kind", k, sizeof k) && !strcmp(k, kind))
            return wm_ruleset_rule(set, i);
    }
    return NULL;
}

/* A person mention starting at t, after forms of address and academic titles. */
static int32_t person_at(roles *r, int32_t t)
{
    for (int k = 0; k < 4 && t < ntokens(r); k++) {
        if (r->person[t] >= 0)
            return mention_start_token(r, r->person[t]) == t ? r->person[t] : -1;
        int32_t n = 0;
        if (wm_lex_hit(&r->lx, t, WM_LIST_HONORIFICS, &n) < 0 && wm_lex_hit(&r->lx, t, WM_LIST_ACADEMIC_TITLES, &n) < 0)
            return -1;
        t += n;
    }
    return -1;
}

/* The person a pronoun ("sie", "er") before token t refers to: the last one named before. */
static int32_t pronoun_antecedent(roles *r, int32_t t, char gender)
{
    for (int32_t k = t - 1; k >= 0 && k > t - LOOK_BACK; k--) {
        int32_t m = r->person[k];
        if (m < 0 || (r->doc->mentions.items[m].flags & WM_MENTION_CREDIT))
            continue;
        int32_t e = entity_of(r, m);
        char g = e >= 0 ? r->doc->entities.items[e].gender : 0;
        if (!g || g == gender)
            return m;
        k = mention_start_token(r, m);
    }
    return -1;
}

typedef struct {
    int32_t title_end; /* token after the previous title's governed words */
    int32_t person;    /* its holder (mention) */
} chain;

static int32_t holder(roles *r, title *t, const chain *prev, const char **rule)
{
    const wm_lex *lx = &r->lx;
    int32_t s = t->word.start, m;
    wm_span whole;
    /* "Senatorin Breitenbach", "Präsident des LAGeSo Franz Allert", "Bundesminister für Arbeit
     * und Soziales Hebertus Heil"; not "die Senatorin an ihren Vorgänger Kurt Ahlers" */
    static const char *const governing[] = {"des", "der", "fur", "zur", "zum", "beim", "im", NULL};
    int governed = t->scan_end > t->word.end && wm_word_in(lx, t->word.end, governing);
    if ((m = person_at(r, t->word.end)) >= 0 || (governed && (m = person_at(r, t->scan_end)) >= 0)) {
        *rule = "role.title";
        return m;
    }
    /* "die Senatorin für Arbeit, ..., Dr. Katharina Lenzen-Okafor," */
    if (wm_lex_punct(lx, t->scan_end, ',') && (m = person_at(r, t->scan_end + 1)) >= 0) {
        *rule = "role.apposition";
        return m;
    }
    /* "Anette Kramme, Parlamentarische Staatssekretärin des ..." and a second title after it */
    int32_t before = s - 1;
    while (before > 0 && wm_word_in(lx, before, wm_articles))
        before--;
    /* "X, Premier Conseiller / Erster Botschaftsrat": the German title after a foreign one */
    if (wm_lex_punct(lx, s - 1, '/') && same_segment(r, s - 1, s)) {
        int32_t k = s - 2;
        while (k > s - 6 && k > 0 && (tok(r, k)->flags & WM_TOK_ALPHA) && r->person[k] < 0 && r->org[k] < 0)
            k--;
        if (k < s - 2 && wm_lex_punct(lx, k, ',') && r->person[k - 1] >= 0 && same_segment(r, k - 1, s)) {
            *rule = "role.apposition";
            return r->person[k - 1];
        }
    }
    /* "Agnieszka Nowak (Hauptgeschäftsführerin, Handwerkskammer ...)" */
    if (s > 1 && wm_lex_punct(lx, s - 1, '(') && same_segment(r, s - 1, s) && r->person[s - 2] >= 0) {
        *rule = "role.apposition";
        return r->person[s - 2];
    }
    /* "Seit 2021 ist Nina Berger Leiterin des ...": the copula before the name */
    static const char *const copulas[] = {"ist", "war", "wird", "wurde", "bleibt", "blieb", NULL};
    if (s > 0 && r->person[s - 1] >= 0 && same_segment(r, s - 1, s) &&
        wm_word_in(lx, mention_start_token(r, r->person[s - 1]) - 1, copulas)) {
        *rule = "role.copula";
        return r->person[s - 1];
    }
    if (wm_lex_punct(lx, before, ',') && same_segment(r, before, s)) {
        if (r->person[before - 1] >= 0) {
            *rule = "role.apposition";
            return r->person[before - 1];
        }
        /* "tauschte sich mit X aus, Referatsleiterin im ...": a verb particle closes the clause
         * between the name and its apposition */
        static const char *const particles[] = {"aus", "ab", "an", "auf", "ein", "vor", "zu", "zusammen", "teil", NULL};
        if (wm_word_in(lx, before - 1, particles) && r->person[before - 2] >= 0) {
            *rule = "role.apposition";
            return r->person[before - 2];
        }
        if (prev->person >= 0 && prev->title_end == before) {
            *rule = "role.apposition";
            return prev->person;
        }
    }
    /* "Neue Leiterin des Fachbereichs ... ist seit Januar Aylin X." */
    const wm_rule *title_copula = find_rule(r, "after_title");
    if (t->scan_end < ntokens(r) && same_segment(r, s, t->scan_end) &&
        rule_matches_in(r, title_copula, tok(r, t->scan_end - 1)->span.end,
                        r->doc->segments.items[tok(r, s)->segment].span.end, &whole)) {
        int32_t at = wm_doc_token_at(r->doc, whole.end);
        if (at >= 0 && same_segment(r, s, at) && (m = person_at(r, at)) >= 0) {
            *rule = title_copula->id;
            return m;
        }
    }
    /* "Gesine Ruhnau-Albers ist seit März 2019 Präsidentin der ..." */
    const wm_rule *copula = find_rule(r, "after_person");
    for (int32_t k = s - 1; k >= 0 && k > s - 12 && same_segment(r, k, s); k--) {
        if (r->person[k] < 0)
            continue;
        if (rule_matches_in(r, copula, r->doc->mentions.items[r->person[k]].span.end, tok(r, s)->span.start, &whole) &&
            whole.end == tok(r, s)->span.start) {
            *rule = copula->id;
            return r->person[k];
        }
        break;
    }
    /* "Sie ist stellvertretende Vorsitzende des ..." */
    const wm_rule *pronoun = find_rule(r, "pronoun");
    int32_t seg = tok(r, s)->segment;
    int32_t from = seg >= 0 ? r->doc->segments.items[seg].span.start : 0;
    if (from < tok(r, s)->span.start - LOOK_BACK)
        from = tok(r, s)->span.start - LOOK_BACK;
    while (rule_matches_in(r, pronoun, from, tok(r, s)->span.start, &whole)) {
        if (whole.end == tok(r, s)->span.start) {
            wm_span p;
            char gender = 0;
            if (wm_rule_group(r->ctx->matcher, pronoun, "pronoun", &p) ||
                wm_rule_group(r->ctx->matcher, pronoun, "pronoun2", &p))
                gender = (r->doc->text[p.start] | 0x20) == 's' ? 'f' : 'm';
            int32_t a = pronoun_antecedent(r, wm_doc_token_at(r->doc, whole.start), gender);
            if (a >= 0) {
                *rule = pronoun->id;
                return a;
            }
            break;
        }
        from = whole.end > from ? whole.end : from + 1;
    }
    return -1;
}

/* Builds the lookups the title rules share: organization names by their "für ..." part, and
 * organization mentions by their head word. */
static void build_index(roles *r)
{
    if (r->indexed)
        return;
    r->indexed = 1;
    static const char *const preps[] = {"-fur-", "-zur-", "-zum-", "-gegen-"};
    for (size_t i = 0; i < r->doc->mentions.len; i++) {
        const wm_mention *m = &r->doc->mentions.items[i];
        if (m->kind != WM_ENTITY_ORGANIZATION || m->entity < 0 || (m->flags & (WM_MENTION_DROPPED | WM_MENTION_ANAPHOR)))
            continue;
        int32_t a = mention_start_token(r, (int32_t)i), b = mention_end_token(r, (int32_t)i);
        char *name = wm_slug(m->base ? m->base : wm_tokens_text(&r->lx, r->doc, a, b));
        for (size_t p = 0; p < sizeof preps / sizeof *preps; p++) {
            const char *at = strstr(name, preps[p]);
            if (!at)
                continue;
            const char *comp = at + 1;
            wm_strmap_put(&r->complements, comp, strlen(comp), m->entity);
            /* also without what follows: "fur-kultur-und-medien" of "...-fur-kultur-und-medien-des-landes-x" */
            static const char *const tails[] = {"-des-", "-der-", "-in-", "-beim-"};
            for (size_t q = 0; q < sizeof tails / sizeof *tails; q++) {
                const char *cut = strstr(comp, tails[q]);
                if (cut)
                    wm_strmap_put(&r->complements, comp, (size_t)(cut - comp), m->entity);
            }
        }
        free(name);
        for (int32_t t = a; t < b && t < a + 4; t++) {
            wm_org_head h;
            if (!wm_org_head_at(&r->lx, t, &h))
                continue;
            if (h.tail_at == 0) {
                char *head = wm_slug(wm_gazetteer_entry(r->lx.gaz, h.entry)->canonical);
                int32_t slot = wm_strmap_put(&r->heads, head, strlen(head), (int32_t)r->head_mentions.len);
                if (slot == (int32_t)r->head_mentions.len)
                    wm_vec_push(&r->head_mentions, (int32_t)i); /* the first mention with this head */
                free(head);
            }
            break;
        }
    }
}

/* A role compound whose first part is an organization head ("Verbands|vorsitzender") belongs
 * to the organization named with that head word. */
static int32_t org_of_compound_prefix(roles *r, int32_t noun)
{
    const wm_token *k = tok(r, noun);
    int32_t at = 0;
    if (!(k->flags & WM_TOK_ALPHA) || wm_lex_tail(&r->lx, noun, WM_LIST_ROLES, 5, &at) < 0 || at < 3)
        return -1;
    const UChar *f = r->doc->folded + k->fold_start;
    int32_t len = at;
    if (f[len - 1] == 's')
        len--; /* the linking s: "Verband|s|vorsitzender" */
    wm_gaz_lookup found;
    int32_t head = -1;
    if (wm_gazetteer_find(r->lx.gaz, f, len, &found))
        head = wm_gaz_lookup_in_list(r->lx.gaz, &found, WM_LIST_ORG_HEADS);
    if (head < 0 || strlen(wm_gazetteer_entry(r->lx.gaz, head)->canonical) < 5)
        return -1; /* "Bundes|minister" is no organization's head */
    build_index(r);
    char *want = wm_slug(wm_gazetteer_entry(r->lx.gaz, head)->canonical);
    int32_t best = -1;
    for (size_t i = 0; i < r->doc->mentions.len; i++) {
        const wm_mention *m = &r->doc->mentions.items[i];
        if (m->kind != WM_ENTITY_ORGANIZATION || m->entity < 0 || (m->flags & WM_MENTION_DROPPED) ||
            m->span.start > k->span.start)
            continue;
        for (int32_t t = mention_start_token(r, (int32_t)i); t < mention_end_token(r, (int32_t)i); t++) {
            wm_org_head h;
            if (!wm_org_head_at(&r->lx, t, &h))
                continue;
            if (h.tail_at > 0)
                break;
            /* "Kammer|präsidentin" for a "Handwerks|kammer": the prefix may be the head's last part */
            char *have = wm_slug(wm_gazetteer_entry(r->lx.gaz, h.entry)->canonical);
            size_t hn = strlen(have), wn = strlen(want);
            if (hn >= wn && !strcmp(have + hn - wn, want))
                best = m->entity;
            free(have);
            break;
        }
    }
    free(want);
    return best;
}

/* The title's place adjectives fit the organization: "vietnamesischen Botschafter" for the
 * embassy of Vietnam, not "die dortige Ministerin" or "die polnische Ministerin" for the one
 * ministry of a German release. */
static int place_agrees(roles *r, const title *t, int32_t org)
{
    const char *key = r->doc->entities.items[org].key;
    for (int32_t k = t->word.start; k < t->word.noun; k++) {
        if (wm_lex_is(&r->lx, k, "dortige") || wm_lex_is(&r->lx, k, "dortigen"))
            return 0;
        int32_t n = 0, e = wm_lex_hit(&r->lx, k, WM_LIST_LOCATION_ADJECTIVES, &n);
        if (e < 0)
            continue;
        char *place = wm_slug(wm_gazetteer_entry(r->lx.gaz, e)->canonical);
        char *adjective = wm_slug(wm_tokens_text(&r->lx, r->doc, k, k + n));
        char *isch = strstr(adjective, "isch"); /* "russische" -> "russisch" as in "Russischen Föderation" */
        if (isch)
            isch[4] = '\0';
        int found = key && (strstr(key, place) || (isch && strstr(key, adjective)));
        free(place);
        free(adjective);
        if (!found)
            return 0;
    }
    return 1;
}

/* An organization named after a foreign country ("Ministerium für Arbeit der Republik Moldau"). */
static int names_country(roles *r, int32_t org)
{
    for (size_t i = 0; i < r->doc->mentions.len; i++) {
        const wm_mention *m = &r->doc->mentions.items[i];
        if (m->entity != org || m->kind != WM_ENTITY_ORGANIZATION || (m->flags & WM_MENTION_DROPPED))
            continue;
        for (int32_t k = mention_start_token(r, (int32_t)i); k < mention_end_token(r, (int32_t)i); k++) {
            int32_t n = 0, e = wm_lex_hit(&r->lx, k, WM_LIST_LOCATIONS, &n);
            char cls[16];
            if (e >= 0 && wm_gaz_entry_attr(wm_gazetteer_entry(r->lx.gaz, e), "class", cls, sizeof cls) &&
                !strcmp(cls, "country"))
                return 1;
        }
    }
    return 0;
}

/* "Abgeordnete X (SPD)": a party in parentheses tells membership, not the office's organization */
static int is_party(roles *r, int32_t m)
{
    int32_t n = 0, e = wm_lex_hit(&r->lx, mention_start_token(r, m), WM_LIST_ORGANIZATIONS, &n);
    char cls[16];
    return e >= 0 && mention_start_token(r, m) + n == mention_end_token(r, m) &&
           wm_gaz_entry_attr(wm_gazetteer_entry(r->lx.gaz, e), "class", cls, sizeof cls) && !strcmp(cls, "party");
}

/* A title that governs words of its own names the document's one embassy or ministry only
 * when the organization's name goes on with them: "Generalkonsul der Republik X in Y" for the
 * "Generalkonsulat der Republik X in Y", not "Bundesminister des Innern" for a Land ministry. */
static int complement_agrees(roles *r, const title *t, int32_t org)
{
    if (t->title_end <= t->word.end)
        return 1;
    const char *key = r->doc->entities.items[org].key;
    char *words = wm_slug(wm_tokens_text(&r->lx, r->doc, t->word.end, t->title_end));
    int found = key && strstr(key, words) != NULL;
    free(words);
    return found;
}

/* The organization of a delegation named in the title's sentence or the two before, when the
 * title's sentence says the holder leads it (rules of kind led_by and group). */
static int32_t delegation_org(roles *r, const title *t)
{
    const wm_rule *led_by = find_rule(r, "led_by"), *group = find_rule(r, "group");
    int32_t seg = tok(r, t->word.start)->segment;
    if (!led_by || !group || seg < 0)
        return -1;
    wm_span whole;
    int32_t role_at = tok(r, t->word.start)->span.start;
    int32_t from = r->doc->segments.items[seg].span.start;
    if (from < role_at - LOOK_BACK)
        from = role_at - LOOK_BACK;
    int led = 0;
    while (!led && rule_matches_in(r, led_by, from, role_at, &whole)) {
        int32_t k = wm_doc_token_at(r->doc, whole.end - 1) + 1, words = 0;
        for (; k < t->word.start && !wm_lex_punct(&r->lx, k, ','); k++)
            words++;
        led = k == t->word.start && words <= 5;
        from = whole.end;
    }
    if (!led)
        return -1;
    for (int32_t s = seg; s >= 0 && s >= seg - 2; s--) {
        const wm_segment *sg = &r->doc->segments.items[s];
        for (from = sg->span.start > role_at - 2 * LOOK_BACK ? sg->span.start : role_at - 2 * LOOK_BACK;
             rule_matches_in(r, group, from, sg->span.end, &whole);) {
            wm_span org;
            if (wm_rule_group(r->ctx->matcher, group, "org", &org)) {
                int32_t k = wm_doc_token_at(r->doc, org.start);
                if (k >= 0 && r->org[k] >= 0 && entity_of(r, r->org[k]) >= 0)
                    return entity_of(r, r->org[k]);
            }
            from = whole.end;
        }
    }
    return -1;
}

/* Fills in the organization when the title's own words name none. */
static void org_by_context(roles *r, title *t, int32_t person)
{
    if (t->org >= 0)
        return;
    /* "LASV-Präsident", "damalige LASV-Abteilungsleiterin" */
    for (int32_t k = t->word.start; k < t->word.noun; k++)
        if (r->org[k] >= 0 && wm_lex_punct(&r->lx, k + 1, '-') && wm_lex_joined(&r->lx, k)) {
            t->org = entity_of(r, r->org[k]);
            t->org_rule = "role.compound";
            return;
        }
    /* "Deren Vorstandsvorsitzende ...", "Seine Landesvorsitzende ...": the possessive refers to
     * the entity named last; when that is an organization, it is the title's */
    static const char *const possessives[] = {"deren", "dessen", "sein", "seine", "seiner", "seinem", "seinen",
                                              "ihr", "ihre", "ihrer", "ihrem", "ihren", NULL};
    if (wm_word_in(&r->lx, t->word.start - 1, possessives)) {
        for (int32_t k = t->word.start - 2; k >= 0 && k > t->word.start - 80; k--) {
            if (r->person[k] >= 0)
                break;
            if (r->org[k] >= 0) {
                t->org = entity_of(r, r->org[k]);
                t->org_rule = "role.possessive";
                return;
            }
        }
    }
    /* "Verbandsvorsitzender", "Stiftungsvorstand": the first part names the organization's head */
    if ((t->org = org_of_compound_prefix(r, t->word.noun)) >= 0) {
        t->org_rule = "role.compound";
        return;
    }
    if ((t->org = org_repeating_title(r, t)) >= 0) {
        t->org_rule = "role.repeat";
        return;
    }
    /* a list entry or parenthesis "Name, Geschäftsführerin, Jobcenter Kiel", "(Vorsitzender,
     * Integrationsbeirat der Stadt)": the organization follows the title after a comma */
    int32_t after = t->scan_end;
    if (wm_lex_punct(&r->lx, after, ',') && same_segment(r, after, after + 1) && r->org[after + 1] >= 0 &&
        mention_start_token(r, r->org[after + 1]) == after + 1) {
        t->org = entity_of(r, r->org[after + 1]);
        t->org_rule = "role.list";
        return;
    }
    /* "Staatssekretärin Aylin Demirtaş (Senatsverwaltung für Wirtschaft, Energie und Betriebe)" */
    if (person >= 0) {
        int32_t e = mention_end_token(r, person);
        if (wm_lex_punct(&r->lx, e, '(') && r->org[e + 1] >= 0 && !is_party(r, r->org[e + 1]) &&
            wm_lex_punct(&r->lx, mention_end_token(r, r->org[e + 1]), ')')) {
            t->org = entity_of(r, r->org[e + 1]);
            t->org_rule = "role.parenthesis";
            return;
        }
    }
    if ((t->org = delegation_org(r, t)) >= 0) {
        t->org_rule = "role.delegation";
        return;
    }
    const wm_ruleset *set = wm_kb_rules(r->ctx->kb, WM_RULES_ROLES);
    for (size_t i = 0; set && i < wm_ruleset_size(set); i++) {
        const wm_rule *rule = wm_ruleset_rule(set, i);
        char kind[32], cls[32];
        wm_span whole;
        if (!wm_rule_attr(rule, "kind", kind, sizeof kind) || strcmp(kind, "affinity") ||
            !wm_rule_attr(rule, "class", cls, sizeof cls))
            continue;
        if (rule_matches_in(r, rule, tok(r, t->word.noun)->span.start, tok(r, t->word.noun)->span.end, &whole) &&
            whole.end == tok(r, t->word.noun)->span.end && (t->org = only_org_of_class(r, cls)) >= 0) {
            char domestic[8];
            if (!place_agrees(r, t, t->org) || !complement_agrees(r, t, t->org) ||
                (wm_rule_attr(rule, "domestic", domestic, sizeof domestic) && names_country(r, t->org) &&
                 t->word.start == t->word.noun)) {
                t->org = -1;
                return;
            }
            t->org_rule = rule->id;
            return;
        }
    }
}

/* "Für die GIZ nahm Programmleiterin X teil", "besucht das Jobcenter Y und informiert sich bei
 * Geschäftsführer Z", "Ansprechpartnerin in der IHK: X, Referentin ...": a title that names no
 * organization belongs to the one named before it in the same sentence, when no other person
 * or title stands between them. */
static void org_earlier_in_sentence(roles *r, title *t, int32_t person)
{
    /* "Vorsitzende des Vereins ...": a title that governs a complement names its own */
    static const char *const governing[] = {"des", "der", "im", "beim", "bei", "am", "vom", "von", NULL};
    if (t->org >= 0 || person < 0 || (t->scan_end > t->word.end && wm_word_in(&r->lx, t->word.end, governing)))
        return;
    int32_t from = t->word.start, p = mention_start_token(r, person);
    if (p < from && same_segment(r, p, from))
        from = p;
    for (int32_t k = from - 1; k >= 0 && same_segment(r, k, from); k--) {
        wm_role_word other;
        /* "Für den Verband nahmen X und Fachreferent Y teil": a person coordinated with the
         * title's holder stands in the same relation to the organization */
        if (r->person[k] >= 0 && wm_lex_is(&r->lx, k + 1, "und") && k + 2 == from) {
            k = mention_start_token(r, r->person[k]);
            continue;
        }
        if (r->person[k] >= 0 || (r->org[k] < 0 && wm_role_at(&r->lx, k, &other) && other.start == k))
            return;
        if (r->org[k] >= 0) {
            /* "X (Verein Y) und Z": the parenthesis belongs to the person before it */
            int32_t o = mention_start_token(r, r->org[k]);
            if (wm_lex_punct(&r->lx, o - 1, '(') && r->person[o - 2] >= 0)
                return;
            t->org = entity_of(r, r->org[k]);
            t->org_rule = "role.sentence";
            return;
        }
    }
}

/* The organization that publishes the document: the one whose name stands alone on a line
 * (a letterhead "Paritätischer Wohlfahrtsverband Bremen", a contact block's organization line);
 * the first such line wins when several organizations stand alone. -1 if none. */
static int32_t publisher(roles *r)
{
    for (size_t s = 0; s < r->doc->segments.len; s++) {
        const wm_segment *seg = &r->doc->segments.items[s];
        if (seg->token_count == 0)
            continue;
        int32_t first = seg->first_token, last = first + seg->token_count;
        int32_t m = r->org[first];
        if (m >= 0 && mention_start_token(r, m) == first && mention_end_token(r, m) == last && entity_of(r, m) >= 0)
            return entity_of(r, m);
    }
    return -1;
}

/* Staff titles ("Pressesprecher", "Beraterin", "Fachreferent") that no other evidence ties to
 * an organization belong to the organization that publishes the document. */
static void staff_of_publisher(roles *r)
{
    const wm_ruleset *set = wm_kb_rules(r->ctx->kb, WM_RULES_ROLES);
    int32_t org = publisher(r);
    for (size_t i = 0; set && org >= 0 && i < r->doc->roles.len; i++) {
        wm_role *x = &r->doc->roles.items[i];
        wm_role_word w;
        int32_t t = wm_doc_token_at(r->doc, x->title.start);
        if (x->org >= 0 || t < 0 || !wm_role_at(&r->lx, t, &w))
            continue;
        for (size_t k = 0; k < wm_ruleset_size(set); k++) {
            const wm_rule *rule = wm_ruleset_rule(set, k);
            char kind[32];
            wm_span whole;
            /* the staff title, or the title with the unit it heads, ends within the role's title */
            if (wm_rule_attr(rule, "kind", kind, sizeof kind) && !strcmp(kind, "publisher") &&
                rule_matches_in(r, rule, tok(r, w.noun)->span.start, x->title.end, &whole) &&
                whole.end >= tok(r, w.noun)->span.end &&
                whole.end <= x->title.end) {
                x->org = org;
                x->rule = rule->id;
                break;
            }
        }
    }
}

/* A contact block: an organization line, a name line and a title line next to it. */
static void contact_blocks(roles *r)
{
    const wm_doc *doc = r->doc;
    for (size_t s = 0; s < doc->segments.len; s++) {
        const wm_segment *seg = &doc->segments.items[s];
        if (seg->token_count == 0)
            continue;
        int32_t first = seg->first_token, last = first + seg->token_count;
        int32_t pm = person_at(r, first);
        if (pm < 0 || mention_end_token(r, pm) != last)
            continue;
        /* the title line right below or right above */
        title t = {0};
        int found = 0;
        for (int d = 1; d >= -1 && !found; d -= 2) {
            int64_t o = (int64_t)s + d;
            if (o < 0 || o >= (int64_t)doc->segments.len || doc->segments.items[o].block != seg->block)
                continue;
            const wm_segment *ts = &doc->segments.items[o];
            int32_t tf = ts->first_token;
            if (ts->token_count && wm_role_at(&r->lx, tf, &t.word) && t.word.start == tf) {
                scan_complement(r, &t);
                found = t.scan_end == tf + ts->token_count || t.title_end == tf + ts->token_count;
            }
        }
        if (!found)
            continue;
        /* the nearest organization line above the name */
        for (int64_t o = (int64_t)s - 1; o >= 0 && doc->segments.items[o].block == seg->block; o--) {
            const wm_segment *os = &doc->segments.items[o];
            /* the line ends in an organization: "Geschäftsstelle der Koordinierungsstelle ..." */
            int32_t m = os->token_count ? r->org[os->first_token + os->token_count - 1] : -1;
            if (m < 0 || entity_of(r, m) < 0)
                continue;
            if (t.org < 0) {
                t.org = entity_of(r, m);
                t.org_rule = "role.contact";
            }
            break;
        }
        wm_span evidence = {doc->segments.items[s > 0 ? s - 1 : s].span.start, seg->span.end};
        add_role(r, entity_of(r, pm), t.org, &t, evidence, t.org >= 0 ? t.org_rule : "role.contact");
    }
}

/* "die Leiter*innen der Jobcenter", "Referent:innen": a group, no one person's title */
static int gendered_plural(roles *r, int32_t noun)
{
    const wm_lex *lx = &r->lx;
    return (wm_lex_punct(lx, noun + 1, '*') || wm_lex_punct(lx, noun + 1, ':') || wm_lex_punct(lx, noun + 1, '_')) &&
           wm_lex_joined(lx, noun) && wm_lex_joined(lx, noun + 1) && wm_lex_is(lx, noun + 2, "innen");
}

wm_status wm_roles(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    roles r = {.doc = doc, .ctx = ctx};
    wm_lex_init(&r.lx, doc, wm_kb_gazetteer(ctx->kb));
    size_t n = doc->tokens.len ? doc->tokens.len : 1;
    r.person = wm_arena_alloc(&doc->arena, n * sizeof *r.person);
    r.org = wm_arena_alloc(&doc->arena, n * sizeof *r.org);
    for (size_t t = 0; t < n; t++)
        r.person[t] = r.org[t] = -1;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if ((m->flags & WM_MENTION_DROPPED) || m->entity < 0)
            continue;
        int32_t *owner = m->kind == WM_ENTITY_PERSON ? r.person : m->kind == WM_ENTITY_ORGANIZATION ? r.org : NULL;
        if (!owner)
            continue;
        for (int32_t t = mention_start_token(&r, (int32_t)i); t >= 0 && t < mention_end_token(&r, (int32_t)i); t++)
            if (owner[t] < 0)
                owner[t] = (int32_t)i;
    }
    chain prev = {-1, -1};
    for (int32_t t = 0; t < ntokens(&r); t++) {
        title ti = {0};
        if (r.person[t] >= 0 || !wm_role_at(&r.lx, t, &ti.word) || ti.word.start != t || r.org[ti.word.noun] >= 0)
            continue;
        if (gendered_plural(&r, ti.word.noun))
            continue;
        scan_complement(&r, &ti);
        const char *rule = NULL;
        int32_t m = holder(&r, &ti, &prev, &rule);
        org_by_context(&r, &ti, m);
        org_earlier_in_sentence(&r, &ti, m);
        if (m >= 0 && !(doc->mentions.items[m].flags & WM_MENTION_CREDIT)) {
            add_role(&r, entity_of(&r, m), ti.org, &ti, segment_span(&r, t), ti.org >= 0 ? ti.org_rule : rule);
            prev.person = m;
            prev.title_end = ti.scan_end;
        }
        t = (ti.scan_end > ti.word.end ? ti.scan_end : ti.word.end) - 1;
    }
    contact_blocks(&r);
    staff_of_publisher(&r);
    wm_strmap_free(&r.complements);
    wm_strmap_free(&r.heads);
    wm_vec_free(&r.head_mentions);
    return WM_OK;
}
