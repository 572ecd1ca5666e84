/* graph.c - merging node-link graphs: nodes by id, links by (source, target, relation, title),
 * evidence and mentions by their offsets; then a canonical sort for byte-stable output. */
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

/* Identity of an item inside a list: its document and offsets plus the named fields. */
static char *item_key(json_t *item, const char *const *fields)
{
    char buf[2048];
    int n = snprintf(buf, sizeof buf, "%s\x1f%lld\x1f%lld", str(item, "doc"),
                     (long long)json_integer_value(json_object_get(item, "start")),
                     (long long)json_integer_value(json_object_get(item, "end")));
    for (; fields && *fields && n > 0 && (size_t)n < sizeof buf; fields++) {
        json_t *v = json_object_get(item, *fields);
        char *dumped = v ? json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
        n += snprintf(buf + n, sizeof buf - (size_t)n, "\x1f%s", dumped ? dumped : "");
        free(dumped);
    }
    return wm_xstrdup(buf);
}

/* Appends the items of src[key] missing from dst[key], identified by item_key. */
static void union_items(json_t *dst, json_t *src, const char *key, const char *const *fields)
{
    json_t *from = json_object_get(src, key);
    if (!json_is_array(from))
        return;
    json_t *to = json_object_get(dst, key);
    if (!json_is_array(to)) {
        to = json_array();
        json_object_set_new(dst, key, to);
    }
    json_t *seen = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(to, i, v) {
        char *k = item_key(v, fields);
        json_object_set_new(seen, k, json_true());
        free(k);
    }
    json_array_foreach(from, i, v) {
        char *k = item_key(v, fields);
        if (!json_object_get(seen, k)) {
            json_object_set_new(seen, k, json_true());
            json_array_append_new(to, json_deep_copy(v));
        }
        free(k);
    }
    json_decref(seen);
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
        char *a = json_dumps(cur, JSON_ENCODE_ANY), *b = json_dumps(v, JSON_ENCODE_ANY);
        if (a && b && strcmp(b, a) < 0)
            json_object_set(dst, k, v);
        free(a);
        free(b);
    }
}

static const char *const role_fields[] = {"title", "org", NULL};
static const char *const evidence_fields[] = {"rule", "trigger", "date", NULL};

static void merge_node(wm_graph *g, json_t *node)
{
    const char *id = str(node, "id");
    json_t *cur = json_object_get(g->nodes, id);
    if (!cur) {
        json_object_set_new(g->nodes, id, json_deep_copy(node));
        return;
    }
    if (better_label(str(node, "label"), str(cur, "label")))
        json_object_set(cur, "label", json_object_get(node, "label"));
    merge_scalars(cur, node);
    union_strings(cur, node, "aliases");
    union_items(cur, node, "mentions", NULL);
    union_items(cur, node, "roles", role_fields);
}

static char *link_key(json_t *link)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "%s\x1f%s\x1f%s\x1f%s", str(link, "source"), str(link, "target"), str(link, "relation"),
             str(link, "title"));
    return wm_xstrdup(buf);
}

static void merge_link(wm_graph *g, json_t *link)
{
    char *key = link_key(link);
    json_t *cur = json_object_get(g->links, key);
    if (!cur) {
        json_t *copy = json_deep_copy(link);
        json_object_del(copy, "key");
        json_object_set_new(g->links, key, copy);
    } else {
        merge_scalars(cur, link);
        union_items(cur, link, "evidence", evidence_fields);
        union_strings(cur, link, "meetings");
    }
    free(key);
}

static void merge_meeting(wm_graph *g, json_t *meeting)
{
    const char *id = str(meeting, "id");
    json_t *cur = json_object_get(g->meetings, id);
    if (!cur) {
        json_object_set_new(g->meetings, id, json_deep_copy(meeting));
        return;
    }
    merge_scalars(cur, meeting);
    union_strings(cur, meeting, "participants");
    union_items(cur, meeting, "evidence", evidence_fields);
}

wm_status wm_graph_merge(wm_graph *g, json_t *src, const char *name, wm_error *err)
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
    json_array_foreach(nodes, i, v) merge_node(g, v);
    json_array_foreach(links, i, v) merge_link(g, v);
    json_t *meta = json_object_get(src, "graph");
    json_array_foreach(json_object_get(meta, "documents"), i, v) {
        const char *id = str(v, "id");
        json_t *cur = json_object_get(g->documents, id);
        if (cur)
            merge_scalars(cur, v);
        else
            json_object_set_new(g->documents, id, json_deep_copy(v));
    }
    json_array_foreach(json_object_get(meta, "meetings"), i, v) merge_meeting(g, v);
    return WM_OK;
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
        json_array_append_new(array, items[i]);
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

/* jansson iterates objects in insertion order; sorting the keys makes the order stable. */
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
        json_array_append_new(out, json_deep_copy(json_object_get(map, keys[i])));
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

json_t *wm_graph_result(const wm_graph *g, const char *generator)
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
        sort_array(v, "evidence", compare_items);
    }
    json_object_set_new(meta, "meetings", meetings);
    json_object_set_new(out, "graph", meta);

    json_t *nodes = sorted_values(g->nodes);
    json_array_foreach(nodes, i, v) {
        sort_array(v, "aliases", compare_strings);
        sort_array(v, "mentions", compare_items);
        sort_array(v, "roles", compare_items);
    }
    json_object_set_new(out, "nodes", nodes);

    json_t *links = sorted_values(g->links);
    json_array_foreach(links, i, v) {
        sort_array(v, "evidence", compare_items);
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
