/* out_gexf.c - the graph as GEXF 1.3 (Gephi, networkx): node and edge labels as XML attributes,
 * every other attribute declared with its type, nested values as JSON text plus a count. */
#include "alloc.h"
#include "formats.h"
#include "graphview.h"

static const char *const node_skip[] = {"id", "label", NULL};
/* A "key" attribute would clash with the key networkx's read_gexf passes on (the edge id is unique anyway). */
static const char *const link_skip[] = {"source", "target", "key", NULL};

static void write_declarations(FILE *out, const wm_attr_set *set, const char *domain)
{
    if (!set->len)
        return;
    fprintf(out, "    <attributes class=\"%s\">\n", domain);
    for (size_t i = 0; i < set->len; i++) {
        fprintf(out, "      <attribute id=\"%zu\" title=\"", i);
        wm_xml_escape(out, set->items[i].name, 1);
        fprintf(out, "\" type=\"%s\"/>\n", wm_attr_type_name(set->items[i].type));
    }
    fputs("    </attributes>\n", out);
}

static void write_values(FILE *out, const wm_attr_set *set, json_t *flat)
{
    if (!json_object_size(flat))
        return;
    fputs("        <attvalues>\n", out);
    const char *key;
    json_t *v;
    json_object_foreach(flat, key, v) {
        char *text = wm_scalar_text(v);
        fprintf(out, "          <attvalue for=\"%ld\" value=\"", wm_attr_set_find(set, key));
        wm_xml_escape(out, text, 1);
        fputs("\"/>\n", out);
        free(text);
    }
    fputs("        </attvalues>\n", out);
}

/* Gephi colours the nodes by kind on opening, with the palette of the other formats. */
static void write_color(FILE *out, const char *kind)
{
    unsigned r, g, b;
    if (sscanf(wm_kind_color(kind), "#%2x%2x%2x", &r, &g, &b) == 3)
        fprintf(out, "        <viz:color r=\"%u\" g=\"%u\" b=\"%u\"/>\n", r, g, b);
}

static void write_meta(FILE *out, json_t *meta)
{
    json_t *documents = json_object_get(meta, "documents");
    const char *generator = json_string_value(json_object_get(meta, "generator"));
    fputs("  <meta>\n    <creator>", out);
    wm_xml_escape(out, generator ? generator : "whomet", 0);
    fprintf(out, "</creator>\n    <description>who met whom in %zu document%s</description>\n  </meta>\n",
            json_array_size(documents), json_array_size(documents) == 1 ? "" : "s");
}

wm_status wm_write_gexf(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    json_t *nodes = json_object_get(graph, "nodes"), *links = json_object_get(graph, "links");
    json_t *flat_nodes = json_array(), *flat_links = json_array();
    wm_attr_set node_attrs = {0}, link_attrs = {0};
    size_t i;
    json_t *v;
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
          "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
          "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
          "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
          out);
    write_meta(out, json_object_get(graph, "graph"));
    fputs("  <graph defaultedgetype=\"undirected\" mode=\"static\">\n", out);
    write_declarations(out, &node_attrs, "node");
    write_declarations(out, &link_attrs, "edge");
    fputs("    <nodes>\n", out);
    json_array_foreach(nodes, i, v) {
        fputs("      <node id=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "id")), 1);
        fputs("\" label=\"", out);
        const char *label = json_string_value(json_object_get(v, "label"));
        wm_xml_escape(out, label ? label : json_string_value(json_object_get(v, "id")), 1);
        fputs("\">\n", out);
        write_values(out, &node_attrs, json_array_get(flat_nodes, i));
        write_color(out, json_string_value(json_object_get(v, "kind")));
        fputs("      </node>\n", out);
    }
    fputs("    </nodes>\n    <edges>\n", out);
    json_array_foreach(links, i, v) {
        char *id = wm_link_id(v), *label = wm_link_label(v);
        fputs("      <edge id=\"", out);
        wm_xml_escape(out, id, 1);
        fputs("\" source=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "source")), 1);
        fputs("\" target=\"", out);
        wm_xml_escape(out, json_string_value(json_object_get(v, "target")), 1);
        fputs("\" label=\"", out);
        wm_xml_escape(out, label, 1);
        fputs("\">\n", out);
        write_values(out, &link_attrs, json_array_get(flat_links, i));
        fputs("      </edge>\n", out);
        free(id);
        free(label);
    }
    fputs("    </edges>\n  </graph>\n</gexf>\n", out);
    wm_vec_free(&node_attrs);
    wm_vec_free(&link_attrs);
    json_decref(flat_nodes);
    json_decref(flat_links);
    return wm_format_check_stream(out, err);
}
