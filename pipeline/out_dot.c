/* out_dot.c - the graph as Graphviz DOT: nodes labelled and shaped by kind, links labelled by title
 * or relation and date; every scalar attribute and count carried as a DOT attribute, quoted. */
#include <string.h>

#include "alloc.h"
#include "formats.h"
#include "graphview.h"

static void attribute(FILE *out, int *first, const char *name, const char *value)
{
    fputs(*first ? " [" : ", ", out);
    *first = 0;
    wm_dot_quote(out, name);
    fputc('=', out);
    wm_dot_quote(out, value);
}

/* The item's own attributes, then drawing defaults for the names it does not use. */
static void attributes(FILE *out, json_t *flat, const char *const *defaults)
{
    int first = 1;
    const char *key;
    json_t *v;
    json_object_foreach(flat, key, v) {
        char *text = wm_scalar_text(v);
        attribute(out, &first, key, text);
        free(text);
    }
    for (; defaults[0]; defaults += 2)
        if (!json_object_get(flat, defaults[0]))
            attribute(out, &first, defaults[0], defaults[1]);
    fputs(first ? ";\n" : "];\n", out);
}

static const char *shape_of(const char *kind)
{
    if (kind && strcmp(kind, "organization") == 0)
        return "box";
    if (kind && strcmp(kind, "location") == 0)
        return "hexagon";
    return "ellipse";
}

wm_status wm_write_dot(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    fputs("graph \"whomet\" {\n"
          "  graph [charset=\"UTF-8\", fontname=\"Helvetica\", overlap=\"false\", outputorder=\"edgesfirst\"];\n"
          "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\", fontcolor=\"white\"];\n"
          "  edge [fontname=\"Helvetica\", fontsize=\"8\", fontcolor=\"#555555\", color=\"#888888\"];\n",
          out);
    size_t i;
    json_t *v;
    json_array_foreach(json_object_get(graph, "nodes"), i, v) {
        const char *kind = json_string_value(json_object_get(v, "kind"));
        const char *id = json_string_value(json_object_get(v, "id"));
        const char *defaults[] = {"label", id, "shape", shape_of(kind), "fillcolor", wm_kind_color(kind), NULL};
        json_t *flat = wm_flat_attrs(v, 0, NULL);
        fputs("  ", out);
        wm_dot_quote(out, id);
        attributes(out, flat, defaults);
        json_decref(flat);
    }
    json_array_foreach(json_object_get(graph, "links"), i, v) {
        static const char *const skip[] = {"source", "target", NULL};
        const char *relation = json_string_value(json_object_get(v, "relation"));
        char *id = wm_link_id(v), *label = wm_link_label(v);
        const char *defaults[] = {"id", id, "label", label, "style",
                                  relation && strcmp(relation, "met") == 0 ? "solid" : "dashed", NULL};
        json_t *flat = wm_flat_attrs(v, 0, skip);
        fputs("  ", out);
        wm_dot_quote(out, json_string_value(json_object_get(v, "source")));
        fputs(" -- ", out);
        wm_dot_quote(out, json_string_value(json_object_get(v, "target")));
        attributes(out, flat, defaults);
        json_decref(flat);
        free(id);
        free(label);
    }
    fputs("}\n", out);
    return wm_format_check_stream(out, err);
}
