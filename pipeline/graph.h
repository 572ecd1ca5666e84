/* graph.h - the who-met-whom graph merged across documents and runs. Merging is a set union
 * with order-independent choices, so any input order gives the same result. The graph owns
 * its JSON; wm_graph_merge borrows its argument, wm_graph_absorb takes it over, and
 * wm_graph_result returns a new reference to the finished graph. */
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

/* Like wm_graph_merge, without copying: src's values become the graph's, so the caller must
 * not use src afterwards except to json_decref it. Merging costs time in proportion to src. */
wm_status wm_graph_absorb(wm_graph *graph, json_t *src, const char *name, wm_error *err);

/* The merged graph in sorted, contract form (see OUTPUT.md), items repeated by several inputs
 * listed once. It shares its values with the graph, which it finishes in place: more merging
 * afterwards still works, and a later result lists everything again. */
json_t *wm_graph_result(wm_graph *graph, const char *generator);

/* Adds each entry of graph.meetings to a graph result as a node of kind "meeting", linked to
 * each participant by a "participated_in" link: a bipartite view of who met at which meeting. */
void wm_graph_meeting_nodes(json_t *graph);

#endif
