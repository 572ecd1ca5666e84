/* jsonout.h - writing JSON fast: the same bytes jansson's json_dumpf writes for the flags the
 * output formats use (JSON_INDENT(n) or JSON_COMPACT, with or without JSON_SORT_KEYS), at a
 * fraction of the cost. Borrows the value; owns nothing. */
#ifndef WM_JSONOUT_H
#define WM_JSONOUT_H

#include <jansson.h>
#include <stdio.h>

/* Like json_dumpf(json, out, flags): 0 on success, -1 when writing failed (errno says why).
 * Flags beyond indentation, JSON_COMPACT, JSON_SORT_KEYS and JSON_ENCODE_ANY go to jansson. */
int wm_json_dumpf(json_t *json, FILE *out, size_t flags);

#endif
