/* locations.c - the location stage: place names of the `locations` list outside person and
 * organization names, framed ("Republik Usbekistan", "des Landes Brandenburg" from "Landes" on)
 * or inflected ("der Russischen Föderation"); one entity per canonical place name. An
 * OpenStreetMap settlement counts only when written exactly and when it is no name word. */
#include <string.h>

#include "export.h"
#include "locations.h"
#include "orgwords.h"
#include "strmap.h"

/* Token t belongs to a kept person or organization mention. */
static int32_t *covered_tokens(wm_doc *doc)
{
    size_t n = doc->tokens.len ? doc->tokens.len : 1;
    int32_t *covered = wm_arena_alloc(&doc->arena, n * sizeof *covered);
    memset(covered, 0, n * sizeof *covered);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->flags & WM_MENTION_DROPPED)
            continue;
        for (int32_t t = wm_doc_token_at(doc, m->span.start);
             t >= 0 && t < (int32_t)doc->tokens.len && doc->tokens.items[t].span.start < m->span.end; t++)
            covered[t] = 1;
    }
    return covered;
}

static int weak_place(const wm_lex *lx, int32_t t, const wm_gaz_entry *e)
{
    return strstr(e->file, ".osm.") &&
           (wm_lex_in(lx, t, WM_LIST_SURNAMES) || wm_lex_in(lx, t, WM_LIST_GIVEN_NAMES) || wm_lex_in(lx, t, WM_LIST_NON_NAMES));
}

static void add_place(wm_doc *doc, wm_strmap *entities, wm_span span, int32_t entry, const char *name)
{
    int32_t m = wm_doc_add_mention(doc, span, WM_ENTITY_LOCATION, "location.gazetteer", entry, 0);
    doc->mentions.items[m].base = name;
    char *key = wm_slug(name);
    int32_t ent = wm_strmap_get(entities, key, strlen(key));
    if (ent < 0) {
        wm_entity loc = {.kind = WM_ENTITY_LOCATION, .label_mention = m, .label = name,
                         .key = wm_arena_strndup(&doc->arena, key, strlen(key))};
        wm_vec_push(&doc->entities, loc);
        ent = wm_strmap_put(entities, key, strlen(key), (int32_t)doc->entities.len - 1);
    }
    free(key);
    doc->mentions.items[m].entity = ent;
}

wm_status wm_locations(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    wm_lex lx;
    wm_lex_init(&lx, doc, wm_kb_gazetteer(ctx->kb));
    int32_t *covered = covered_tokens(doc);
    wm_strmap entities = {0};
    for (int32_t t = 0; t < wm_lex_count(&lx); t++) {
        int32_t entry = -1;
        if (covered[t] || (t > 0 && wm_lex_joined(&lx, t - 1) && wm_lex_punct(&lx, t - 1, '-')))
            continue;
        int32_t end = wm_place_at(&lx, t, &entry);
        if (end <= t || entry < 0)
            continue;
        int free_span = 1;
        for (int32_t k = t; k < end && free_span; k++)
            free_span = !covered[k];
        const wm_gaz_entry *e = wm_gazetteer_entry(lx.gaz, entry);
        /* "Berlin-Mitte" as part of a compound is no place of its own: "Berlin-Moskau" is two */
        if (!free_span || weak_place(&lx, t, e) || (wm_lex_punct(&lx, end, '-') && wm_lex_joined(&lx, end - 1)))
            continue;
        /* "Berlin-Moskau", "Duisburg-Essen": each part is a place */
        for (int32_t a = t; a < end;) {
            int32_t b = a + 1;
            while (b < end && !wm_lex_punct(&lx, b, '-'))
                b++;
            int32_t part = entry;
            if (a > t || b < end) {
                int32_t n = 0;
                part = wm_lex_hit(&lx, a, WM_LIST_LOCATIONS, &n);
                if (part < 0 || n != b - a)
                    part = wm_lex_inflected(&lx, a, b - a, WM_LIST_LOCATIONS);
            }
            if (part >= 0)
                add_place(doc, &entities, (wm_span){doc->tokens.items[a].span.start, doc->tokens.items[b - 1].span.end},
                          part, wm_gazetteer_entry(lx.gaz, part)->canonical);
            a = b + 1;
        }
        t = end - 1;
    }
    wm_strmap_free(&entities);
    return WM_OK;
}
