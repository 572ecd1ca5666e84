/* participants.c - persons of a clause and the persons its references point back to. Titles and
 * gender of each person come from the words before its mentions ("Senatorin Breitenbach",
 * "Herrn Abruev"), from doc->roles and from the entity; references resolve only when one person fits. */
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "alloc.h"
#include "participants.h"

static const wm_token *tok(const wm_people *p, int32_t t) { return &p->doc->tokens.items[t]; }

static int usable_mention(const wm_doc *doc, const wm_clauses *c, const wm_mention *m)
{
    if (m->kind != WM_ENTITY_PERSON || m->entity < 0 || (m->flags & (WM_MENTION_DROPPED | WM_MENTION_CREDIT)))
        return 0;
    if (m->segment >= 0 && doc->segments.items[m->segment].kind == WM_SEGMENT_CREDIT)
        return 0;
    int32_t first = wm_doc_token_at(doc, m->span.start);
    return first >= 0 && !c->speech[first];
}

/* "LAGeSo", "BMAS": an abbreviation, the name of an organization rather than a title word. */
static int abbreviation(const wm_people *p, int32_t t)
{
    const wm_token *k = tok(p, t);
    for (int32_t i = k->span.start + 1; i < k->span.end; i++)
        if (u_isupper(p->doc->text[i]))
            return 1;
    return 0;
}

/* A word that may stand between an article and a name: "Dr.", "S.E.", "Senatorin", "HWR-Präsident". */
static int title_like(const wm_people *p, int32_t t, int *capitals)
{
    const wm_token *k = tok(p, t);
    int compound_head = t + 1 < (int32_t)p->doc->tokens.len && wm_token_punct(p->doc, t + 1, '-') &&
                        !(tok(p, t + 1)->flags & WM_TOK_SPACE_BEFORE);
    if (abbreviation(p, t) && !compound_head)
        return 0;
    if (p->marks->tok[t] & WM_MARK_TITLE)
        return 1;
    if (wm_token_punct(p->doc, t, '.') || (wm_token_punct(p->doc, t, '-') && !(k->flags & WM_TOK_SPACE_BEFORE)))
        return 1;
    if (p->role_gender[t])
        return 1;
    if ((k->flags & WM_TOK_ALPHA) && (k->flags & WM_TOK_UPPER) && !p->named_at[t] &&
        !(p->marks->tok[t] & (WM_MARK_DET | WM_MARK_FUNCTION)) && *capitals < 2) {
        ++*capitals;
        return 1;
    }
    return 0;
}

static int adjective_like(const wm_people *p, int32_t t)
{
    const wm_token *k = tok(p, t);
    return (k->flags & WM_TOK_ALPHA) && !(k->flags & WM_TOK_UPPER) && !(p->marks->tok[t] & WM_MARK_FUNCTION);
}

/* First token of the noun phrase that ends with the name starting at token `name`: back over
 * titles, then over adjectives only when an article precedes them ("der russische Botschafter"). */
static int32_t phrase_start(const wm_people *p, int32_t name, int32_t floor)
{
    int capitals = 0;
    int32_t t = name;
    while (t - 1 >= floor && title_like(p, t - 1, &capitals))
        t--;
    int32_t a = t;
    for (int n = 0; n < 3 && a - 1 >= floor && adjective_like(p, a - 1); n++)
        a--;
    if (a - 1 >= floor && (p->marks->tok[a - 1] & WM_MARK_DET))
        return a - 1;
    if (t - 1 >= floor && (p->marks->tok[t - 1] & WM_MARK_DET))
        return t - 1;
    return t;
}

/* A capitalized common noun, no role word, that a genitive or "von" phrase can hang on:
 * "die Arbeit des ...". */
static int host_noun(const wm_people *p, int32_t t)
{
    const wm_token *k = tok(p, t);
    if (!(k->flags & WM_TOK_ALPHA) || !(k->flags & WM_TOK_UPPER) || (k->flags & (WM_TOK_ALL_CAPS | WM_TOK_SEGMENT_START)))
        return 0;
    if (p->named_at[t] || p->event_noun[t] || p->role_gender[t] ||
        (p->marks->tok[t] & (WM_MARK_PARTICIPATION | WM_MARK_DET | WM_MARK_TITLE)))
        return 0; /* "der Präsident der Kammer Ivo Marek": the name holds the role */
    return 1;
}

static int clause_is_passive(const wm_people *p, int32_t t)
{
    int32_t cl = p->clauses->clause_of[t];
    return cl >= 0 && p->passive[cl];
}

static int is_von(const wm_doc *doc, int32_t t) { return wm_token_is(doc, t, "von") || wm_token_is(doc, t, "vom"); }

static int is_conjunction(const wm_doc *doc, int32_t t)
{
    return wm_token_is(doc, t, "und") || wm_token_is(doc, t, "sowie") || wm_token_is(doc, t, "oder");
}

/* An attribute of another noun, not a participant: "die Arbeit des Abgeordneten X",
 * "ein Grusswort der Senatorin X", "die Nachfolgerin von X" (and "von X und Y"); someone
 * absent: "über X", "in Vertretung von X", "des verstorbenen X". Not: "unter der Leitung von
 * X", "wurde von X empfangen", "der Besuch von X". */
static int embedded(const wm_people *p, int32_t name)
{
    const wm_doc *doc = p->doc;
    int32_t seg = tok(p, name)->segment;
    int32_t floor = seg >= 0 ? doc->segments.items[seg].first_token : 0;
    int32_t start = phrase_start(p, name, floor);
    for (int32_t t = start; t < name; t++)
        if (p->marks->tok[t] & WM_MARK_ABSENT)
            return 1;
    int32_t before = start - 1;
    if (before < floor)
        return 0;
    if (p->marks->tok[before] & WM_MARK_ABSENT)
        return 1;
    if (start != name && (p->marks->tok[start] & WM_MARK_DET) &&
        (wm_token_is(doc, start, "des") || wm_token_is(doc, start, "der")))
        return host_noun(p, before);
    if (!is_von(doc, before)) {
        int32_t prev = before - 1 >= floor && is_conjunction(doc, before) ? p->person_at[before - 1] : -1;
        return prev >= 0 && embedded(p, wm_doc_token_at(doc, doc->mentions.items[prev].span.start));
    }
    if (before - 1 >= floor && (p->marks->tok[before - 1] & WM_MARK_ABSENT))
        return 1;
    return before - 1 >= floor && host_noun(p, before - 1) && !clause_is_passive(p, name);
}

void wm_participants_add(wm_participants *out, int32_t entity, wm_span span, int32_t mention)
{
    for (size_t i = 0; i < out->len; i++)
        if (out->items[i].entity == entity)
            return;
    wm_participant x = {.entity = entity, .span = span, .mention = mention};
    wm_vec_push(out, x);
}

/* "X, die kurzfristig verhindert war", "X, der nicht kommen konnte": a relative clause on the
 * name says the person was not there. */
static int excused(const wm_people *p, int32_t name)
{
    int32_t last = name;
    while (last + 1 < (int32_t)p->doc->tokens.len && p->person_at[last + 1] == p->person_at[name])
        last++;
    const wm_clauses *c = p->clauses;
    int32_t k = p->relative_on[last];
    if (k < 0)
        return 0;
    const wm_clause *cl = &c->clauses.items[k];
    for (int32_t t = cl->first; t < cl->end; t++)
        if (c->clause_of[t] == k && (p->marks->tok[t] & (WM_MARK_CANCEL | WM_MARK_NEG)))
            return 1;
    return 0;
}

void wm_people_named(const wm_people *p, int32_t first, int32_t end, wm_token_pred in, const void *ctx,
                     wm_participants *out)
{
    for (int32_t t = first; t < end; t++) {
        int32_t mi = p->person_at[t];
        if (mi < 0 || (t > first && p->person_at[t - 1] == mi) || (in && !in(t, ctx)))
            continue;
        if (embedded(p, t) || excused(p, t))
            continue;
        const wm_mention *m = &p->doc->mentions.items[mi];
        wm_participants_add(out, m->entity, m->span, mi);
    }
}

int32_t wm_people_ending_at(const wm_people *p, int32_t t)
{
    return t >= 0 && p->person_at[t] >= 0 && (t + 1 >= (int32_t)p->doc->tokens.len || p->person_at[t + 1] != p->person_at[t])
               ? p->person_at[t]
               : -1;
}

/* --- titles and gender -------------------------------------------------------------------- */

static int folded_ends_with(const wm_doc *doc, int32_t t, const char *suffix)
{
    const wm_token *k = &doc->tokens.items[t];
    int32_t n = (int32_t)strlen(suffix);
    if (k->fold_len <= n)
        return 0;
    for (int32_t i = 0; i < n; i++)
        if (doc->folded[k->fold_start + k->fold_len - n + i] != (UChar)suffix[i])
            return 0;
    return 1;
}

/* Gender a title word shows: "Senatorin" f; a role gazetteer word its own gender. */
static char title_gender(const wm_people *p, int32_t t)
{
    if (wm_token_is(p->doc, t, "frau"))
        return 'f';
    if (wm_token_is(p->doc, t, "herr") || wm_token_is(p->doc, t, "herrn"))
        return 'm';
    if (p->role_gender[t] == 'm' || p->role_gender[t] == 'f')
        return p->role_gender[t];
    if (!(p->marks->tok[t] & WM_MARK_TITLE) && tok(p, t)->fold_len > 5 && folded_ends_with(p->doc, t, "in"))
        return 'f';
    return 0;
}

static void note_gender(char *g, char seen)
{
    if (!seen || *g == '?')
        return;
    *g = *g && *g != seen ? '?' : seen;
}

static void add_title(wm_people *p, int32_t entity, int32_t t)
{
    const wm_token *k = tok(p, t);
    if (!(k->flags & WM_TOK_ALPHA) || !(k->flags & WM_TOK_UPPER) || (p->marks->tok[t] & WM_MARK_TITLE))
        return;
    wm_title_word w = {entity, t};
    wm_vec_push(&p->titles, w);
}

/* The head of a role title: its last capitalized word before the first function word
 * ("Parlamentarische Staatssekretärin", "Senatorin für ..."). */
static int32_t title_head(const wm_people *p, wm_span title)
{
    int32_t first, end, head = -1;
    wm_span_tokens(p->doc, title, &first, &end);
    for (int32_t t = first; t < end; t++) {
        if (p->marks->tok[t] & WM_MARK_FUNCTION)
            break;
        if ((tok(p, t)->flags & WM_TOK_ALPHA) && (tok(p, t)->flags & WM_TOK_UPPER))
            head = t;
    }
    return head;
}

static void collect_titles(wm_people *p, char *raw_gender)
{
    const wm_doc *doc = p->doc;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_PERSON || m->entity < 0 || (m->flags & WM_MENTION_DROPPED))
            continue;
        int32_t name = wm_doc_token_at(doc, m->span.start);
        if (name < 0)
            continue;
        int32_t seg = tok(p, name)->segment;
        int32_t floor = seg >= 0 ? doc->segments.items[seg].first_token : 0;
        int32_t start = phrase_start(p, name, floor);
        for (int32_t t = start; t < name; t++) {
            note_gender(&raw_gender[m->entity], title_gender(p, t));
            add_title(p, m->entity, t);
        }
    }
    for (size_t i = 0; i < doc->roles.len; i++) {
        const wm_role *r = &doc->roles.items[i];
        if (r->person < 0)
            continue;
        int32_t head = title_head(p, r->title);
        if (head < 0)
            continue;
        note_gender(&raw_gender[r->person], title_gender(p, head));
        add_title(p, r->person, head);
    }
}

static int title_order(const void *a, const void *b)
{
    const wm_title_word *x = a, *y = b;
    return x->tok != y->tok ? (x->tok < y->tok ? -1 : 1) : (x->entity < y->entity ? -1 : x->entity > y->entity);
}

void wm_people_build(wm_people *p, const wm_doc *doc, const wm_marks *m, const wm_clauses *c,
                     const wm_gazetteer *gaz)
{
    memset(p, 0, sizeof *p);
    p->doc = doc;
    p->marks = m;
    p->clauses = c;
    size_t n = doc->tokens.len + 1;
    p->person_at = wm_xmalloc(n * sizeof *p->person_at);
    for (size_t t = 0; t < n; t++)
        p->person_at[t] = -1;
    p->named_at = wm_xcalloc(n, 1);
    p->role_gender = wm_xcalloc(n, 1);
    p->event_noun = wm_xcalloc(n, 1);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *mn = &doc->mentions.items[i];
        if (mn->flags & WM_MENTION_DROPPED)
            continue;
        int32_t first, end;
        wm_span_tokens(doc, mn->span, &first, &end);
        if (mn->kind == WM_ENTITY_PERSON || mn->kind == WM_ENTITY_ORGANIZATION || mn->kind == WM_ENTITY_LOCATION)
            memset(p->named_at + first, 1, (size_t)(end - first));
        if (usable_mention(doc, c, mn))
            for (int32_t t = first; t < end; t++)
                p->person_at[t] = (int32_t)i;
    }
    for (size_t i = 0; i < doc->gaz_hits.len; i++) {
        const wm_gaz_hit *h = &doc->gaz_hits.items[i];
        if (h->list != WM_LIST_ROLES)
            continue;
        char g = wm_gazetteer_entry(gaz, h->entry)->gender;
        for (int32_t t = h->first_token; t < h->first_token + h->token_count; t++)
            p->role_gender[t] = g ? g : 'u';
    }
    p->relative_on = wm_xmalloc(n * sizeof *p->relative_on);
    for (size_t t = 0; t < n; t++)
        p->relative_on[t] = -1;
    p->passive = wm_xcalloc(c->clauses.len + 1, 1);
    for (size_t k = 0; k < c->clauses.len; k++) {
        const wm_clause *cl = &c->clauses.items[k];
        if (cl->kind == WM_CLAUSE_REL && cl->antecedent >= 0)
            p->relative_on[cl->antecedent] = (int32_t)k;
    }
    for (size_t t = 0; t < doc->tokens.len; t++)
        if ((m->tok[t] & WM_MARK_PASSIVE) && c->clause_of[t] >= 0)
            p->passive[c->clause_of[t]] = 1;
    p->first_seen = wm_xmalloc((doc->entities.len + 1) * sizeof *p->first_seen);
    for (size_t e = 0; e <= doc->entities.len; e++)
        p->first_seen[e] = INT32_MAX;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *mn = &doc->mentions.items[i];
        if (mn->kind == WM_ENTITY_PERSON && mn->entity >= 0 && !(mn->flags & WM_MENTION_DROPPED) &&
            mn->span.start < p->first_seen[mn->entity])
            p->first_seen[mn->entity] = mn->span.start;
    }
    p->gender = wm_xcalloc(doc->entities.len + 1, 1);
    char *raw = wm_xcalloc(doc->entities.len + 1, 1);
    collect_titles(p, raw);
    if (p->titles.len > 1)
        qsort(p->titles.items, p->titles.len, sizeof *p->titles.items, title_order);
    for (size_t e = 0; e < doc->entities.len; e++) {
        char g = doc->entities.items[e].gender;
        p->gender[e] = g == 'm' || g == 'f' ? g : raw[e] == '?' ? 0 : raw[e];
    }
    free(raw);
}

void wm_people_free(wm_people *p)
{
    free(p->person_at);
    free(p->named_at);
    free(p->role_gender);
    free(p->event_noun);
    free(p->gender);
    free(p->first_seen);
    free(p->relative_on);
    free(p->passive);
    wm_vec_free(&p->titles);
}

/* --- references ------------------------------------------------------------------------------ */

/* "Generalkonsul" = "Generalkonsuln"; "Botschafter" = "Botschafters"; "Präsident" = "Präsidenten". */
static int same_title(const wm_doc *doc, int32_t a, int32_t b)
{
    const wm_token *x = &doc->tokens.items[a], *y = &doc->tokens.items[b];
    const UChar *fx = doc->folded + x->fold_start, *fy = doc->folded + y->fold_start;
    int32_t nx = x->fold_len, ny = y->fold_len;
    if (nx > ny) {
        const UChar *ft = fx;
        fx = fy;
        fy = ft;
        int32_t t = nx;
        nx = ny;
        ny = t;
    }
    if (memcmp(fx, fy, (size_t)nx * sizeof(UChar)) != 0)
        return 0;
    int32_t extra = ny - nx;
    if (extra == 0)
        return 1;
    const UChar *tail = fy + nx;
    return (extra == 1 && (tail[0] == 'n' || tail[0] == 's')) ||
           (extra == 2 && tail[0] == 'e' && (tail[1] == 'n' || tail[1] == 's'));
}

static int already(const wm_participants *io, int32_t entity)
{
    for (size_t i = 0; i < io->len; i++)
        if (io->items[i].entity == entity)
            return 1;
    return 0;
}

/* The one person an earlier title word names that matches the role noun at t, or -1. Only
 * the nearest title words are looked at, which bounds the work on long documents. */
enum { WM_TITLE_LOOKBACK = 400 };
static int32_t by_title(const wm_people *p, int32_t t, const wm_participants *io)
{
    size_t lo = 0, hi = p->titles.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (p->titles.items[mid].tok < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    int32_t found = -1;
    for (size_t i = lo, seen = 0; i > 0 && seen < WM_TITLE_LOOKBACK; i--, seen++) {
        const wm_title_word *w = &p->titles.items[i - 1];
        if (already(io, w->entity) || !same_title(p->doc, w->tok, t) ||
            p->first_seen[w->entity] > p->doc->tokens.items[t].span.start)
            continue;
        if (found >= 0 && found != w->entity)
            return -1;
        found = w->entity;
    }
    return found;
}

/* First token of the window a pronoun or "seine Amtskollegin" looks back into: the current
 * sentence, the one before (and the captions and headings after it), and one more before that
 * when it stands in the same paragraph. */
enum { WM_WINDOW_SENTENCES = 2 };
static int32_t window_start(const wm_people *p, int32_t t)
{
    int32_t seg = tok(p, t)->segment;
    int32_t start = seg >= 0 ? p->doc->segments.items[seg].first_token : 0, found = 0;
    for (int32_t s = seg - 1; s >= 0 && found < WM_WINDOW_SENTENCES; s--) {
        const wm_segment *sg = &p->doc->segments.items[s];
        if (sg->kind != WM_SEGMENT_SENTENCE && sg->kind != WM_SEGMENT_LIST_ITEM)
            continue;
        if (found && sg->block != p->doc->segments.items[seg].block)
            break;
        start = sg->first_token;
        found++;
    }
    return start;
}

/* The one person of gender g named in the window before t (and not in io), or -1. */
enum { WM_WINDOW_TOKENS = 600 };
static int32_t by_gender(const wm_people *p, int32_t t, char g, const wm_participants *io)
{
    int32_t found = -1, from = window_start(p, t);
    if (from < t - WM_WINDOW_TOKENS)
        from = t - WM_WINDOW_TOKENS;
    for (int32_t k = from; k < t; k++) {
        int32_t mi = p->person_at[k];
        if (mi < 0)
            continue;
        int32_t e = p->doc->mentions.items[mi].entity;
        if (p->gender[e] != g || already(io, e))
            continue;
        if (found >= 0 && found != e)
            return -1;
        found = e;
    }
    return found;
}

/* Gender a role noun shows by its form: "Senatorin" f, a role gazetteer word its own. */
static char noun_gender(const wm_people *p, int32_t t)
{
    if (p->role_gender[t] == 'm' || p->role_gender[t] == 'f')
        return p->role_gender[t];
    return tok(p, t)->fold_len > 5 && folded_ends_with(p->doc, t, "in") ? 'f' : 0;
}

/* The role noun names someone right here: a name follows in its chunk ("die Senatorin Karla
 * Brandt", unless the genders differ: "empfing die Senatorin Ivo Marek"), or the next chunk
 * starts with one ("der Präsident des LASV, Thomas Kühnemund"). */
static int apposition_follows(const wm_people *p, int32_t noun)
{
    const wm_clauses *c = p->clauses;
    int32_t k = c->chunk_of[noun];
    if (k < 0)
        return 0;
    for (int32_t t = noun + 1; t < c->chunks.items[k].end; t++)
        if (p->person_at[t] >= 0) {
            char a = noun_gender(p, noun), b = p->gender[p->doc->mentions.items[p->person_at[t]].entity];
            int capitals = 0, adjacent = 1;
            for (int32_t x = noun + 1; x < t && adjacent; x++)
                adjacent = title_like(p, x, &capitals);
            return !(adjacent && a && b && a != b);
        }
    if (k + 1 >= (int32_t)c->chunks.len || tok(p, c->chunks.items[k + 1].first)->segment != tok(p, noun)->segment)
        return 0;
    int capitals = 0;
    int32_t t = c->chunks.items[k + 1].first;
    while (t < c->chunks.items[k + 1].end && p->person_at[t] < 0 && title_like(p, t, &capitals))
        t++;
    return t < c->chunks.items[k + 1].end && p->person_at[t] >= 0;
}

/* "die Leiter", "die Leiter*innen", "Kolleginnen": many persons, no one to resolve to. */
static int plural(const wm_people *p, int32_t det, int32_t noun)
{
    const wm_doc *doc = p->doc;
    if (folded_ends_with(doc, noun, "innen"))
        return 1;
    if (noun + 1 < (int32_t)doc->tokens.len && !(tok(p, noun + 1)->flags & WM_TOK_SPACE_BEFORE) &&
        (wm_token_punct(doc, noun + 1, '*') || wm_token_punct(doc, noun + 1, ':') || wm_token_punct(doc, noun + 1, '_') ||
         wm_token_punct(doc, noun + 1, '/')))
        return 1;
    return wm_token_is(doc, det, "die") && noun_gender(p, noun) != 'f';
}

static int reference_noun(const wm_people *p, int32_t t)
{
    const wm_token *k = tok(p, t);
    return (k->flags & WM_TOK_ALPHA) && (k->flags & WM_TOK_UPPER) && !p->named_at[t] &&
           !(p->marks->tok[t] & (WM_MARK_DET | WM_MARK_FUNCTION | WM_MARK_TITLE));
}

void wm_people_references(const wm_people *p, int32_t first, int32_t end, wm_token_pred in, const void *ctx,
                          int allow_sie, wm_participants *io)
{
    const wm_doc *doc = p->doc;
    for (int32_t t = first; t < end; t++) {
        if ((in && !in(t, ctx)) || p->clauses->speech[t] || p->named_at[t])
            continue;
        uint32_t mk = p->marks->tok[t];
        int32_t who = -1;
        wm_span span = tok(p, t)->span;
        if (mk & WM_MARK_PRON_M) {
            who = by_gender(p, t, 'm', io);
        } else if ((mk & WM_MARK_PRON_F) && allow_sie) {
            who = by_gender(p, t, 'f', io);
        } else if (mk & WM_MARK_DET) {
            /* article or possessive, up to two adjectives ("Berliner", "russische"), the noun */
            int32_t n = t + 1;
            for (int a = 0; a < 2 && n + 1 < end; a++) {
                const wm_token *k = tok(p, n);
                int lower_adj = (k->flags & WM_TOK_ALPHA) && !(k->flags & WM_TOK_UPPER) && !(p->marks->tok[n] & WM_MARK_FUNCTION);
                int place_adj = reference_noun(p, n) && folded_ends_with(doc, n, "er") && reference_noun(p, n + 1);
                if (!lower_adj && !place_adj)
                    break;
                n++;
            }
            while (n + 2 < end && wm_token_punct(doc, n + 1, '-') && !(tok(p, n + 1)->flags & WM_TOK_SPACE_BEFORE) &&
                   reference_noun(p, n + 2))
                n += 2; /* "Vize-Minister": the last part carries the title */
            if (n >= end || !reference_noun(p, n) || (in && !in(n, ctx)) || apposition_follows(p, n) || plural(p, t, n))
                continue;
            if (p->marks->tok[n] & WM_MARK_COLLEAGUE)
                who = by_gender(p, n, folded_ends_with(doc, n, "in") ? 'f' : 'm', io);
            else
                who = by_title(p, n, io);
            span.end = tok(p, n)->span.end;
            if (who >= 0)
                t = n;
        }
        if (who >= 0)
            wm_participants_add(io, who, span, -1);
    }
}
