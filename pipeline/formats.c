/* formats.c - the table of output formats, the two JSON writers of the contract (node-link
 * graph, indented with sorted keys; jsonl, one compact line per document) and the write-error
 * handling every writer shares. */
#include <errno.h>
#include <string.h>

#include "formats.h"
#include "jsonout.h"

/* A reader that went away (`whomet | head`) is not an error worth a message. */
static wm_status write_failed(wm_error *err)
{
    int e = errno;
    return wm_error_set(err, e == EPIPE ? WM_ERR_CLOSED : WM_ERR_IO, "output", 0, 0, "write failed: %s",
                        strerror(e));
}

wm_status wm_format_write_failed(wm_error *err)
{
    return write_failed(err);
}

wm_status wm_format_check_stream(FILE *out, wm_error *err)
{
    if (ferror(out))
        return write_failed(err);
    return WM_OK;
}

static wm_status write_node_link(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    (void)documents;
    if (wm_json_dumpf(graph, out, JSON_INDENT(1) | JSON_SORT_KEYS) != 0)
        return write_failed(err);
    fputc('\n', out);
    return wm_format_check_stream(out, err);
}

static wm_status write_jsonl(json_t *annotations, FILE *out, wm_error *err)
{
    if (wm_json_dumpf(annotations, out, JSON_COMPACT | JSON_SORT_KEYS) != 0)
        return write_failed(err);
    fputc('\n', out);
    return wm_format_check_stream(out, err);
}

static const wm_format formats[] = {
    {"graph", "node-link JSON for networkx and D3 (default)", write_node_link, NULL, 0},
    {"jsonl", "one JSON object per document: entities and relations with offsets", NULL, write_jsonl, 0},
    {"cytoscape", "Cytoscape.js elements JSON, also Cytoscape desktop (.cyjs)", wm_write_cytoscape, NULL, 0},
    {"graphml", "GraphML for Gephi, yEd, networkx", wm_write_graphml, NULL, 0},
    {"gexf", "GEXF 1.3 for Gephi, networkx", wm_write_gexf, NULL, 0},
    {"graphology", "graphology JSON for sigma.js and Gephi Lite", wm_write_graphology, NULL, 0},
    {"neo4j", "JSON lines for Neo4j's apoc.import.json", wm_write_neo4j, NULL, 0},
    {"dot", "Graphviz DOT", wm_write_dot, NULL, 0},
    {"html", "one self-contained page: the graph to explore and the texts with their entities", wm_write_html, NULL, 1},
};

size_t wm_format_count(void) { return sizeof formats / sizeof *formats; }
const wm_format *wm_format_at(size_t index) { return &formats[index]; }

const wm_format *wm_format_find(const char *name)
{
    for (size_t i = 0; i < wm_format_count(); i++)
        if (strcmp(formats[i].name, name) == 0)
            return &formats[i];
    return NULL;
}
