/* tokenize.c - the token rules (over the character class table) and the folding table (built
 * once from ICU's decompositions and case folding; immutable afterwards, so threads share it). */
#include <pthread.h>
#include <stdatomic.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "alloc.h"
#include "charclass.h"
#include "tokenize.h"

static UChar fold_table[0x10000];
static pthread_once_t fold_once = PTHREAD_ONCE_INIT;
static atomic_int fold_ready; /* lets wm_fold skip pthread_once once the table exists */

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
    atomic_store_explicit(&fold_ready, 1, memory_order_release);
}

static void ensure_fold_table(void)
{
    if (!atomic_load_explicit(&fold_ready, memory_order_acquire))
        pthread_once(&fold_once, build_fold_table);
}

static inline int32_t fold_units(const UChar *s, int32_t n, UChar *out)
{
    int32_t k = 0;
    for (int32_t i = 0; i < n; i++) {
        UChar c = s[i];
        if (c < 0x80) {
            out[k++] = (c >= 'A' && c <= 'Z') ? (UChar)(c + 32) : c;
        } else if (c == 0x00DF || c == 0x1E9E) {
            out[k++] = 's';
            out[k++] = 's';
        } else {
            out[k++] = fold_table[c];
        }
    }
    return k;
}

int32_t wm_fold(const UChar *s, int32_t n, UChar *out)
{
    ensure_fold_table();
    return fold_units(s, n, out);
}

/* The token rules, inlined into each caller together with its token function. */
static inline __attribute__((always_inline)) void tokenize(const UChar *text, int32_t len, wm_token_fn fn, void *ctx)
{
    const uint16_t *classes = wm_char_classes();
    int32_t i = 0;
    int space_before = 1, line_start = 1;
    while (i < len) {
        UChar32 c;
        int32_t start = i;
        U16_NEXT(text, i, len, c);
        unsigned cc = wm_char_class(classes, c);
        if ((cc & WM_CC_SPACE) || c == '\n') {
            space_before = 1;
            if (c == '\n')
                line_start = 1;
            continue;
        }
        uint32_t flags = (space_before ? WM_TOK_SPACE_BEFORE : 0) | (line_start ? WM_TOK_LINE_START : 0);
        space_before = line_start = 0;
        if (!(cc & WM_CC_WORD)) {
            fn(ctx, (wm_span){start, i}, flags | WM_TOK_PUNCT);
            continue;
        }
        int digits = (cc & WM_CC_DIGIT) != 0;
        int first_upper = (cc & (WM_CC_UPPER | WM_CC_TITLE)) != 0;
        int all_upper = first_upper, any_lower = (cc & WM_CC_LOWER) != 0;
        int32_t letters = !digits, end = i;
        while (end < len) {
            int32_t next = end + 1;
            UChar32 d = text[end];
            if (U16_IS_SURROGATE(d)) {
                next = end;
                U16_NEXT(text, next, len, d);
            }
            if (d == '\'' || d == 0x2019) {
                /* an apostrophe between letters stays inside: "O'Brien", "Ba'ath" */
                int32_t after = next;
                UChar32 e;
                if (after < len && !digits) {
                    U16_NEXT(text, after, len, e);
                    if (wm_char_class(classes, e) & WM_CC_ALPHA) {
                        end = next;
                        continue;
                    }
                }
                break;
            }
            unsigned dc = wm_char_class(classes, d);
            if (!(dc & WM_CC_WORD) || ((dc & WM_CC_DIGIT) != 0) != digits)
                break;
            if (!(dc & WM_CC_UPPER)) {
                all_upper = 0;
                any_lower |= (dc & WM_CC_LOWER) != 0;
            }
            letters += !digits;
            end = next;
        }
        i = end;
        flags |= digits ? WM_TOK_DIGIT : WM_TOK_ALPHA;
        if (first_upper)
            flags |= WM_TOK_UPPER;
        if (any_lower)
            flags |= WM_TOK_HAS_LOWER;
        if (letters >= 2 && all_upper)
            flags |= WM_TOK_ALL_CAPS;
        fn(ctx, (wm_span){start, end}, flags);
    }
}

void wm_tokenize(const UChar *text, int32_t len, wm_token_fn fn, void *ctx)
{
    tokenize(text, len, fn, ctx);
}

typedef struct {
    wm_doc *doc;
    int32_t folded_cap;
} doc_tokens;

static inline void add_doc_token(void *ctx, wm_span span, uint32_t flags)
{
    doc_tokens *dt = ctx;
    wm_doc *doc = dt->doc;
    int32_t n = span.end - span.start;
    int32_t need = doc->folded_len + 1 + 2 * n + 1;
    if (need > dt->folded_cap) {
        int32_t cap = dt->folded_cap ? dt->folded_cap : 256;
        while (cap < need)
            cap *= 2;
        doc->folded = wm_xrealloc(doc->folded, (size_t)cap * sizeof *doc->folded);
        dt->folded_cap = cap;
    }
    if (doc->tokens.len)
        doc->folded[doc->folded_len++] = ' ';
    wm_token t = {.span = span, .flags = flags, .segment = -1, .fold_start = doc->folded_len};
    t.fold_len = fold_units(doc->text + span.start, n, doc->folded + doc->folded_len);
    doc->folded_len += t.fold_len;
    wm_vec_push(&doc->tokens, t);
}

void wm_tokenize_doc(wm_doc *doc)
{
    ensure_fold_table();
    doc_tokens dt = {.doc = doc, .folded_cap = 0};
    wm_vec_reserve(&doc->tokens, (size_t)doc->len / 6 + 16);
    tokenize(doc->text, doc->len, add_doc_token, &dt);
    if (!doc->folded)
        doc->folded = wm_xmalloc(sizeof *doc->folded);
    doc->folded[doc->folded_len] = 0;
}

typedef struct {
    const UChar *text;
    UChar *out;
    int32_t len, cap, tokens;
    int overflow;
} phrase;

static inline void add_phrase_token(void *ctx, wm_span span, uint32_t flags)
{
    (void)flags;
    phrase *p = ctx;
    int32_t n = span.end - span.start;
    if (p->len + 1 + 2 * n > p->cap) {
        p->overflow = 1;
        return;
    }
    if (p->tokens++)
        p->out[p->len++] = ' ';
    p->len += fold_units(p->text + span.start, n, p->out + p->len);
}

int32_t wm_fold_phrase(const UChar *text, int32_t len, UChar *out, int32_t cap)
{
    ensure_fold_table();
    phrase p = {.text = text, .out = out, .cap = cap};
    tokenize(text, len, add_phrase_token, &p);
    return p.overflow ? -1 : p.len;
}
