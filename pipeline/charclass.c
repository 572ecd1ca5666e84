/* charclass.c - builds the BMP property table from ICU once (pthread_once). */
#include <pthread.h>
#include <stdatomic.h>
#include <unicode/uchar.h>

#include "charclass.h"

static uint16_t classes[0x10000];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;
static atomic_int classes_ready; /* lets callers skip pthread_once once the table exists */

/* ICU defines u_isupper, u_islower, u_istitle and u_isdigit as general categories Lu, Ll, Lt
 * and Nd, u_isalpha as any letter category and u_isalnum as letter or Nd: one lookup of the
 * category gives them all. */
unsigned wm_char_class_of(UChar32 c)
{
    int8_t gc = u_charType(c);
    unsigned bits = 0;
    int alpha = gc == U_UPPERCASE_LETTER || gc == U_LOWERCASE_LETTER || gc == U_TITLECASE_LETTER ||
                gc == U_MODIFIER_LETTER || gc == U_OTHER_LETTER;
    int digit = gc == U_DECIMAL_DIGIT_NUMBER;
    if (alpha || digit || gc == U_NON_SPACING_MARK || u_getCombiningClass(c) != 0)
        bits |= WM_CC_WORD;
    if (digit)
        bits |= WM_CC_DIGIT;
    if (gc == U_UPPERCASE_LETTER)
        bits |= WM_CC_UPPER;
    if (gc == U_TITLECASE_LETTER)
        bits |= WM_CC_TITLE;
    if (gc == U_LOWERCASE_LETTER)
        bits |= WM_CC_LOWER;
    if (alpha)
        bits |= WM_CC_ALPHA;
    if (u_isUWhiteSpace(c))
        bits |= WM_CC_SPACE;
    int sb = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
    if (sb == U_SB_ATERM || sb == U_SB_STERM)
        bits |= WM_CC_TERM;
    if (sb == U_SB_ATERM || sb == U_SB_STERM || sb == U_SB_CLOSE || sb == U_SB_SP || sb == U_SB_EXTEND ||
        sb == U_SB_FORMAT)
        bits |= WM_CC_SB_RUN;
    if (sb == U_SB_OLETTER || sb == U_SB_UPPER || sb == U_SB_LOWER || sb == U_SB_SEP || sb == U_SB_CR ||
        sb == U_SB_LF)
        bits |= WM_CC_SB_STOP;
    if (sb == U_SB_SEP || sb == U_SB_CR || sb == U_SB_LF)
        bits |= WM_CC_SB_SEP;
    if (U_IS_SURROGATE(c))
        bits |= WM_CC_SURROGATE;
    return bits;
}

static void build_classes(void)
{
    for (UChar32 c = 0; c < 0x10000; c++)
        classes[c] = (uint16_t)wm_char_class_of(c);
    atomic_store_explicit(&classes_ready, 1, memory_order_release);
}

const uint16_t *wm_char_classes(void)
{
    if (!atomic_load_explicit(&classes_ready, memory_order_acquire))
        pthread_once(&classes_once, build_classes);
    return classes;
}
