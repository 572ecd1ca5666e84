/* error.h - errors as values: a location (file, line, column or byte offset) and a message.
 * The caller owns the wm_error struct; functions fill it and never print. */
#ifndef WM_ERROR_H
#define WM_ERROR_H

#include <stddef.h>

typedef enum {
    WM_OK = 0,
    WM_ERR_IO,        /* cannot open or read a file */
    WM_ERR_INPUT,     /* a document that cannot be processed (binary, too large, bad encoding) */
    WM_ERR_DATA,      /* a broken gazetteer or rule line */
    WM_ERR_NOMEM,     /* allocation failed */
    WM_ERR_LIMIT,     /* a regex hit its match limit; the run goes on */
    WM_ERR_CLOSED     /* the output's reader went away (EPIPE): the run ends quietly */
} wm_status;

typedef struct {
    wm_status status;
    char file[512];   /* file or document the error is about, "" if none */
    long line;        /* 1-based line, 0 if not applicable */
    long column;      /* 1-based column, 0 if not applicable */
    long offset;      /* byte offset into the file, -1 if not applicable */
    char message[512];
} wm_error;

void wm_error_clear(wm_error *err);

/* Sets err (if non-NULL) and returns status, so callers can `return wm_error_set(...)`. */
wm_status wm_error_set(wm_error *err, wm_status status, const char *file, long line, long column,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Like wm_error_set, with a byte offset instead of a line. */
wm_status wm_error_at_offset(wm_error *err, wm_status status, const char *file, long offset,
                             const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* One line "file:line:col: message" (or "file: byte N: message") into buf. */
void wm_error_format(const wm_error *err, char *buf, size_t size);

#endif
