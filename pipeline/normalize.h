/* normalize.h - the normalization stage: doc->orig to doc->text with an offset map back.
 * Fills doc->text, doc->len, doc->src_start and doc->src_end; the doc owns them. */
#ifndef WM_NORMALIZE_H
#define WM_NORMALIZE_H

#include "doc.h"
#include "error.h"

/* NFC; typographic quotes, dashes and exotic spaces to ASCII; soft hyphens, zero-width
 * characters and BOMs dropped; line-break hyphenation joined; runs of spaces collapsed;
 * a line break inside a running sentence becomes a space, a blank line stays "\n\n". */
wm_status wm_normalize(wm_doc *doc, wm_error *err);

#endif
