/* strset.c - open addressing over offsets into one string pool; the table keeps each
 * string's hash so most probes never touch the pool. */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "strset.h"

typedef struct {
    uint64_t hash;   /* 0 marks an empty slot */
    size_t offset;   /* into pool */
} entry;

struct wm_strset {
    entry *slots;
    size_t mask, count;
    char *pool;
    size_t pool_len, pool_cap;
};

wm_strset *wm_strset_new(void)
{
    wm_strset *set = wm_xcalloc(1, sizeof *set);
    set->mask = 255;
    set->slots = wm_xcalloc(set->mask + 1, sizeof *set->slots);
    return set;
}

void wm_strset_free(wm_strset *set)
{
    if (!set)
        return;
    free(set->slots);
    free(set->pool);
    free(set);
}

size_t wm_strset_size(const wm_strset *set) { return set->count; }

static uint64_t hash_string(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    h ^= h >> 29;
    return h ? h : 1;
}

static void insert_slot(wm_strset *set, uint64_t hash, size_t offset)
{
    size_t i = hash & set->mask;
    while (set->slots[i].hash)
        i = (i + 1) & set->mask;
    set->slots[i].hash = hash;
    set->slots[i].offset = offset;
}

static void grow(wm_strset *set)
{
    entry *old = set->slots;
    size_t old_size = set->mask + 1;
    set->mask = 2 * old_size - 1;
    set->slots = wm_xcalloc(set->mask + 1, sizeof *set->slots);
    for (size_t i = 0; i < old_size; i++)
        if (old[i].hash)
            insert_slot(set, old[i].hash, old[i].offset);
    free(old);
}

int wm_strset_add(wm_strset *set, const char *s)
{
    size_t n = strlen(s);
    uint64_t hash = hash_string(s, n);
    for (size_t i = hash & set->mask; set->slots[i].hash; i = (i + 1) & set->mask)
        if (set->slots[i].hash == hash && strcmp(set->pool + set->slots[i].offset, s) == 0)
            return 0;
    if (set->pool_len + n + 1 > set->pool_cap) {
        size_t cap = set->pool_cap ? set->pool_cap : 4096;
        while (cap < set->pool_len + n + 1)
            cap *= 2;
        set->pool = wm_xrealloc(set->pool, cap);
        set->pool_cap = cap;
    }
    memcpy(set->pool + set->pool_len, s, n + 1);
    if (2 * (set->count + 1) > set->mask + 1)
        grow(set);
    insert_slot(set, hash, set->pool_len);
    set->pool_len += n + 1;
    set->count++;
    return 1;
}
