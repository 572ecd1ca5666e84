/* rules.c - rule file parsing, {define} and {list:...} expansion, PCRE2 compilation with JIT,
 * and bounded matching. Errors carry file:line:column, the column pointing into the line. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "arena.h"
#include "rules.h"
#include "vec.h"

typedef struct {
    const char *name;
    const char *pattern; /* UTF-8, already expanded */
} define;

/* Bounds on {define} expansion, which can double a pattern per line ("define B {A}{A}"):
 * PCRE2 (link size 2) cannot compile more than 64K code units anyway. */
enum { WM_MAX_PATTERN_BYTES = 256 * 1024, WM_MAX_DEFINE_BYTES = 16 * 1024 * 1024 };

/* Memory one rule application may use: the JIT stack, and the interpreter's backtracking heap. */
enum { WM_JIT_STACK_MAX = 1024 * 1024, WM_MATCH_HEAP_KIB = 64 * 1024 };

struct wm_ruleset {
    WM_VEC(wm_rule) rules;
    WM_VEC(define) defines;
    size_t define_bytes; /* expanded define bodies, in total */
    wm_arena strings;
};

struct wm_rule_matcher {
    pcre2_match_data *data;
    pcre2_match_context *context;
    pcre2_jit_stack *jit_stack;
};

void wm_ruleset_free(wm_ruleset *set)
{
    if (!set)
        return;
    for (size_t i = 0; i < set->rules.len; i++)
        pcre2_code_free(set->rules.items[i].code);
    wm_vec_free(&set->rules);
    wm_vec_free(&set->defines);
    wm_arena_free(&set->strings);
    free(set);
}

size_t wm_ruleset_size(const wm_ruleset *set) { return set->rules.len; }
const wm_rule *wm_ruleset_rule(const wm_ruleset *set, size_t index) { return &set->rules.items[index]; }

const wm_rule *wm_ruleset_find(const wm_ruleset *set, const char *id)
{
    for (size_t i = 0; i < set->rules.len; i++)
        if (strcmp(set->rules.items[i].id, id) == 0)
            return &set->rules.items[i];
    return NULL;
}

int wm_rule_attr(const wm_rule *rule, const char *key, char *buf, size_t size)
{
    size_t klen = strlen(key);
    const char *p = rule->attrs;
    while (*p) {
        while (*p == ' ')
            p++;
        const char *end = strchr(p, ' ');
        if (!end)
            end = p + strlen(p);
        if ((size_t)(end - p) > klen && strncmp(p, key, klen) == 0 && p[klen] == '=') {
            snprintf(buf, size, "%.*s", (int)((end - p) - klen - 1), p + klen + 1);
            return 1;
        }
        p = end;
    }
    return 0;
}

typedef WM_VEC(char) charbuf;
typedef WM_VEC(long) colbuf;

static void buf_append(charbuf *b, const char *s, size_t n)
{
    wm_vec_reserve(b, b->len + n + 1);
    memcpy(b->items + b->len, s, n);
    b->len += n;
    b->items[b->len] = '\0';
}

/* Appends a regex that matches a gazetteer surface literally, with flexible white space. */
static void append_literal(charbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ') {
            buf_append(b, "\\s+", 3);
        } else if (strchr("\\^$.|?*+()[]{}/#-", *s)) {
            buf_append(b, "\\", 1);
            buf_append(b, s, 1);
        } else {
            buf_append(b, s, 1);
        }
    }
}

static int by_length_desc(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;
    size_t lx = strlen(x), ly = strlen(y);
    if (lx != ly)
        return lx > ly ? -1 : 1;
    return strcmp(x, y);
}

static int expand_list(charbuf *b, const wm_gazetteer *gaz, const char *name, size_t len)
{
    int list = wm_list_from_name(name, len);
    if (list < 0 || !gaz)
        return 0;
    WM_VEC(const char *) surfaces = {0};
    for (size_t i = 0; i < wm_gazetteer_size(gaz); i++) {
        const wm_gaz_entry *e = wm_gazetteer_entry(gaz, (int32_t)i);
        if ((int)e->list == list)
            wm_vec_push(&surfaces, e->surface);
    }
    if (surfaces.len)
        qsort(surfaces.items, surfaces.len, sizeof *surfaces.items, by_length_desc);
    buf_append(b, "(?:", 3);
    for (size_t i = 0; i < surfaces.len; i++) {
        if (i && strcmp(surfaces.items[i], surfaces.items[i - 1]) == 0)
            continue;
        if (i)
            buf_append(b, "|", 1);
        append_literal(b, surfaces.items[i]);
    }
    if (!surfaces.len)
        buf_append(b, "(*FAIL)", 7);
    buf_append(b, ")", 1);
    wm_vec_free(&surfaces);
    return 1;
}

/* Expands {NAME} and {list:LIST}; `cols` records for each output byte the column of the
 * source character it came from, so compile errors point into the file's line. */
static wm_status expand(const wm_ruleset *set, const wm_gazetteer *gaz, const char *name, long lineno,
                        const char *pat, size_t len, long col0, charbuf *out, colbuf *cols,
                        wm_error *err)
{
    for (size_t i = 0; i < len;) {
        size_t before = out->len;
        long col = col0 + (long)i;
        if (pat[i] == '\\' && i + 2 < len && pat[i + 2] == '{' && strchr("pPxoNgk", pat[i + 1])) {
            /* \p{Lu}, \x{20AC}, \g{-1}: the braces belong to the escape, not to a {define} */
            const char *close = memchr(pat + i, '}', len - i);
            size_t n = close ? (size_t)(close - (pat + i)) + 1 : len - i;
            buf_append(out, pat + i, n);
            i += n;
        } else if (pat[i] == '\\' && i + 1 < len) {
            buf_append(out, pat + i, 2);
            i += 2;
        } else if (pat[i] == '{' && i + 1 < len && (pat[i + 1] == '_' || (pat[i + 1] >= 'A' && pat[i + 1] <= 'Z') ||
                                                    (pat[i + 1] >= 'a' && pat[i + 1] <= 'z'))) {
            const char *close = memchr(pat + i, '}', len - i);
            if (!close)
                return wm_error_set(err, WM_ERR_DATA, name, lineno, col, "unclosed '{'");
            const char *ref = pat + i + 1;
            size_t rlen = (size_t)(close - ref);
            if (rlen > 5 && strncmp(ref, "list:", 5) == 0) {
                if (!expand_list(out, gaz, ref + 5, rlen - 5))
                    return wm_error_set(err, WM_ERR_DATA, name, lineno, col + 6, "unknown gazetteer list '%.*s'",
                                        (int)rlen - 5, ref + 5);
            } else {
                const define *d = NULL;
                for (size_t k = 0; k < set->defines.len; k++)
                    if (strlen(set->defines.items[k].name) == rlen &&
                        strncmp(set->defines.items[k].name, ref, rlen) == 0)
                        d = &set->defines.items[k];
                if (!d)
                    return wm_error_set(err, WM_ERR_DATA, name, lineno, col + 1, "unknown define '{%.*s}'",
                                        (int)rlen, ref);
                buf_append(out, "(?:", 3);
                buf_append(out, d->pattern, strlen(d->pattern));
                buf_append(out, ")", 1);
            }
            i = (size_t)(close - pat) + 1;
            if (out->len > WM_MAX_PATTERN_BYTES)
                return wm_error_set(err, WM_ERR_DATA, name, lineno, col, "pattern longer than %d bytes after expansion",
                                    WM_MAX_PATTERN_BYTES);
        } else {
            buf_append(out, pat + i, 1);
            i++;
        }
        for (size_t k = before; k < out->len; k++)
            wm_vec_push(cols, col);
    }
    return WM_OK;
}

static wm_status compile_rule(wm_ruleset *set, const char *name, long lineno, const char *id, size_t id_len,
                              const char *attrs, size_t attrs_len, const char *pattern, size_t pat_len,
                              long pat_col, const char *flags, size_t flags_len, const wm_gazetteer *gaz,
                              wm_error *err)
{
    uint32_t options = PCRE2_UTF | PCRE2_UCP;
    for (size_t i = 0; i < flags_len; i++) {
        if (flags[i] == 'i')
            options |= PCRE2_CASELESS;
        else if (flags[i] == 'x')
            options |= PCRE2_EXTENDED;
        else
            return wm_error_set(err, WM_ERR_DATA, name, lineno, pat_col + (long)pat_len + 1 + (long)i,
                                "unknown flag '%c' (use i or x)", flags[i]);
    }
    charbuf expanded = {0};
    colbuf cols = {0};
    buf_append(&expanded, "", 0);
    wm_status st = expand(set, gaz, name, lineno, pattern, pat_len, pat_col, &expanded, &cols, err);
    if (st != WM_OK) {
        wm_vec_free(&expanded);
        wm_vec_free(&cols);
        return st;
    }
    UChar *u16 = wm_xmalloc((expanded.len + 1) * sizeof(UChar));
    int32_t *u16_to_byte = wm_xmalloc((expanded.len + 1) * sizeof(int32_t));
    int32_t n = 0;
    for (size_t i = 0; i < expanded.len;) {
        UChar32 c;
        int32_t at = (int32_t)i;
        U8_NEXT(expanded.items, i, expanded.len, c);
        if (c < 0)
            c = 0xFFFD;
        int32_t before = n;
        U16_APPEND_UNSAFE(u16, n, c);
        for (int32_t k = before; k < n; k++)
            u16_to_byte[k] = at;
    }
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)u16, (PCRE2_SIZE)n, options, &errcode, &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg16[256];
        char msg[256];
        int mlen = pcre2_get_error_message(errcode, msg16, 256);
        for (int k = 0; k < mlen && k < 255; k++)
            msg[k] = (char)(msg16[k] < 128 ? msg16[k] : '?');
        msg[mlen > 0 ? (mlen < 255 ? mlen : 255) : 0] = '\0';
        long col = pat_col;
        if (cols.len) {
            size_t byte = erroff < (PCRE2_SIZE)n ? (size_t)u16_to_byte[erroff] : expanded.len;
            col = byte < cols.len ? cols.items[byte] : pat_col + (long)pat_len; /* at the end: the closing '/' */
        }
        free(u16);
        free(u16_to_byte);
        wm_vec_free(&expanded);
        wm_vec_free(&cols);
        return wm_error_set(err, WM_ERR_DATA, name, lineno, col, "rule %.*s: %s", (int)id_len, id, msg);
    }
    /* \G looks at where the search began; verbs such as (*SKIP) and callouts (?C) change
     * which attempts are made (any "(*" counts: being wrong only costs speed) */
    int restartable = 1;
    for (size_t i = 0; i + 1 < expanded.len; i++) {
        const char *c = expanded.items + i;
        if (c[0] == '\\') {
            restartable &= c[1] != 'G';
            i++;
        } else if (c[0] == '(' && (c[1] == '*' || (c[1] == '?' && i + 2 < expanded.len && c[2] == 'C'))) {
            restartable = 0;
        }
    }
    free(u16);
    free(u16_to_byte);
    wm_vec_free(&expanded);
    wm_vec_free(&cols);
    if (pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) != 0) {
        /* no JIT on this CPU: the interpreter gives the same results, more slowly */
    }
    wm_rule rule = {
        .id = wm_arena_strndup(&set->strings, id, id_len),
        .file = name,
        .line = (int32_t)lineno,
        .attrs = wm_arena_strndup(&set->strings, attrs, attrs_len),
        .code = code,
        .restartable = restartable,
    };
    if (wm_ruleset_find(set, rule.id)) {
        pcre2_code_free(code);
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "duplicate rule id '%s'", rule.id);
    }
    wm_vec_push(&set->rules, rule);
    return WM_OK;
}

static int is_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
}

static wm_status parse_line(wm_ruleset *set, const char *name, long lineno, const char *line, size_t len,
                            const wm_gazetteer *gaz, wm_error *err)
{
    size_t i = 0;
    while (i < len && is_ident_char(line[i]))
        i++;
    if (i == 0)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, 1, "expected a rule id or 'define'");
    if (i == 6 && strncmp(line, "define", 6) == 0 && i < len && (line[i] == ' ' || line[i] == '\t')) {
        size_t s = i;
        while (s < len && (line[s] == ' ' || line[s] == '\t'))
            s++;
        size_t e = s;
        while (e < len && is_ident_char(line[e]))
            e++;
        if (e == s)
            return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)s + 1, "define needs a NAME");
        size_t p = e;
        while (p < len && (line[p] == ' ' || line[p] == '\t'))
            p++;
        if (p == len)
            return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)p + 1, "define needs a pattern");
        charbuf body = {0};
        colbuf cols = {0};
        buf_append(&body, "", 0);
        wm_status st = expand(set, gaz, name, lineno, line + p, len - p, (long)p + 1, &body, &cols, err);
        if (st == WM_OK && set->define_bytes + body.len > WM_MAX_DEFINE_BYTES)
            st = wm_error_set(err, WM_ERR_DATA, name, lineno, (long)p + 1, "defines longer than %d bytes in total",
                              WM_MAX_DEFINE_BYTES);
        if (st == WM_OK) {
            set->define_bytes += body.len;
            define d = {wm_arena_strndup(&set->strings, line + s, e - s),
                        wm_arena_strndup(&set->strings, body.items, body.len)};
            wm_vec_push(&set->defines, d);
        }
        wm_vec_free(&body);
        wm_vec_free(&cols);
        return st;
    }
    size_t id_len = i;
    const char *slash = NULL;
    for (size_t k = i; k < len; k++)
        if (line[k] == '/' && (line[k - 1] == ' ' || line[k - 1] == '\t')) {
            slash = line + k;
            break;
        }
    if (!slash)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)id_len + 1, "expected /PATTERN/ after the rule id");
    const char *last = line + len - 1;
    while (last > slash && *last != '/')
        last--;
    if (last == slash)
        return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)(slash - line) + 1, "pattern has no closing '/'");
    const char *attrs = line + id_len;
    size_t attrs_len = (size_t)(slash - attrs);
    while (attrs_len && (*attrs == ' ' || *attrs == '\t')) {
        attrs++;
        attrs_len--;
    }
    while (attrs_len && (attrs[attrs_len - 1] == ' ' || attrs[attrs_len - 1] == '\t'))
        attrs_len--;
    for (size_t k = 0; k < attrs_len; k++) {
        if (attrs[k] == ' ' || attrs[k] == '\t')
            continue;
        size_t e = k;
        while (e < attrs_len && attrs[e] != ' ' && attrs[e] != '\t')
            e++;
        const char *eq = memchr(attrs + k, '=', e - k);
        if (!eq || eq == attrs + k || eq == attrs + e - 1)
            return wm_error_set(err, WM_ERR_DATA, name, lineno, (long)(attrs + k - line) + 1,
                                "attribute is not key=value");
        k = e;
    }
    return compile_rule(set, name, lineno, line, id_len, attrs, attrs_len, slash + 1, (size_t)(last - slash - 1),
                        (long)(slash - line) + 2, last + 1, (size_t)(line + len - last - 1), gaz, err);
}

wm_status wm_ruleset_load_text(const char *name, const char *text, size_t len, const wm_gazetteer *gaz,
                               wm_ruleset **out, wm_error *err)
{
    wm_ruleset *set = wm_xcalloc(1, sizeof *set);
    const char *stored = wm_arena_strndup(&set->strings, name, strlen(name));
    long lineno = 0;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t line_len = end - pos;
        const char *line = text + pos;
        pos = end + 1;
        lineno++;
        while (line_len && (line[line_len - 1] == '\r' || line[line_len - 1] == ' ' || line[line_len - 1] == '\t'))
            line_len--;
        size_t lead = 0;
        while (lead < line_len && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == line_len || line[lead] == '#')
            continue;
        /* errors are set before the set (which owns `stored`) is freed */
        const char *nul = memchr(line, '\0', line_len);
        wm_status st;
        if (nul)
            st = wm_error_set(err, WM_ERR_DATA, stored, lineno, (long)(nul - line) + 1, "NUL byte");
        else if (lead)
            st = wm_error_set(err, WM_ERR_DATA, stored, lineno, 1, "a rule line must not be indented");
        else
            st = parse_line(set, stored, lineno, line, line_len, gaz, err);
        if (st != WM_OK) {
            wm_ruleset_free(set);
            return st;
        }
    }
    *out = set;
    return WM_OK;
}

wm_status wm_ruleset_load_file(const char *path, const wm_gazetteer *gaz, wm_ruleset **out, wm_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return wm_error_set(err, WM_ERR_IO, path, 0, 0, "cannot open: %s", strerror(errno));
    charbuf buf = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&buf, chunk, n);
    fclose(f);
    wm_status st = wm_ruleset_load_text(path, buf.items ? buf.items : "", buf.len, gaz, out, err);
    wm_vec_free(&buf);
    return st;
}

wm_rule_matcher *wm_rule_matcher_new(uint32_t match_limit, uint32_t depth_limit)
{
    wm_rule_matcher *m = wm_xcalloc(1, sizeof *m);
    m->data = pcre2_match_data_create(64, NULL);
    m->context = pcre2_match_context_create(NULL);
    m->jit_stack = pcre2_jit_stack_create(32 * 1024, WM_JIT_STACK_MAX, NULL);
    if (!m->data || !m->context || !m->jit_stack) {
        wm_rule_matcher_free(m);
        return NULL;
    }
    /* The match limit bounds both JIT and interpreter. The depth and heap limits bound only
     * the interpreter (used when JIT is unavailable); JIT's memory is bounded by its stack. */
    pcre2_set_match_limit(m->context, match_limit);
    pcre2_set_depth_limit(m->context, depth_limit);
    pcre2_set_heap_limit(m->context, WM_MATCH_HEAP_KIB);
    pcre2_jit_stack_assign(m->context, NULL, m->jit_stack);
    return m;
}

void wm_rule_matcher_free(wm_rule_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->data);
    pcre2_match_context_free(m->context);
    pcre2_jit_stack_free(m->jit_stack);
    free(m);
}

int wm_rule_match(wm_rule_matcher *m, const wm_rule *rule, const UChar *subject, int32_t len, int32_t start,
                  wm_error *err)
{
    int rc = pcre2_match(rule->code, (PCRE2_SPTR)subject, (PCRE2_SIZE)len, (PCRE2_SIZE)start,
                         PCRE2_NO_UTF_CHECK, m->data, m->context);
    if (rc >= 0)
        return 1;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    const char *why = rc == PCRE2_ERROR_MATCHLIMIT       ? "match limit"
                      : rc == PCRE2_ERROR_DEPTHLIMIT     ? "depth limit"
                      : rc == PCRE2_ERROR_HEAPLIMIT      ? "heap limit"
                      : rc == PCRE2_ERROR_JIT_STACKLIMIT ? "JIT stack limit"
                                                         : "matching error";
    wm_error_set(err, WM_ERR_LIMIT, rule->file, rule->line, 0, "rule %s hit its %s (%d) at offset %d", rule->id,
                 why, rc, start);
    return -1;
}

int32_t wm_rule_attempt_start(const wm_rule_matcher *m) { return (int32_t)pcre2_get_startchar(m->data); }

int wm_rule_group(const wm_rule_matcher *m, const wm_rule *rule, const char *name, wm_span *out)
{
    int n = 0;
    if (name) {
        PCRE2_UCHAR16 name16[64];
        size_t k = 0;
        for (; name[k] && k < 63; k++)
            name16[k] = (PCRE2_UCHAR16)(unsigned char)name[k];
        name16[k] = 0;
        n = pcre2_substring_number_from_name(rule->code, name16);
        if (n < 0)
            return 0;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->data);
    if ((uint32_t)n >= pcre2_get_ovector_count(m->data) || ov[2 * n] == PCRE2_UNSET)
        return 0;
    out->start = (int32_t)ov[2 * n];
    out->end = (int32_t)ov[2 * n + 1];
    return 1;
}
