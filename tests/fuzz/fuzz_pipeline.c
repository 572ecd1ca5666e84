/* fuzz_pipeline.c - libFuzzer target: the whole pipeline on arbitrary bytes with the
 * repository's knowledge base, then both exports, the graph merge and every writer. Checks
 * the provenance promise of the output contract: every exported `text` is exactly the
 * original's code points [start, end). An input that starts with '{' is also read as a
 * --input jsonl line, and the document it holds goes through the same. */
#include <string.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "export.h"
#include "formats.h"
#include "fuzz.h"
#include "graph.h"
#include "pipeline.h"
#include "source.h"

static wm_kb *kb;
static wm_worker *worker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    kb = fuzz_load_kb();
    wm_pipeline_options options = {.match_limit = 100000, .depth_limit = 1000};
    worker = wm_worker_new(kb, &options);
    FUZZ_CHECK(worker != NULL);
    return 0;
}

/* The original as code points, so offsets can be checked the way a Python reader slices. */
static UChar32 *code_points(const wm_doc *doc, int32_t *count)
{
    UChar32 *cps = wm_xmalloc(((size_t)doc->orig_len + 1) * sizeof *cps);
    int32_t n = 0;
    for (int32_t i = 0; i < doc->orig_len;) {
        UChar32 c;
        U16_NEXT(doc->orig, i, doc->orig_len, c);
        cps[n++] = c;
    }
    *count = n;
    return cps;
}

static void check_slice(const UChar32 *cps, int32_t count, json_t *item)
{
    json_t *start = json_object_get(item, "start"), *end = json_object_get(item, "end");
    const char *text = json_string_value(json_object_get(item, "text"));
    if (!start && !end && !text)
        return;
    FUZZ_CHECK(json_is_integer(start) && json_is_integer(end));
    json_int_t s = json_integer_value(start), e = json_integer_value(end);
    FUZZ_CHECK(0 <= s && s <= e && e <= count);
    if (!text)
        return; /* a node's role carries offsets and its title, not the slice */
    /* text is UTF-8; compare it code point by code point with the slice */
    const unsigned char *p = (const unsigned char *)text;
    for (json_int_t k = s; k < e; k++) {
        UChar32 c;
        if (*p < 0x80) {
            c = *p++;
        } else if (*p < 0xE0) {
            c = (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else if (*p < 0xF0) {
            c = (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        } else {
            c = (p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
            p += 4;
        }
        FUZZ_CHECK(c == cps[k]);
    }
    FUZZ_CHECK(*p == 0);
}

/* Every object with start/end/text anywhere in the JSON. */
static void check_offsets(const UChar32 *cps, int32_t count, json_t *j)
{
    if (json_is_object(j)) {
        check_slice(cps, count, j);
        const char *key;
        json_t *v;
        json_object_foreach(j, key, v) check_offsets(cps, count, v);
    } else if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) check_offsets(cps, count, v);
    }
}

/* Writes with every format; the two JSON formats of the contract must read back as JSON. */
static void write_to_memory(const wm_format *format, json_t *j, json_t *texts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    wm_error err;
    wm_status st = format->write_graph ? format->write_graph(j, format->wants_texts ? texts : NULL, f, &err)
                                       : format->write_document(j, f, &err);
    FUZZ_CHECK(st == WM_OK);
    fclose(f);
    /* record-per-element formats (neo4j) write nothing for an empty graph */
    FUZZ_CHECK(len > 0 || (json_array_size(json_object_get(j, "nodes")) == 0 && json_array_size(json_object_get(j, "links")) == 0));
    if (strcmp(format->name, "graph") == 0 || strcmp(format->name, "jsonl") == 0) {
        json_error_t jerr;
        json_t *back = json_loadb(buf, len, 0, &jerr);
        FUZZ_CHECK(back != NULL);
        json_decref(back);
    }
    free(buf);
}

static void run_document(const uint8_t *data, size_t size)
{
    wm_doc *doc = wm_doc_new("fuzz", "fuzz.txt");
    wm_error err;
    wm_error_clear(&err);
    wm_status st = wm_pipeline_run(worker, doc, data, size, &err);
    if (st != WM_OK) {
        FUZZ_CHECK(err.message[0]);
        wm_doc_free(doc);
        return;
    }
    for (size_t i = 0; i < doc->warnings.len; i++)
        FUZZ_CHECK(doc->warnings.items[i].status == WM_ERR_LIMIT);
    int32_t count;
    UChar32 *cps = code_points(doc, &count);

    /* the last byte picks the optional parts of the output, so each gets fuzzed */
    unsigned variant = size ? data[size - 1] : 0;
    unsigned flags = (variant & 1 ? WM_EXPORT_SEGMENTS | WM_EXPORT_EXPLAIN : 0) |
                     (variant & 2 ? WM_EXPORT_MEETING_NODES : 0);
    json_t *ann = wm_export_annotations(doc, flags);
    check_offsets(cps, count, ann);
    for (size_t i = 0; i < wm_format_count(); i++)
        if (wm_format_at(i)->write_document)
            write_to_memory(wm_format_at(i), ann, NULL);
    json_decref(ann);
    json_t *texts = json_array();
    json_array_append_new(texts, wm_export_annotations(doc, flags | WM_EXPORT_TEXT));

    json_t *g = wm_export_graph(doc, flags);
    check_offsets(cps, count, g);
    wm_graph *graph = wm_graph_new();
    FUZZ_CHECK(wm_graph_merge(graph, g, doc->id, &err) == WM_OK);
    FUZZ_CHECK(wm_graph_merge(graph, g, doc->id, &err) == WM_OK); /* merging is idempotent */
    json_t *result = wm_graph_result(graph, "fuzz");
    FUZZ_CHECK(json_array_size(json_object_get(result, "nodes")) == json_array_size(json_object_get(g, "nodes")));
    if (flags & WM_EXPORT_MEETING_NODES)
        wm_graph_meeting_nodes(result);
    for (size_t i = 0; i < wm_format_count(); i++)
        if (wm_format_at(i)->write_graph)
            write_to_memory(wm_format_at(i), result, texts);
    json_decref(result);
    json_decref(texts);
    wm_graph_free(graph);
    json_decref(g);
    free(cps);
    wm_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run_document(data, size);
    if (size && data[0] == '{') {
        wm_input in = {.id = wm_xstrdup("stdin-1"), .source = wm_xstrdup("-:1"), .jsonl = 1, .len = size};
        in.bytes = wm_xmalloc(size);
        memcpy(in.bytes, data, size);
        wm_error err;
        if (wm_input_parse_jsonl(&in, &err) == WM_OK) {
            FUZZ_CHECK(in.id && in.id[0] && in.len <= size);
            run_document(in.bytes, in.len);
        } else {
            FUZZ_CHECK(err.status == WM_ERR_INPUT && err.message[0]);
        }
        wm_input_clear(&in);
    }
    return 0;
}
