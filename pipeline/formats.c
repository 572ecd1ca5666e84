/* formats.c - the table of output formats and the two JSON writers of the contract:
 * node-link graph (indented, sorted keys) and jsonl (one compact line per document). */
#include <errno.h>
#include <string.h>

#include "formats.h"

/* A reader that went away (`whomet | head`) is not an error worth a message. */
static wm_status write_failed(wm_error *err)
{
    int e = errno;
    return wm_error_set(err, e == EPIPE ? WM_ERR_CLOSED : WM_ERR_IO, "output", 0, 0, "write failed: %s",
                        strerror(e));
}

static wm_status check_stream(FILE *out, wm_error *err)
{
    if (ferror(out))
        return write_failed(err);
    return WM_OK;
}

static wm_status write_node_link(json_t *graph, FILE *out, wm_error *err)
{
    if (json_dumpf(graph, out, JSON_INDENT(1) | JSON_SORT_KEYS) != 0)
        return write_failed(err);
    fputc('\n', out);
    return check_stream(out, err);
}

static wm_status write_jsonl(json_t *annotations, FILE *out, wm_error *err)
{
    if (json_dumpf(annotations, out, JSON_COMPACT | JSON_SORT_KEYS) != 0)
        return write_failed(err);
    fputc('\n', out);
    return check_stream(out, err);
}

static const wm_format formats[] = {
    {"graph", "node-link JSON for networkx and D3 (default)", write_node_link, NULL},
    {"jsonl", "one JSON object per document: entities and relations with offsets", NULL, write_jsonl},
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
