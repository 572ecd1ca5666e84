/* entityutil.h - lookups for the entity stage tests: a mention by kind and text, its entity's
 * key, and a role by holder and organization keys. Header-only, used with testutil.h. */
#ifndef WM_ENTITYUTIL_H
#define WM_ENTITYUTIL_H

#include "testutil.h"

/* The first kept mention of `kind` whose normalized text is `text`, or -1. */
static inline int32_t eu_mention(const wm_doc *doc, wm_entity_kind kind, const char *text)
{
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind == kind && !(m->flags & WM_MENTION_DROPPED) && strcmp(tu_span(doc, m->span), text) == 0)
            return (int32_t)i;
    }
    return -1;
}

/* Number of kept mentions of `kind` whose text is `text`. */
static inline int eu_count(const wm_doc *doc, wm_entity_kind kind, const char *text)
{
    int n = 0;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        n += m->kind == kind && !(m->flags & WM_MENTION_DROPPED) && strcmp(tu_span(doc, m->span), text) == 0;
    }
    return n;
}

/* The key of the entity behind the mention `text` of `kind`; fails the test if there is none. */
static inline const char *eu_key(const wm_doc *doc, wm_entity_kind kind, const char *text)
{
    int32_t m = eu_mention(doc, kind, text);
    if (m < 0)
        fail_msg("no %s mention '%s'", wm_entity_kind_name(kind), text);
    int32_t e = doc->mentions.items[m].entity;
    if (e < 0)
        fail_msg("mention '%s' has no entity", text);
    return doc->entities.items[e].key;
}

/* Number of entities of `kind`. */
static inline int eu_entities(const wm_doc *doc, wm_entity_kind kind)
{
    int n = 0;
    for (size_t i = 0; i < doc->entities.len; i++)
        n += doc->entities.items[i].kind == kind;
    return n;
}

/* The role held by the person with key `person` at the organization with key `org` (NULL: a
 * role without organization), or NULL. */
static inline const wm_role *eu_role(const wm_doc *doc, const char *person, const char *org)
{
    for (size_t i = 0; i < doc->roles.len; i++) {
        const wm_role *r = &doc->roles.items[i];
        if (strcmp(doc->entities.items[r->person].key, person) != 0)
            continue;
        if (org ? (r->org >= 0 && strcmp(doc->entities.items[r->org].key, org) == 0) : r->org < 0)
            return r;
    }
    return NULL;
}

static inline void eu_dump(const wm_doc *doc)
{
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        print_message("  %s %s '%s' -> %s%s\n", wm_entity_kind_name(m->kind), m->rule, tu_span(doc, m->span),
                      m->entity >= 0 ? doc->entities.items[m->entity].key : "-",
                      (m->flags & WM_MENTION_DROPPED) ? " (dropped)" : "");
    }
    for (size_t i = 0; i < doc->roles.len; i++) {
        const wm_role *r = &doc->roles.items[i];
        print_message("  role '%s' %s -> %s (%s)\n", tu_span(doc, r->title), doc->entities.items[r->person].key,
                      r->org >= 0 ? doc->entities.items[r->org].key : "-", r->rule);
    }
}

#endif
