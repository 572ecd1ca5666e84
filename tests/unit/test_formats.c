/* test_formats.c - the graph writers' shared helpers (escaping, flattening, attribute types,
 * link ids) and every graph format of the table on a small graph with hostile strings. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "graph.h"
#include "graphview.h"

/* Runs fn into a memory stream and returns what it wrote (caller frees). */
#define CAPTURE(buf, stmt)                                   \
    do {                                                     \
        size_t capture_len_;                                 \
        FILE *out = open_memstream(&(buf), &capture_len_);   \
        stmt;                                                \
        fclose(out);                                         \
    } while (0)

static void test_xml_escape(void **state)
{
    (void)state;
    char *buf;
    CAPTURE(buf, wm_xml_escape(out, "<a & \"b\" 'c'>\x01\r\n\t\xEF\xBF\xBE\xC3\xBC", 1));
    assert_string_equal(buf, "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;\xEF\xBF\xBD&#13;&#10;&#9;\xEF\xBF\xBD\xC3\xBC");
    free(buf);
    CAPTURE(buf, wm_xml_escape(out, "x\ny\tz\r", 0));
    assert_string_equal(buf, "x\ny\tz&#13;");
    free(buf);
}

static void test_dot_quote(void **state)
{
    (void)state;
    char *buf;
    CAPTURE(buf, wm_dot_quote(out, "a\"b\\c\nd\r\ne\x01"));
    assert_string_equal(buf, "\"a\\\"b\\\\c\\nd\\ne \"");
    free(buf);
}

static void test_json_escaped(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:s}", "t", "</script><!--&\xE2\x80\xA8\xE2\x80\xA9\xC3\xBC");
    char *buf;
    CAPTURE(buf, assert_int_equal(wm_json_write_escaped(out, v, "<>&"), 0));
    assert_string_equal(buf, "{\"t\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029\xC3\xBC\"}");
    free(buf);
    CAPTURE(buf, assert_int_equal(wm_json_write_escaped(out, v, ""), 0));
    assert_string_equal(buf, "{\"t\":\"</script><!--&\\u2028\\u2029\xC3\xBC\"}");
    free(buf);
    json_decref(v);
}

static void test_flat_attrs(void **state)
{
    (void)state;
    json_t *node = json_pack("{s:s, s:s, s:[s,s], s:[{s:i}], s:n, s:b, s:{s:i}}", "id", "person:x", "kind", "person",
                             "aliases", "X", "Y", "mentions", "start", 3, "gender", "public", 1, "extra", "k", 2);
    static const char *const skip[] = {"id", NULL};
    json_t *flat = wm_flat_attrs(node, WM_FLAT_NESTED, skip);
    assert_null(json_object_get(flat, "id"));
    assert_null(json_object_get(flat, "gender"));
    assert_string_equal(json_string_value(json_object_get(flat, "aliases")), "[\"X\",\"Y\"]");
    assert_int_equal(json_integer_value(json_object_get(flat, "aliases_count")), 2);
    assert_string_equal(json_string_value(json_object_get(flat, "mentions")), "[{\"start\":3}]");
    assert_int_equal(json_integer_value(json_object_get(flat, "mentions_count")), 1);
    assert_string_equal(json_string_value(json_object_get(flat, "extra")), "{\"k\":2}");
    assert_true(json_is_true(json_object_get(flat, "public")));
    json_decref(flat);

    flat = wm_flat_attrs(node, WM_FLAT_LISTS, NULL);
    assert_true(json_is_array(json_object_get(flat, "aliases")));
    assert_null(json_object_get(flat, "mentions"));
    assert_int_equal(json_integer_value(json_object_get(flat, "mentions_count")), 1);
    assert_string_equal(json_string_value(json_object_get(flat, "id")), "person:x");
    json_decref(flat);
    json_decref(node);
}

static void test_attr_set(void **state)
{
    (void)state;
    json_t *a = json_pack("{s:i, s:i, s:b, s:s}", "n", 1, "m", 1, "flag", 1, "s", "x");
    json_t *b = json_pack("{s:f, s:s, s:b}", "n", 0.5, "m", "two", "flag", 0);
    wm_attr_set set = {0};
    wm_attr_set_add(&set, a);
    wm_attr_set_add(&set, b);
    assert_int_equal(set.len, 4);
    const char *names[] = {"flag", "m", "n", "s"};
    const wm_attr_type types[] = {WM_ATTR_BOOLEAN, WM_ATTR_STRING, WM_ATTR_DOUBLE, WM_ATTR_STRING};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(set.items[i].name, names[i]);
        assert_int_equal(set.items[i].type, types[i]);
        assert_int_equal(wm_attr_set_find(&set, names[i]), (long)i);
    }
    assert_int_equal(wm_attr_set_find(&set, "absent"), -1);
    wm_vec_free(&set);
    json_decref(a);
    json_decref(b);
}

static void test_link_id_and_label(void **state)
{
    (void)state;
    json_t *met = json_pack("{s:s, s:s, s:s, s:i, s:s}", "source", "person:a", "target", "person:b", "relation", "met",
                            "key", 1, "date", "2025-03");
    json_t *role = json_pack("{s:s, s:s, s:s, s:s}", "source", "person:a", "target", "org:c", "relation", "holds_role",
                             "title", "Ministerin");
    char *id = wm_link_id(met), *label = wm_link_label(met);
    assert_string_equal(id, "person:a--met--person:b--1");
    assert_string_equal(label, "met 2025-03");
    free(id);
    free(label);
    label = wm_link_label(role);
    assert_string_equal(label, "Ministerin");
    free(label);
    char *type = wm_relation_type("holds_role"), *kind = wm_kind_label("organization");
    assert_string_equal(type, "HOLDS_ROLE");
    assert_string_equal(kind, "Organization");
    free(type);
    free(kind);
    json_decref(met);
    json_decref(role);
}

static const char hostile_graph[] =
    "{\"directed\":false,\"multigraph\":true,\"graph\":{\"documents\":[{\"id\":\"d\",\"source\":\"d.txt\",\"chars\":9}]},"
    "\"nodes\":[{\"id\":\"person:a\",\"kind\":\"person\",\"label\":\"</script><script>alert(1)</script>\","
    "\"mentions\":[{\"doc\":\"d\",\"start\":0,\"end\":1,\"text\":\"\\\"><img src=x onerror=alert(1)>\"}],\"roles\":[]},"
    "{\"id\":\"person:b\",\"kind\":\"person\",\"label\":\"B & \\\\ \\\"q\\\"\",\"mentions\":[],\"roles\":[]}],"
    "\"links\":[{\"source\":\"person:a\",\"target\":\"person:b\",\"relation\":\"met\","
    "\"evidence\":[{\"doc\":\"d\",\"start\":0,\"end\":9,\"text\":\"]]> <!-- \\u2028\"}]}]}";

static json_t *hostile_result(void)
{
    json_t *src = json_loads(hostile_graph, 0, NULL);
    assert_non_null(src);
    wm_graph *g = wm_graph_new();
    assert_int_equal(wm_graph_merge(g, src, "test", NULL), WM_OK);
    json_t *result = wm_graph_result(g, "whomet test");
    wm_graph_free(g);
    json_decref(src);
    return result;
}

static size_t count(const char *haystack, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(haystack, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

static void test_every_graph_format(void **state)
{
    (void)state;
    json_t *graph = hostile_result();
    for (size_t i = 0; i < wm_format_count(); i++) {
        const wm_format *f = wm_format_at(i);
        if (!f->write_graph)
            continue;
        char *buf;
        wm_error err;
        CAPTURE(buf, assert_int_equal(f->write_graph(graph, NULL, out, &err), WM_OK));
        assert_true(strlen(buf) > 100);
        /* the hostile label never appears raw outside JSON and DOT strings */
        if (!strcmp(f->name, "graphml") || !strcmp(f->name, "gexf") || !strcmp(f->name, "html"))
            assert_int_equal(count(buf, "<script>alert"), 0);
        if (!strcmp(f->name, "html")) {
            assert_int_equal(count(buf, "<script"), 2);
            assert_int_equal(count(buf, "</script"), 2);
            assert_int_equal(count(buf, "<img"), 0);
        }
        if (!strcmp(f->name, "neo4j"))
            assert_int_equal(count(buf, "\n"), 3); /* two nodes, one relationship */
        free(buf);
    }
    json_decref(graph);
}

/* A full disk is reported, not ignored. */
static void test_write_failure(void **state)
{
    (void)state;
    json_t *graph = hostile_result();
    for (size_t i = 0; i < wm_format_count(); i++) {
        const wm_format *f = wm_format_at(i);
        FILE *full = fopen("/dev/full", "w");
        if (!full || !f->write_graph) {
            if (full)
                fclose(full);
            continue;
        }
        setvbuf(full, NULL, _IONBF, 0);
        wm_error err;
        assert_int_equal(f->write_graph(graph, NULL, full, &err), WM_ERR_IO);
        fclose(full);
    }
    json_decref(graph);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xml_escape),        cmocka_unit_test(test_dot_quote),
        cmocka_unit_test(test_json_escaped),      cmocka_unit_test(test_flat_attrs),
        cmocka_unit_test(test_attr_set),          cmocka_unit_test(test_link_id_and_label),
        cmocka_unit_test(test_every_graph_format), cmocka_unit_test(test_write_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
