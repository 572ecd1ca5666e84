/* error.c - building and formatting wm_error values.
 * Owns no memory: errors live in caller-provided structs. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

void wm_error_clear(wm_error *err)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->offset = -1;
}

static void fill(wm_error *err, wm_status status, const char *file, const char *fmt, va_list ap)
{
    err->status = status;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    /* one-line errors: a message never carries a line break */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
}

wm_status wm_error_set(wm_error *err, wm_status status, const char *file, long line, long column,
                       const char *fmt, ...)
{
    if (!err)
        return status;
    wm_error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    fill(err, status, file, fmt, ap);
    va_end(ap);
    err->line = line;
    err->column = column;
    return status;
}

wm_status wm_error_at_offset(wm_error *err, wm_status status, const char *file, long offset,
                             const char *fmt, ...)
{
    if (!err)
        return status;
    wm_error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    fill(err, status, file, fmt, ap);
    va_end(ap);
    err->offset = offset;
    return status;
}

void wm_error_format(const wm_error *err, char *buf, size_t size)
{
    const char *file = err->file[0] ? err->file : "whomet";
    if (err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", file, err->line, err->column, err->message);
    else if (err->line > 0)
        snprintf(buf, size, "%s:%ld: %s", file, err->line, err->message);
    else if (err->offset >= 0)
        snprintf(buf, size, "%s: byte %ld: %s", file, err->offset, err->message);
    else
        snprintf(buf, size, "%s: %s", file, err->message);
}
