/* out_neo4j.c - the graph as the JSON lines APOC's apoc.import.json reads (the format
 * apoc.export.json writes): node records, then relationship records that name their end nodes
 * by id and labels. Properties are scalars or lists of strings; nested values are JSON text. */
#include "alloc.h"
#include "formats.h"
#include "graphview.h"

static json_t *labels_of(const char *kind)
{
    char *label = wm_kind_label(kind);
    json_t *labels = json_array();
    json_array_append_new(labels, json_string(label));
    free(label);
    return labels;
}

static int write_line(FILE *out, json_t *record)
{
    int failed = wm_json_write_escaped(out, record, "") != 0;
    fputc('\n', out);
    json_decref(record);
    return failed;
}

static json_t *end_ref(json_t *node_labels, json_t *id)
{
    json_t *ref = json_object(), *labels = json_object_get(node_labels, json_string_value(id));
    json_object_set(ref, "id", id);
    json_object_set_new(ref, "labels", labels ? json_incref(labels) : json_array());
    return ref;
}

wm_status wm_write_neo4j(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    static const char *const link_skip[] = {"source", "target", NULL};
    json_t *node_labels = json_object(); /* id -> labels, for the relationships' ends */
    int failed = 0;
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(graph, "nodes"), i, v) {
        json_t *labels = labels_of(json_string_value(json_object_get(v, "kind")));
        json_t *record = json_object();
        json_object_set_new(record, "type", json_string("node"));
        json_object_set(record, "id", json_object_get(v, "id"));
        json_object_set(record, "labels", labels);
        json_object_set_new(record, "properties", wm_flat_attrs(v, WM_FLAT_LISTS | WM_FLAT_NESTED, NULL));
        json_object_set_new(node_labels, json_string_value(json_object_get(v, "id")), labels);
        failed |= write_line(out, record);
    }
    json_array_foreach(json_object_get(graph, "links"), i, v) {
        char *id = wm_link_id(v), *type = wm_relation_type(json_string_value(json_object_get(v, "relation")));
        json_t *record = json_object();
        json_object_set_new(record, "type", json_string("relationship"));
        json_object_set_new(record, "id", json_string(id));
        json_object_set_new(record, "label", json_string(type));
        json_object_set_new(record, "start", end_ref(node_labels, json_object_get(v, "source")));
        json_object_set_new(record, "end", end_ref(node_labels, json_object_get(v, "target")));
        json_object_set_new(record, "properties", wm_flat_attrs(v, WM_FLAT_LISTS | WM_FLAT_NESTED, link_skip));
        failed |= write_line(out, record);
        free(id);
        free(type);
    }
    json_decref(node_labels);
    if (failed)
        return wm_format_write_failed(err);
    return wm_format_check_stream(out, err);
}
