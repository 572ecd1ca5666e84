/* test_decode.c - encoding detection and conversion: UTF-8 with and without BOM, UTF-16 with
 * BOM, Windows-1252 / ISO-8859-1, and the rejection of empty, binary and broken input. */
#include "testutil.h"

static wm_doc *decoded(const char *bytes, size_t len, wm_status expect, wm_error *err)
{
    wm_doc *doc = wm_doc_new("t", "t.txt");
    wm_error_clear(err);
    assert_int_equal(wm_decode((const unsigned char *)bytes, len, doc, err), expect);
    return doc;
}

static void assert_orig(const wm_doc *doc, const char *utf8)
{
    char *s = tu_utf8(doc->orig, doc->orig_len);
    assert_string_equal(s, utf8);
    free(s);
}

static void utf8_plain(void **state)
{
    (void)state;
    wm_error err;
    wm_doc *doc = decoded("M\xc3\xbcller", 7, WM_OK, &err);
    assert_string_equal(doc->encoding, "UTF-8");
    assert_int_equal(doc->orig_len, 6);
    assert_orig(doc, "M\xc3\xbcller");
    wm_doc_free(doc);
}

/* validate.py reads files as UTF-8, so a UTF-8 BOM is the character at offset 0. */
static void utf8_bom_is_character_zero(void **state)
{
    (void)state;
    wm_error err;
    wm_doc *doc = decoded("\xef\xbb\xbf" "Dr. M\xc3\xbcller", 14, WM_OK, &err);
    assert_string_equal(doc->encoding, "UTF-8 (BOM)");
    assert_int_equal(doc->orig[0], 0xFEFF);
    assert_int_equal(wm_normalize(doc, &err), WM_OK);
    assert_int_equal(doc->text[0], 'D'); /* the BOM is gone from the normalized text */
    int32_t s, e;
    wm_doc_original_offsets(doc, (wm_span){4, 10}, &s, &e);
    assert_int_equal(s, 5);
    assert_int_equal(e, 11);
    wm_doc_free(doc);
}

static void utf16_little_endian(void **state)
{
    (void)state;
    wm_error err;
    const char bytes[] = {'\xff', '\xfe', 'M', 0, '\xfc', 0, 'l', 0};
    wm_doc *doc = decoded(bytes, sizeof bytes, WM_OK, &err);
    assert_string_equal(doc->encoding, "UTF-16LE");
    assert_orig(doc, "M\xc3\xbcl");
    wm_doc_free(doc);
}

static void utf16_big_endian(void **state)
{
    (void)state;
    wm_error err;
    const char bytes[] = {'\xfe', '\xff', 0, 'M', 0, '\xfc', 0x20, 0x1e};
    wm_doc *doc = decoded(bytes, sizeof bytes, WM_OK, &err);
    assert_string_equal(doc->encoding, "UTF-16BE");
    assert_orig(doc, "M\xc3\xbc\xe2\x80\x9e");
    wm_doc_free(doc);
}

/* Code point offsets after a character outside the BMP count it once, in UTF-16 input too. */
static void utf16_supplementary_offsets(void **state)
{
    (void)state;
    wm_error err;
    /* U+1F600, then " Ab" */
    const char bytes[] = {'\xff', '\xfe', '\x3d', '\xd8', '\x00', '\xde', ' ', 0, 'A', 0, 'b', 0};
    wm_doc *doc = decoded(bytes, sizeof bytes, WM_OK, &err);
    assert_int_equal(doc->orig_len, 5);
    assert_int_equal(wm_normalize(doc, &err), WM_OK);
    int32_t s, e;
    wm_doc_original_offsets(doc, (wm_span){doc->len - 2, doc->len}, &s, &e);
    assert_int_equal(s, 2);
    assert_int_equal(e, 4);
    wm_doc_free(doc);
}

static void utf16_odd_length(void **state)
{
    (void)state;
    wm_error err;
    const char bytes[] = {'\xff', '\xfe', 'M', 0, 'x'};
    wm_doc_free(decoded(bytes, sizeof bytes, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 4);
}

static void utf16_unpaired_surrogate(void **state)
{
    (void)state;
    wm_error err;
    const char bytes[] = {'\xff', '\xfe', 'M', 0, '\x3d', '\xd8', 'x', 0};
    wm_doc_free(decoded(bytes, sizeof bytes, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 4);
    assert_non_null(strstr(err.message, "surrogate"));
}

static void windows_1252(void **state)
{
    (void)state;
    wm_error err;
    const char *s = "M\xfcller \x80 \x84Zitat\x93 \x96 Stra\xdf" "e";
    wm_doc *doc = decoded(s, strlen(s), WM_OK, &err);
    assert_string_equal(doc->encoding, "windows-1252");
    assert_orig(doc, "M\xc3\xbcller \xe2\x82\xac \xe2\x80\x9eZitat\xe2\x80\x9c \xe2\x80\x93 Stra\xc3\x9f" "e");
    wm_doc_free(doc);
}

static void iso_8859_1(void **state)
{
    (void)state;
    wm_error err;
    const char *s = "Gr\xfc\xdf" "e aus K\xf6ln, \xa7 23 Abs. 1";
    wm_doc *doc = decoded(s, strlen(s), WM_OK, &err);
    assert_orig(doc, "Gr\xc3\xbc\xc3\x9f" "e aus K\xc3\xb6ln, \xc2\xa7 23 Abs. 1");
    wm_doc_free(doc);
}

static void empty(void **state)
{
    (void)state;
    wm_error err;
    wm_doc_free(decoded("", 0, WM_ERR_INPUT, &err));
    assert_string_equal(err.message, "empty file");
}

static void nul_byte(void **state)
{
    (void)state;
    wm_error err;
    wm_doc_free(decoded("abc\0def", 7, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 3);
    assert_non_null(strstr(err.message, "binary"));
}

static void control_characters(void **state)
{
    (void)state;
    wm_error err;
    wm_doc_free(decoded("ab\x01\x02\x03\x04" "cdefgh", 12, WM_ERR_INPUT, &err));
    assert_non_null(strstr(err.message, "binary"));
    /* tabs, form feeds and CR LF are text */
    wm_doc_free(decoded("a\tb\r\nc\fd", 8, WM_OK, &err));
}

/* A file with valid UTF-8 sequences and a broken one is broken UTF-8, not Latin-1. */
static void invalid_utf8_names_byte(void **state)
{
    (void)state;
    wm_error err;
    wm_doc_free(decoded("M\xc3\xbcller \xff", 9, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 8);
    char line[1200];
    wm_error_format(&err, line, sizeof line);
    assert_string_equal(line, "t.txt: byte 8: invalid UTF-8");
    /* truncated sequence at the end */
    wm_doc_free(decoded("M\xc3\xbc\xc3", 4, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 3);
    /* unassigned in Windows-1252, so not legacy either */
    wm_doc_free(decoded("abc\x81", 4, WM_ERR_INPUT, &err));
    assert_int_equal(err.offset, 3);
}

static void utf8_validator(void **state)
{
    (void)state;
    const unsigned char emoji[] = {0xF0, 0x9F, 0x98, 0x80, 'a'};
    assert_int_equal(wm_utf8_invalid_offset(emoji, 5), 5);
    const unsigned char overlong[] = {'a', 0xC0, 0xAF};
    assert_int_equal(wm_utf8_invalid_offset(overlong, 3), 1);
    const unsigned char overlong3[] = {0xE0, 0x80, 0xAF};
    assert_int_equal(wm_utf8_invalid_offset(overlong3, 3), 0);
    const unsigned char surrogate[] = {'a', 'b', 0xED, 0xA0, 0x80};
    assert_int_equal(wm_utf8_invalid_offset(surrogate, 5), 2);
    const unsigned char too_big[] = {0xF4, 0x90, 0x80, 0x80};
    assert_int_equal(wm_utf8_invalid_offset(too_big, 4), 0);
    const unsigned char f5[] = {0xF5, 0x80, 0x80, 0x80};
    assert_int_equal(wm_utf8_invalid_offset(f5, 4), 0);
    const unsigned char max[] = {0xF4, 0x8F, 0xBF, 0xBF};
    assert_int_equal(wm_utf8_invalid_offset(max, 4), 4);
}

/* Offsets count code points of the original: a supplementary character counts once. */
static void supplementary_offsets(void **state)
{
    (void)state;
    wm_error err;
    wm_doc *doc = decoded("\xf0\x9f\x98\x80 Ab \xf0\x9f\x98\x80 Cd", 15, WM_OK, &err);
    assert_int_equal(doc->supplementary.len, 2);
    assert_int_equal(wm_normalize(doc, &err), WM_OK);
    int32_t s, e;
    wm_doc_original_offsets(doc, (wm_span){doc->len - 2, doc->len}, &s, &e);
    assert_int_equal(s, 7);
    assert_int_equal(e, 9);
    wm_doc_free(doc);
}

/* Offsets follow Python's open(): CR LF and a lone CR are one line end, LF. */
static void universal_newlines(void **state)
{
    (void)state;
    wm_error err;
    wm_doc *doc = decoded("a\r\nb\rc\n\r\nd", 10, WM_OK, &err);
    assert_orig(doc, "a\nb\nc\n\nd");
    wm_doc_free(doc);
    const char bytes[] = {'\xff', '\xfe', 'a', 0, '\r', 0, '\n', 0, 'b', 0};
    doc = decoded(bytes, sizeof bytes, WM_OK, &err);
    assert_orig(doc, "a\nb");
    wm_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_plain),
        cmocka_unit_test(utf8_bom_is_character_zero),
        cmocka_unit_test(utf16_little_endian),
        cmocka_unit_test(utf16_big_endian),
        cmocka_unit_test(utf16_supplementary_offsets),
        cmocka_unit_test(utf16_odd_length),
        cmocka_unit_test(utf16_unpaired_surrogate),
        cmocka_unit_test(windows_1252),
        cmocka_unit_test(iso_8859_1),
        cmocka_unit_test(empty),
        cmocka_unit_test(nul_byte),
        cmocka_unit_test(control_characters),
        cmocka_unit_test(invalid_utf8_names_byte),
        cmocka_unit_test(utf8_validator),
        cmocka_unit_test(supplementary_offsets),
        cmocka_unit_test(universal_newlines),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
