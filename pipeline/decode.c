/* decode.c - detects the encoding of a document and converts it to UTF-16 (valid UTF-8 in one
 * fused pass, everything else with ICU).
 * Owns the policy for what counts as text: NUL bytes or many control characters mean binary. */
#include <stdint.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "decode.h"

/* The code point of the multi-byte UTF-8 sequence at s[i] (s[i] >= 0x80) and its length in
 * bytes, or 0 when it is not valid UTF-8 (truncated, overlong, a surrogate, past U+10FFFF). */
static size_t utf8_sequence(const unsigned char *s, size_t len, size_t i, uint32_t *out)
{
    unsigned char c = s[i];
    size_t need;
    uint32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (size_t n = 1; n <= need; n++) {
        if (i + n >= len || (s[i + n] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + n] & 0x3F);
    }
    if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out = cp;
    return need + 1;
}

size_t wm_utf8_invalid_offset(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_sequence(s, len, i, &cp);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

/* The contract's offsets are those of the text as Python's open() reads it, which turns
 * CR LF and a lone CR into LF; so does the decoded original. */
static void universal_newlines(wm_doc *doc)
{
    int32_t k = 0;
    for (int32_t i = 0; i < doc->orig_len; i++) {
        if (doc->orig[i] == '\r') {
            doc->orig[k++] = '\n';
            if (i + 1 < doc->orig_len && doc->orig[i + 1] == '\n')
                i++;
        } else {
            doc->orig[k++] = doc->orig[i];
        }
    }
    doc->orig_len = k;
}

static void index_supplementary(wm_doc *doc)
{
    for (int32_t i = 0; i + 1 < doc->orig_len; i++)
        if (U16_IS_LEAD(doc->orig[i]) && U16_IS_TRAIL(doc->orig[i + 1])) {
            wm_vec_push(&doc->supplementary, i);
            i++;
        }
}

/* Offset of the first unpaired surrogate in UTF-16 text, or -1. */
static int32_t unpaired_surrogate(const UChar *s, int32_t len)
{
    for (int32_t i = 0; i < len; i++) {
        if (U16_IS_LEAD(s[i]) && i + 1 < len && U16_IS_TRAIL(s[i + 1]))
            i++;
        else if (U16_IS_SURROGATE(s[i]))
            return i;
    }
    return -1;
}

static wm_status decode_utf16(const unsigned char *bytes, size_t len, int big_endian, wm_doc *doc,
                              wm_error *err)
{
    if (len % 2)
        return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, (long)len - 1,
                                  "UTF-16 text with an odd number of bytes");
    size_t n = (len - 2) / 2; /* the BOM is not part of the text */
    doc->orig = wm_xmalloc((n + 1) * sizeof(UChar));
    for (size_t i = 0; i < n; i++) {
        const unsigned char *p = bytes + 2 + 2 * i;
        doc->orig[i] = big_endian ? (UChar)(p[0] << 8 | p[1]) : (UChar)(p[1] << 8 | p[0]);
    }
    doc->orig_len = (int32_t)n;
    int32_t bad = unpaired_surrogate(doc->orig, doc->orig_len);
    if (bad >= 0)
        return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, 2 + 2L * bad,
                                  "invalid UTF-16 (unpaired surrogate)");
    for (int32_t i = 0; i < doc->orig_len; i++)
        if (doc->orig[i] == 0)
            return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, 2 + 2L * i,
                                      "binary file (NUL character)");
    doc->encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
    return WM_OK;
}

/* Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252. */
static int cp1252_unassigned(unsigned char c)
{
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* A legacy 8-bit file has high bytes but not one valid multi-byte UTF-8 sequence. */
static int looks_legacy(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x80)
            continue;
        if (cp1252_unassigned(s[i]))
            return 0;
        size_t valid_end = i + wm_utf8_invalid_offset(s + i, len - i > 4 ? 4 : len - i);
        if (valid_end > i && s[i] >= 0xC2)
            return 0; /* a valid UTF-8 sequence starts here: this is broken UTF-8, not Latin-1 */
    }
    return 1;
}

static wm_status convert_with_icu(const unsigned char *bytes, size_t len, const char *charset,
                                  wm_doc *doc, wm_error *err)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status))
        return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0, "no converter for %s: %s",
                            charset, u_errorName(status));
    doc->orig = wm_xmalloc((len + 1) * sizeof(UChar));
    doc->orig_len = ucnv_toUChars(conv, doc->orig, (int32_t)len + 1, (const char *)bytes,
                                  (int32_t)len, &status);
    ucnv_close(conv);
    if (U_FAILURE(status))
        return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0, "cannot convert from %s: %s",
                            charset, u_errorName(status));
    return WM_OK;
}

/* More than 1 in 100 bytes being C0 controls other than tab, line feed, vertical tab,
 * form feed and carriage return marks a binary file. */
static int mostly_controls(const unsigned char *s, size_t len)
{
    size_t controls = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] < 0x20 && (s[i] < 0x09 || s[i] > 0x0D))
            controls++;
    return controls * 100 > len;
}

/* Eight ASCII bytes, none of them a C0 control (the "has a byte less than n" bit trick). */
static int plain_ascii_word(uint64_t v)
{
    return !(v & 0x8080808080808080ULL) && !((v - 0x2020202020202020ULL) & ~v & 0x8080808080808080ULL);
}

/* The common case in one pass: valid UTF-8 without NUL bytes, decoded straight into
 * doc->orig with universal newlines, counting the control bytes and indexing surrogate pairs.
 * Returns 0 for anything else, leaving doc untouched, so the careful path finds out what it is. */
static int decode_utf8_fast(const unsigned char *s, size_t len, wm_doc *doc, size_t *controls)
{
    UChar *out = wm_xmalloc((len + 1) * sizeof(UChar));
    size_t i = 0, k = 0, ctl = 0;
    while (i < len) {
        uint64_t v;
        if (i + 8 <= len && (memcpy(&v, s + i, 8), plain_ascii_word(v))) {
            for (int b = 0; b < 8; b++)
                out[k + (size_t)b] = s[i + (size_t)b];
            i += 8;
            k += 8;
            continue;
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == 0)
                goto fail;
            ctl += c < 0x20 && (c < 0x09 || c > 0x0D);
            if (c == '\r') {
                out[k++] = '\n';
                i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            out[k++] = c;
            i++;
            continue;
        }
        uint32_t cp;
        size_t need = utf8_sequence(s, len, i, &cp);
        if (!need)
            goto fail;
        if (cp >= 0x10000) {
            wm_vec_push(&doc->supplementary, (int32_t)k);
            out[k++] = U16_LEAD(cp);
            out[k++] = U16_TRAIL(cp);
        } else {
            out[k++] = (UChar)cp;
        }
        i += need;
    }
    out[k] = 0;
    doc->orig = out;
    doc->orig_len = (int32_t)k;
    *controls = ctl;
    return 1;
fail:
    free(out);
    doc->supplementary.len = 0;
    return 0;
}

static wm_status decode_any(const unsigned char *bytes, size_t len, wm_doc *doc, wm_error *err)
{
    if (len == 0)
        return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0, "empty file");
    if (len >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))) {
        return decode_utf16(bytes, len, bytes[0] == 0xFE, doc, err);
    }

    const unsigned char *nul = memchr(bytes, 0, len);
    if (nul)
        return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, (long)(nul - bytes),
                                  "binary file (NUL byte)");
    if (mostly_controls(bytes, len))
        return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0,
                            "binary file (too many control characters)");

    size_t bad = wm_utf8_invalid_offset(bytes, len);
    if (bad == len) {
        UErrorCode status = U_ZERO_ERROR;
        doc->orig = wm_xmalloc((len + 1) * sizeof(UChar));
        u_strFromUTF8(doc->orig, (int32_t)len + 1, &doc->orig_len, (const char *)bytes,
                      (int32_t)len, &status);
        if (U_FAILURE(status))
            return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, 0, "cannot decode UTF-8: %s",
                                      u_errorName(status));
        doc->encoding = (len >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
                            ? "UTF-8 (BOM)"
                            : "UTF-8";
    } else if (looks_legacy(bytes, len)) {
        wm_status st = convert_with_icu(bytes, len, "windows-1252", doc, err);
        if (st != WM_OK)
            return st;
        doc->encoding = "windows-1252";
    } else {
        return wm_error_at_offset(err, WM_ERR_INPUT, doc->source, (long)bad, "invalid UTF-8");
    }
    return WM_OK;
}

wm_status wm_decode(const unsigned char *bytes, size_t len, wm_doc *doc, wm_error *err)
{
    size_t controls;
    if (len > 0 && len < INT32_MAX && decode_utf8_fast(bytes, len, doc, &controls)) {
        if (controls * 100 > len) {
            free(doc->orig);
            doc->orig = NULL;
            doc->orig_len = 0;
            doc->supplementary.len = 0;
            return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0, "binary file (too many control characters)");
        }
        doc->encoding = (len >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? "UTF-8 (BOM)" : "UTF-8";
        return WM_OK;
    }
    wm_status st = decode_any(bytes, len, doc, err);
    if (st == WM_OK) {
        universal_newlines(doc);
        index_supplementary(doc); /* every encoding: offsets count code points, not UTF-16 units */
    }
    return st;
}
