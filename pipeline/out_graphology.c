/* out_graphology.c - the graph in graphology's serialization format (sigma.js, Gephi Lite):
 * attributes keep their JSON structure, plus counts, a label, a colour, a size and a grid position
 * so that sigma.js can draw the graph before any layout has run. */
#include <string.h>

#include "alloc.h"
#include "formats.h"
#include "graphview.h"

/* Scalars and counts from wm_flat_attrs, arrays and objects as they are. */
static json_t *attributes(json_t *item, const char *const *skip)
{
    json_t *attrs = wm_flat_attrs(item, 0, skip);
    const char *key;
    json_t *v;
    json_object_foreach(item, key, v) {
        if (json_is_array(v) || json_is_object(v))
            json_object_set(attrs, key, v);
    }
    return attrs;
}

static void set_default(json_t *obj, const char *key, json_t *value)
{
    if (!json_object_get(obj, key))
        json_object_set(obj, key, value);
    json_decref(value);
}

static void count_degree(json_t *degree, json_t *link, const char *end)
{
    const char *id = json_string_value(json_object_get(link, end));
    json_object_set_new(degree, id, json_integer(json_integer_value(json_object_get(degree, id)) + 1));
}

static json_t *node_entry(json_t *node, size_t index, size_t columns, json_t *degree)
{
    static const char *const skip[] = {"id", NULL};
    const char *id = json_string_value(json_object_get(node, "id"));
    const char *kind = json_string_value(json_object_get(node, "kind"));
    json_int_t d = json_integer_value(json_object_get(degree, id));
    json_t *attrs = attributes(node, skip);
    set_default(attrs, "label", json_string(id));
    set_default(attrs, "color", json_string(wm_kind_color(kind)));
    set_default(attrs, "size", json_integer(4 + (d < 16 ? d : 16)));
    set_default(attrs, "x", json_integer((json_int_t)(index % columns)));
    set_default(attrs, "y", json_integer((json_int_t)(index / columns)));
    json_t *entry = json_object();
    json_object_set_new(entry, "key", json_string(id));
    json_object_set_new(entry, "attributes", attrs);
    return entry;
}

static json_t *edge_entry(json_t *link)
{
    static const char *const skip[] = {"source", "target", NULL};
    char *id = wm_link_id(link), *label = wm_link_label(link);
    json_t *attrs = attributes(link, skip);
    set_default(attrs, "label", json_string(label));
    json_t *entry = json_object();
    json_object_set_new(entry, "key", json_string(id));
    json_object_set(entry, "source", json_object_get(link, "source"));
    json_object_set(entry, "target", json_object_get(link, "target"));
    json_object_set_new(entry, "undirected", json_true());
    json_object_set_new(entry, "attributes", attrs);
    free(id);
    free(label);
    return entry;
}

wm_status wm_write_graphology(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    json_t *nodes = json_object_get(graph, "nodes"), *links = json_object_get(graph, "links");
    json_t *degree = json_object();
    size_t i, columns = 1;
    json_t *v;
    json_array_foreach(links, i, v) {
        count_degree(degree, v, "source");
        count_degree(degree, v, "target");
    }
    while (columns * columns < json_array_size(nodes))
        columns++;
    json_t *node_list = json_array(), *edge_list = json_array();
    json_array_foreach(nodes, i, v) json_array_append_new(node_list, node_entry(v, i, columns, degree));
    json_array_foreach(links, i, v) json_array_append_new(edge_list, edge_entry(v));
    json_decref(degree);

    json_t *options = json_object();
    json_object_set_new(options, "type", json_string("undirected"));
    json_object_set_new(options, "multi", json_true());
    json_object_set_new(options, "allowSelfLoops", json_true());
    json_t *doc = json_object();
    json_t *meta = json_object_get(graph, "graph");
    json_object_set_new(doc, "attributes", meta ? json_deep_copy(meta) : json_object());
    json_object_set_new(doc, "options", options);
    json_object_set_new(doc, "nodes", node_list);
    json_object_set_new(doc, "edges", edge_list);
    int failed = json_dumpf(doc, out, JSON_INDENT(1) | JSON_SORT_KEYS) != 0;
    json_decref(doc);
    if (failed)
        return wm_format_write_failed(err);
    fputc('\n', out);
    return wm_format_check_stream(out, err);
}
