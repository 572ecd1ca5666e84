/* resolve.c - in-document coreference. Persons: one entity per full name (transliteration
 * variants share the standard spelling); a lone family name joins the nearest compatible full
 * name before it, else after it. Organizations: mentions with the same base form, an
 * abbreviation and its long form, a short form ("Moskauer Regierung") and the full name with the
 * same head and place, and bare heads ("die Botschaft") and the nearest name with that head. */
#include <string.h>

#include "export.h"
#include "orgwords.h"
#include "resolve.h"

typedef struct {
    const char *key;   /* slug of the base form without legal form and "(ABBR)" */
    const char *loose; /* key with inflectional endings cut: "markisch-holzsystembau" */
    const char *bare;  /* key without place adjectives in front of the head */
    const char *head;  /* slug of the head's nominative ("senatsverwaltung"), or NULL */
    const char *core;  /* slug of the head's last list word ("verwaltung"), or NULL */
    const char *rest;  /* slug of what follows the head, "" when nothing */
    const char *place; /* slug of the place the name names, or NULL */
    int32_t parent;    /* union-find */
} org_info;

typedef struct {
    wm_doc *doc;
    wm_lex lx;
    int32_t *order; /* mention indices by position */
    size_t count;
    org_info *org;  /* per mention */
    const char **surname;
} resolver;

static const char *slug(wm_doc *doc, const char *utf8)
{
    char *s = wm_slug(utf8);
    const char *out = wm_arena_strndup(&doc->arena, s, strlen(s));
    free(s);
    return out;
}

static int32_t first_token(const wm_doc *doc, const wm_mention *m) { return wm_doc_token_at(doc, m->span.start); }
static int32_t end_token(const wm_doc *doc, const wm_mention *m) { return wm_doc_token_at(doc, m->span.end - 1) + 1; }

static const char *mention_text(resolver *r, const wm_mention *m)
{
    return wm_tokens_text(&r->lx, r->doc, first_token(r->doc, m), end_token(r->doc, m));
}

static int32_t add_entity(wm_doc *doc, wm_entity_kind kind, int32_t label_mention, const char *key)
{
    wm_entity e = {.kind = kind, .label_mention = label_mention, .key = key};
    wm_vec_push(&doc->entities, e);
    return (int32_t)doc->entities.len - 1;
}

static int32_t find_entity(const wm_doc *doc, wm_entity_kind kind, const char *key)
{
    for (size_t i = 0; i < doc->entities.len; i++)
        if (doc->entities.items[i].kind == kind && !strcmp(doc->entities.items[i].key, key))
            return (int32_t)i;
    return -1;
}

/* ---- persons ---------------------------------------------------------------------------- */

/* The family name of a mention: its last word with its hyphenated parts; particles ("von",
 * "van der") are left out, as texts drop them ("Ahlefeldt" for "von Ahlefeldt"). */
static const char *surname_of(resolver *r, const wm_mention *m)
{
    int32_t a = first_token(r->doc, m), b = end_token(r->doc, m);
    int32_t s = b - 1;
    while (s - 2 >= a && wm_lex_punct(&r->lx, s - 1, '-') && wm_lex_joined(&r->lx, s - 2))
        s -= 2;
    return slug(r->doc, wm_tokens_text(&r->lx, r->doc, s, b));
}

static char mention_gender(const wm_mention *m)
{
    return (m->flags & WM_MENTION_FEMALE) ? 'f' : (m->flags & WM_MENTION_MALE) ? 'm' : 0;
}

static void set_person_genders(wm_doc *doc)
{
    for (size_t e = 0; e < doc->entities.len; e++) {
        if (doc->entities.items[e].kind != WM_ENTITY_PERSON)
            continue;
        int f = 0, m = 0;
        for (size_t i = 0; i < doc->mentions.len; i++)
            if (doc->mentions.items[i].entity == (int32_t)e) {
                f += mention_gender(&doc->mentions.items[i]) == 'f';
                m += mention_gender(&doc->mentions.items[i]) == 'm';
            }
        doc->entities.items[e].gender = f > m ? 'f' : m > f ? 'm' : 0;
    }
}

static void resolve_persons(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t k = 0; k < r->count; k++) {
        wm_mention *m = &doc->mentions.items[r->order[k]];
        if (m->kind != WM_ENTITY_PERSON)
            continue;
        r->surname[r->order[k]] = surname_of(r, m);
        if (m->flags & WM_MENTION_SURNAME_ONLY)
            continue;
        const char *key = slug(doc, m->base ? m->base : mention_text(r, m));
        int32_t e = find_entity(doc, WM_ENTITY_PERSON, key);
        if (e < 0)
            e = add_entity(doc, WM_ENTITY_PERSON, r->order[k], key);
        m->entity = e;
        const wm_mention *label = &doc->mentions.items[doc->entities.items[e].label_mention];
        if (m->span.end - m->span.start > label->span.end - label->span.start)
            doc->entities.items[e].label_mention = r->order[k];
    }
    set_person_genders(doc);
    for (size_t k = 0; k < r->count; k++) {
        wm_mention *m = &doc->mentions.items[r->order[k]];
        if (m->kind != WM_ENTITY_PERSON || !(m->flags & WM_MENTION_SURNAME_ONLY))
            continue;
        const char *sur = r->surname[r->order[k]];
        char g = mention_gender(m);
        int32_t before = -1, after = -1;
        for (size_t j = 0; j < r->count; j++) {
            const wm_mention *f = &doc->mentions.items[r->order[j]];
            if (f->kind != WM_ENTITY_PERSON || (f->flags & WM_MENTION_SURNAME_ONLY) || f->entity < 0 ||
                strcmp(r->surname[r->order[j]], sur))
                continue;
            char eg = doc->entities.items[f->entity].gender;
            if (g && eg && g != eg)
                continue;
            if (f->span.start < m->span.start)
                before = f->entity; /* later ones are nearer */
            else if (after < 0)
                after = f->entity;
        }
        int32_t e = before >= 0 ? before : after;
        if (e < 0) {
            e = find_entity(doc, WM_ENTITY_PERSON, sur);
            if (e < 0)
                e = add_entity(doc, WM_ENTITY_PERSON, r->order[k], sur);
        }
        m->entity = e;
    }
    set_person_genders(doc);
}

/* ---- organizations ---------------------------------------------------------------------- */

static int32_t find_root(org_info *o, int32_t i)
{
    while (o[i].parent != i) {
        o[i].parent = o[o[i].parent].parent;
        i = o[i].parent;
    }
    return i;
}

static void unite(org_info *o, int32_t a, int32_t b)
{
    a = find_root(o, a);
    b = find_root(o, b);
    if (a != b)
        o[b > a ? b : a].parent = b > a ? a : b;
}

/* The name part of a base form: without a trailing legal form or "(ABBR)". */
static const char *name_key(resolver *r, const char *base)
{
    const char *s = slug(r->doc, base);
    static const char *const legal[] = {"-e-v", "-gmbh", "-ggmbh", "-ag", "-e-g", "-ev"};
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof legal / sizeof *legal; i++) {
        size_t k = strlen(legal[i]);
        if (n > k && !strcmp(s + n - k, legal[i]))
            return wm_arena_strndup(&r->doc->arena, s, n - k);
    }
    return s;
}

/* A key with the endings of inflection cut from every word of five letters or more, so that
 * "der Märkischen Holzsystembau GmbH" meets "Märkische Holzsystembau GmbH". */
static const char *loose_key(resolver *r, const char *key)
{
    size_t n = strlen(key);
    char *out = wm_arena_alloc(&r->doc->arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && key[i] != '-') {
            out[k++] = key[i];
            continue;
        }
        size_t w = 0;
        while (w < k && out[k - 1 - w] != '-')
            w++;
        static const char *const endings[] = {"en", "em", "er", "es", "e", "n", "s"};
        for (size_t e = 0; w >= 5 && e < sizeof endings / sizeof *endings; e++) {
            size_t l = strlen(endings[e]);
            if (!strncmp(out + k - l, endings[e], l)) {
                k -= l;
                break;
            }
        }
        if (i < n)
            out[k++] = '-';
    }
    out[k] = '\0';
    return out;
}

static const char *place_slug(resolver *r, int32_t t)
{
    int32_t e = wm_location_adjective(&r->lx, t);
    if (e < 0)
        e = wm_lex_hit(&r->lx, t, WM_LIST_LOCATIONS, NULL);
    if (e < 0)
        return NULL;
    return slug(r->doc, wm_gazetteer_entry(r->lx.gaz, e)->canonical);
}

static void analyse_org(resolver *r, int32_t mi)
{
    wm_mention *m = &r->doc->mentions.items[mi];
    org_info *o = &r->org[mi];
    const char *base = m->base ? m->base : mention_text(r, m);
    o->key = name_key(r, base);
    o->loose = loose_key(r, o->key);
    o->bare = o->key;
    o->rest = "";
    o->parent = mi;
    int32_t a = first_token(r->doc, m), b = end_token(r->doc, m);
    for (int32_t t = a; t < b && t < a + 6; t++) {
        wm_org_head h;
        if (!o->place)
            o->place = place_slug(r, t);
        if (!wm_org_head_at(&r->lx, t, &h))
            continue;
        o->head = slug(r->doc, wm_org_base_form(&r->lx, r->doc, t, t + h.ntok, t, &h));
        int32_t tail_at = 0;
        int32_t tail = wm_lex_tail(&r->lx, t + h.ntok - 1, WM_LIST_ORG_HEADS, 3, &tail_at);
        o->core = tail >= 0 ? slug(r->doc, wm_gazetteer_entry(r->lx.gaz, tail)->canonical) : o->head;
        if (t > a)
            o->bare = name_key(r, wm_org_base_form(&r->lx, r->doc, t, b, t, &h));
        if (t + h.ntok < b)
            o->rest = slug(r->doc, wm_tokens_text(&r->lx, r->doc, t + h.ntok, b));
        for (int32_t k = t + h.ntok; k < b && !o->place; k++)
            o->place = place_slug(r, k);
        return;
    }
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

/* `longer` is `shorter` followed by a genitive or place: "ministerium-fur-arbeit" and
 * "ministerium-fur-arbeit-des-landes-brandenburg". */
static int extends_by_genitive(const char *shorter, const char *longer)
{
    size_t n = strlen(shorter);
    if (strncmp(shorter, longer, n) || longer[n] != '-')
        return 0;
    static const char *const next[] = {"des-", "der-", "in-", "von-", "beim-"};
    for (size_t i = 0; i < sizeof next / sizeof *next; i++)
        if (!strncmp(longer + n + 1, next[i], strlen(next[i])))
            return 1;
    return 0;
}

/* Share of words two complements have in common (Jaccard), for "... und ausländischen
 * Flüchtlingen" against "... und Flüchtlingen". */
static double word_overlap(const char *a, const char *b)
{
    int common = 0, na = 0, nb = 0;
    for (const char *p = a; *p;) {
        const char *q = strchr(p, '-');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        na++;
        for (const char *x = b; *x;) {
            const char *y = strchr(x, '-');
            size_t l2 = y ? (size_t)(y - x) : strlen(x);
            if (l2 == len && !strncmp(p, x, len)) {
                common++;
                break;
            }
            x = y ? y + 1 : x + l2;
        }
        p = q ? q + 1 : p + len;
    }
    for (const char *x = b; *x;) {
        const char *y = strchr(x, '-');
        nb++;
        x = y ? y + 1 : x + strlen(x);
    }
    int uni = na + nb - common;
    return uni ? (double)common / uni : 0.0;
}

static int places_agree(const org_info *a, const org_info *b)
{
    return !a->place || !b->place || !strcmp(a->place, b->place);
}

static int is_named(const wm_mention *m)
{
    return m->kind == WM_ENTITY_ORGANIZATION && !(m->flags & (WM_MENTION_ANAPHOR | WM_MENTION_DROPPED));
}

static void link_named_orgs(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *a = &doc->mentions.items[i];
        if (!is_named(a))
            continue;
        org_info *x = &r->org[i];
        for (size_t j = 0; j < i; j++) {
            const wm_mention *b = &doc->mentions.items[j];
            if (!is_named(b))
                continue;
            org_info *y = &r->org[j];
            int same = !strcmp(x->key, y->key) || !strcmp(x->loose, y->loose) || !strcmp(x->bare, y->bare) ||
                       extends_by_genitive(x->key, y->key) ||
                       extends_by_genitive(y->key, x->key);
            if (!same && x->head && y->head && !strcmp(x->head, y->head) && x->rest[0] && y->rest[0] &&
                places_agree(x, y))
                same = word_overlap(x->rest, y->rest) >= 0.75;
            if (same)
                unite(r->org, (int32_t)i, (int32_t)j);
        }
    }
}

/* A short form without complement ("Moskauer Regierung", "Berliner Sozialverwaltung") joins the
 * one full name in the document with the same head word and the same place. */
static void link_short_forms(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *a = &doc->mentions.items[i];
        org_info *x = &r->org[i];
        if (!is_named(a) || !x->core || x->rest[0] || a->entry >= 0 || (a->flags & WM_MENTION_ABBREVIATION))
            continue;
        int32_t match = -1, ambiguous = 0;
        for (size_t j = 0; j < doc->mentions.len; j++) {
            const wm_mention *b = &doc->mentions.items[j];
            org_info *y = &r->org[j];
            if (j == i || !is_named(b) || !y->core || !y->rest[0] || strcmp(x->core, y->core) || !places_agree(x, y))
                continue;
            if (match >= 0 && find_root(r->org, match) != find_root(r->org, (int32_t)j))
                ambiguous = 1;
            match = (int32_t)j;
        }
        if (match >= 0 && !ambiguous)
            unite(r->org, (int32_t)i, match);
    }
}

/* "die Botschaft", "des Landesamtes": the nearest named organization before (else after) whose
 * head ends in the same word; none means the bare head names nothing and is dropped. */
static void link_anaphors(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t k = 0; k < r->count; k++) {
        int32_t i = r->order[k];
        wm_mention *a = &doc->mentions.items[i];
        if (a->kind != WM_ENTITY_ORGANIZATION || !(a->flags & WM_MENTION_ANAPHOR))
            continue;
        org_info *x = &r->org[i];
        int32_t before = -1, after = -1;
        for (size_t j = 0; j < r->count; j++) {
            int32_t c = r->order[j];
            const wm_mention *b = &doc->mentions.items[c];
            org_info *y = &r->org[c];
            if (!is_named(b) || !x->head || !y->head || !ends_with(y->head, x->head) || !places_agree(x, y))
                continue;
            if (b->span.start < a->span.start)
                before = c;
            else if (after < 0)
                after = c;
        }
        int32_t antecedent = before >= 0 ? before : after;
        if (antecedent < 0)
            a->flags |= WM_MENTION_DROPPED;
        else
            x->parent = find_root(r->org, antecedent);
    }
}

static void make_org_entities(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t k = 0; k < r->count; k++) {
        int32_t i = r->order[k];
        wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_ORGANIZATION || (m->flags & WM_MENTION_DROPPED))
            continue;
        int32_t root = find_root(r->org, i);
        wm_mention *rm = &doc->mentions.items[root];
        if (rm->entity < 0)
            rm->entity = add_entity(doc, WM_ENTITY_ORGANIZATION, root, NULL);
        m->entity = rm->entity;
    }
    /* key: a gazetteer's canonical name if a mention has one, else the longest base form;
     * label: the longest base form (the fullest name) */
    for (size_t e = 0; e < doc->entities.len; e++) {
        wm_entity *ent = &doc->entities.items[e];
        if (ent->kind != WM_ENTITY_ORGANIZATION)
            continue;
        const char *canonical = NULL, *longest = NULL;
        int32_t label = ent->label_mention;
        size_t best = 0;
        for (size_t i = 0; i < doc->mentions.len; i++) {
            const wm_mention *m = &doc->mentions.items[i];
            if (m->entity != (int32_t)e || (m->flags & WM_MENTION_DROPPED))
                continue;
            if (m->entry >= 0 && !canonical)
                canonical = wm_gazetteer_entry(r->lx.gaz, m->entry)->canonical;
            if (m->flags & (WM_MENTION_ANAPHOR | WM_MENTION_ABBREVIATION))
                continue;
            const char *name = m->base ? m->base : mention_text(r, m);
            if (strlen(name) > best) {
                best = strlen(name);
                longest = name;
                label = (int32_t)i;
            }
        }
        if (!longest) {
            const wm_mention *lm = &doc->mentions.items[label];
            longest = lm->base ? lm->base : mention_text(r, lm);
        }
        ent->label_mention = label;
        ent->label = longest;
        ent->key = name_key(r, canonical ? canonical : longest);
    }
}

static void resolve_orgs(resolver *r)
{
    wm_doc *doc = r->doc;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        r->org[i].parent = (int32_t)i;
        if (doc->mentions.items[i].kind == WM_ENTITY_ORGANIZATION)
            analyse_org(r, (int32_t)i);
    }
    link_named_orgs(r);
    link_short_forms(r);
    link_anaphors(r);
    make_org_entities(r);
}

static _Thread_local const wm_doc *tls_doc; /* qsort has no context argument */

static int by_position(const void *a, const void *b)
{
    const wm_mention *x = &tls_doc->mentions.items[*(const int32_t *)a];
    const wm_mention *y = &tls_doc->mentions.items[*(const int32_t *)b];
    if (x->span.start != y->span.start)
        return x->span.start < y->span.start ? -1 : 1;
    return *(const int32_t *)a - *(const int32_t *)b;
}

wm_status wm_resolve(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    resolver r = {.doc = doc, .count = doc->mentions.len};
    wm_lex_init(&r.lx, doc, wm_kb_gazetteer(ctx->kb));
    size_t n = r.count ? r.count : 1;
    r.order = wm_arena_alloc(&doc->arena, n * sizeof *r.order);
    r.org = wm_arena_alloc(&doc->arena, n * sizeof *r.org);
    r.surname = wm_arena_alloc(&doc->arena, n * sizeof *r.surname);
    memset(r.org, 0, n * sizeof *r.org);
    memset(r.surname, 0, n * sizeof *r.surname);
    for (size_t i = 0; i < r.count; i++)
        r.order[i] = (int32_t)i;
    tls_doc = doc;
    if (r.count)
        qsort(r.order, r.count, sizeof *r.order, by_position);
    resolve_persons(&r);
    resolve_orgs(&r);
    return WM_OK;
}
