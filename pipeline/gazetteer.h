/* gazetteer.h - typed phrase lists loaded from the gazetteers/ directory into a folded-token phrase index.
 * The gazetteer owns its entries and strings; after wm_gazetteer_freeze it is immutable and
 * may be read from any number of threads. */
#ifndef WM_GAZETTEER_H
#define WM_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "error.h"
#include "kinds.h"

typedef struct {
    const char *surface;   /* UTF-8, as written in the file */
    const char *canonical; /* UTF-8 base form; equals surface when the file gives none */
    const char *attrs;     /* raw "key=value;key=value", "" when none */
    const char *cls;       /* value of class=, or NULL */
    const char *abbr;      /* value of abbr=, or NULL */
    const char *file;      /* path it was loaded from */
    int32_t line;
    int32_t token_count;
    wm_list list;
    char gender;           /* 'm', 'f', 'u' or 0 */
} wm_gaz_entry;

typedef struct wm_gazetteer wm_gazetteer;

/* Result of a phrase lookup: the entries whose folded phrase equals the key, and whether
 * some longer phrase starts with the key followed by a token boundary. */
typedef struct {
    const int32_t *entries;
    int32_t count;
    int is_prefix;
} wm_gaz_lookup;

wm_gazetteer *wm_gazetteer_new(void);
void wm_gazetteer_free(wm_gazetteer *gaz);

/* Loads one TSV file into `list`. Errors name file:line:column. */
wm_status wm_gazetteer_load_file(wm_gazetteer *gaz, const char *path, wm_list list, wm_error *err);

/* Loads entries from a string (the same format as a file; `name` is used in errors). */
wm_status wm_gazetteer_load_text(wm_gazetteer *gaz, const char *name, const char *text, size_t len,
                                 wm_list list, wm_error *err);

/* Builds the phrase index; no loading after this. */
void wm_gazetteer_freeze(wm_gazetteer *gaz);

size_t wm_gazetteer_size(const wm_gazetteer *gaz);
const wm_gaz_entry *wm_gazetteer_entry(const wm_gazetteer *gaz, int32_t index);

/* Looks up a folded phrase (tokens folded with wm_fold and joined by one U+0020).
 * Returns 0 when the key is neither a phrase nor a phrase prefix. */
int wm_gazetteer_find(const wm_gazetteer *gaz, const UChar *key, int32_t len, wm_gaz_lookup *out);

/* The same lookup with the key's hash computed incrementally: start from WM_GAZ_HASH_INIT and
 * feed every unit of the key (in pieces, in order) to wm_gazetteer_hash_more. */
typedef uint64_t wm_gaz_hash;
#define WM_GAZ_HASH_INIT ((wm_gaz_hash)0x243F6A8885A308D3ULL)
wm_gaz_hash wm_gazetteer_hash_more(wm_gaz_hash hash, const UChar *units, int32_t n);
int wm_gazetteer_find_hashed(const wm_gazetteer *gaz, const UChar *key, int32_t len, wm_gaz_hash hash,
                             wm_gaz_lookup *out);

/* First entry of `list` among a lookup's entries, or -1. */
int32_t wm_gaz_lookup_in_list(const wm_gazetteer *gaz, const wm_gaz_lookup *found, wm_list list);

/* Folds a UTF-8 phrase into the key form; returns the key length, or -1 if it does not fit. */
int32_t wm_gazetteer_key(const char *utf8, size_t len, UChar *out, int32_t cap);

/* Copies the value of attribute `key` into buf; returns 0 when the entry has no such key. */
int wm_gaz_entry_attr(const wm_gaz_entry *entry, const char *key, char *buf, size_t size);

#endif
