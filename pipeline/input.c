/* input.c - reads a whole document into memory, refusing directories and anything larger
 * than the limit before it is read in full. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "input.h"

wm_status wm_read_input(const char *path, size_t max_bytes, unsigned char **bytes, size_t *len, wm_error *err)
{
    int from_stdin = strcmp(path, "-") == 0;
    int fd = from_stdin ? 0 : open(path, O_RDONLY);
    if (fd < 0)
        return wm_error_set(err, WM_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (!from_stdin)
                close(fd);
            return wm_error_set(err, WM_ERR_INPUT, path, 0, 0, "is a directory");
        }
        if (S_ISREG(st.st_mode) && (size_t)st.st_size > max_bytes) {
            if (!from_stdin)
                close(fd);
            return wm_error_set(err, WM_ERR_INPUT, path, 0, 0,
                                "document too large (%lld bytes; the limit is %zu, see --max-doc-size)",
                                (long long)st.st_size, max_bytes);
        }
    }
    size_t cap = (S_ISREG(st.st_mode) && st.st_size > 0) ? (size_t)st.st_size + 1 : 65536;
    unsigned char *buf = wm_xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = wm_xrealloc(buf, cap);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            if (!from_stdin)
                close(fd);
            return wm_error_set(err, WM_ERR_IO, path, 0, 0, "read error: %s", strerror(e));
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > max_bytes) {
            free(buf);
            if (!from_stdin)
                close(fd);
            return wm_error_set(err, WM_ERR_INPUT, path, 0, 0,
                                "document too large (more than %zu bytes, see --max-doc-size)", max_bytes);
        }
    }
    if (!from_stdin)
        close(fd);
    *bytes = buf;
    *len = n;
    return WM_OK;
}
