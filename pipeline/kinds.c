/* kinds.c - name tables generated from the X-macros in kinds.h.
 * Owns nothing but static strings. */
#include <string.h>

#include "kinds.h"

static const char *const entity_names[] = {
#define WM_X(e, json, prefix) json,
    WM_ENTITY_KINDS(WM_X)
#undef WM_X
};
static const char *const entity_prefixes[] = {
#define WM_X(e, json, prefix) prefix,
    WM_ENTITY_KINDS(WM_X)
#undef WM_X
};
static const char *const segment_names[] = {
#define WM_X(e, json) json,
    WM_SEGMENT_KINDS(WM_X)
#undef WM_X
};
static const char *const list_names[] = {
#define WM_X(e, stem) stem,
    WM_GAZETTEER_LISTS(WM_X)
#undef WM_X
};
static const char *const rule_file_names[] = {
#define WM_X(e, stem) stem,
    WM_RULE_FILES(WM_X)
#undef WM_X
};
static const char *const relation_names[] = {
#define WM_X(e, json) json,
    WM_RELATIONS(WM_X)
#undef WM_X
};
static const char *const anchor_names[] = {
#define WM_X(e, json) json,
    WM_DATE_ANCHORS(WM_X)
#undef WM_X
};

static const char *const date_kind_names[] = {
#define WM_X(e, json) json,
    WM_DATE_KINDS(WM_X)
#undef WM_X
};

const char *wm_entity_kind_name(wm_entity_kind kind) { return entity_names[kind]; }
const char *wm_entity_id_prefix(wm_entity_kind kind) { return entity_prefixes[kind]; }
const char *wm_segment_kind_name(wm_segment_kind kind) { return segment_names[kind]; }
const char *wm_list_name(wm_list list) { return list_names[list]; }
const char *wm_rule_file_name(wm_rule_file file) { return rule_file_names[file]; }
const char *wm_relation_name(wm_relation_kind rel) { return relation_names[rel]; }
const char *wm_date_anchor_name(wm_date_anchor anchor) { return anchor_names[anchor]; }
const char *wm_date_kind_name(wm_date_kind kind) { return date_kind_names[kind]; }

int wm_list_from_name(const char *name, size_t len)
{
    for (int i = 0; i < WM_LIST_COUNT; i++)
        if (strlen(list_names[i]) == len && memcmp(list_names[i], name, len) == 0)
            return i;
    return -1;
}

int wm_entity_kind_from_name(const char *name)
{
    for (int i = 0; i < WM_ENTITY_KIND_COUNT; i++)
        if (strcmp(entity_names[i], name) == 0)
            return i;
    return -1;
}

int wm_relation_from_name(const char *name)
{
    for (int i = 0; i < WM_RELATION_COUNT; i++)
        if (strcmp(relation_names[i], name) == 0)
            return i;
    return -1;
}
