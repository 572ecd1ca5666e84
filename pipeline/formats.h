/* formats.h - the output formats selectable with --format. Graph formats receive the merged
 * graph (borrowed); per-document formats receive each document's annotation object (borrowed).
 * Writers never close the stream. */
#ifndef WM_FORMATS_H
#define WM_FORMATS_H

#include <jansson.h>
#include <stdio.h>

#include "error.h"

typedef struct {
    const char *name;
    const char *summary;
    /* exactly one of these is set */
    wm_status (*write_graph)(json_t *graph, FILE *out, wm_error *err);
    wm_status (*write_document)(json_t *annotations, FILE *out, wm_error *err);
} wm_format;

/* The format called `name`, or NULL. */
const wm_format *wm_format_find(const char *name);
size_t wm_format_count(void);
const wm_format *wm_format_at(size_t index);

#endif
