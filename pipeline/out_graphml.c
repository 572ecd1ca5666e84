/* out_graphml.c - the graph as GraphML (Gephi, yEd, networkx): one declared <key> per attribute
 * with its type, nested values as JSON text plus a count, all text XML-escaped. */
#include <string.h>

#include "alloc.h"
#include "formats.h"
#include "graphview.h"

static const char *const node_skip[] = {"id", NULL};
static const char *const link_skip[] = {"source", "target", NULL};

/* Key ids are "<prefix><index>": attribute names may hold characters an XML id may not. */
static void write_keys(FILE *out, const wm_attr_set *set, const char *domain, char prefix)
{
    for (size_t i = 0; i < set->len; i++) {
        fprintf(out, "  <key id=\"%c%zu\" for=\"%s\" attr.name=\"", prefix, i, domain);
        wm_xml_escape(out, set->items[i].name, 1);
        fprintf(out, "\" attr.type=\"%s\"/>\n", wm_attr_type_name(set->items[i].type));
    }
}

static void write_data(FILE *out, const wm_attr_set *set, json_t *flat, char prefix, const char *indent)
{
    const char *key;
    json_t *v;
    json_object_foreach(flat, key, v) {
        char *text = wm_scalar_text(v);
        fprintf(out, "%s<data key=\"%c%ld\">", indent, prefix, wm_attr_set_find(set, key));
        wm_xml_escape(out, text, 0);
        fputs("</data>\n", out);
        free(text);
    }
}

wm_status wm_write_graphml(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    json_t *nodes = json_object_get(graph, "nodes"), *links = json_object_get(graph, "links");
    json_t *meta = wm_flat_attrs(json_object_get(graph, "graph"), WM_FLAT_NESTED, NULL);
    json_t *flat_nodes = json_array(), *flat_links = json_array();
    wm_attr_set graph_attrs = {0}, node_attrs = {0}, link_attrs = {0};
    size_t i;
    json_t *v;
    wm_attr_set_add(&graph_attrs, meta);
    json_array_foreach(nodes, i, v) {
        json_t *flat = wm_flat_attrs(v, WM_FLAT_NESTED, node_skip);
        wm_attr_set_add(&node_attrs, flat);
        json_array_append_new(flat_nodes, flat);
    }
    json_array_foreach(links, i, v) {
        json_t *flat = wm_flat_attrs(v, WM_FLAT_NESTED, link_skip);
        wm_attr_set_add(&link_attrs, flat);
        json_array_append_new(flat_links, flat);
    }

    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
          "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
          out);
    write_keys(out, &graph_attrs, "graph", 'g');
    write_keys(out, &node_attrs, "node", 'n');
    write_keys(out, &link_attrs, "edge", 'e');
    fputs("  <graph id=\"whomet\" edgedefault=\"undirected\">\n", out);
    write_data(out, &graph_attrs, meta, 'g', "    ");
    json_array_foreach(nodes, i, v) {
        fputs("    <node id=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "id")), 1);
        fputs("\">\n", out);
        write_data(out, &node_attrs, json_array_get(flat_nodes, i), 'n', "      ");
        fputs("    </node>\n", out);
    }
    json_array_foreach(links, i, v) {
        char *id = wm_link_id(v);
        fputs("    <edge id=\"", out);
        wm_xml_escape(out, id, 1);
        fputs("\" source=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "source")), 1);
        fputs("\" target=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "target")), 1);
        fputs("\">\n", out);
        write_data(out, &link_attrs, json_array_get(flat_links, i), 'e', "      ");
        fputs("    </edge>\n", out);
        free(id);
    }
    fputs("  </graph>\n</graphml>\n", out);
    wm_vec_free(&graph_attrs);
    wm_vec_free(&node_attrs);
    wm_vec_free(&link_attrs);
    json_decref(meta);
    json_decref(flat_nodes);
    json_decref(flat_links);
    return wm_format_check_stream(out, err);
}
