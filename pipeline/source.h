/* source.h - where documents come from: file operands (one document each), a list of paths
 * read from a file (--files-from), or streams of many documents (--input jsonl|ff). The source
 * owns its streams and buffers; every wm_input it hands out belongs to the caller. */
#ifndef WM_SOURCE_H
#define WM_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

typedef enum {
    WM_INPUT_FILES, /* every path is one document */
    WM_INPUT_JSONL, /* every path is a stream of lines {"id": ..., "text": ...} */
    WM_INPUT_FF     /* every path is a stream of documents separated by form feeds (0x0C) */
} wm_input_mode;

/* The mode called `name` ("files", "jsonl", "ff"), or -1. */
int wm_input_mode_from_name(const char *name);

/* One document to process. Exactly one of: failed (err says why, nothing to process), path
 * (a file the worker reads), or bytes (read from a stream; for jsonl the raw JSON line). */
typedef struct {
    char *id;      /* document id; for jsonl the fallback used when the line has no "id" */
    char *source;  /* path, or "path:line" for a document read from a stream */
    char *path;
    unsigned char *bytes;
    size_t len;
    int jsonl;     /* bytes hold a JSON line still to be parsed */
    int failed;
    wm_error err;
} wm_input;

void wm_input_clear(wm_input *in);

typedef struct wm_source wm_source;

/* Operands are taken first, then the lines of `files_from` ("-" = standard input; NULL for
 * none). Fails only when the list cannot be opened. */
wm_status wm_source_open(wm_input_mode mode, char *const *operands, size_t count, const char *files_from,
                         size_t max_doc_bytes, wm_source **out, wm_error *err);
void wm_source_free(wm_source *src);

/* Fills *in with the next document and returns 1, or returns 0 at the end. A document that
 * is too large or a stream that cannot be read comes back failed; the source goes on. */
int wm_source_next(wm_source *src, wm_input *in);

/* What is known up front, for progress: the number of documents (file operands without a
 * list) and the total bytes (streams that are regular files); 0 when unknown. */
size_t wm_source_total_documents(const wm_source *src);
uint64_t wm_source_total_bytes(const wm_source *src);

/* Turns a jsonl input's JSON line into the document's bytes and id (in place). Thread-safe. */
wm_status wm_input_parse_jsonl(wm_input *in, wm_error *err);

#endif
