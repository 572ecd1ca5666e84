/* jsonout.c - a JSON writer that reproduces jansson's dump format byte for byte: the same
 * indentation and separators, keys sorted with strcmp, the same escapes ("\u001F" in upper
 * case, '/' and non-ASCII as they are), integers as %lld; reals are left to jansson. It
 * fills a buffer and hands it to stdio in large pieces. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "jsonout.h"

enum { WM_JSON_BUFFER = 1 << 16 };

typedef struct {
    FILE *out;
    size_t flags;
    unsigned indent;
    int failed;
    size_t len;
    char buf[WM_JSON_BUFFER];
} writer;

static void flush(writer *w)
{
    if (w->len && !w->failed && fwrite(w->buf, 1, w->len, w->out) != w->len)
        w->failed = 1;
    w->len = 0;
}

static void put(writer *w, const char *s, size_t n)
{
    if (w->len + n > sizeof w->buf) {
        flush(w);
        if (n > sizeof w->buf) {
            if (!w->failed && fwrite(s, 1, n, w->out) != n)
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void put_char(writer *w, char c)
{
    if (w->len == sizeof w->buf)
        flush(w);
    w->buf[w->len++] = c;
}

/* jansson's dump_indent: a newline and depth * indent spaces, or one space between items of
 * a non-compact, non-indented dump. */
static void put_indent(writer *w, int depth, int space)
{
    if (w->indent > 0) {
        put_char(w, '\n');
        for (unsigned n = (unsigned)depth * w->indent; n > 0; n--)
            put_char(w, ' ');
    } else if (space && !(w->flags & JSON_COMPACT)) {
        put_char(w, ' ');
    }
}

static void put_string(writer *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    put_char(w, '"');
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(w, s + from, i - from);
        from = i + 1;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        size_t len = 2;
        switch (c) {
        case '\\': esc[1] = '\\'; break;
        case '"': esc[1] = '"'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        case '\n': esc[1] = 'n'; break;
        case '\r': esc[1] = 'r'; break;
        case '\t': esc[1] = 't'; break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            len = 6;
        }
        put(w, esc, len);
    }
    put(w, s + from, n - from);
    put_char(w, '"');
}

typedef struct {
    const char *key;
    json_t *value;
} member;

static int compare_members(const void *a, const void *b)
{
    return strcmp(((const member *)a)->key, ((const member *)b)->key);
}

static void put_value(writer *w, json_t *v, int depth);

static void put_object(writer *w, json_t *obj, int depth)
{
    size_t n = json_object_size(obj);
    put_char(w, '{');
    if (n == 0) {
        put_char(w, '}');
        return;
    }
    member stack[32];
    member *members = n <= 32 ? stack : wm_xmalloc(n * sizeof *members);
    size_t k = 0;
    const char *key;
    json_t *value;
    json_object_foreach(obj, key, value) members[k++] = (member){key, value};
    if (w->flags & JSON_SORT_KEYS)
        qsort(members, n, sizeof *members, compare_members);
    put_indent(w, depth + 1, 0);
    for (size_t i = 0; i < n; i++) {
        put_string(w, members[i].key, strlen(members[i].key));
        if (w->flags & JSON_COMPACT)
            put_char(w, ':');
        else
            put(w, ": ", 2);
        put_value(w, members[i].value, depth + 1);
        if (i + 1 < n) {
            put_char(w, ',');
            put_indent(w, depth + 1, 1);
        } else {
            put_indent(w, depth, 0);
        }
    }
    if (members != stack)
        free(members);
    put_char(w, '}');
}

static void put_array(writer *w, json_t *array, int depth)
{
    size_t n = json_array_size(array);
    put_char(w, '[');
    if (n == 0) {
        put_char(w, ']');
        return;
    }
    put_indent(w, depth + 1, 0);
    for (size_t i = 0; i < n; i++) {
        put_value(w, json_array_get(array, i), depth + 1);
        if (i + 1 < n) {
            put_char(w, ',');
            put_indent(w, depth + 1, 1);
        } else {
            put_indent(w, depth, 0);
        }
    }
    put_char(w, ']');
}

static void put_value(writer *w, json_t *v, int depth)
{
    char num[32];
    switch (json_typeof(v)) {
    case JSON_OBJECT: put_object(w, v, depth); break;
    case JSON_ARRAY: put_array(w, v, depth); break;
    case JSON_STRING: put_string(w, json_string_value(v), json_string_length(v)); break;
    case JSON_INTEGER: put(w, num, (size_t)snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v))); break;
    case JSON_TRUE: put(w, "true", 4); break;
    case JSON_FALSE: put(w, "false", 5); break;
    case JSON_NULL: put(w, "null", 4); break;
    case JSON_REAL: {
        char *text = json_dumps(v, JSON_ENCODE_ANY | (w->flags & JSON_REAL_PRECISION(31)));
        if (!text) {
            w->failed = 1;
            break;
        }
        put(w, text, strlen(text));
        free(text);
        break;
    }
    }
}

int wm_json_dumpf(json_t *json, FILE *out, size_t flags)
{
    size_t mine = JSON_INDENT(31) | JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY | JSON_REAL_PRECISION(31);
    if ((flags & ~mine) || (!(flags & JSON_ENCODE_ANY) && !json_is_object(json) && !json_is_array(json)))
        return json_dumpf(json, out, flags);
    writer *w = wm_xmalloc(sizeof *w);
    w->out = out;
    w->flags = flags;
    w->indent = (unsigned)(flags & JSON_MAX_INDENT);
    w->failed = 0;
    w->len = 0;
    put_value(w, json, 0);
    flush(w);
    int failed = w->failed;
    free(w);
    return failed ? -1 : 0;
}
