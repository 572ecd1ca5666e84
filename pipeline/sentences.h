/* sentences.h - the sentence boundaries of one line of text exactly as ICU's sentence break
 * iterator reports them, found by running the iterator only over small windows around the
 * characters after which a sentence can end. The caller owns the iterator and the output. */
#ifndef WM_SENTENCES_H
#define WM_SENTENCES_H

#include <stdint.h>
#include <unicode/ubrk.h>

#include "error.h"
#include "vec.h"

typedef WM_VEC(int32_t) wm_offsets;

/* Appends to out, in ascending order, every boundary b with 0 < b < len that `bi` (a sentence
 * iterator) reports for text[0..len). Fails only when ICU does. */
wm_status wm_sentence_breaks(UBreakIterator *bi, const UChar *text, int32_t len, wm_offsets *out);

/* The same by iterating over the whole text: the reference the windows must agree with. */
wm_status wm_sentence_breaks_full(UBreakIterator *bi, const UChar *text, int32_t len, wm_offsets *out);

#endif
