/* arena.h - a bump allocator for values derived while a document is processed.
 * The arena owns every block it hands out; wm_arena_free releases them all at once. */
#ifndef WM_ARENA_H
#define WM_ARENA_H

#include <stddef.h>

typedef struct wm_arena_block wm_arena_block;

typedef struct {
    wm_arena_block *head;
} wm_arena;

void *wm_arena_alloc(wm_arena *arena, size_t size);
char *wm_arena_strndup(wm_arena *arena, const char *s, size_t len);
char *wm_arena_printf(wm_arena *arena, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void wm_arena_free(wm_arena *arena);

#endif
