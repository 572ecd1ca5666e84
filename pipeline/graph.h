/* graph.h - the who-met-whom graph merged across documents and runs. Merging is a set union
 * with order-independent choices, so any input order gives the same result. The graph owns
 * its JSON; wm_graph_merge borrows its argument, wm_graph_result returns a new reference. */
#ifndef WM_GRAPH_H
#define WM_GRAPH_H

#include <jansson.h>

#include "error.h"

typedef struct wm_graph wm_graph;

wm_graph *wm_graph_new(void);
void wm_graph_free(wm_graph *graph);

/* Merges a node-link graph (one document's, or a whole earlier run's) into graph.
 * `name` is used in errors about malformed input. */
wm_status wm_graph_merge(wm_graph *graph, json_t *src, const char *name, wm_error *err);

/* The merged graph in sorted, contract form (see OUTPUT.md). */
json_t *wm_graph_result(const wm_graph *graph, const char *generator);

/* Adds each entry of graph.meetings to a graph result as a node of kind "meeting", linked to
 * each participant by a "participated_in" link: a bipartite view of who met at which meeting. */
void wm_graph_meeting_nodes(json_t *graph);

#endif
