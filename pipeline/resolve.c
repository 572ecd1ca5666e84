/* resolve.c - in-document coreference. Persons: one entity per full name (transliteration
 * variants share the standard spelling); a lone family name joins the nearest compatible full
 * name before it, else after it. Organizations: mentions with the same base form, an
 * abbreviation and its long form, a short form ("Moskauer Regierung") and the full name with the
 * same head and place, and bare heads ("die Botschaft") and the nearest name with that head. */
#include <string.h>

#include "export.h"
#include "orgwords.h"
#include "resolve.h"
#include "strmap.h"

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
    size_t n = doc->entities.len ? doc->entities.len : 1;
    int32_t *f = wm_xcalloc(n, sizeof *f), *m = wm_xcalloc(n, sizeof *m);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *x = &doc->mentions.items[i];
        if (x->kind != WM_ENTITY_PERSON || x->entity < 0)
            continue;
        f[x->entity] += mention_gender(x) == 'f';
        m[x->entity] += mention_gender(x) == 'm';
    }
    for (size_t e = 0; e < doc->entities.len; e++)
        if (doc->entities.items[e].kind == WM_ENTITY_PERSON)
            doc->entities.items[e].gender = f[e] > m[e] ? 'f' : m[e] > f[e] ? 'm' : 0;
    free(f);
    free(m);
}

typedef WM_VEC(int32_t) index_list;

/* A person already named with more words that end in the same ones: "Vidal Montoya" after
 * "Carmen Vidal Montoya", "Maria Brandt" after "Anna Maria Brandt". `same_surname` holds the
 * full-name mentions so far with the same family name. -1 if none. */
static int32_t longer_name(const wm_doc *doc, const char *key, const index_list *same_surname)
{
    enum { REACH = 64 }; /* the nearest ones: keeps a list of thousands of names linear */
    size_t n = strlen(key);
    size_t from = same_surname && same_surname->len > REACH ? same_surname->len - REACH : 0;
    for (size_t j = from; same_surname && j < same_surname->len; j++) {
        int32_t e = doc->mentions.items[same_surname->items[j]].entity;
        const char *k = doc->entities.items[e].key;
        size_t len = strlen(k);
        if (len > n + 1 && k[len - n - 1] == '-' && !strcmp(k + len - n, key))
            return e;
    }
    return -1;
}

static void resolve_persons(resolver *r)
{
    wm_doc *doc = r->doc;
    wm_strmap by_key = {0}, by_surname = {0};
    WM_VEC(index_list) full = {0}; /* per surname: full-name mentions in text order */
    for (size_t k = 0; k < r->count; k++) {
        int32_t i = r->order[k];
        wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_PERSON)
            continue;
        r->surname[i] = surname_of(r, m);
        if (m->flags & WM_MENTION_SURNAME_ONLY)
            continue;
        const char *key = slug(doc, m->base ? m->base : mention_text(r, m));
        int32_t e = wm_strmap_get(&by_key, key, strlen(key));
        if (e < 0) {
            int32_t list = wm_strmap_get(&by_surname, r->surname[i], strlen(r->surname[i]));
            e = longer_name(doc, key, list >= 0 ? &full.items[list] : NULL);
        }
        if (e < 0)
            e = wm_strmap_put(&by_key, key, strlen(key), add_entity(doc, WM_ENTITY_PERSON, i, key));
        m->entity = e;
        const wm_mention *label = &doc->mentions.items[doc->entities.items[e].label_mention];
        if (m->span.end - m->span.start > label->span.end - label->span.start)
            doc->entities.items[e].label_mention = i;
        int32_t list = wm_strmap_put(&by_surname, r->surname[i], strlen(r->surname[i]), (int32_t)full.len);
        if (list == (int32_t)full.len) {
            index_list empty = {0};
            wm_vec_push(&full, empty);
        }
        wm_vec_push(&full.items[list], i);
    }
    set_person_genders(doc);
    for (size_t k = 0; k < r->count; k++) {
        int32_t i = r->order[k];
        wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_PERSON || !(m->flags & WM_MENTION_SURNAME_ONLY))
            continue;
        const char *sur = r->surname[i];
        char g = mention_gender(m);
        int32_t before = -1, after = -1;
        int32_t list = wm_strmap_get(&by_surname, sur, strlen(sur));
        if (list >= 0) {
            const index_list *l = &full.items[list];
            /* the first full name at or after the mention, by binary search; then walk outwards */
            size_t lo = 0, hi = l->len;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (doc->mentions.items[l->items[mid]].span.start < m->span.start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t j = lo; j-- > 0 && before < 0;) {
                int32_t e = doc->mentions.items[l->items[j]].entity;
                if (!g || !doc->entities.items[e].gender || doc->entities.items[e].gender == g)
                    before = e;
            }
            for (size_t j = lo; j < l->len && after < 0; j++) {
                int32_t e = doc->mentions.items[l->items[j]].entity;
                if (!g || !doc->entities.items[e].gender || doc->entities.items[e].gender == g)
                    after = e;
            }
        }
        int32_t e = before >= 0 ? before : after;
        if (e < 0) {
            e = wm_strmap_get(&by_key, sur, strlen(sur));
            if (e < 0)
                e = wm_strmap_put(&by_key, sur, strlen(sur), add_entity(doc, WM_ENTITY_PERSON, i, sur));
        }
        m->entity = e;
    }
    set_person_genders(doc);
    for (size_t i = 0; i < full.len; i++)
        wm_vec_free(&full.items[i]);
    wm_vec_free(&full);
    wm_strmap_free(&by_key);
    wm_strmap_free(&by_surname);
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

/* Mentions with the same key, inflection-tolerant key or name without place adjective are one
 * organization; so are a name and the same name with a genitive or place after it. */
static void link_named_orgs(resolver *r)
{
    wm_doc *doc = r->doc;
    wm_strmap keys = {0}, loose = {0}, bare = {0};
    for (size_t i = 0; i < doc->mentions.len; i++) {
        if (!is_named(&doc->mentions.items[i]))
            continue;
        org_info *x = &r->org[i];
        unite(r->org, (int32_t)i, wm_strmap_put(&keys, x->key, strlen(x->key), (int32_t)i));
        unite(r->org, (int32_t)i, wm_strmap_put(&loose, x->loose, strlen(x->loose), (int32_t)i));
        unite(r->org, (int32_t)i, wm_strmap_put(&bare, x->bare, strlen(x->bare), (int32_t)i));
    }
    static const char *const joins[] = {"-des-", "-der-", "-in-", "-von-", "-beim-"};
    for (size_t i = 0; i < doc->mentions.len; i++) {
        if (!is_named(&doc->mentions.items[i]))
            continue;
        const char *k = r->org[i].key;
        for (size_t j = 0; j < sizeof joins / sizeof *joins; j++)
            for (const char *at = strstr(k, joins[j]); at; at = strstr(at + 1, joins[j])) {
                int32_t shorter = wm_strmap_get(&keys, k, (size_t)(at - k));
                if (shorter >= 0)
                    unite(r->org, (int32_t)i, shorter);
            }
    }
    wm_strmap_free(&keys);
    wm_strmap_free(&loose);
    wm_strmap_free(&bare);
    /* the same head with nearly the same words after it; a few names per head are compared */
    enum { MAX_PER_HEAD = 16 };
    wm_strmap heads = {0};
    WM_VEC(index_list) groups = {0};
    for (size_t i = 0; i < doc->mentions.len; i++) {
        org_info *x = &r->org[i];
        if (!is_named(&doc->mentions.items[i]) || !x->head || !x->rest[0])
            continue;
        int32_t g = wm_strmap_put(&heads, x->head, strlen(x->head), (int32_t)groups.len);
        if (g == (int32_t)groups.len) {
            index_list empty = {0};
            wm_vec_push(&groups, empty);
        }
        index_list *l = &groups.items[g];
        int seen = 0;
        for (size_t j = 0; j < l->len && !seen; j++) {
            org_info *y = &r->org[l->items[j]];
            seen = !strcmp(x->rest, y->rest);
            if (!seen && places_agree(x, y) && word_overlap(x->rest, y->rest) >= 0.75)
                unite(r->org, (int32_t)i, l->items[j]);
        }
        if (!seen && l->len < MAX_PER_HEAD)
            wm_vec_push(l, (int32_t)i);
    }
    for (size_t i = 0; i < groups.len; i++)
        wm_vec_free(&groups.items[i]);
    wm_vec_free(&groups);
    wm_strmap_free(&heads);
}

/* A short form without complement ("Moskauer Regierung", "Berliner Sozialverwaltung") joins the
 * one full name in the document with the same head word and the same place. */
static void link_short_forms(resolver *r)
{
    wm_doc *doc = r->doc;
    enum { MAX_PER_CORE = 8 };
    wm_strmap cores = {0};
    WM_VEC(index_list) groups = {0}; /* per core: full names of distinct organizations */
    for (size_t j = 0; j < doc->mentions.len; j++) {
        org_info *y = &r->org[j];
        if (!is_named(&doc->mentions.items[j]) || !y->core || !y->rest[0])
            continue;
        int32_t g = wm_strmap_put(&cores, y->core, strlen(y->core), (int32_t)groups.len);
        if (g == (int32_t)groups.len) {
            index_list empty = {0};
            wm_vec_push(&groups, empty);
        }
        index_list *l = &groups.items[g];
        int known = 0;
        for (size_t k = 0; k < l->len && !known; k++)
            known = find_root(r->org, l->items[k]) == find_root(r->org, (int32_t)j) &&
                    ((!r->org[l->items[k]].place) == (!y->place));
        if (!known && l->len < MAX_PER_CORE)
            wm_vec_push(l, (int32_t)j);
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *a = &doc->mentions.items[i];
        org_info *x = &r->org[i];
        if (!is_named(a) || !x->core || x->rest[0] || a->entry >= 0 || (a->flags & WM_MENTION_ABBREVIATION))
            continue;
        int32_t g = wm_strmap_get(&cores, x->core, strlen(x->core));
        if (g < 0)
            continue;
        int32_t match = -1, ambiguous = 0;
        const index_list *l = &groups.items[g];
        for (size_t k = 0; k < l->len; k++) {
            int32_t j = l->items[k];
            if (j == (int32_t)i || !places_agree(x, &r->org[j]))
                continue;
            if (match >= 0 && find_root(r->org, match) != find_root(r->org, j))
                ambiguous = 1;
            match = j;
        }
        if (match >= 0 && !ambiguous)
            unite(r->org, (int32_t)i, match);
    }
    for (size_t i = 0; i < groups.len; i++)
        wm_vec_free(&groups.items[i]);
    wm_vec_free(&groups);
    wm_strmap_free(&cores);
}

/* "die Botschaft", "des Landesamtes": the nearest named organization before (else after) whose
 * head ends in the same word; none means the bare head names nothing and is dropped. */
static void link_anaphors(resolver *r)
{
    wm_doc *doc = r->doc;
    enum { MAX_HEADS = 64 };
    wm_strmap heads = {0};
    WM_VEC(index_list) groups = {0}; /* per named head: its mentions in text order */
    for (size_t k = 0; k < r->count; k++) {
        int32_t c = r->order[k];
        org_info *y = &r->org[c];
        if (!is_named(&doc->mentions.items[c]) || !y->head)
            continue;
        int32_t g = wm_strmap_get(&heads, y->head, strlen(y->head));
        if (g < 0) {
            if (groups.len >= MAX_HEADS)
                continue;
            g = wm_strmap_put(&heads, y->head, strlen(y->head), (int32_t)groups.len);
            index_list empty = {0};
            wm_vec_push(&groups, empty);
        }
        wm_vec_push(&groups.items[g], c);
    }
    for (size_t k = 0; k < r->count; k++) {
        int32_t i = r->order[k];
        wm_mention *a = &doc->mentions.items[i];
        if (a->kind != WM_ENTITY_ORGANIZATION || !(a->flags & WM_MENTION_ANAPHOR))
            continue;
        org_info *x = &r->org[i];
        int32_t before = -1, after = -1;
        for (size_t g = 0; g < groups.len && x->head; g++) {
            const index_list *l = &groups.items[g];
            if (!ends_with(r->org[l->items[0]].head, x->head))
                continue;
            size_t lo = 0, hi = l->len;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (doc->mentions.items[l->items[mid]].span.start < a->span.start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t j = lo; j-- > 0;)
                if (places_agree(x, &r->org[l->items[j]])) {
                    if (before < 0 || doc->mentions.items[l->items[j]].span.start > doc->mentions.items[before].span.start)
                        before = l->items[j];
                    break;
                }
            for (size_t j = lo; j < l->len; j++)
                if (places_agree(x, &r->org[l->items[j]])) {
                    if (after < 0 || doc->mentions.items[l->items[j]].span.start < doc->mentions.items[after].span.start)
                        after = l->items[j];
                    break;
                }
        }
        int32_t antecedent = before >= 0 ? before : after;
        if (antecedent < 0)
            a->flags |= WM_MENTION_DROPPED;
        else
            x->parent = find_root(r->org, antecedent);
    }
    for (size_t i = 0; i < groups.len; i++)
        wm_vec_free(&groups.items[i]);
    wm_vec_free(&groups);
    wm_strmap_free(&heads);
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
    size_t n = doc->entities.len ? doc->entities.len : 1;
    const char **canonical = wm_xcalloc(n, sizeof *canonical), **longest = wm_xcalloc(n, sizeof *longest);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        int32_t e = m->entity;
        if (m->kind != WM_ENTITY_ORGANIZATION || e < 0 || (m->flags & WM_MENTION_DROPPED))
            continue;
        /* the list's name, unless the text adds to it ("Arbeiterwohlfahrt Landesverband ...") */
        const char *listed = m->entry >= 0 ? wm_gazetteer_entry(r->lx.gaz, m->entry)->canonical : NULL;
        if (listed && !canonical[e] && (!m->base || !strcmp(m->base, listed)))
            canonical[e] = listed;
        if (m->flags & (WM_MENTION_ANAPHOR | WM_MENTION_ABBREVIATION))
            continue;
        const char *name = m->base ? m->base : mention_text(r, m);
        if (!longest[e] || strlen(name) > strlen(longest[e])) {
            longest[e] = name;
            doc->entities.items[e].label_mention = (int32_t)i;
        }
    }
    for (size_t e = 0; e < doc->entities.len; e++) {
        wm_entity *ent = &doc->entities.items[e];
        if (ent->kind != WM_ENTITY_ORGANIZATION)
            continue;
        if (!longest[e]) {
            const wm_mention *lm = &doc->mentions.items[ent->label_mention];
            longest[e] = lm->base ? lm->base : mention_text(r, lm);
        }
        ent->label = longest[e];
        ent->key = name_key(r, canonical[e] ? canonical[e] : longest[e]);
    }
    free(canonical);
    free(longest);
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
