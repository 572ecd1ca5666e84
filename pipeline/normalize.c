/* normalize.c - rewrites the decoded text into the clean form later stages match against,
 * recording for every output unit the range of original units it came from. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "normalize.h"

/* In a document wrapped at a fixed width, a line this long that ends without sentence
 * punctuation was wrapped, not ended. A document with more than one line in ten of its
 * substantial lines longer than WM_UNWRAPPED_LINE writes paragraphs as single lines. */
enum { WM_WRAPPED_LINE = 60, WM_SUBSTANTIAL_LINE = 40, WM_UNWRAPPED_LINE = 120 };

typedef struct {
    UChar *text;
    int32_t *start, *end;
    int32_t len, cap;
    int32_t line_start; /* output offset where the current physical input line begins */
    int hard_wrapped;   /* the input is wrapped at a fixed width */
} sink;

static void __attribute__((noinline)) sink_grow(sink *o, int32_t extra)
{
    int32_t cap = o->cap ? o->cap : 256;
    while (cap < o->len + extra)
        cap *= 2;
    o->text = wm_xrealloc(o->text, (size_t)cap * sizeof *o->text);
    o->start = wm_xrealloc(o->start, (size_t)cap * sizeof *o->start);
    o->end = wm_xrealloc(o->end, (size_t)cap * sizeof *o->end);
    o->cap = cap;
}

static inline void sink_reserve(sink *o, int32_t extra)
{
    if (o->len + extra > o->cap)
        sink_grow(o, extra);
}

static inline void emit(sink *o, UChar c, int32_t src_start, int32_t src_end)
{
    sink_reserve(o, 1);
    o->text[o->len] = c;
    o->start[o->len] = src_start;
    o->end[o->len] = src_end;
    o->len++;
    if (c == '\n')
        o->line_start = o->len;
}

/* Composes NFC only over the stretches that are not already NFC; every unit of a recomposed
 * stretch maps to the whole original stretch. */
static void compose_nfc(const UChar *in, int32_t n, sink *o)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    int32_t i = 0;
    while (i < n) {
        int32_t ok = U_SUCCESS(status) ? unorm2_spanQuickCheckYes(nfc, in + i, n - i, &status) : n - i;
        if (U_FAILURE(status))
            ok = n - i;
        sink_reserve(o, ok);
        if (ok > 0) /* at the very start the sink may have no buffer yet */
            memcpy(o->text + o->len, in + i, (size_t)ok * sizeof *in);
        for (int32_t k = 0; k < ok; k++) {
            o->start[o->len + k] = i + k;
            o->end[o->len + k] = i + k + 1;
        }
        o->len += ok; /* (this sink's line_start is not used: rewrite() tracks lines) */
        i += ok;
        if (i >= n)
            break;
        /* step back to the last emitted starter so the stretch composes with it */
        int32_t from = i;
        while (from > 0 && o->len > 0 && !unorm2_hasBoundaryBefore(nfc, in[from])) {
            from--;
            o->len--;
        }
        int32_t to = i + 1;
        while (to < n && !unorm2_hasBoundaryBefore(nfc, in[to]))
            to++;
        UChar buf[64];
        int32_t got = -1;
        if (to - from <= 16)
            got = unorm2_normalize(nfc, in + from, to - from, buf, 64, &status);
        if (got < 0 || U_FAILURE(status)) {
            status = U_ZERO_ERROR;
            for (int32_t k = from; k < to; k++)
                emit(o, in[k], k, k + 1);
        } else {
            for (int32_t k = 0; k < got; k++)
                emit(o, buf[k], from, to);
        }
        i = to;
    }
}

static int is_dropped(UChar c)
{
    return c == 0xFEFF || c == 0x00AD || c == 0x200B || c == 0x2060 || c == 0x200E || c == 0x200F;
}

static int is_line_break(UChar c)
{
    return c == '\n' || c == '\r' || c == '\f' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

static int is_horizontal_space(UChar c)
{
    if (c == ' ' || c == '\t' || c == '\v')
        return 1;
    if (c < 0x20 && !is_line_break(c))
        return 1; /* stray control characters read as space */
    return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

static UChar ascii_equivalent(UChar c)
{
    switch (c) {
    case 0x201E: case 0x201C: case 0x201D: case 0x201F: case 0x00AB: case 0x00BB: case 0x2033:
        return '"';
    case 0x201A: case 0x2018: case 0x2019: case 0x201B: case 0x2039: case 0x203A: case 0x2032:
        return '\'';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
        return '-';
    default:
        return c;
    }
}

static int is_lower_letter(UChar c) { return u_islower(c) != 0; }

/* "Arbeits-\nund Sozialministerium": the hyphen before a conjunction is a truncation, keep it. */
static int starts_with_conjunction(const UChar *s, int32_t n)
{
    static const char *const words[] = {"und", "oder", "bzw", "sowie", "bis", "als"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++) {
        int32_t k = 0;
        while (words[w][k] && k < n && s[k] == (UChar)words[w][k])
            k++;
        if (!words[w][k] && (k == n || !u_isalpha(s[k])))
            return 1;
    }
    return 0;
}

static int is_bullet(UChar c)
{
    return c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == '-' ||
           c == '*' || c == 0x2013 || c == 0x2014 || c == 0x25CF || c == 0x25A0;
}

/* "Telefon:", "Bild:", "E-Mail:", "Tel.:": a capitalized label that opens a line of its own. */
static int starts_with_label(const UChar *s, int32_t n)
{
    if (n < 3 || !u_isupper(s[0]))
        return 0;
    int32_t k = 1;
    while (k < n && (u_isalpha(s[k]) || s[k] == '-' || s[k] == '.'))
        k++;
    return k >= 2 && k < n && s[k] == ':' && (k + 1 == n || is_horizontal_space(s[k + 1]) || is_line_break(s[k + 1]));
}

/* "presse@example.de", "www.example.de", "https://...": an address starts its own line. */
static int starts_with_address(const UChar *s, int32_t n)
{
    static const UChar www[] = {'w', 'w', 'w', '.'};
    if (n >= 4 && u_memcmp(s, www, 4) == 0)
        return 1;
    for (int32_t k = 0; k < n && !is_horizontal_space(s[k]) && !is_line_break(s[k]); k++)
        if (s[k] == '@' || s[k] == '/')
            return 1;
    return 0;
}

static int is_hard_wrapped(const UChar *in, int32_t n)
{
    int32_t substantial = 0, unwrapped = 0;
    for (int32_t i = 0; i < n;) {
        int32_t end = i;
        while (end < n && !is_line_break(in[end]))
            end++;
        substantial += end - i >= WM_SUBSTANTIAL_LINE;
        unwrapped += end - i > WM_UNWRAPPED_LINE;
        i = end + 1;
    }
    return unwrapped * 10 <= substantial;
}

/* Handles the run of line breaks starting at in[i]; returns the index after it. */
static int32_t line_break(const UChar *in, const int32_t *s, const int32_t *e, int32_t n, int32_t i,
                          sink *o)
{
    int32_t j = i, breaks = 0;
    int paragraph = 0;
    while (j < n && (is_line_break(in[j]) || is_horizontal_space(in[j]) || is_dropped(in[j]))) {
        if (in[j] == '\r' && j + 1 < n && in[j + 1] == '\n')
            j++;
        if (is_line_break(in[j])) {
            breaks++;
            if (in[j] == '\f' || in[j] == 0x2029)
                paragraph = 1;
        }
        j++;
    }
    if (o->len == 0 || j >= n)
        return j; /* leading and trailing breaks carry nothing */
    int32_t from = s[i], to = e[j - 1];
    if (breaks >= 2 || paragraph) {
        while (o->len > 0 && o->text[o->len - 1] == ' ')
            o->len--;
        emit(o, '\n', from, to);
        emit(o, '\n', from, to);
        return j;
    }
    UChar prev = o->text[o->len - 1];
    UChar prev2 = o->len > 1 ? o->text[o->len - 2] : 0;
    UChar next = in[j];
    if (prev == '-' && u_isalpha(prev2) && is_lower_letter(next) &&
        !starts_with_conjunction(in + j, n - j)) {
        o->len--; /* "Integra-\ntion": the hyphen and the break vanish */
        return j;
    }
    int32_t line_len = o->len - o->line_start;
    /* a photo caption repeated on the next line (web page layout) is its own line */
    int repeated = line_len > 0 && j + line_len <= n &&
                   memcmp(o->text + o->line_start, in + j, (size_t)line_len * sizeof(UChar)) == 0;
    int ends_sentence = prev == '.' || prev == '!' || prev == '?' || prev == ':' || prev == ';';
    int next_is_bullet = is_bullet(next) && j + 1 < n && is_horizontal_space(in[j + 1]);
    /* the next line of a wrapped paragraph is long too, or is its last line */
    int32_t k = j;
    while (k < n && !is_line_break(in[k]))
        k++;
    int32_t last = k;
    while (last > j && is_horizontal_space(in[last - 1]))
        last--;
    int next_wraps_on = last - j >= WM_WRAPPED_LINE / 2 ||
                        (last > j && (in[last - 1] == '.' || in[last - 1] == '!' || in[last - 1] == '?'));
    int continues = !repeated && !next_is_bullet && !starts_with_label(in + j, n - j) &&
                    ((is_lower_letter(next) && !starts_with_address(in + j, n - j)) || prev == ',' ||
                     (o->hard_wrapped && line_len >= WM_WRAPPED_LINE && !ends_sentence && next_wraps_on &&
                      (u_isalnum(next) || next == '(')));
    if (continues) {
        if (prev != ' ')
            emit(o, ' ', from, to);
        o->line_start = o->len;
    } else {
        while (o->len > 0 && o->text[o->len - 1] == ' ')
            o->len--;
        emit(o, '\n', from, to);
    }
    return j;
}

static int is_plain_beyond_ascii(UChar c)
{
    return !is_dropped(c) && !is_line_break(c) && !is_horizontal_space(c) && c != 0x2026 && ascii_equivalent(c) == c;
}

/* A character that passes through unchanged (most of any text). */
static inline int is_plain(UChar c)
{
    return c < 0x80 ? c > 0x20 : is_plain_beyond_ascii(c);
}

static void rewrite(const UChar *in, const int32_t *s, const int32_t *e, int32_t n, sink *o)
{
    int32_t i = 0;
    while (i < n) {
        UChar c = in[i];
        if (is_plain(c)) {
            int32_t j = i + 1;
            for (;;) {
                while (j < n && is_plain(in[j]))
                    j++;
                /* a single space between plain characters passes through as it is, too */
                if (j + 1 < n && in[j] == ' ' && is_plain(in[j + 1]))
                    j += 2;
                else
                    break;
            }
            sink_reserve(o, j - i);
            memcpy(o->text + o->len, in + i, (size_t)(j - i) * sizeof *in);
            memcpy(o->start + o->len, s + i, (size_t)(j - i) * sizeof *s);
            memcpy(o->end + o->len, e + i, (size_t)(j - i) * sizeof *e);
            o->len += j - i;
            i = j;
        } else if (is_dropped(c)) {
            i++;
        } else if (is_line_break(c)) {
            i = line_break(in, s, e, n, i, o);
        } else if (is_horizontal_space(c)) {
            int32_t j = i;
            while (j < n && (is_horizontal_space(in[j]) || is_dropped(in[j])))
                j++;
            int at_line_start = o->len == 0 || o->text[o->len - 1] == '\n';
            if (!at_line_start && j < n && !is_line_break(in[j]))
                emit(o, ' ', s[i], e[j - 1]);
            i = j;
        } else if (c == 0x2026) {
            for (int k = 0; k < 3; k++)
                emit(o, '.', s[i], e[i]);
            i++;
        } else {
            emit(o, ascii_equivalent(c), s[i], e[i]);
            i++;
        }
    }
}

wm_status wm_normalize(wm_doc *doc, wm_error *err)
{
    (void)err;
    sink nfc = {0};
    compose_nfc(doc->orig, doc->orig_len, &nfc);
    sink out = {.hard_wrapped = is_hard_wrapped(nfc.text, nfc.len)};
    sink_reserve(&out, nfc.len + 1);
    rewrite(nfc.text, nfc.start, nfc.end, nfc.len, &out);
    free(nfc.text);
    free(nfc.start);
    free(nfc.end);
    sink_reserve(&out, 1);
    out.text[out.len] = 0; /* terminated for the C APIs that want it */
    doc->text = out.text;
    doc->src_start = out.start;
    doc->src_end = out.end;
    doc->len = out.len;
    return WM_OK;
}
