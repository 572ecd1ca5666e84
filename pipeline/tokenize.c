/* tokenize.c - the token rules and the folding table (built once from ICU's decompositions
 * and case folding; immutable afterwards, so threads share it). */
#include <pthread.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "tokenize.h"

static UChar fold_table[0x10000];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;

static void build_fold_table(void)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&status);
    for (UChar32 c = 0; c < 0x10000; c++) {
        UChar32 base = c;
        UChar buf[8];
        if (U_SUCCESS(status) && !U_IS_SURROGATE(c)) {
            UErrorCode st = U_ZERO_ERROR;
            int32_t n = unorm2_getDecomposition(nfd, c, buf, 8, &st);
            if (n > 0 && U_SUCCESS(st) && !U16_IS_SURROGATE(buf[0]))
                base = buf[0];
        }
        UChar32 folded = u_foldCase(base, U_FOLD_CASE_DEFAULT);
        fold_table[c] = folded <= 0xFFFF ? (UChar)folded : (UChar)c;
    }
    /* letters without a decomposition that German text writes with a base letter */
    fold_table[0x0141] = fold_table[0x0142] = 'l';
    fold_table[0x00D8] = fold_table[0x00F8] = 'o';
    fold_table[0x0110] = fold_table[0x0111] = 'd';
    fold_table[0x0131] = 'i';
}

int32_t wm_fold(const UChar *s, int32_t n, UChar *out)
{
    pthread_once(&fold_once, build_fold_table);
    int32_t k = 0;
    for (int32_t i = 0; i < n; i++) {
        UChar c = s[i];
        if (c == 0x00DF || c == 0x1E9E) {
            out[k++] = 's';
            out[k++] = 's';
        } else if (c < 0x80) {
            out[k++] = (c >= 'A' && c <= 'Z') ? (UChar)(c + 32) : c;
        } else {
            out[k++] = fold_table[c];
        }
    }
    return k;
}

static int is_word_char(UChar32 c)
{
    return u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

static int is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == '\n'; }

void wm_tokenize(const UChar *text, int32_t len, wm_token_fn fn, void *ctx)
{
    int32_t i = 0;
    int space_before = 1, line_start = 1;
    while (i < len) {
        UChar32 c;
        int32_t start = i;
        U16_NEXT(text, i, len, c);
        if (is_space(c)) {
            space_before = 1;
            if (c == '\n')
                line_start = 1;
            continue;
        }
        uint32_t flags = (space_before ? WM_TOK_SPACE_BEFORE : 0) | (line_start ? WM_TOK_LINE_START : 0);
        space_before = line_start = 0;
        if (!is_word_char(c)) {
            fn(ctx, (wm_span){start, i}, flags | WM_TOK_PUNCT);
            continue;
        }
        int digits = u_isdigit(c) != 0;
        int uppers = u_isupper(c) || u_istitle(c), lowers = u_islower(c) != 0, letters = !digits;
        int first_upper = uppers;
        int32_t end = i;
        while (end < len) {
            int32_t next = end;
            UChar32 d;
            U16_NEXT(text, next, len, d);
            int d_digit = u_isdigit(d) != 0;
            if (d == '\'' || d == 0x2019) {
                /* an apostrophe between letters stays inside: "O'Brien", "Ba'ath" */
                int32_t after = next;
                UChar32 e;
                if (after < len && !digits) {
                    U16_NEXT(text, after, len, e);
                    if (u_isalpha(e)) {
                        end = next;
                        continue;
                    }
                }
                break;
            }
            if (!is_word_char(d) || d_digit != digits)
                break;
            if (u_isupper(d))
                uppers++;
            else if (u_islower(d))
                lowers++;
            if (!d_digit)
                letters++;
            end = next;
        }
        i = end;
        if (digits)
            flags |= WM_TOK_DIGIT;
        else
            flags |= WM_TOK_ALPHA;
        if (first_upper)
            flags |= WM_TOK_UPPER;
        if (lowers)
            flags |= WM_TOK_HAS_LOWER;
        if (letters >= 2 && uppers == letters)
            flags |= WM_TOK_ALL_CAPS;
        fn(ctx, (wm_span){start, end}, flags);
    }
}
