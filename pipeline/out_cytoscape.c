/* out_cytoscape.c - the graph as Cytoscape.js JSON ({elements: {nodes, edges}} of {data}), which
 * Cytoscape desktop imports as .cyjs. Lists of strings stay lists; nested values become JSON text. */
#include "alloc.h"
#include "formats.h"
#include "graphview.h"

static const char *const link_skip[] = {"source", "target", NULL};

/* `name` and `interaction` are the columns Cytoscape desktop labels nodes and edges with. */
static json_t *node_element(json_t *node)
{
    json_t *data = wm_flat_attrs(node, WM_FLAT_LISTS | WM_FLAT_NESTED, NULL);
    if (!json_object_get(data, "name"))
        json_object_set(data, "name", json_object_get(node, "label"));
    json_t *element = json_object();
    json_object_set_new(element, "data", data);
    return element;
}

static json_t *edge_element(json_t *link)
{
    json_t *data = wm_flat_attrs(link, WM_FLAT_LISTS | WM_FLAT_NESTED, link_skip);
    char *id = wm_link_id(link), *label = wm_link_label(link);
    json_object_set_new(data, "id", json_string(id));
    json_object_set(data, "source", json_object_get(link, "source"));
    json_object_set(data, "target", json_object_get(link, "target"));
    if (!json_object_get(data, "label"))
        json_object_set_new(data, "label", json_string(label));
    if (!json_object_get(data, "interaction"))
        json_object_set(data, "interaction", json_object_get(link, "relation"));
    free(id);
    free(label);
    json_t *element = json_object();
    json_object_set_new(element, "data", data);
    return element;
}

wm_status wm_write_cytoscape(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    json_t *nodes = json_array(), *edges = json_array();
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(graph, "nodes"), i, v) json_array_append_new(nodes, node_element(v));
    json_array_foreach(json_object_get(graph, "links"), i, v) json_array_append_new(edges, edge_element(v));
    json_t *elements = json_object();
    json_object_set_new(elements, "nodes", nodes);
    json_object_set_new(elements, "edges", edges);
    json_t *doc = json_object();
    json_t *meta = wm_flat_attrs(json_object_get(graph, "graph"), WM_FLAT_LISTS | WM_FLAT_NESTED, NULL);
    json_object_set_new(meta, "name", json_string("whomet"));
    json_object_set_new(doc, "format_version", json_string("1.0"));
    json_object_set(doc, "generated_by", json_object_get(json_object_get(graph, "graph"), "generator"));
    json_object_set_new(doc, "target_cytoscapejs_version", json_string("~3"));
    json_object_set_new(doc, "data", meta);
    json_object_set_new(doc, "elements", elements);
    int failed = json_dumpf(doc, out, JSON_INDENT(1) | JSON_SORT_KEYS) != 0;
    json_decref(doc);
    if (failed)
        return wm_format_write_failed(err);
    fputc('\n', out);
    return wm_format_check_stream(out, err);
}
