/* charclass.h - the ICU character properties the text stages ask about, as bits per BMP code
 * unit computed once from ICU (a table lookup instead of several ICU calls per character).
 * Owns the table; it is immutable after it is built, so threads share it. */
#ifndef WM_CHARCLASS_H
#define WM_CHARCLASS_H

#include <stdint.h>
#include <unicode/utypes.h>

enum {
    WM_CC_WORD = 1u << 0,  /* u_isalnum, or a combining mark: part of a word token */
    WM_CC_DIGIT = 1u << 1, /* u_isdigit */
    WM_CC_UPPER = 1u << 2, /* u_isupper */
    WM_CC_TITLE = 1u << 3, /* u_istitle */
    WM_CC_LOWER = 1u << 4, /* u_islower */
    WM_CC_ALPHA = 1u << 5, /* u_isalpha */
    WM_CC_SPACE = 1u << 6, /* u_isUWhiteSpace */
    WM_CC_TERM = 1u << 7,  /* Sentence_Break ATerm or STerm: a sentence may end after it */
    WM_CC_SB_RUN = 1u << 8,  /* Sentence_Break ATerm, STerm, Close, Sp, Extend or Format: may follow a terminator
                                before the boundary */
    WM_CC_SB_STOP = 1u << 9, /* Sentence_Break OLetter, Upper, Lower, Sep, CR or LF: ends the look-ahead after a
                                terminator */
    WM_CC_SB_SEP = 1u << 10, /* Sentence_Break Sep, CR or LF */
    WM_CC_SURROGATE = 1u << 11
};

/* The table for U+0000..U+FFFF (built on first use). */
const uint16_t *wm_char_classes(void);

/* The same bits for any code point, from ICU directly (for supplementary characters). */
unsigned wm_char_class_of(UChar32 c);

static inline unsigned wm_char_class(const uint16_t *table, UChar32 c)
{
    return c <= 0xFFFF ? table[c] : wm_char_class_of(c);
}

#endif
