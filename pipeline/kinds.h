/* kinds.h - every enumerated type of whomet, declared once as X-macros.
 * Owns the mapping enum <-> JSON name <-> data file name; all other files include this. */
#ifndef WM_KINDS_H
#define WM_KINDS_H

/* Entity kinds: X(ENUM, json name, node id prefix). */
#define WM_ENTITY_KINDS(X)                        \
    X(PERSON, "person", "person")                 \
    X(ORGANIZATION, "organization", "org")        \
    X(LOCATION, "location", "location")           \
    X(ROLE, "role", "role")                       \
    X(DATE, "date", "date")

typedef enum {
#define WM_X(e, json, prefix) WM_ENTITY_##e,
    WM_ENTITY_KINDS(WM_X)
#undef WM_X
    WM_ENTITY_KIND_COUNT
} wm_entity_kind;

/* Segment kinds: X(ENUM, json name). */
#define WM_SEGMENT_KINDS(X)      \
    X(SENTENCE, "sentence")      \
    X(HEADING, "heading")        \
    X(LIST_ITEM, "list_item")    \
    X(CAPTION, "caption")        \
    X(CREDIT, "credit")

typedef enum {
#define WM_X(e, json) WM_SEGMENT_##e,
    WM_SEGMENT_KINDS(WM_X)
#undef WM_X
    WM_SEGMENT_KIND_COUNT
} wm_segment_kind;

/* Gazetteer lists: X(ENUM, file name stem under gazetteers/). */
#define WM_GAZETTEER_LISTS(X)                       \
    X(GIVEN_NAMES, "given_names")                   \
    X(SURNAMES, "surnames")                         \
    X(NAME_PARTICLES, "name_particles")             \
    X(HONORIFICS, "honorifics")                     \
    X(ACADEMIC_TITLES, "academic_titles")           \
    X(ROLES, "roles")                               \
    X(ORGANIZATIONS, "organizations")               \
    X(ORG_HEADS, "org_heads")                       \
    X(ORG_SUFFIXES, "org_suffixes")                 \
    X(LOCATIONS, "locations")                       \
    X(LOCATION_ADJECTIVES, "location_adjectives")   \
    X(STREET_SUFFIXES, "street_suffixes")           \
    X(ABBREVIATIONS, "abbreviations")               \
    X(NON_NAMES, "non_names")                       \
    X(MONTHS, "months")                             \
    X(WEEKDAYS, "weekdays")                         \
    X(NUMBER_WORDS, "number_words")

typedef enum {
#define WM_X(e, stem) WM_LIST_##e,
    WM_GAZETTEER_LISTS(WM_X)
#undef WM_X
    WM_LIST_COUNT
} wm_list;

/* Rule files: X(ENUM, file name stem under rules/). */
#define WM_RULE_FILES(X)                 \
    X(PERSONS, "persons")                \
    X(ORGANIZATIONS, "organizations")    \
    X(ROLES, "roles")                    \
    X(DATES, "dates")                    \
    X(MEETINGS, "meetings")

typedef enum {
#define WM_X(e, stem) WM_RULES_##e,
    WM_RULE_FILES(WM_X)
#undef WM_X
    WM_RULE_FILE_COUNT
} wm_rule_file;

/* Relations between entities: X(ENUM, json name). */
#define WM_RELATIONS(X)                  \
    X(MET, "met")                        \
    X(HOLDS_ROLE, "holds_role")          \
    X(PLANNED_MEETING, "planned_meeting") \
    X(CANCELLED_MEETING, "cancelled_meeting") \
    X(CONTACTED, "contacted")            \
    X(PARTICIPATED_IN, "participated_in")

typedef enum {
#define WM_X(e, json) WM_REL_##e,
    WM_RELATIONS(WM_X)
#undef WM_X
    WM_RELATION_COUNT
} wm_relation_kind;

/* How a date value was anchored: X(ENUM, json name). */
#define WM_DATE_ANCHORS(X)               \
    X(EXPLICIT, "explicit")              \
    X(DCT, "dct")                        \
    X(DATELINE, "dateline")              \
    X(STAND_LINE, "stand")               \
    X(PREVIOUS_DATE, "previous_date")   \
    X(DOMINANT_YEAR, "dominant_year")

typedef enum {
#define WM_X(e, json) WM_ANCHOR_##e,
    WM_DATE_ANCHORS(WM_X)
#undef WM_X
    WM_ANCHOR_COUNT
} wm_date_anchor;

/* What a date expression denotes: X(ENUM, json name). A range has both ends in the text
 * ("vom 27. bis 31. August 2018"); since/until are open intervals valued by their one end
 * ("seit Januar 2013", "bis Ende 2024"); a decade is "Mitte der 1990er Jahre". */
#define WM_DATE_KINDS(X)                 \
    X(DATE, "date")                      \
    X(RANGE, "range")                    \
    X(SINCE, "since")                    \
    X(UNTIL, "until")                    \
    X(DECADE, "decade")

typedef enum {
#define WM_X(e, json) WM_DATEKIND_##e,
    WM_DATE_KINDS(WM_X)
#undef WM_X
    WM_DATE_KIND_COUNT
} wm_date_kind;

const char *wm_entity_kind_name(wm_entity_kind kind);
const char *wm_entity_id_prefix(wm_entity_kind kind);
const char *wm_segment_kind_name(wm_segment_kind kind);
const char *wm_list_name(wm_list list);
const char *wm_rule_file_name(wm_rule_file file);
const char *wm_relation_name(wm_relation_kind rel);
const char *wm_date_anchor_name(wm_date_anchor anchor);
const char *wm_date_kind_name(wm_date_kind kind);

/* Lookups by name return -1 when the name is unknown. */
int wm_list_from_name(const char *name, size_t len);
int wm_entity_kind_from_name(const char *name);
int wm_relation_from_name(const char *name);

#endif
