/* graphview.h - what the graph writers (out_*.c) share: link ids and labels, attributes flattened
 * for formats that only hold scalars, declared attribute sets, colours, and XML/DOT escaping.
 * Functions borrow the graph; a returned json_t is a new reference, a returned char * is the caller's. */
#ifndef WM_GRAPHVIEW_H
#define WM_GRAPHVIEW_H

#include <jansson.h>
#include <stdio.h>

#include "vec.h"

/* "<source>--<relation>--<target>--<key>": unique within a result graph (wm_graph_result gives
 * each link a key per node pair) and the same in every format. */
char *wm_link_id(json_t *link);

/* What a drawing shows on a link: its title (holds_role), else its relation, then its date. */
char *wm_link_label(json_t *link);

/* Node labels in multi-label graph stores: the kind with an upper-case initial ("Person");
 * kind may be NULL, as may relation and kind below. */
char *wm_kind_label(const char *kind);

/* Relationship types in graph stores: the relation in upper case ("HOLDS_ROLE"). */
char *wm_relation_type(const char *relation);

/* A fill colour per node kind ("#4e79a7"); the html page uses the same palette. */
const char *wm_kind_color(const char *kind);

enum {
    WM_FLAT_LISTS = 1u << 0,  /* keep arrays of strings as arrays (Cytoscape, Neo4j) */
    WM_FLAT_NESTED = 1u << 1, /* keep other arrays and objects as JSON text; without it, only counts */
};

/* The attributes of a node or link for a format with scalar attributes: scalars as they are,
 * nulls dropped, arrays and objects as `flags` say, and for every array its length as
 * "<key>_count" (evidence_count, mentions_count, ...). Keys in `skip` (NULL-terminated, may be
 * NULL) are left out. Keys follow the item's keys in sorted order, each count right after its array. */
json_t *wm_flat_attrs(json_t *item, unsigned flags, const char *const *skip);

typedef enum { WM_ATTR_BOOLEAN, WM_ATTR_LONG, WM_ATTR_DOUBLE, WM_ATTR_STRING } wm_attr_type;

typedef struct {
    const char *name; /* borrowed from the flat objects it was collected from */
    wm_attr_type type;
} wm_attr;

typedef WM_VEC(wm_attr) wm_attr_set;

/* Adds the attributes of a flat object to set: kept sorted by name, each with the narrowest type
 * that holds every value seen (mixed values become strings). */
void wm_attr_set_add(wm_attr_set *set, json_t *flat);
/* Index of name in set, or -1. */
long wm_attr_set_find(const wm_attr_set *set, const char *name);
/* "boolean", "long", "double", "string": the type names GraphML and GEXF share. */
const char *wm_attr_type_name(wm_attr_type type);

/* A scalar as text: the string itself, "42", "0.5", "true". Caller frees. */
char *wm_scalar_text(json_t *value);

/* Writes s escaped for XML: markup characters as entities, characters XML 1.0 forbids as
 * U+FFFD, and inside attribute values tab, line feed and carriage return as references. */
void wm_xml_escape(FILE *out, const char *s, int in_attribute);

/* Writes s as a DOT quoted string: quotes and backslashes escaped, line breaks as \n, other
 * control characters as spaces. */
void wm_dot_quote(FILE *out, const char *s);

/* Writes a JSON value (compact, sorted keys) with U+2028 and U+2029 as \u escapes, so that no
 * reader splits it as a line, and with each ASCII character of `escape` as a \u escape too:
 * "<>&" for HTML, where then no text inside can close a <script> element or start markup.
 * Returns 0 on success, -1 when the value cannot be encoded. */
int wm_json_write_escaped(FILE *out, json_t *value, const char *escape);

#endif
