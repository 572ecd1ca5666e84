/* decode.h - input bytes to UTF-16: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
 * Windows-1252 / ISO-8859-1. Fills doc->orig, doc->orig_len, doc->supplementary, doc->encoding.
 * Line ends CR LF and CR become LF, as Python's open() reads text: the offsets of the output
 * contract count characters of that text (a UTF-8 BOM stays, as character 0). */
#ifndef WM_DECODE_H
#define WM_DECODE_H

#include <stddef.h>

#include "doc.h"
#include "error.h"

/* Rejects empty, binary and invalid input with a WM_ERR_INPUT error naming the byte offset. */
wm_status wm_decode(const unsigned char *bytes, size_t len, wm_doc *doc, wm_error *err);

/* Offset of the first byte that is not valid UTF-8, or len when all of it is valid. */
size_t wm_utf8_invalid_offset(const unsigned char *bytes, size_t len);

#endif
