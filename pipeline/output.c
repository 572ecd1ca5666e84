/* output.c - atomic file output via a temporary in the same directory and rename(2). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "output.h"

wm_status wm_output_open(wm_output *out, const char *path, wm_error *err)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->stream = stdout;
        return WM_OK;
    }
    size_t n = strlen(path) + 32;
    out->path = wm_xstrdup(path);
    out->tmp_path = wm_xmalloc(n);
    snprintf(out->tmp_path, n, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(out->tmp_path);
    if (fd < 0 || !(out->stream = fdopen(fd, "w"))) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        free(out->path);
        free(out->tmp_path);
        out->path = out->tmp_path = NULL;
        return wm_error_set(err, WM_ERR_IO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    return WM_OK;
}

wm_status wm_output_commit(wm_output *out, wm_error *err)
{
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return wm_error_set(err, WM_ERR_IO, "standard output", 0, 0, "write failed: %s", strerror(errno));
        return WM_OK;
    }
    int failed = fflush(out->stream) != 0 || ferror(out->stream) || fsync(fileno(out->stream)) != 0;
    int e = errno;
    failed |= fclose(out->stream) != 0;
    out->stream = NULL;
    if (failed || rename(out->tmp_path, out->path) != 0) {
        if (!failed)
            e = errno;
        unlink(out->tmp_path);
        wm_status st = wm_error_set(err, WM_ERR_IO, out->path, 0, 0, "cannot write: %s", strerror(e));
        free(out->path);
        free(out->tmp_path);
        out->path = out->tmp_path = NULL;
        return st;
    }
    free(out->path);
    free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    return WM_OK;
}

void wm_output_abandon(wm_output *out)
{
    if (!out->path)
        return;
    if (out->stream)
        fclose(out->stream);
    unlink(out->tmp_path);
    free(out->path);
    free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->stream = NULL;
}
