/* out_html.c - one self-contained, offline html page: the compiled-in template, style sheet and
 * script (html_assets.h) around the graph and the documents, embedded as escaped JSON. */
#include <string.h>

#include "formats.h"
#include "graphview.h"
#include "html_assets.h"

static void write_payload(FILE *out, json_t *graph, json_t *documents, int *failed)
{
    json_t *payload = json_object();
    json_object_set(payload, "graph", graph);
    json_object_set(payload, "documents", documents ? documents : json_null());
    *failed |= wm_json_write_escaped(out, payload, "<>&") != 0;
    json_decref(payload);
}

/* Copies the template, replacing each @NAME@ marker by its content. */
wm_status wm_write_html(json_t *graph, json_t *documents, FILE *out, wm_error *err)
{
    const char *generator = json_string_value(json_object_get(json_object_get(graph, "graph"), "generator"));
    int failed = 0;
    for (const char *p = wm_html_page_html; *p;) {
        const char *at = strchr(p, '@');
        if (!at) {
            fputs(p, out);
            break;
        }
        fwrite(p, 1, (size_t)(at - p), out);
        const char *end = strchr(at + 1, '@');
        size_t n = end ? (size_t)(end - at - 1) : 0;
        if (end && n == 4 && !strncmp(at + 1, "DATA", n))
            write_payload(out, graph, documents, &failed);
        else if (end && n == 5 && !strncmp(at + 1, "STYLE", n))
            fputs(wm_html_page_css, out);
        else if (end && n == 6 && !strncmp(at + 1, "SCRIPT", n))
            fputs(wm_html_page_js, out);
        else if (end && n == 11 && !strncmp(at + 1, "SCRIPT_HASH", n))
            fputs(wm_html_script_hash, out);
        else if (end && n == 9 && !strncmp(at + 1, "GENERATOR", n))
            wm_xml_escape(out, generator ? generator : "whomet", 1);
        else {
            fputc('@', out);
            p = at + 1;
            continue;
        }
        p = end + 1;
    }
    if (failed)
        return wm_error_set(err, WM_ERR_IO, "output", 0, 0, "cannot encode the graph for the page");
    return wm_format_check_stream(out, err);
}
