/* batch.c - the loop over documents: read, run the stages, export, merge or write, free.
 * A document that fails is reported and dropped; the others go on. */
#include <string.h>

#include "alloc.h"
#include "batch.h"
#include "export.h"
#include "graph.h"
#include "input.h"

/* Two inputs with the same base name would get the same document id; the later is refused. */
static int duplicate_id(json_t *seen, const char *path)
{
    char *id = strcmp(path, "-") == 0 ? wm_xstrdup("stdin") : wm_doc_id_from_path(path);
    int dup = json_object_get(seen, id) != NULL;
    json_object_set_new(seen, id, json_true());
    free(id);
    return dup;
}

/* `texts` collects the documents with their text for a format that shows them, else is NULL. */
static wm_status process_one(const wm_batch_options *o, wm_worker *worker, wm_graph *graph, json_t *texts,
                             const char *path, FILE *out, wm_batch_stats *stats, wm_error *out_err)
{
    wm_error err;
    wm_error_clear(&err);
    unsigned char *bytes = NULL;
    size_t len = 0;
    wm_status st = wm_read_input(path, o->max_doc_bytes, &bytes, &len, &err);
    char *id = strcmp(path, "-") == 0 ? wm_xstrdup("stdin") : wm_doc_id_from_path(path);
    wm_doc *doc = wm_doc_new(id, path);
    free(id);
    if (st == WM_OK)
        st = wm_pipeline_run(worker, doc, bytes, len, &err);
    free(bytes);
    if (st != WM_OK) {
        stats->skipped++;
        o->report(&err, 1, o->report_ctx);
        wm_doc_free(doc);
        return WM_OK;
    }
    for (size_t i = 0; i < doc->warnings.len; i++) {
        stats->warnings++;
        o->report(&doc->warnings.items[i], 0, o->report_ctx);
    }
    wm_status result = WM_OK;
    if (o->format->write_document) {
        json_t *ann = wm_export_annotations(doc, o->export_flags);
        result = o->format->write_document(ann, out, out_err);
        json_decref(ann);
    } else {
        json_t *g = wm_export_graph(doc);
        result = wm_graph_merge(graph, g, doc->id, out_err);
        json_decref(g);
        if (texts)
            json_array_append_new(texts, wm_export_annotations(doc, o->export_flags | WM_EXPORT_TEXT));
    }
    stats->documents++;
    wm_doc_free(doc);
    return result;
}

wm_status wm_batch_run(const wm_kb *kb, const wm_batch_options *o, char *const *paths, size_t count, FILE *out,
                       wm_batch_stats *stats, wm_error *err)
{
    memset(stats, 0, sizeof *stats);
    wm_worker *worker = wm_worker_new(kb, &o->pipeline);
    if (!worker)
        return wm_error_set(err, WM_ERR_NOMEM, NULL, 0, 0, "cannot create a regex matcher");
    wm_graph *graph = wm_graph_new();
    json_t *seen_ids = json_object();
    json_t *texts = o->format->wants_texts ? json_array() : NULL;
    wm_status st = WM_OK;
    for (size_t i = 0; st == WM_OK && i < count; i++) {
        if (duplicate_id(seen_ids, paths[i])) {
            wm_error dup;
            wm_error_set(&dup, WM_ERR_INPUT, paths[i], 0, 0, "duplicate document id (another input has the same base name); skipped");
            stats->skipped++;
            o->report(&dup, 1, o->report_ctx);
            continue;
        }
        st = process_one(o, worker, graph, texts, paths[i], out, stats, err);
    }
    if (st == WM_OK && o->format->write_graph) {
        json_t *g = wm_graph_result(graph, o->generator);
        st = o->format->write_graph(g, texts, out, err);
        json_decref(g);
    }
    json_decref(texts);
    json_decref(seen_ids);
    wm_graph_free(graph);
    wm_worker_free(worker);
    return st;
}
