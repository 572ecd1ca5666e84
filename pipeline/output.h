/* output.h - the output stream: standard output, or a file written under a temporary name and
 * renamed into place only when complete, so an interrupted run never leaves a truncated file.
 * The wm_output owns its FILE and temporary path. */
#ifndef WM_OUTPUT_H
#define WM_OUTPUT_H

#include <stdio.h>

#include "error.h"

typedef struct {
    FILE *stream;
    char *path;      /* final path, NULL for standard output */
    char *tmp_path;
} wm_output;

wm_status wm_output_open(wm_output *out, const char *path, wm_error *err);
/* Flushes; for a file, renames the temporary into place. */
wm_status wm_output_commit(wm_output *out, wm_error *err);
/* Drops a file output's temporary (after a failure). */
void wm_output_abandon(wm_output *out);

#endif
