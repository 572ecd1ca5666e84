/* graph.c - merging node-link graphs: nodes by id, links by (source, target, relation, title),
 * evidence and mentions by their offsets; then a canonical sort (dropping repeated items) for
 * byte-stable output. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "graph.h"

struct wm_graph {
    json_t *nodes;     /* id -> node */
    json_t *links;     /* link key -> link */
    json_t *documents; /* id -> document */
    json_t *meetings;  /* id -> meeting */
};

wm_graph *wm_graph_new(void)
{
    wm_graph *g = wm_xcalloc(1, sizeof *g);
    g->nodes = json_object();
    g->links = json_object();
    g->documents = json_object();
    g->meetings = json_object();
    return g;
}

void wm_graph_free(wm_graph *g)
{
    if (!g)
        return;
    json_decref(g->nodes);
    json_decref(g->links);
    json_decref(g->documents);
    json_decref(g->meetings);
    free(g);
}

static const char *str(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

/* A copy for the graph to keep, or (when the caller hands src over) the value itself. */
static json_t *take(json_t *v, int copy) { return copy ? json_deep_copy(v) : json_incref(v); }

static int same_position(json_t *a, json_t *b)
{
    return strcmp(str(a, "doc"), str(b, "doc")) == 0 &&
           json_integer_value(json_object_get(a, "start")) == json_integer_value(json_object_get(b, "start")) &&
           json_integer_value(json_object_get(a, "end")) == json_integer_value(json_object_get(b, "end"));
}

/* Identity of an item inside a list: its document and offsets plus the named fields (a field
 * that is absent differs from one that is null). */
static int same_item(json_t *a, json_t *b, const char *const *fields)
{
    if (!same_position(a, b))
        return 0;
    for (; fields && *fields; fields++) {
        json_t *x = json_object_get(a, *fields), *y = json_object_get(b, *fields);
        if ((x == NULL) != (y == NULL) || (x && !json_equal(x, y)))
            return 0;
    }
    return 1;
}

/* Appends the items of src[key] to dst[key]. Duplicates are removed once, when the result is
 * sorted (unique_items): checking at every merge would cost time proportional to the items
 * already there, quadratic over a corpus that mentions one ministry in every document. */
static void append_items(json_t *dst, json_t *src, const char *key, int copy)
{
    json_t *from = json_object_get(src, key);
    if (!json_is_array(from))
        return;
    json_t *to = json_object_get(dst, key);
    if (!json_is_array(to)) {
        to = json_array();
        json_object_set_new(dst, key, to);
    }
    size_t i;
    json_t *v;
    json_array_foreach(from, i, v) json_array_append_new(to, take(v, copy));
}

static void union_strings(json_t *dst, json_t *src, const char *key)
{
    json_t *from = json_object_get(src, key);
    if (!json_is_array(from))
        return;
    json_t *to = json_object_get(dst, key);
    if (!json_is_array(to)) {
        to = json_array();
        json_object_set_new(dst, key, to);
    }
    size_t i, j;
    json_t *v, *w;
    json_array_foreach(from, i, v) {
        int found = 0;
        json_array_foreach(to, j, w) found |= json_equal(v, w);
        if (!found)
            json_array_append(to, v);
    }
}

static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The fuller of two labels: more characters, then the smaller string. */
static int better_label(const char *a, const char *b)
{
    size_t la = code_points(a), lb = code_points(b);
    if (la != lb)
        return la > lb;
    return strcmp(a, b) < 0;
}

/* Scalars that differ between inputs resolve to the smaller JSON text, whatever the order. */
static void merge_scalars(json_t *dst, json_t *src)
{
    const char *k;
    json_t *v;
    json_object_foreach(src, k, v) {
        if (json_is_array(v) || json_is_object(v) || !strcmp(k, "label"))
            continue;
        json_t *cur = json_object_get(dst, k);
        if (!cur) {
            json_object_set(dst, k, v);
            continue;
        }
        if (json_equal(cur, v))
            continue;
        char *a = json_dumps(cur, JSON_ENCODE_ANY), *b = json_dumps(v, JSON_ENCODE_ANY);
        if (a && b && strcmp(b, a) < 0)
            json_object_set(dst, k, v);
        free(a);
        free(b);
    }
}

static const char *const role_fields[] = {"title", "org", NULL};
static const char *const evidence_fields[] = {"rule", "trigger", "date", NULL};

static void merge_node(wm_graph *g, json_t *node, int copy)
{
    const char *id = str(node, "id");
    json_t *cur = json_object_get(g->nodes, id);
    if (!cur) {
        json_object_set_new(g->nodes, id, take(node, copy));
        return;
    }
    if (better_label(str(node, "label"), str(cur, "label")))
        json_object_set(cur, "label", json_object_get(node, "label"));
    merge_scalars(cur, node);
    union_strings(cur, node, "aliases");
    append_items(cur, node, "mentions", copy);
    append_items(cur, node, "roles", copy);
}

static char *link_key(json_t *link)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s\x1f%s\x1f%s\x1f%s", str(link, "source"), str(link, "target"), str(link, "relation"),
             str(link, "title"));
    return wm_xstrdup(buf);
}

static void merge_link(wm_graph *g, json_t *link, int copy)
{
    char *key = link_key(link);
    json_t *cur = json_object_get(g->links, key);
    if (!cur) {
        json_t *mine = take(link, copy);
        json_object_del(mine, "key");
        json_object_set_new(g->links, key, mine);
    } else {
        merge_scalars(cur, link);
        append_items(cur, link, "evidence", copy);
        union_strings(cur, link, "meetings");
    }
    free(key);
}

static void merge_meeting(wm_graph *g, json_t *meeting, int copy)
{
    const char *id = str(meeting, "id");
    json_t *cur = json_object_get(g->meetings, id);
    if (!cur) {
        json_object_set_new(g->meetings, id, take(meeting, copy));
        return;
    }
    merge_scalars(cur, meeting);
    union_strings(cur, meeting, "participants");
    append_items(cur, meeting, "evidence", copy);
}

static wm_status merge(wm_graph *g, json_t *src, const char *name, int copy, wm_error *err)
{
    json_t *nodes = json_object_get(src, "nodes");
    json_t *links = json_object_get(src, "links");
    if (!links)
        links = json_object_get(src, "edges");
    if (!json_is_array(nodes) || !json_is_array(links))
        return wm_error_set(err, WM_ERR_INPUT, name, 0, 0, "not a node-link graph (no 'nodes' and 'links' arrays)");
    size_t i;
    json_t *v;
    json_array_foreach(nodes, i, v) {
        if (!json_is_string(json_object_get(v, "id")))
            return wm_error_set(err, WM_ERR_INPUT, name, 0, 0, "node %zu has no string 'id'", i);
    }
    json_array_foreach(links, i, v) {
        if (!json_is_string(json_object_get(v, "source")) || !json_is_string(json_object_get(v, "target")))
            return wm_error_set(err, WM_ERR_INPUT, name, 0, 0, "link %zu has no string 'source' and 'target'", i);
    }
    json_array_foreach(nodes, i, v) merge_node(g, v, copy);
    json_array_foreach(links, i, v) merge_link(g, v, copy);
    json_t *meta = json_object_get(src, "graph");
    json_array_foreach(json_object_get(meta, "documents"), i, v) {
        const char *id = str(v, "id");
        json_t *cur = json_object_get(g->documents, id);
        if (cur)
            merge_scalars(cur, v);
        else
            json_object_set_new(g->documents, id, take(v, copy));
    }
    json_array_foreach(json_object_get(meta, "meetings"), i, v) merge_meeting(g, v, copy);
    return WM_OK;
}

wm_status wm_graph_merge(wm_graph *g, json_t *src, const char *name, wm_error *err)
{
    return merge(g, src, name, 1, err);
}

wm_status wm_graph_absorb(wm_graph *g, json_t *src, const char *name, wm_error *err)
{
    return merge(g, src, name, 0, err);
}

static int compare_items(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    int c = strcmp(str(x, "doc"), str(y, "doc"));
    if (c)
        return c;
    json_int_t xs = json_integer_value(json_object_get(x, "start")), ys = json_integer_value(json_object_get(y, "start"));
    if (xs != ys)
        return xs < ys ? -1 : 1;
    json_int_t xe = json_integer_value(json_object_get(x, "end")), ye = json_integer_value(json_object_get(y, "end"));
    if (xe != ye)
        return xe < ye ? -1 : 1;
    char *dx = json_dumps(x, JSON_SORT_KEYS | JSON_COMPACT), *dy = json_dumps(y, JSON_SORT_KEYS | JSON_COMPACT);
    c = strcmp(dx ? dx : "", dy ? dy : "");
    free(dx);
    free(dy);
    return c;
}

static int compare_strings(const void *a, const void *b)
{
    const char *x = json_string_value(*(json_t *const *)a), *y = json_string_value(*(json_t *const *)b);
    return strcmp(x ? x : "", y ? y : "");
}

/* Sorts obj[key] and drops exact repeats: a document's graph lists an alias once per mention,
 * and which document came first must not show in the result. */
static void sort_array(json_t *obj, const char *key, int (*cmp)(const void *, const void *))
{
    json_t *array = json_object_get(obj, key);
    size_t n = json_array_size(array);
    if (n < 2)
        return;
    json_t **items = wm_xmalloc(n * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = json_incref(json_array_get(array, i));
    qsort(items, n, sizeof *items, cmp);
    json_array_clear(array);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || !json_equal(items[i], items[i - 1]))
            json_array_append(array, items[i]);
    for (size_t i = 0; i < n; i++)
        json_decref(items[i]);
    free(items);
}

/* A met link's date: the first dated evidence in canonical order. */
static void settle_link_date(json_t *link)
{
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(link, "evidence"), i, e) {
        json_t *d = json_object_get(e, "date");
        if (json_is_string(d)) {
            json_object_set(link, "date", d);
            return;
        }
    }
}

static int compare_cstrings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* After sorting: drops every item that repeats an earlier one at the same position. */
static void unique_items(json_t *obj, const char *key, const char *const *fields)
{
    json_t *array = json_object_get(obj, key);
    size_t n = json_array_size(array);
    if (n < 2)
        return;
    json_t *kept = json_array();
    size_t group = 0; /* first index in kept of the items at the current position */
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(array, i);
        size_t k = json_array_size(kept);
        if (k > 0 && !same_position(json_array_get(kept, k - 1), v))
            group = k;
        int repeated = 0;
        for (size_t j = group; j < k && !repeated; j++)
            repeated = same_item(json_array_get(kept, j), v, fields);
        if (!repeated)
            json_array_append(kept, v);
    }
    if (json_array_size(kept) < n) {
        json_array_clear(array);
        json_array_extend(array, kept);
    }
    json_decref(kept);
}

static void sort_unique(json_t *obj, const char *key, const char *const *fields)
{
    sort_array(obj, key, compare_items);
    unique_items(obj, key, fields);
}

/* jansson iterates objects in insertion order; sorting the keys makes the order stable. The
 * array holds the graph's own values: the result is the graph, finished in place. */
static json_t *sorted_values(json_t *map)
{
    size_t n = json_object_size(map), k = 0;
    const char **keys = wm_xmalloc((n ? n : 1) * sizeof *keys);
    const char *key;
    json_t *v;
    json_object_foreach(map, key, v) keys[k++] = key;
    qsort(keys, n, sizeof *keys, compare_cstrings);
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append(out, json_object_get(map, keys[i]));
    free(keys);
    return out;
}

/* Links between the same two nodes are told apart by `key` 0, 1, ... in canonical order. */
static void number_parallel_links(json_t *links)
{
    json_t *pair_counts = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(links, i, v) {
        char pair[1024];
        snprintf(pair, sizeof pair, "%s\x1f%s", str(v, "source"), str(v, "target"));
        json_int_t key = json_integer_value(json_object_get(pair_counts, pair));
        json_object_set_new(v, "key", json_integer(key));
        json_object_set_new(pair_counts, pair, json_integer(key + 1));
    }
    json_decref(pair_counts);
}

static void sort_array_by(json_t *array, int (*cmp)(const void *, const void *))
{
    json_t *holder = json_object();
    json_object_set(holder, "a", array);
    sort_array(holder, "a", cmp);
    json_decref(holder);
}

json_t *wm_graph_result(wm_graph *g, const char *generator)
{
    json_t *out = json_object();
    json_object_set_new(out, "directed", json_false());
    json_object_set_new(out, "multigraph", json_true());
    json_t *meta = json_object();
    json_object_set_new(meta, "generator", json_string(generator));
    json_object_set_new(meta, "documents", sorted_values(g->documents));
    json_t *meetings = sorted_values(g->meetings);
    size_t i;
    json_t *v;
    json_array_foreach(meetings, i, v) {
        sort_array(v, "participants", compare_strings);
        sort_unique(v, "evidence", evidence_fields);
    }
    json_object_set_new(meta, "meetings", meetings);
    json_object_set_new(out, "graph", meta);

    json_t *nodes = sorted_values(g->nodes);
    json_array_foreach(nodes, i, v) {
        sort_array(v, "aliases", compare_strings);
        sort_unique(v, "mentions", NULL);
        sort_unique(v, "roles", role_fields);
    }
    json_object_set_new(out, "nodes", nodes);

    json_t *links = sorted_values(g->links);
    json_array_foreach(links, i, v) {
        sort_unique(v, "evidence", evidence_fields);
        sort_array(v, "meetings", compare_strings);
        settle_link_date(v);
    }
    number_parallel_links(links);
    json_object_set_new(out, "links", links);
    return out;
}

static int compare_node_ids(const void *a, const void *b)
{
    return strcmp(str(*(json_t *const *)a, "id"), str(*(json_t *const *)b, "id"));
}

static int compare_link_keys(const void *a, const void *b)
{
    char *x = link_key(*(json_t *const *)a), *y = link_key(*(json_t *const *)b);
    int c = strcmp(x, y);
    free(x);
    free(y);
    return c;
}

void wm_graph_meeting_nodes(json_t *graph)
{
    json_t *nodes = json_object_get(graph, "nodes"), *links = json_object_get(graph, "links");
    size_t i, k;
    json_t *m, *v;
    json_array_foreach(json_object_get(json_object_get(graph, "graph"), "meetings"), i, m) {
        json_t *n = json_object();
        json_object_set(n, "id", json_object_get(m, "id"));
        json_object_set_new(n, "kind", json_string("meeting"));
        const char *date = json_string_value(json_object_get(m, "date"));
        char label[512];
        snprintf(label, sizeof label, "%s%s%s", str(m, "trigger"), date ? " " : "", date ? date : "");
        json_object_set_new(n, "label", json_string(label));
        const char *const copied[] = {"date", "place", "trigger", "rule"};
        for (size_t c = 0; c < sizeof copied / sizeof *copied; c++)
            if (json_object_get(m, copied[c]))
                json_object_set(n, copied[c], json_object_get(m, copied[c]));
        json_t *mentions = json_array();
        json_array_foreach(json_object_get(m, "evidence"), k, v) {
            json_t *mention = json_object();
            const char *const fields[] = {"doc", "start", "end", "text"};
            for (size_t f = 0; f < sizeof fields / sizeof *fields; f++)
                json_object_set(mention, fields[f], json_object_get(v, fields[f]));
            json_array_append_new(mentions, mention);
        }
        json_object_set_new(n, "mentions", mentions);
        json_array_append_new(nodes, n);
        json_array_foreach(json_object_get(m, "participants"), k, v) {
            json_t *l = json_object();
            json_object_set(l, "source", v);
            json_object_set(l, "target", json_object_get(m, "id"));
            json_object_set_new(l, "relation", json_string("participated_in"));
            if (date)
                json_object_set(l, "date", json_object_get(m, "date"));
            json_object_set_new(l, "evidence", json_deep_copy(json_object_get(m, "evidence")));
            json_array_append_new(links, l);
        }
    }
    json_t *sorted = json_array();
    json_array_extend(sorted, nodes);
    sort_array_by(sorted, compare_node_ids);
    json_array_clear(nodes);
    json_array_extend(nodes, sorted);
    json_array_clear(sorted);
    json_array_extend(sorted, links);
    sort_array_by(sorted, compare_link_keys);
    json_array_clear(links);
    json_array_extend(links, sorted);
    json_decref(sorted);
    number_parallel_links(links);
}
