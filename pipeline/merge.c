/* merge.c - the merge command: load each graph file, fold it into one wm_graph (graph.c makes
 * the union order-independent), write the result. A bad file is reported and left out. */
#include <string.h>

#include "graph.h"
#include "merge.h"
#include "stats.h"

static json_t *load(const char *path, wm_error *err)
{
    json_error_t jerr;
    json_t *graph = strcmp(path, "-") == 0 ? json_loadf(stdin, 0, &jerr) : json_load_file(path, 0, &jerr);
    if (!graph)
        wm_error_set(err, WM_ERR_INPUT, path, jerr.line > 0 ? jerr.line : 0, jerr.column > 0 ? jerr.column : 0,
                     "not a JSON graph: %s", jerr.text);
    return graph;
}

/* The same document id from two runs over different files would mix up their offsets. */
static void check_documents(const wm_batch_options *o, json_t *seen, json_t *graph, const char *path,
                            wm_batch_stats *stats)
{
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(json_object_get(graph, "graph"), "documents"), i, d) {
        const char *id = json_string_value(json_object_get(d, "id"));
        json_t *source = json_object_get(d, "source"), *known = id ? json_object_get(seen, id) : NULL;
        if (!id || !source)
            continue;
        if (!known) {
            json_object_set(seen, id, source);
        } else if (!json_equal(known, source)) {
            wm_error warning;
            wm_error_set(&warning, WM_OK, path, 0, 0,
                         "document '%s' comes from '%s' here and from '%s' in another input; their offsets may differ",
                         id, json_string_value(source), json_string_value(known));
            stats->warnings++;
            o->report(&warning, 0, o->report_ctx);
        }
    }
}

wm_status wm_merge_files(const wm_batch_options *o, char *const *paths, size_t count, FILE *out,
                         wm_batch_stats *stats, wm_error *err)
{
    memset(stats, 0, sizeof *stats);
    wm_graph *merged = wm_graph_new();
    json_t *sources = json_object();
    for (size_t i = 0; i < count; i++) {
        wm_error bad;
        wm_error_clear(&bad);
        json_t *graph = load(paths[i], &bad);
        if (graph && wm_graph_merge(merged, graph, paths[i], &bad) == WM_OK) {
            check_documents(o, sources, graph, paths[i], stats);
        } else {
            wm_stats_add_skipped(stats, &bad);
            o->report(&bad, 1, o->report_ctx);
        }
        json_decref(graph);
    }
    json_t *result = wm_graph_result(merged, o->generator);
    wm_status st = o->format->write_graph(result, NULL, out, err);
    json_decref(result);
    json_decref(sources);
    wm_graph_free(merged);
    return st;
}
