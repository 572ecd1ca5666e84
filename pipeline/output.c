/* output.c - atomic file output via a temporary in the same directory and rename(2); the
 * temporary is removed when the run fails, is interrupted (SIGINT, SIGTERM, SIGHUP) or runs
 * out of memory. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "output.h"

/* The temporary being written, for the signal handler; one output per process. */
static char *volatile pending_tmp;

static void remove_pending(void)
{
    char *tmp = pending_tmp;
    if (tmp)
        unlink(tmp);
}

static void on_signal(int sig)
{
    remove_pending();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track_pending(char *tmp)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    pending_tmp = tmp;
    if (!tmp)
        return;
    wm_alloc_on_failure(remove_pending);
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal the caller chose to ignore (nohup) stays ignored */
        if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(signals[i], &sa, NULL);
    }
}

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
    /* mkstemp creates mode 0600; the result gets the mode any new file would get */
    mode_t mask = umask(0);
    umask(mask);
    if (fd >= 0 && fchmod(fd, 0666 & ~mask) != 0) {
        close(fd);
        unlink(out->tmp_path);
        fd = -1;
    }
    if (fd < 0 || !(out->stream = fdopen(fd, "w"))) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        free(out->path);
        free(out->tmp_path);
        out->path = out->tmp_path = NULL;
        return wm_error_set(err, WM_ERR_IO, path, 0, 0, "cannot write: %s", strerror(e));
    }
    track_pending(out->tmp_path);
    return WM_OK;
}

wm_status wm_output_commit(wm_output *out, wm_error *err)
{
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout))
            return wm_error_set(err, errno == EPIPE ? WM_ERR_CLOSED : WM_ERR_IO, "standard output", 0, 0,
                                "write failed: %s", strerror(errno));
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
        track_pending(NULL);
        wm_status st = wm_error_set(err, WM_ERR_IO, out->path, 0, 0, "cannot write: %s", strerror(e));
        free(out->path);
        free(out->tmp_path);
        out->path = out->tmp_path = NULL;
        return st;
    }
    track_pending(NULL);
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
    track_pending(NULL);
    free(out->path);
    free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->stream = NULL;
}
