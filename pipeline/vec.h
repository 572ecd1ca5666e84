/* vec.h - growable arrays of any element type, as a struct {items, len, cap}.
 * The struct owns items; wm_vec_free releases them. Growth aborts cleanly via wm_xrealloc. */
#ifndef WM_VEC_H
#define WM_VEC_H

#include <stddef.h>

#include "alloc.h"

#define WM_VEC(type) struct { type *items; size_t len, cap; }

#define wm_vec_reserve(v, n)                                                          \
    do {                                                                              \
        if ((n) > (v)->cap) {                                                         \
            size_t wm_cap_ = (v)->cap ? (v)->cap : 8;                                 \
            while (wm_cap_ < (n))                                                     \
                wm_cap_ *= 2;                                                         \
            (v)->items = wm_xrealloc((v)->items, wm_cap_ * sizeof *(v)->items);       \
            (v)->cap = wm_cap_;                                                       \
        }                                                                             \
    } while (0)

#define wm_vec_push(v, value)                \
    do {                                     \
        wm_vec_reserve((v), (v)->len + 1);   \
        (v)->items[(v)->len++] = (value);    \
    } while (0)

#define wm_vec_free(v)           \
    do {                         \
        free((v)->items);        \
        (v)->items = NULL;       \
        (v)->len = (v)->cap = 0; \
    } while (0)

#endif
