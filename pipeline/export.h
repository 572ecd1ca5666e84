/* export.h - the only place where spans become strings: a processed document as JSON, both
 * as its jsonl annotation line and as a one-document node-link graph that graph.c merges.
 * Both functions return a new reference the caller owns (json_decref). */
#ifndef WM_EXPORT_H
#define WM_EXPORT_H

#include <jansson.h>

#include "doc.h"

enum {
    WM_EXPORT_SEGMENTS = 1u << 0,      /* add the segments (kind, offsets, text) for --explain */
    WM_EXPORT_TEXT = 1u << 1,          /* add the whole original text as "text" (the html page shows it) */
    WM_EXPORT_EXPLAIN = 1u << 2,       /* each relation passage tells which rule fired on which words */
    WM_EXPORT_MEETING_NODES = 1u << 3  /* graph: meetings also as nodes linked to their participants */
};

json_t *wm_export_annotations(const wm_doc *doc, unsigned flags);
json_t *wm_export_graph(const wm_doc *doc, unsigned flags);

/* "person:anette-kramme": the node id of a resolved entity. Caller frees. */
char *wm_export_node_id(const wm_doc *doc, int32_t entity);

/* Folds text into an id: lower case, no diacritics, runs of other characters as one '-'. */
char *wm_slug(const char *utf8);

#endif
