/* test_jsonout.c - wm_json_dumpf writes exactly what jansson's json_dumpf writes, for the
 * flags the formats use, on values covering every type, escape, nesting and key order. */
#include "testutil.h"

#include "jsonout.h"

static char *ours(json_t *v, size_t flags)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    assert_int_equal(wm_json_dumpf(v, mem, flags), 0);
    fclose(mem);
    return text;
}

static void check(json_t *v)
{
    static const size_t flag_sets[] = {
        JSON_INDENT(1) | JSON_SORT_KEYS, JSON_COMPACT | JSON_SORT_KEYS, JSON_INDENT(3), 0, JSON_COMPACT,
        JSON_INDENT(2) | JSON_COMPACT | JSON_SORT_KEYS,
    };
    for (size_t i = 0; i < sizeof flag_sets / sizeof *flag_sets; i++) {
        char *want = json_dumps(v, flag_sets[i]);
        char *got = ours(v, flag_sets[i]);
        assert_non_null(want);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
}

static void test_documents(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "{}",
        "[]",
        "{\"a\": [], \"b\": {}, \"c\": [{}], \"d\": [[[]]]}",
        "{\"z\": 1, \"a\": -9223372036854775807, \"m\": 0, \"B\": true, \"b\": false, \"\\u00e4\": null}",
        "[\"plain\", \"quote \\\" backslash \\\\ slash / tab \\t nl \\n cr \\r ff \\f bs \\b\", \"\\u0001\\u001f\\u007f\"]",
        "{\"text\": \"Gr\\u00fc\\u00dfe \\u201eaus\\u201c K\\u00f6ln \\ud83d\\ude00 \\u2028 \\u00ad\"}",
        "{\"nodes\": [{\"id\": \"person:a\", \"mentions\": [{\"doc\": \"x\", \"start\": 1, \"end\": 5, \"text\": \"Anna\"}],"
        " \"roles\": []}], \"links\": [{\"key\": 0, \"evidence\": [{\"date\": \"2024-05-01\"}]}], \"directed\": false}",
        "[1.5, -0.25, 1e300, 3.0, 0.1, [2.5]]",
        "{\"k\": \"\\u0000 nul inside\"}",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        json_error_t err;
        json_t *v = json_loads(texts[i], JSON_ALLOW_NUL, &err);
        if (!v)
            fail_msg("%s: %s", texts[i], err.text);
        check(v);
        json_decref(v);
    }
}

static void test_large_and_deep(void **state)
{
    (void)state;
    json_t *root = json_object();
    json_t *list = json_array();
    for (int i = 0; i < 3000; i++) {
        json_t *item = json_object();
        char key[32], text[64];
        snprintf(key, sizeof key, "k%05d", (i * 7919) % 3000);
        snprintf(text, sizeof text, "Text Nummer %d mit \"Zitat\" und \\", i);
        json_object_set_new(item, "text", json_string(text));
        json_object_set_new(item, "n", json_integer(i));
        json_object_set_new(root, key, json_integer(i));
        json_array_append_new(list, item);
    }
    json_object_set_new(root, "list", list);
    json_t *deep = json_array(), *at = deep;
    for (int d = 0; d < 40; d++) {
        json_t *next = json_array();
        json_array_append_new(at, json_string("x"));
        json_array_append_new(at, next);
        at = next;
    }
    json_object_set_new(root, "deep", deep);
    check(root);
    json_decref(root);
    json_t *scalar = json_string("only a string");
    char *text = ours(scalar, JSON_ENCODE_ANY);
    assert_string_equal(text, "\"only a string\"");
    free(text);
    json_decref(scalar);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_large_and_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
