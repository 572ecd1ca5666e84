/* arena.c - bump allocation in blocks of at least 16 KiB.
 * Owns the block list; nothing is freed individually. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

struct wm_arena_block {
    wm_arena_block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
};

enum { WM_ARENA_BLOCK = 16384 };

void *wm_arena_alloc(wm_arena *arena, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    wm_arena_block *b = arena->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > WM_ARENA_BLOCK ? size : WM_ARENA_BLOCK;
        b = wm_xmalloc(sizeof *b + cap);
        b->size = cap;
        b->used = 0;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

char *wm_arena_strndup(wm_arena *arena, const char *s, size_t len)
{
    char *p = wm_arena_alloc(arena, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *wm_arena_printf(wm_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = wm_arena_alloc(arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void wm_arena_free(wm_arena *arena)
{
    wm_arena_block *b = arena->head;
    while (b) {
        wm_arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}
