/* strmap.h - a small hash map from byte strings to int32 values for the entity stages, so that
 * lookups by name stay linear on adversarial documents. The map owns its copies of the keys. */
#ifndef WM_STRMAP_H
#define WM_STRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    struct wm_strmap_slot *slots;
    size_t cap, len;
} wm_strmap;

/* Value stored under key, or -1. */
int32_t wm_strmap_get(const wm_strmap *m, const void *key, size_t len);
/* Stores value under key unless the key is present; returns the value now stored. */
int32_t wm_strmap_put(wm_strmap *m, const void *key, size_t len, int32_t value);
void wm_strmap_free(wm_strmap *m);

#endif
