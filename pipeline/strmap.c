/* strmap.c - open addressing with linear probing and FNV-1a hashes; grows at half load. */
#include <string.h>

#include "alloc.h"
#include "strmap.h"

struct wm_strmap_slot {
    char *key; /* NULL: empty */
    size_t len;
    uint64_t hash;
    int32_t value;
};

static uint64_t hash_bytes(const void *key, size_t len)
{
    const unsigned char *p = key;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static struct wm_strmap_slot *find(const wm_strmap *m, const void *key, size_t len, uint64_t h)
{
    size_t i = h & (m->cap - 1);
    for (;;) {
        struct wm_strmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && !memcmp(s->key, key, len)))
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

int32_t wm_strmap_get(const wm_strmap *m, const void *key, size_t len)
{
    if (!m->cap)
        return -1;
    const struct wm_strmap_slot *s = find(m, key, len, hash_bytes(key, len));
    return s->key ? s->value : -1;
}

static void grow(wm_strmap *m)
{
    size_t old_cap = m->cap;
    struct wm_strmap_slot *old = m->slots;
    m->cap = old_cap ? old_cap * 2 : 16;
    m->slots = wm_xcalloc(m->cap, sizeof *m->slots);
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

int32_t wm_strmap_put(wm_strmap *m, const void *key, size_t len, int32_t value)
{
    if (2 * (m->len + 1) > m->cap)
        grow(m);
    uint64_t h = hash_bytes(key, len);
    struct wm_strmap_slot *s = find(m, key, len, h);
    if (s->key)
        return s->value;
    s->key = wm_xmalloc(len + 1);
    memcpy(s->key, key, len);
    s->key[len] = '\0';
    s->len = len;
    s->hash = h;
    s->value = value;
    m->len++;
    return value;
}

void wm_strmap_free(wm_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->len = 0;
}
