/* input.h - reading one document's bytes from a file or standard input, with a size limit.
 * On success the caller owns *bytes (free). */
#ifndef WM_INPUT_H
#define WM_INPUT_H

#include <stddef.h>

#include "error.h"

/* path "-" reads standard input. Directories, unreadable files and files over max_bytes
 * fail with a WM_ERR_INPUT or WM_ERR_IO error naming the path. */
wm_status wm_read_input(const char *path, size_t max_bytes, unsigned char **bytes, size_t *len, wm_error *err);

#endif
