/* gazetteer.c - parsing gazetteer files and the phrase index: a hash table from folded token
 * sequences to entries, which also marks every proper token prefix so a matcher can extend. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "arena.h"
#include "decode.h"
#include "gazetteer.h"
#include "tokenize.h"
#include "vec.h"

typedef struct {
    int32_t key_off, key_len;
    int32_t entry;
} key_ref;

typedef struct {
    int32_t key_off, key_len; /* key_len < 0: empty slot */
    int32_t first, count;     /* range in `postings` */
    uint32_t hash;            /* high half of the key's hash: most mismatches end here */
    int32_t is_prefix;
} slot;

struct wm_gazetteer {
    WM_VEC(wm_gaz_entry) entries;
    WM_VEC(UChar) keys;
    WM_VEC(key_ref) refs;
    WM_VEC(int32_t) postings;
    slot *slots;
    size_t slot_mask;
    int32_t max_key_len; /* no phrase or prefix is longer: longer keys need no hashing */
    wm_arena strings;
};

wm_gazetteer *wm_gazetteer_new(void) { return wm_xcalloc(1, sizeof(wm_gazetteer)); }

void wm_gazetteer_free(wm_gazetteer *gaz)
{
    if (!gaz)
        return;
    wm_vec_free(&gaz->entries);
    wm_vec_free(&gaz->keys);
    wm_vec_free(&gaz->refs);
    wm_vec_free(&gaz->postings);
    free(gaz->slots);
    wm_arena_free(&gaz->strings);
    free(gaz);
}

size_t wm_gazetteer_size(const wm_gazetteer *gaz) { return gaz->entries.len; }

const wm_gaz_entry *wm_gazetteer_entry(const wm_gazetteer *gaz, int32_t index)
{
    return &gaz->entries.items[index];
}

int32_t wm_gazetteer_key(const char *utf8, size_t len, UChar *out, int32_t cap)
{
    UChar stack[512];
    UChar *u16 = len < 256 ? stack : wm_xmalloc((len + 1) * sizeof(UChar));
    int32_t n = 0;
    int ascii = 1;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)utf8[i] < 0x80;
    UErrorCode status = U_ZERO_ERROR;
    if (ascii) {
        for (size_t i = 0; i < len; i++)
            u16[i] = (unsigned char)utf8[i];
        n = (int32_t)len;
    } else {
        u_strFromUTF8(u16, (int32_t)len + 1, &n, utf8, (int32_t)len, &status);
    }
    int32_t klen = U_SUCCESS(status) ? wm_fold_phrase(u16, n, out, cap) : -1;
    if (u16 != stack)
        free(u16);
    return klen;
}

/* A polynomial over the code units, so a matcher can extend a key token by token without
 * hashing it again (wm_gazetteer_hash_more); mixed once more before it picks a slot. */
wm_gaz_hash wm_gazetteer_hash_more(wm_gaz_hash h, const UChar *s, int32_t n)
{
    for (int32_t i = 0; i < n; i++)
        h = (h + s[i]) * 0x9E3779B97F4A7C15ULL;
    return h;
}

static uint64_t mix(wm_gaz_hash h)
{
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
}

static uint64_t hash_key(const UChar *s, int32_t n)
{
    return mix(wm_gazetteer_hash_more(WM_GAZ_HASH_INIT, s, n));
}

/* The values of class=, abbr= and gender= in "key=value;key=value", in one pass; the first
 * item with a key counts. */
static void read_attrs(wm_arena *arena, const char *attrs, size_t len, const char **cls, const char **abbr,
                       const char **gender)
{
    static const struct {
        const char *key;
        size_t len;
    } keys[] = {{"class", 5}, {"abbr", 4}, {"gender", 6}};
    const char **slots[] = {cls, abbr, gender};
    *cls = *abbr = *gender = NULL;
    size_t i = 0;
    while (i < len) {
        const char *item = attrs + i;
        const char *end = memchr(item, ';', len - i);
        size_t n = end ? (size_t)(end - item) : len - i;
        for (size_t k = 0; k < 3; k++)
            if (!*slots[k] && n > keys[k].len && memcmp(item, keys[k].key, keys[k].len) == 0 && item[keys[k].len] == '=')
                *slots[k] = wm_arena_strndup(arena, item + keys[k].len + 1, n - keys[k].len - 1);
        i += n + 1;
    }
}

int wm_gaz_entry_attr(const wm_gaz_entry *entry, const char *key, char *buf, size_t size)
{
    size_t klen = strlen(key);
    const char *p = entry->attrs;
    while (*p) {
        const char *end = strchr(p, ';');
        if (!end)
            end = p + strlen(p);
        if ((size_t)(end - p) > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            snprintf(buf, size, "%.*s", (int)((end - p) - klen - 1), p + klen + 1);
            return 1;
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

/* Checks "key=value;key=value"; returns the 0-based offset of the first bad item, or -1. */
static long bad_attribute(const char *attrs, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && attrs[j] != ';')
            j++;
        const char *eq = memchr(attrs + i, '=', j - i);
        if (!eq || eq == attrs + i || eq == attrs + j - 1)
            return (long)i;
        i = j + 1;
    }
    return -1;
}

static wm_status parse_line(wm_gazetteer *gaz, const char *name, long lineno, const char *line,
                            size_t len, wm_list list, wm_error *err)
{
    const char *field[4];
    size_t flen[4];
    int nfields = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || line[i] == '\t') {
            if (nfields == 3)
                return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)start + 1,
                                    "more than 3 tab-separated fields (surface, canonical, attributes)");
            field[nfields] = line + start;
            flen[nfields] = i - start;
            nfields++;
            start = i + 1;
        }
    }
    if (flen[0] == 0)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "empty surface");
    if (line[0] == ' ' || line[flen[0] - 1] == ' ')
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "surface has leading or trailing spaces");
    if (nfields == 3 && flen[2]) {
        long bad = bad_attribute(field[2], flen[2]);
        if (bad >= 0)
            return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)(field[2] - line) + bad + 1,
                                "attribute is not key=value");
    }
    UChar key[1024];
    int32_t klen = wm_gazetteer_key(field[0], flen[0], key, 1024);
    if (klen < 0)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "surface too long");
    if (klen == 0)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "surface has no word");

    wm_gaz_entry e = {0};
    e.surface = wm_arena_strndup(&gaz->strings, field[0], flen[0]);
    e.canonical = (nfields >= 2 && flen[1]) ? wm_arena_strndup(&gaz->strings, field[1], flen[1]) : e.surface;
    e.attrs = (nfields == 3) ? wm_arena_strndup(&gaz->strings, field[2], flen[2]) : "";
    const char *gender;
    read_attrs(&gaz->strings, e.attrs, nfields == 3 ? flen[2] : 0, &e.cls, &e.abbr, &gender);
    if (gender) {
        if (strcmp(gender, "m") && strcmp(gender, "f") && strcmp(gender, "u"))
            return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)(strstr(line, "gender=") - line) + 8,
                                "gender must be m, f or u, not '%s'", gender);
        e.gender = gender[0];
    }
    e.file = name;
    e.line = (int32_t)lineno;
    e.list = list;
    e.token_count = 1;
    for (int32_t i = 0; i < klen; i++)
        if (key[i] == ' ')
            e.token_count++;

    key_ref ref = {.key_off = (int32_t)gaz->keys.len, .key_len = klen, .entry = (int32_t)gaz->entries.len};
    wm_vec_reserve(&gaz->keys, gaz->keys.len + (size_t)klen);
    memcpy(gaz->keys.items + gaz->keys.len, key, (size_t)klen * sizeof(UChar));
    gaz->keys.len += (size_t)klen;
    wm_vec_push(&gaz->refs, ref);
    wm_vec_push(&gaz->entries, e);
    return WM_OK;
}

wm_status wm_gazetteer_load_text(wm_gazetteer *gaz, const char *name, const char *text, size_t len,
                                 wm_list list, wm_error *err)
{
    const char *stored_name = wm_arena_strndup(&gaz->strings, name, strlen(name));
    long lineno = 0;
    size_t pos = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        pos = 3;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t line_len = end - pos;
        lineno++;
        if (line_len && text[pos + line_len - 1] == '\r')
            line_len--;
        const char *line = text + pos;
        pos = end + 1;
        size_t bad = wm_utf8_invalid_offset((const unsigned char *)line, line_len);
        if (bad != line_len)
            return wm_error_set(err, WM_ERR_DATA, stored_name, lineno, (long)bad + 1, "invalid UTF-8");
        const char *nul = memchr(line, '\0', line_len);
        if (nul)
            return wm_error_set(err, WM_ERR_DATA, stored_name, lineno, (long)(nul - line) + 1, "NUL byte");
        if (line_len == 0 || line[0] == '#')
            continue;
        wm_status st = parse_line(gaz, stored_name, lineno, line, line_len, list, err);
        if (st != WM_OK)
            return st;
    }
    return WM_OK;
}

wm_status wm_gazetteer_load_file(wm_gazetteer *gaz, const char *path, wm_list list, wm_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return wm_error_set(err, WM_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    WM_VEC(char) buf = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        wm_vec_reserve(&buf, buf.len + n);
        memcpy(buf.items + buf.len, chunk, n);
        buf.len += n;
    }
    int failed = ferror(f);
    fclose(f);
    wm_status st = failed ? wm_error_set(err, WM_ERR_IO, path, 0, 0, "read error")
                          : wm_gazetteer_load_text(gaz, path, buf.items ? buf.items : "", buf.len, list, err);
    wm_vec_free(&buf);
    return st;
}

static const UChar *gaz_key(const wm_gazetteer *gaz, int32_t off) { return gaz->keys.items + off; }

static slot *find_slot_hashed(const wm_gazetteer *gaz, const UChar *key, int32_t len, uint64_t h)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t i = h & gaz->slot_mask;
    for (;;) {
        slot *s = &gaz->slots[i];
        if (s->key_len < 0)
            return s;
        if (s->hash == tag && s->key_len == len && memcmp(gaz_key(gaz, s->key_off), key, (size_t)len * sizeof *key) == 0)
            return s;
        i = (i + 1) & gaz->slot_mask;
    }
}

static slot *find_slot(const wm_gazetteer *gaz, const UChar *key, int32_t len)
{
    return find_slot_hashed(gaz, key, len, hash_key(key, len));
}

static slot *claim_slot(wm_gazetteer *gaz, int32_t key_off, int32_t key_len)
{
    slot *s = find_slot(gaz, gaz_key(gaz, key_off), key_len);
    if (s->key_len < 0) {
        s->key_off = key_off;
        s->key_len = key_len;
        s->hash = (uint32_t)(hash_key(gaz_key(gaz, key_off), key_len) >> 32);
        s->first = s->count = 0;
        s->is_prefix = 0;
    }
    return s;
}

/* Three passes instead of a sort: claim a slot per key (and mark its prefixes) counting its
 * entries, give each slot its range of postings, then fill the ranges in entry order, which is
 * the order a lookup returns. */
void wm_gazetteer_freeze(wm_gazetteer *gaz)
{
    size_t prefixes = 0;
    for (size_t i = 0; i < gaz->refs.len; i++)
        for (int32_t k = 0; k < gaz->refs.items[i].key_len; k++)
            prefixes += gaz_key(gaz, gaz->refs.items[i].key_off)[k] == ' ';
    size_t cap = 16;
    while (cap < 2 * (gaz->refs.len + prefixes) + 16)
        cap *= 2;
    gaz->slots = wm_xmalloc(cap * sizeof *gaz->slots);
    for (size_t i = 0; i < cap; i++)
        gaz->slots[i].key_len = -1;
    gaz->slot_mask = cap - 1;

    size_t *slot_of = wm_xmalloc((gaz->refs.len ? gaz->refs.len : 1) * sizeof *slot_of);
    for (size_t i = 0; i < gaz->refs.len; i++) {
        const key_ref *r = &gaz->refs.items[i];
        slot *s = claim_slot(gaz, r->key_off, r->key_len);
        s->count++;
        if (r->key_len > gaz->max_key_len)
            gaz->max_key_len = r->key_len;
        slot_of[i] = (size_t)(s - gaz->slots);
        const UChar *k = gaz_key(gaz, r->key_off);
        for (int32_t p = 0; p < r->key_len; p++)
            if (k[p] == ' ')
                claim_slot(gaz, r->key_off, p)->is_prefix = 1;
    }
    int32_t next = 0;
    for (size_t i = 0; i < cap; i++) {
        slot *s = &gaz->slots[i];
        if (s->key_len >= 0 && s->count > 0) {
            s->first = next;
            next += s->count;
            s->count = 0;
        }
    }
    wm_vec_reserve(&gaz->postings, gaz->refs.len);
    gaz->postings.len = gaz->refs.len;
    for (size_t i = 0; i < gaz->refs.len; i++) {
        slot *s = &gaz->slots[slot_of[i]];
        gaz->postings.items[s->first + s->count++] = gaz->refs.items[i].entry;
    }
    free(slot_of);
}

int wm_gazetteer_find_hashed(const wm_gazetteer *gaz, const UChar *key, int32_t len, wm_gaz_hash hash,
                             wm_gaz_lookup *out)
{
    out->entries = NULL;
    out->count = 0;
    out->is_prefix = 0;
    if (!gaz->slots || len <= 0 || len > gaz->max_key_len)
        return 0;
    const slot *s = find_slot_hashed(gaz, key, len, mix(hash));
    if (s->key_len < 0)
        return 0;
    out->entries = gaz->postings.items + s->first;
    out->count = s->count;
    out->is_prefix = s->is_prefix;
    return 1;
}

int wm_gazetteer_find(const wm_gazetteer *gaz, const UChar *key, int32_t len, wm_gaz_lookup *out)
{
    /* callers try every tail of a word; in a 100,000-letter word, hashing each is quadratic */
    if (len > gaz->max_key_len) {
        out->entries = NULL;
        out->count = out->is_prefix = 0;
        return 0;
    }
    return wm_gazetteer_find_hashed(gaz, key, len, wm_gazetteer_hash_more(WM_GAZ_HASH_INIT, key, len), out);
}

int32_t wm_gaz_lookup_in_list(const wm_gazetteer *gaz, const wm_gaz_lookup *found, wm_list list)
{
    for (int32_t i = 0; i < found->count; i++)
        if (gaz->entries.items[found->entries[i]].list == list)
            return found->entries[i];
    return -1;
}
