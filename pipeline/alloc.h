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

#endif
