/* test_graph.c - merging node-link graphs: any order of the inputs gives byte-identical output,
 * merging again changes nothing, and malformed input is refused. */
#include "graph.h"
#include "testutil.h"

static const char *const doc_graphs[] = {
    "{\"directed\": false, \"multigraph\": true,"
    " \"graph\": {\"documents\": [{\"id\": \"a\", \"source\": \"a.txt\", \"chars\": 100}]},"
    " \"nodes\": ["
    "  {\"id\": \"person:anette-kramme\", \"kind\": \"person\", \"label\": \"Kramme\", \"aliases\": [\"Kramme\"],"
    "   \"roles\": [{\"title\": \"Staatssekret\xc3\xa4rin\", \"org\": \"org:bmas\", \"doc\": \"a\", \"start\": 1, \"end\": 5}],"
    "   \"mentions\": [{\"doc\": \"a\", \"start\": 10, \"end\": 16, \"text\": \"Kramme\"}]},"
    "  {\"id\": \"person:jamshid-abruev\", \"kind\": \"person\", \"label\": \"Jamshid Abruev\", \"aliases\": [],"
    "   \"roles\": [], \"mentions\": [{\"doc\": \"a\", \"start\": 20, \"end\": 34, \"text\": \"Jamshid Abruev\"}]},"
    "  {\"id\": \"org:bmas\", \"kind\": \"organization\", \"label\": \"BMAS\", \"aliases\": [\"BMAS\"],"
    "   \"mentions\": [{\"doc\": \"a\", \"start\": 40, \"end\": 44, \"text\": \"BMAS\"}]}],"
    " \"links\": ["
    "  {\"source\": \"person:anette-kramme\", \"target\": \"person:jamshid-abruev\", \"relation\": \"met\","
    "   \"evidence\": [{\"doc\": \"a\", \"start\": 0, \"end\": 50, \"text\": \"...\", \"rule\": \"meet.verb\"}]},"
    "  {\"source\": \"person:anette-kramme\", \"target\": \"org:bmas\", \"relation\": \"holds_role\","
    "   \"title\": \"Staatssekret\xc3\xa4rin\", \"evidence\": [{\"doc\": \"a\", \"start\": 1, \"end\": 44, \"text\": \"...\"}]}]}",

    "{\"directed\": false, \"multigraph\": true,"
    " \"graph\": {\"documents\": [{\"id\": \"b\", \"source\": \"b.txt\", \"chars\": 80, \"date\": \"2025-03-31\"}],"
    "  \"meetings\": [{\"id\": \"meeting:b-1\", \"participants\": [\"person:jamshid-abruev\", \"person:anette-kramme\"],"
    "   \"evidence\": [{\"doc\": \"b\", \"start\": 0, \"end\": 30, \"text\": \"...\"}]}]},"
    " \"nodes\": ["
    "  {\"id\": \"person:anette-kramme\", \"kind\": \"person\", \"label\": \"Anette Kramme\","
    "   \"aliases\": [\"Anette Kramme\", \"Kramme\"], \"gender\": \"f\", \"roles\": [],"
    "   \"mentions\": [{\"doc\": \"b\", \"start\": 3, \"end\": 16, \"text\": \"Anette Kramme\"}]},"
    "  {\"id\": \"person:jamshid-abruev\", \"kind\": \"person\", \"label\": \"Abruev\", \"aliases\": [\"Abruev\"],"
    "   \"roles\": [], \"mentions\": [{\"doc\": \"b\", \"start\": 20, \"end\": 26, \"text\": \"Abruev\"}]}],"
    " \"links\": ["
    "  {\"source\": \"person:anette-kramme\", \"target\": \"person:jamshid-abruev\", \"relation\": \"met\", \"key\": 0,"
    "   \"meetings\": [\"meeting:b-1\"],"
    "   \"evidence\": [{\"doc\": \"b\", \"start\": 0, \"end\": 30, \"text\": \"...\", \"date\": \"2025-03-31\"}]}]}",

    "{\"directed\": false, \"multigraph\": true,"
    " \"graph\": {\"documents\": [{\"id\": \"c\", \"source\": \"c.txt\", \"chars\": 60}]},"
    " \"nodes\": ["
    "  {\"id\": \"person:anette-kramme\", \"kind\": \"person\", \"label\": \"Anette Krame\", \"aliases\": [\"Anette Krame\"],"
    "   \"roles\": [{\"title\": \"Staatssekret\xc3\xa4rin\", \"org\": null, \"doc\": \"c\", \"start\": 0, \"end\": 17}],"
    "   \"mentions\": [{\"doc\": \"c\", \"start\": 18, \"end\": 30, \"text\": \"Anette Krame\"}]},"
    "  {\"id\": \"person:olena-k\", \"kind\": \"person\", \"label\": \"Olena K\", \"aliases\": [], \"roles\": [],"
    "   \"mentions\": [{\"doc\": \"c\", \"start\": 40, \"end\": 47, \"text\": \"Olena K\"}]}],"
    " \"links\": ["
    "  {\"source\": \"person:anette-kramme\", \"target\": \"person:olena-k\", \"relation\": \"met\","
    "   \"evidence\": [{\"doc\": \"c\", \"start\": 0, \"end\": 50, \"text\": \"...\", \"date\": \"2024\"}]},"
    "  {\"source\": \"person:anette-kramme\", \"target\": \"person:olena-k\", \"relation\": \"planned_meeting\","
    "   \"evidence\": [{\"doc\": \"c\", \"start\": 0, \"end\": 50, \"text\": \"...\"}]}]}",
};

enum { DOCS = sizeof doc_graphs / sizeof *doc_graphs };

static json_t *parsed[DOCS];

static int setup(void **state)
{
    (void)state;
    for (int i = 0; i < DOCS; i++) {
        json_error_t jerr;
        parsed[i] = json_loads(doc_graphs[i], 0, &jerr);
        if (!parsed[i])
            fail_msg("graph %d: %s at %d", i, jerr.text, jerr.position);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    for (int i = 0; i < DOCS; i++)
        json_decref(parsed[i]);
    return 0;
}

static void merge(wm_graph *g, json_t *src)
{
    wm_error err;
    if (wm_graph_merge(g, src, "test", &err) != WM_OK)
        fail_msg("%s", err.message);
}

/* The merged output for the inputs in `order`, as sorted-key JSON text; the caller frees. */
static char *merged(const int *order, int n)
{
    wm_graph *g = wm_graph_new();
    for (int i = 0; i < n; i++)
        merge(g, parsed[order[i]]);
    json_t *result = wm_graph_result(g, "whomet test");
    char *text = json_dumps(result, JSON_INDENT(1) | JSON_SORT_KEYS);
    json_decref(result);
    wm_graph_free(g);
    return text;
}

static void order_independent(void **state)
{
    (void)state;
    static const int orders[][DOCS] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    char *first = merged(orders[0], DOCS);
    for (size_t i = 1; i < sizeof orders / sizeof *orders; i++) {
        char *other = merged(orders[i], DOCS);
        assert_string_equal(other, first);
        free(other);
    }
    free(first);
}

static void idempotent(void **state)
{
    (void)state;
    static const int once[] = {0, 1, 2}, twice[] = {0, 1, 2, 2, 1, 0};
    char *a = merged(once, 3), *b = merged(twice, 6);
    assert_string_equal(a, b);
    /* a whole earlier run merges like its documents */
    wm_graph *g = wm_graph_new();
    json_error_t jerr;
    json_t *run = json_loads(a, 0, &jerr);
    merge(g, run);
    merge(g, parsed[1]);
    json_t *result = wm_graph_result(g, "whomet test");
    char *c = json_dumps(result, JSON_INDENT(1) | JSON_SORT_KEYS);
    assert_string_equal(c, a);
    free(c);
    json_decref(result);
    json_decref(run);
    wm_graph_free(g);
    free(a);
    free(b);
}

static void merged_content(void **state)
{
    (void)state;
    static const int order[] = {2, 1, 0};
    char *text = merged(order, 3);
    json_error_t jerr;
    json_t *g = json_loads(text, 0, &jerr);
    free(text);
    assert_true(json_is_false(json_object_get(g, "directed")));
    assert_true(json_is_true(json_object_get(g, "multigraph")));
    json_t *docs = json_object_get(json_object_get(g, "graph"), "documents");
    assert_int_equal(json_array_size(docs), 3);
    assert_string_equal(json_string_value(json_object_get(json_array_get(docs, 0), "id")), "a");
    json_t *nodes = json_object_get(g, "nodes");
    assert_int_equal(json_array_size(nodes), 4);
    /* nodes sorted by id; the fullest label wins, ties to the smaller string */
    json_t *kramme = json_array_get(nodes, 1);
    assert_string_equal(json_string_value(json_object_get(kramme, "id")), "person:anette-kramme");
    assert_string_equal(json_string_value(json_object_get(kramme, "label")), "Anette Kramme");
    assert_string_equal(json_string_value(json_object_get(kramme, "gender")), "f");
    assert_int_equal(json_array_size(json_object_get(kramme, "mentions")), 3);
    assert_int_equal(json_array_size(json_object_get(kramme, "roles")), 2);
    assert_int_equal(json_array_size(json_object_get(kramme, "aliases")), 3);
    json_t *links = json_object_get(g, "links");
    assert_int_equal(json_array_size(links), 4);
    size_t i;
    json_t *link;
    int met_ab = 0;
    json_array_foreach(links, i, link) {
        const char *target = json_string_value(json_object_get(link, "target"));
        const char *relation = json_string_value(json_object_get(link, "relation"));
        if (!strcmp(relation, "met") && !strcmp(target, "person:jamshid-abruev")) {
            met_ab = 1;
            assert_int_equal(json_array_size(json_object_get(link, "evidence")), 2);
            assert_string_equal(json_string_value(json_object_get(link, "date")), "2025-03-31");
            assert_int_equal(json_integer_value(json_object_get(link, "key")), 0);
        }
        if (!strcmp(relation, "planned_meeting"))
            assert_int_equal(json_integer_value(json_object_get(link, "key")), 1); /* second link of its pair */
    }
    assert_true(met_ab);
    json_t *meetings = json_object_get(json_object_get(g, "graph"), "meetings");
    assert_int_equal(json_array_size(meetings), 1);
    json_t *participants = json_object_get(json_array_get(meetings, 0), "participants");
    assert_string_equal(json_string_value(json_array_get(participants, 0)), "person:anette-kramme");
    json_decref(g);
}

static void malformed(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "{\"nodes\": []}",
        "{\"nodes\": [{\"id\": 3}], \"links\": []}",
        "{\"nodes\": [], \"links\": [{\"source\": \"a\"}]}",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        wm_graph *g = wm_graph_new();
        json_error_t jerr;
        json_t *src = json_loads(bad[i], 0, &jerr);
        wm_error err;
        assert_int_equal(wm_graph_merge(g, src, "old.json", &err), WM_ERR_INPUT);
        assert_string_equal(err.file, "old.json");
        json_decref(src);
        wm_graph_free(g);
    }
    /* networkx 3.6 writes "edges" instead of "links" */
    wm_graph *g = wm_graph_new();
    json_error_t jerr;
    json_t *src = json_loads("{\"nodes\": [{\"id\": \"x\"}], \"edges\": []}", 0, &jerr);
    merge(g, src);
    json_decref(src);
    wm_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(order_independent),
        cmocka_unit_test(idempotent),
        cmocka_unit_test(merged_content),
        cmocka_unit_test(malformed),
    };
    return cmocka_run_group_tests_name("graph", tests, setup, teardown);
}
