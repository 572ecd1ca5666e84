/* alloc.h - allocation that never returns NULL: on failure it reports and exits with status 4.
 * Callers own what these return and release it with free(). */
#ifndef WM_ALLOC_H
#define WM_ALLOC_H

#include <stddef.h>
#include <stdlib.h>

void *wm_xmalloc(size_t size);
void *wm_xcalloc(size_t count, size_t size);
void *wm_xrealloc(void *ptr, size_t size);
char *wm_xstrdup(const char *s);
char *wm_xstrndup(const char *s, size_t len);

/* Routes jansson's and ICU's allocations through the checked functions, so running out of
 * memory inside a library also ends with status 4 instead of a NULL the caller misses.
 * Call first thing in main, before any ICU function. */
void wm_alloc_install(void);

/* Registers a function to run just before the process exits for lack of memory (e.g. to
 * remove a temporary output file). It must not allocate. */
void wm_alloc_on_failure(void (*cleanup)(void));

#endif
