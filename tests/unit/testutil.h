/* testutil.h - shared helpers for the cmocka unit tests: the kb of this source tree (loaded
 * once, freed at exit) and a run of the whole pipeline over a string. Tests own the docs. */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kb.h"
#include "pipeline.h"

static wm_kb *test_kb_instance;

static inline void test_kb_free(void) { wm_kb_free(test_kb_instance); }

/* The kb of $WHOMET_DATA, else of the working directory (tests run from the repository root). */
static inline const wm_kb *test_kb(void)
{
    if (!test_kb_instance) {
        const char *dir = getenv("WHOMET_DATA") ? getenv("WHOMET_DATA") : ".";
        wm_error err;
        if (wm_kb_load(dir, &test_kb_instance, &err) != WM_OK) {
            fprintf(stderr, "%s:%ld:%ld: %s\n", err.file, err.line, err.column, err.message);
            exit(2);
        }
        atexit(test_kb_free);
    }
    return test_kb_instance;
}

/* Runs every stage over `text` (dct may be NULL); exits on a pipeline error. */
static inline wm_doc *test_run(const char *text, const char *dct)
{
    wm_pipeline_options o = {.dct = dct, .match_limit = 1000000, .depth_limit = 10000};
    wm_worker *w = wm_worker_new(test_kb(), &o);
    wm_doc *doc = wm_doc_new("test", "test.txt");
    wm_error err;
    if (wm_pipeline_run(w, doc, (const unsigned char *)text, strlen(text), &err) != WM_OK) {
        fprintf(stderr, "pipeline: %s\n", err.message);
        exit(2);
    }
    wm_worker_free(w);
    return doc;
}

#endif
