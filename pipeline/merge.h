/* merge.h - `whomet merge`: reads node-link graphs written by earlier runs and writes their
 * union in the chosen graph format, as one run over all their inputs would have written it.
 * Borrows everything it is given. */
#ifndef WM_MERGE_H
#define WM_MERGE_H

#include <stdio.h>

#include "batch.h"

/* Merges the graphs in paths[0..count) ("-" = standard input) and writes o->format (a graph
 * format) to out. An unreadable or malformed graph is reported through o->report, counted in
 * stats->skipped and left out; so is a document id that two inputs give different sources (a
 * warning). Returns an error only when output fails. */
wm_status wm_merge_files(const wm_batch_options *o, char *const *paths, size_t count, FILE *out,
                         wm_batch_stats *stats, wm_error *err);

#endif
