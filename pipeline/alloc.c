/* alloc.c - checked allocation. Running out of memory is the one error a stage cannot return
 * as a value without making every caller branch on it, so it ends the process cleanly. */
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uclean.h>
#include <unistd.h>

#include "alloc.h"

enum { WM_EXIT_NOMEM = 4 };

static void (*failure_cleanup)(void);

void wm_alloc_on_failure(void (*cleanup)(void)) { failure_cleanup = cleanup; }

static void out_of_memory(size_t size)
{
    if (failure_cleanup)
        failure_cleanup();
    char msg[96];
    int n = snprintf(msg, sizeof msg, "whomet: out of memory (allocating %zu bytes)\n", size);
    /* write(2) rather than stdio: stdio may itself need memory */
    if (n > 0 && write(2, msg, (size_t)n) < 0)
        _exit(WM_EXIT_NOMEM);
    _exit(WM_EXIT_NOMEM);
}

void *wm_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *wm_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *wm_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *wm_xstrndup(const char *s, size_t len)
{
    char *p = wm_xmalloc(len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *wm_xstrdup(const char *s) { return wm_xstrndup(s, strlen(s)); }

static void *U_CALLCONV icu_alloc(const void *context, size_t size)
{
    (void)context;
    return wm_xmalloc(size);
}

static void *U_CALLCONV icu_realloc(const void *context, void *mem, size_t size)
{
    (void)context;
    return wm_xrealloc(mem, size);
}

static void U_CALLCONV icu_free(const void *context, void *mem)
{
    (void)context;
    free(mem);
}

void wm_alloc_install(void)
{
    json_set_alloc_funcs(wm_xmalloc, free);
    UErrorCode status = U_ZERO_ERROR;
    u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &status);
}
