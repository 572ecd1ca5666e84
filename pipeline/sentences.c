/* sentences.c - UAX #29 lets a sentence end only after a terminator (ATerm, STerm), possibly
 * followed by closing punctuation and spaces; whether it does depends on the word before the
 * terminator and on the text up to the next letter after it. So the iterator runs over one
 * window per group of terminators: from the space before the terminator's word to the end of
 * the word holding the next letter, merged while the look-ahead meets further terminators.
 * Lines with separators or supplementary characters go to the iterator whole. */
#include "charclass.h"
#include "sentences.h"

/* The iterator's boundaries inside text[offset..offset+len), without the two ends. */
static wm_status run_iterator(UBreakIterator *bi, const UChar *text, int32_t offset, int32_t len, wm_offsets *out)
{
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, text + offset, len, &status);
    if (U_FAILURE(status))
        return WM_ERR_INPUT;
    for (int32_t b = ubrk_following(bi, 0); b != UBRK_DONE && b < len; b = ubrk_next(bi))
        wm_vec_push(out, offset + b);
    return WM_OK;
}

wm_status wm_sentence_breaks_full(UBreakIterator *bi, const UChar *text, int32_t len, wm_offsets *out)
{
    return run_iterator(bi, text, 0, len, out);
}

wm_status wm_sentence_breaks(UBreakIterator *bi, const UChar *text, int32_t len, wm_offsets *out)
{
    const uint16_t *cc = wm_char_classes();
    for (int32_t i = 0; i < len; i++)
        if (cc[text[i]] & (WM_CC_SB_SEP | WM_CC_SURROGATE))
            return wm_sentence_breaks_full(bi, text, len, out);
    int32_t i = 0;
    while (i < len) {
        int32_t t = i;
        while (t < len && !(cc[text[t]] & WM_CC_TERM))
            t++;
        if (t == len)
            break;
        int32_t from = t;
        while (from > 0 && !(cc[text[from - 1]] & WM_CC_SPACE))
            from--;
        if (from > 0)
            from--;
        int32_t p = t, to;
        for (;;) {
            while (p < len && (cc[text[p]] & WM_CC_SB_RUN))
                p++;
            int32_t q = p;
            while (q < len && !(cc[text[q]] & (WM_CC_SB_STOP | WM_CC_TERM)))
                q++;
            if (q < len && (cc[text[q]] & WM_CC_TERM)) {
                p = q;
                continue;
            }
            /* the window ends at the space after that word, unless a terminator comes first;
             * one scan for both keeps a line without spaces linear */
            to = q;
            while (to < len && !(cc[text[to]] & (WM_CC_SPACE | WM_CC_TERM)))
                to++;
            if (to == len || (cc[text[to]] & WM_CC_SPACE))
                break;
            p = to;
        }
        wm_status st = run_iterator(bi, text, from, to - from, out);
        if (st != WM_OK)
            return st;
        i = to;
    }
    return WM_OK;
}
