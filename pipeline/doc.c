/* doc.c - creating, freeing and querying the document model.
 * Owns the lifetime of every array in wm_doc. */
#include <string.h>

#include "alloc.h"
#include "doc.h"

wm_doc *wm_doc_new(const char *id, const char *source)
{
    wm_doc *doc = wm_xcalloc(1, sizeof *doc);
    doc->id = wm_xstrdup(id);
    doc->source = wm_xstrdup(source);
    doc->dateline_place = -1;
    doc->reference_index = -1;
    return doc;
}

void wm_doc_free(wm_doc *doc)
{
    if (!doc)
        return;
    free(doc->id);
    free(doc->source);
    free(doc->orig);
    free(doc->text);
    free(doc->src_start);
    free(doc->src_end);
    free(doc->folded);
    wm_vec_free(&doc->supplementary);
    wm_vec_free(&doc->segments);
    wm_vec_free(&doc->tokens);
    wm_vec_free(&doc->gaz_hits);
    wm_vec_free(&doc->mentions);
    wm_vec_free(&doc->entities);
    wm_vec_free(&doc->dates);
    wm_vec_free(&doc->roles);
    wm_vec_free(&doc->relations);
    wm_vec_free(&doc->warnings);
    wm_arena_free(&doc->arena);
    free(doc);
}

/* Number of supplementary characters (surrogate pairs) that start before orig offset `unit`. */
static int32_t pairs_before(const wm_doc *doc, int32_t unit)
{
    size_t lo = 0, hi = doc->supplementary.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->supplementary.items[mid] < unit)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (int32_t)lo;
}

wm_span wm_doc_original_units(const wm_doc *doc, wm_span span)
{
    wm_span out;
    if (span.end <= span.start) {
        int32_t at = span.start < doc->len ? doc->src_start[span.start] : doc->orig_len;
        out.start = out.end = at;
        return out;
    }
    out.start = doc->src_start[span.start];
    out.end = doc->src_end[span.end - 1];
    return out;
}

void wm_doc_original_offsets(const wm_doc *doc, wm_span span, int32_t *start_cp, int32_t *end_cp)
{
    wm_span u = wm_doc_original_units(doc, span);
    *start_cp = u.start - pairs_before(doc, u.start);
    *end_cp = u.end - pairs_before(doc, u.end);
}

int32_t wm_doc_token_at(const wm_doc *doc, int32_t pos)
{
    size_t lo = 0, hi = doc->tokens.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const wm_token *t = &doc->tokens.items[mid];
        if (t->span.end <= pos)
            lo = mid + 1;
        else if (t->span.start > pos)
            hi = mid;
        else
            return (int32_t)mid;
    }
    return -1;
}

int32_t wm_doc_add_mention(wm_doc *doc, wm_span span, wm_entity_kind kind, const char *rule,
                           int32_t entry, uint32_t flags)
{
    wm_mention m = {.span = span, .kind = kind, .rule = rule, .entry = entry, .entity = -1,
                    .segment = -1, .flags = flags};
    int32_t tok = wm_doc_token_at(doc, span.start);
    if (tok >= 0)
        m.segment = doc->tokens.items[tok].segment;
    wm_vec_push(&doc->mentions, m);
    return (int32_t)doc->mentions.len - 1;
}

char *wm_doc_id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = (dot && dot != base) ? (size_t)(dot - base) : strlen(base);
    return wm_xstrndup(base, len);
}
