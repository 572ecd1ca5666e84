/* graphview.c - helpers shared by the graph writers: link ids and labels, flattening nested
 * attributes into scalars, attribute type inference, and escaping for XML, DOT and HTML. */
#include <ctype.h>
#include <string.h>

#include "alloc.h"
#include "graphview.h"

static const char *str(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

char *wm_link_id(json_t *link)
{
    const char *source = str(link, "source"), *target = str(link, "target"), *relation = str(link, "relation");
    size_t n = strlen(source) + strlen(relation) + strlen(target) + 32;
    char *id = wm_xmalloc(n);
    snprintf(id, n, "%s--%s--%s--%lld", source, relation, target, (long long)json_integer_value(json_object_get(link, "key")));
    return id;
}

char *wm_link_label(json_t *link)
{
    const char *title = str(link, "title"), *date = str(link, "date");
    const char *head = *title ? title : str(link, "relation");
    size_t n = strlen(head) + strlen(date) + 2;
    char *label = wm_xmalloc(n);
    snprintf(label, n, "%s%s%s", head, *date ? " " : "", date);
    return label;
}

char *wm_kind_label(const char *kind)
{
    char *label = wm_xstrdup(kind && *kind ? kind : "entity");
    label[0] = (char)toupper((unsigned char)label[0]);
    return label;
}

char *wm_relation_type(const char *relation)
{
    char *type = wm_xstrdup(relation && *relation ? relation : "related");
    for (char *p = type; *p; p++)
        *p = (char)toupper((unsigned char)*p);
    return type;
}

const char *wm_kind_color(const char *kind)
{
    static const struct {
        const char *kind, *color;
    } palette[] = {{"person", "#4e79a7"}, {"organization", "#f28e2b"}, {"location", "#59a14f"}};
    for (size_t i = 0; i < sizeof palette / sizeof *palette; i++)
        if (kind && strcmp(kind, palette[i].kind) == 0)
            return palette[i].color;
    return "#9c755f";
}

static int compare_cstrings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int skipped(const char *key, const char *const *skip)
{
    for (; skip && *skip; skip++)
        if (strcmp(key, *skip) == 0)
            return 1;
    return 0;
}

static int all_strings(json_t *array)
{
    size_t i;
    json_t *v;
    json_array_foreach(array, i, v) if (!json_is_string(v)) return 0;
    return 1;
}

json_t *wm_flat_attrs(json_t *item, unsigned flags, const char *const *skip)
{
    size_t n = json_object_size(item), k = 0;
    const char **keys = wm_xmalloc((n ? n : 1) * sizeof *keys);
    const char *key;
    json_t *v;
    json_object_foreach(item, key, v) keys[k++] = key;
    qsort(keys, n, sizeof *keys, compare_cstrings);
    json_t *flat = json_object();
    for (size_t i = 0; i < n; i++) {
        key = keys[i];
        v = json_object_get(item, key);
        if (skipped(key, skip) || json_is_null(v))
            continue;
        if (!json_is_array(v) && !json_is_object(v)) {
            json_object_set(flat, key, v);
            continue;
        }
        if ((flags & WM_FLAT_LISTS) && json_is_array(v) && all_strings(v))
            json_object_set(flat, key, v);
        else if (flags & WM_FLAT_NESTED) {
            char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
            json_object_set_new(flat, key, json_string(text ? text : ""));
            free(text);
        }
        if (json_is_array(v)) {
            size_t len = strlen(key) + sizeof "_count";
            char *count = wm_xmalloc(len);
            snprintf(count, len, "%s_count", key);
            if (!json_object_get(item, count))
                json_object_set_new(flat, count, json_integer((json_int_t)json_array_size(v)));
            free(count);
        }
    }
    free(keys);
    return flat;
}

static wm_attr_type type_of(json_t *v)
{
    if (json_is_boolean(v))
        return WM_ATTR_BOOLEAN;
    if (json_is_integer(v))
        return WM_ATTR_LONG;
    if (json_is_real(v))
        return WM_ATTR_DOUBLE;
    return WM_ATTR_STRING;
}

static wm_attr_type widen(wm_attr_type a, wm_attr_type b)
{
    if (a == b)
        return a;
    if ((a == WM_ATTR_LONG && b == WM_ATTR_DOUBLE) || (a == WM_ATTR_DOUBLE && b == WM_ATTR_LONG))
        return WM_ATTR_DOUBLE;
    return WM_ATTR_STRING;
}

long wm_attr_set_find(const wm_attr_set *set, const char *name)
{
    size_t lo = 0, hi = set->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(set->items[mid].name, name);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

void wm_attr_set_add(wm_attr_set *set, json_t *flat)
{
    const char *key;
    json_t *v;
    json_object_foreach(flat, key, v) {
        long found = wm_attr_set_find(set, key);
        if (found >= 0) {
            set->items[found].type = widen(set->items[found].type, type_of(v));
            continue;
        }
        size_t at = 0;
        while (at < set->len && strcmp(set->items[at].name, key) < 0)
            at++;
        wm_vec_reserve(set, set->len + 1);
        memmove(set->items + at + 1, set->items + at, (set->len - at) * sizeof *set->items);
        set->items[at] = (wm_attr){key, type_of(v)};
        set->len++;
    }
}

const char *wm_attr_type_name(wm_attr_type type)
{
    static const char *const names[] = {"boolean", "long", "double", "string"};
    return names[type];
}

char *wm_scalar_text(json_t *value)
{
    if (json_is_string(value))
        return wm_xstrdup(json_string_value(value));
    if (json_is_true(value))
        return wm_xstrdup("true");
    if (json_is_false(value))
        return wm_xstrdup("false");
    char *text = json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT);
    char *copy = wm_xstrdup(text ? text : "");
    free(text);
    return copy;
}

/* The code point starting at s (valid UTF-8, as jansson guarantees) and its length in bytes. */
static unsigned long decode_utf8(const unsigned char *s, int *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0) {
        *len = 2;
        return ((s[0] & 0x1FUL) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0) {
        *len = 3;
        return ((s[0] & 0x0FUL) << 12) | ((s[1] & 0x3FUL) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((s[0] & 0x07UL) << 18) | ((s[1] & 0x3FUL) << 12) | ((s[2] & 0x3FUL) << 6) | (s[3] & 0x3F);
}

void wm_xml_escape(FILE *out, const char *s, int in_attribute)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int len;
        unsigned long c = decode_utf8(p, &len);
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\r': fputs("&#13;", out); break;
        case '\t':
        case '\n':
            if (in_attribute)
                fprintf(out, "&#%lu;", c);
            else
                fputc((int)c, out);
            break;
        default:
            if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(p, 1, (size_t)len, out);
        }
        p += len;
    }
}

void wm_dot_quote(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            fputc('\\', out);
            fputc(*p, out);
        } else if (*p == '\n') {
            fputs("\\n", out);
        } else if (*p == '\r') {
            if (p[1] != '\n')
                fputs("\\n", out);
        } else if (*p < 0x20 || *p == 0x7F) {
            fputc(' ', out);
        } else {
            fputc(*p, out);
        }
    }
    fputc('"', out);
}

int wm_json_write_escaped(FILE *out, json_t *value, const char *escape)
{
    char *text = json_dumps(value, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
    if (!text)
        return -1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (strchr(escape, *p))
            fprintf(out, "\\u%04x", *p);
        else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
            fprintf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
            p += 2;
        } else
            fputc(*p, out);
    }
    free(text);
    return 0;
}
