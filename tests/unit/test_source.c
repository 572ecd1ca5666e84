/* test_source.c - the document sources: file operands, a list of paths, and streams split at
 * form feeds or lines, with ids, sources ("path:line"), blank pieces, size limits and totals. */
#include "testutil.h"

#include "source.h"

typedef struct {
    char *dir;
    char path[4200];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    f->dir = tu_tempdir();
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tu_rmtree(f->dir);
    free(f);
    return 0;
}

static wm_source *open_one(fixture *f, wm_input_mode mode, const char *name, const char *content, size_t max)
{
    tu_write(f->dir, name, content);
    snprintf(f->path, sizeof f->path, "%s/%s", f->dir, name);
    static char *operands[1];
    operands[0] = f->path;
    wm_source *src = NULL;
    wm_error err;
    assert_int_equal(wm_source_open(mode, operands, 1, NULL, max, &src, &err), WM_OK);
    return src;
}

static void expect_document(wm_source *src, const char *id, const char *line, const char *bytes)
{
    wm_input in;
    assert_int_equal(wm_source_next(src, &in), 1);
    assert_false(in.failed);
    assert_string_equal(in.id, id);
    const char *colon = strrchr(in.source, ':');
    assert_non_null(colon);
    assert_string_equal(colon + 1, line);
    assert_int_equal(in.len, strlen(bytes));
    assert_memory_equal(in.bytes, bytes, in.len);
    wm_input_clear(&in);
}

static void test_form_feeds(void **state)
{
    fixture *f = *state;
    wm_source *src = open_one(f, WM_INPUT_FF, "press.txt", "Erster.\nZeile zwei.\n\f\nZweiter.\n\f \n\f\fDritter.", 1000);
    assert_int_equal(wm_source_total_bytes(src), strlen("Erster.\nZeile zwei.\n\f\nZweiter.\n\f \n\f\fDritter."));
    expect_document(src, "press-1", "1", "Erster.\nZeile zwei.\n");
    expect_document(src, "press-2", "4", "Zweiter.\n"); /* the line break after the form feed is the separator's */
    expect_document(src, "press-3", "6", "Dritter.");   /* blank pieces are no documents */
    wm_input in;
    assert_int_equal(wm_source_next(src, &in), 0);
    wm_source_free(src);
}

static void test_too_large_piece_is_failed_and_skipped(void **state)
{
    fixture *f = *state;
    wm_source *src = open_one(f, WM_INPUT_FF, "big.txt", "kurz\fviel zu lang fuer das Limit\fauch kurz", 10);
    expect_document(src, "big-1", "1", "kurz");
    wm_input in;
    assert_int_equal(wm_source_next(src, &in), 1);
    assert_true(in.failed);
    assert_string_equal(in.id, "big-2");
    assert_non_null(strstr(in.err.message, "document too large"));
    wm_input_clear(&in);
    expect_document(src, "big-3", "1", "auch kurz");
    wm_source_free(src);
}

static void test_json_lines(void **state)
{
    fixture *f = *state;
    wm_source *src = open_one(f, WM_INPUT_JSONL, "feed.jsonl",
                              "{\"id\": \"a\", \"text\": \"Ein \\u00fcberall Text.\"}\n\n{\"text\": \"ohne\"}\n{\"id\": 7, \"text\": \"x\"}\n"
                              "{\"id\": [], \"text\": \"x\"}\n",
                              1000);
    wm_input in;
    wm_error err;
    const char *expect_id[] = {"a", "feed-2", "7"};
    const char *expect_text[] = {"Ein \xc3\xbc" "berall Text.", "ohne", "x"};
    const char *expect_line[] = {"1", "3", "4"};
    for (int k = 0; k < 3; k++) {
        assert_int_equal(wm_source_next(src, &in), 1);
        assert_true(in.jsonl);
        assert_string_equal(strrchr(in.source, ':') + 1, expect_line[k]);
        assert_int_equal(wm_input_parse_jsonl(&in, &err), WM_OK);
        assert_string_equal(in.id, expect_id[k]);
        assert_int_equal(in.len, strlen(expect_text[k]));
        assert_memory_equal(in.bytes, expect_text[k], in.len);
        wm_input_clear(&in);
    }
    assert_int_equal(wm_source_next(src, &in), 1);
    assert_int_equal(wm_input_parse_jsonl(&in, &err), WM_ERR_INPUT);
    assert_non_null(strstr(err.message, "\"id\""));
    wm_input_clear(&in);
    assert_int_equal(wm_source_next(src, &in), 0);
    wm_source_free(src);
}

static void test_files_and_list(void **state)
{
    fixture *f = *state;
    tu_write(f->dir, "a.txt", "A");
    tu_write(f->dir, "sub/b.txt", "B");
    char list[8500], a[4200], b[4200];
    snprintf(a, sizeof a, "%.4000s/a.txt", f->dir);
    snprintf(b, sizeof b, "%.4000s/sub/b.txt", f->dir);
    snprintf(list, sizeof list, "%s\n\n%s\r\n", b, a);
    tu_write(f->dir, "list", list);
    char listpath[4200];
    snprintf(listpath, sizeof listpath, "%s/list", f->dir);
    char *operands[] = {a};
    wm_source *src = NULL;
    wm_error err;
    assert_int_equal(wm_source_open(WM_INPUT_FILES, operands, 1, listpath, 100, &src, &err), WM_OK);
    assert_int_equal(wm_source_total_documents(src), 0); /* unknown with a list */
    const char *ids[] = {"a", "b", "a"};
    const char *paths[] = {a, b, a};
    for (int k = 0; k < 3; k++) {
        wm_input in;
        assert_int_equal(wm_source_next(src, &in), 1);
        assert_string_equal(in.id, ids[k]);
        assert_string_equal(in.path, paths[k]);
        assert_null(in.bytes); /* files are read by the workers */
        wm_input_clear(&in);
    }
    wm_input in;
    assert_int_equal(wm_source_next(src, &in), 0);
    wm_source_free(src);

    assert_int_equal(wm_source_open(WM_INPUT_FILES, operands, 1, NULL, 100, &src, &err), WM_OK);
    assert_int_equal(wm_source_total_documents(src), 1);
    wm_source_free(src);
    snprintf(listpath, sizeof listpath, "%s/no-such-list", f->dir);
    assert_int_equal(wm_source_open(WM_INPUT_FILES, operands, 1, listpath, 100, &src, &err), WM_ERR_IO);
}

static void test_unreadable_stream_is_failed(void **state)
{
    fixture *f = *state;
    char missing[4200];
    snprintf(missing, sizeof missing, "%s/none.ff", f->dir);
    char *operands[] = {missing};
    wm_source *src = NULL;
    wm_error err;
    assert_int_equal(wm_source_open(WM_INPUT_FF, operands, 1, NULL, 100, &src, &err), WM_OK);
    wm_input in;
    assert_int_equal(wm_source_next(src, &in), 1);
    assert_true(in.failed);
    assert_null(in.id);
    assert_non_null(strstr(in.err.message, "cannot open"));
    wm_input_clear(&in);
    assert_int_equal(wm_source_next(src, &in), 0);
    wm_source_free(src);
    assert_int_equal(wm_input_mode_from_name("ff"), WM_INPUT_FF);
    assert_int_equal(wm_input_mode_from_name("xml"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_form_feeds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_large_piece_is_failed_and_skipped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_json_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_files_and_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_stream_is_failed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
