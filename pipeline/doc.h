/* doc.h - the document model that every stage reads and extends.
 * A wm_doc owns all its arrays and its arena; stages append to them and never free them.
 *
 * Text lives in two buffers: `orig` (the decoded original, UTF-16) and `text` (normalized,
 * UTF-16). Every span between stages is a half-open range of UTF-16 units in `text`;
 * `src_start`/`src_end` map each unit of `text` back to `orig`, and only the output stage
 * turns spans into strings and into code point offsets of the original. */
#ifndef WM_DOC_H
#define WM_DOC_H

#include <stdint.h>
#include <unicode/utypes.h>

#include "arena.h"
#include "error.h"
#include "kinds.h"
#include "vec.h"

typedef struct {
    int32_t start, end;
} wm_span;

typedef struct {
    wm_span span;
    wm_segment_kind kind;
    int32_t first_token, token_count;
    int32_t block; /* paragraph: segments between blank lines share a block */
} wm_segment;

enum {
    WM_TOK_ALPHA = 1u << 0,        /* starts with a letter */
    WM_TOK_DIGIT = 1u << 1,        /* all digits */
    WM_TOK_PUNCT = 1u << 2,        /* a single punctuation or symbol character */
    WM_TOK_UPPER = 1u << 3,        /* first character is upper case */
    WM_TOK_ALL_CAPS = 1u << 4,     /* two or more letters, all upper case */
    WM_TOK_SPACE_BEFORE = 1u << 5, /* white space (or start of text) before the token */
    WM_TOK_LINE_START = 1u << 6,   /* first token on its line */
    WM_TOK_SEGMENT_START = 1u << 7,
    WM_TOK_HAS_LOWER = 1u << 8     /* contains a lower-case letter */
};

typedef struct {
    wm_span span;
    uint32_t flags;
    int32_t segment;
    int32_t fold_start, fold_len; /* the case- and diacritic-folded form, in doc->folded */
} wm_token;

/* A phrase found in a gazetteer list; entry indexes the knowledge base's entries. */
typedef struct {
    wm_span span;
    int32_t first_token, token_count;
    wm_list list;
    int32_t entry;
} wm_gaz_hit;

enum {
    WM_MENTION_DROPPED = 1u << 0,      /* superseded by an overlapping, better mention */
    WM_MENTION_SURNAME_ONLY = 1u << 1, /* a person mention without given name */
    WM_MENTION_ABBREVIATION = 1u << 2, /* an organization written as its abbreviation */
    WM_MENTION_CREDIT = 1u << 3,       /* a person named in a photo credit */
    WM_MENTION_ANAPHOR = 1u << 4,      /* a bare head ("die Botschaft") naming an entity found elsewhere */
    WM_MENTION_FEMALE = 1u << 5,       /* gender evidence from a title, form of address or given name */
    WM_MENTION_MALE = 1u << 6
};

typedef struct {
    wm_span span;
    wm_entity_kind kind;
    const char *rule;  /* id of the rule or list that found it; lives as long as the kb */
    int32_t entry;     /* gazetteer entry behind it, or -1 */
    int32_t entity;    /* index into doc->entities once resolved, else -1 */
    int32_t segment;
    uint32_t flags;
    const char *base;  /* nominative or canonical form when it differs from the text, else NULL */
} wm_mention;

typedef struct {
    wm_entity_kind kind;
    int32_t label_mention; /* the mention whose text is the fullest name */
    const char *label;     /* base form when it differs from that mention's text, else NULL */
    const char *key;       /* stable id without kind prefix, e.g. "anette-kramme" */
    char gender;           /* 'm', 'f' or 0 */
} wm_entity;

typedef struct {
    wm_span span;
    const char *rule;
    char value[48];        /* ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, a/b intervals); "" = not placeable */
    wm_date_anchor anchor;
    wm_date_kind kind;
    int32_t segment;
} wm_date;

typedef struct {
    int32_t person;        /* entity */
    int32_t org;           /* entity, or -1 when the text names no organization */
    wm_span title;
    wm_span evidence;
    const char *rule;
    int32_t since;         /* index into doc->dates, or -1 */
} wm_role;

/* One passage that reports an encounter (or a planned one, a call, a letter). Relations with
 * the same `event` number report one encounter; its participants are the union of theirs. */
typedef struct {
    wm_relation_kind kind;
    int32_t *participants;       /* entity indices, in doc->arena */
    wm_span *participant_spans;  /* parallel: the words naming each one (a mention, or "seine Amtskollegin") */
    int32_t participant_count;
    wm_span evidence;
    wm_span trigger;
    wm_span particle;            /* the separated part of a trigger ("kam ... zusammen"), or empty */
    wm_span cue;                 /* the modality cue that decided `kind` ("abgesagt", "soll"), or empty */
    const char *cue_rule;
    const char *rule;
    int32_t date;          /* index into doc->dates, or -1 */
    int32_t place;         /* location entity, or -1 */
    int32_t segment;
    int32_t event;         /* encounter number, shared by the passages of one encounter */
} wm_relation;

typedef struct wm_doc {
    char *id;              /* document id: file base name without its last extension */
    char *source;          /* path as given, "-" for standard input */
    const char *encoding;  /* detected input encoding (static string) */

    UChar *orig;           /* decoded original */
    int32_t orig_len;
    WM_VEC(int32_t) supplementary; /* orig offsets of surrogate pairs, ascending */

    UChar *text;           /* normalized */
    int32_t len;
    int32_t *src_start;    /* text unit i comes from orig[src_start[i] .. src_end[i]) */
    int32_t *src_end;

    UChar *folded;         /* folded token forms, see wm_token */
    int32_t folded_len;

    WM_VEC(wm_segment) segments;
    WM_VEC(wm_token) tokens;
    WM_VEC(wm_gaz_hit) gaz_hits;
    WM_VEC(wm_mention) mentions;
    WM_VEC(wm_entity) entities;
    WM_VEC(wm_date) dates;
    WM_VEC(wm_role) roles;
    WM_VEC(wm_relation) relations;

    char reference_date[16];        /* YYYY-MM-DD, YYYY-MM or YYYY the document is anchored to */
    wm_date_anchor reference_anchor;
    int32_t reference_index;        /* index into dates of the dateline or "Stand:" date, or -1 */
    int32_t dateline_place;         /* location entity of the dateline, or -1 */

    WM_VEC(wm_error) warnings;      /* problems that did not stop the document, e.g. a rule limit */
    wm_arena arena;                 /* strings and arrays derived during the run */
} wm_doc;

/* Creates an empty document; id and source are copied. */
wm_doc *wm_doc_new(const char *id, const char *source);
void wm_doc_free(wm_doc *doc);

/* Maps a span of `text` to code point offsets of the original. */
void wm_doc_original_offsets(const wm_doc *doc, wm_span span, int32_t *start_cp, int32_t *end_cp);

/* The original UTF-16 range behind a span of `text`. */
wm_span wm_doc_original_units(const wm_doc *doc, wm_span span);

/* Index of the token that contains text offset `pos`, or -1. */
int32_t wm_doc_token_at(const wm_doc *doc, int32_t pos);

/* Adds a mention and returns its index. */
int32_t wm_doc_add_mention(wm_doc *doc, wm_span span, wm_entity_kind kind, const char *rule,
                           int32_t entry, uint32_t flags);

/* Document id from a path: base name without its last extension. Caller frees. */
char *wm_doc_id_from_path(const char *path);

#endif
