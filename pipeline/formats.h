/* formats.h - the output formats selectable with --format. Graph formats receive the merged
 * graph (borrowed); per-document formats receive each document's annotation object (borrowed).
 * Writers never close the stream. Each graph format but the node-link JSON lives in out_<name>.c. */
#ifndef WM_FORMATS_H
#define WM_FORMATS_H

#include <jansson.h>
#include <stdio.h>

#include "error.h"

/* `documents` is NULL unless the format asks for texts: then it is the array of every
 * document's annotation object with its full original "text" (see WM_EXPORT_TEXT), in input
 * order. */
typedef wm_status (*wm_graph_writer)(json_t *graph, json_t *documents, FILE *out, wm_error *err);

typedef struct {
    const char *name;
    const char *summary;
    /* exactly one of these is set */
    wm_graph_writer write_graph;
    wm_status (*write_document)(json_t *annotations, FILE *out, wm_error *err);
    int wants_texts; /* a graph format that also shows the documents' texts (html) */
} wm_format;

/* The format called `name`, or NULL. */
const wm_format *wm_format_find(const char *name);
size_t wm_format_count(void);
const wm_format *wm_format_at(size_t index);

/* The status of a finished write: WM_ERR_IO when the stream has failed (WM_ERR_CLOSED when
 * its reader went away). */
wm_status wm_format_check_stream(FILE *out, wm_error *err);
/* The error for a write that failed, from errno (as above). */
wm_status wm_format_write_failed(wm_error *err);

wm_status wm_write_cytoscape(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_graphml(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_gexf(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_graphology(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_neo4j(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_dot(json_t *graph, json_t *documents, FILE *out, wm_error *err);
wm_status wm_write_html(json_t *graph, json_t *documents, FILE *out, wm_error *err);

#endif
