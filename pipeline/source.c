/* source.c - turns operands, a path list and document streams into one sequence of inputs.
 * Streams are read in blocks and split at the separator, so memory holds one document. */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "doc.h"
#include "source.h"
#include "vec.h"

enum { WM_STREAM_BLOCK = 1 << 18 };

typedef struct {
    int fd;
    char *path;
    char *name;         /* ids are "<name>-<n>" */
    unsigned char *buf;
    size_t pos, end;
    int eof;
    long line;          /* line number at buf[pos] */
    size_t ordinal;     /* documents handed out so far */
    int after_separator; /* the next piece follows a form feed */
} stream;

struct wm_source {
    wm_input_mode mode;
    char *const *operands;
    size_t count, next_operand;
    FILE *list;
    char *list_line;
    size_t list_cap;
    size_t max_doc_bytes;
    stream cur;
    int in_stream;
    size_t total_documents;
    uint64_t total_bytes;
};

int wm_input_mode_from_name(const char *name)
{
    if (strcmp(name, "files") == 0)
        return WM_INPUT_FILES;
    if (strcmp(name, "jsonl") == 0)
        return WM_INPUT_JSONL;
    if (strcmp(name, "ff") == 0)
        return WM_INPUT_FF;
    return -1;
}

void wm_input_clear(wm_input *in)
{
    free(in->id);
    free(in->source);
    free(in->path);
    free(in->bytes);
    memset(in, 0, sizeof *in);
}

static uint64_t regular_file_size(const char *path)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return fstat(0, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
}

wm_status wm_source_open(wm_input_mode mode, char *const *operands, size_t count, const char *files_from,
                         size_t max_doc_bytes, wm_source **out, wm_error *err)
{
    wm_source *src = wm_xcalloc(1, sizeof *src);
    src->mode = mode;
    src->operands = operands;
    src->count = count;
    src->max_doc_bytes = max_doc_bytes;
    if (files_from) {
        src->list = strcmp(files_from, "-") == 0 ? stdin : fopen(files_from, "r");
        if (!src->list) {
            wm_status st = wm_error_set(err, WM_ERR_IO, files_from, 0, 0, "cannot open the list of files: %s",
                                        strerror(errno));
            free(src);
            return st;
        }
    } else if (mode == WM_INPUT_FILES) {
        src->total_documents = count;
    }
    if (mode != WM_INPUT_FILES && !files_from) {
        for (size_t i = 0; i < count; i++) {
            uint64_t size = regular_file_size(operands[i]);
            if (!size) {
                src->total_bytes = 0;
                break;
            }
            src->total_bytes += size;
        }
    }
    *out = src;
    return WM_OK;
}

static void close_stream(wm_source *src)
{
    stream *s = &src->cur;
    if (s->fd > 0)
        close(s->fd);
    free(s->path);
    free(s->name);
    free(s->buf);
    memset(s, 0, sizeof *s);
    src->in_stream = 0;
}

void wm_source_free(wm_source *src)
{
    if (!src)
        return;
    if (src->in_stream)
        close_stream(src);
    if (src->list && src->list != stdin)
        fclose(src->list);
    free(src->list_line);
    free(src);
}

size_t wm_source_total_documents(const wm_source *src) { return src->total_documents; }
uint64_t wm_source_total_bytes(const wm_source *src) { return src->total_bytes; }

/* The next operand, then the next non-empty line of the list; NULL at the end. The result
 * lives until the next call. */
static const char *next_path(wm_source *src)
{
    if (src->next_operand < src->count)
        return src->operands[src->next_operand++];
    if (!src->list)
        return NULL;
    for (;;) {
        ssize_t n = getline(&src->list_line, &src->list_cap, src->list);
        if (n < 0)
            return NULL;
        while (n > 0 && (src->list_line[n - 1] == '\n' || src->list_line[n - 1] == '\r'))
            src->list_line[--n] = '\0';
        if (n > 0)
            return src->list_line;
    }
}

static char *id_for_path(const char *path)
{
    return strcmp(path, "-") == 0 ? wm_xstrdup("stdin") : wm_doc_id_from_path(path);
}

/* "name-3" for ids, "path:12" for sources. */
static char *join_number(const char *s, char sep, long n)
{
    size_t len = strlen(s) + 24;
    char *out = wm_xmalloc(len);
    snprintf(out, len, "%s%c%ld", s, sep, n);
    return out;
}

static void fail(wm_input *in, const char *source, wm_status status, const char *message)
{
    in->failed = 1;
    if (!in->source)
        in->source = wm_xstrdup(source);
    wm_error_set(&in->err, status, in->source, 0, 0, "%s", message);
}

static int open_stream(wm_source *src, const char *path, wm_input *in)
{
    stream *s = &src->cur;
    memset(s, 0, sizeof *s);
    s->fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
    if (s->fd < 0) {
        char message[300];
        snprintf(message, sizeof message, "cannot open: %s", strerror(errno));
        fail(in, path, WM_ERR_IO, message);
        return 0;
    }
    struct stat st;
    if (fstat(s->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        if (s->fd > 0)
            close(s->fd);
        fail(in, path, WM_ERR_INPUT, "is a directory");
        return 0;
    }
    s->path = wm_xstrdup(path);
    s->name = id_for_path(path);
    s->buf = wm_xmalloc(WM_STREAM_BLOCK);
    s->line = 1;
    src->in_stream = 1;
    return 1;
}

static int is_blank_byte(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v'; }

/* Reads the next piece up to the separator. Returns 1 with a document (or a failed input),
 * 0 when the stream is exhausted. Pieces of only white space are passed over. */
static int next_piece(wm_source *src, wm_input *in)
{
    stream *s = &src->cur;
    unsigned char sep = src->mode == WM_INPUT_JSONL ? '\n' : '\f';
    for (;;) {
        WM_VEC(unsigned char) piece = {0};
        size_t len = 0;
        long start_line = s->line;
        int blank = 1, ended = 0, read_error = 0;
        while (!ended) {
            if (s->pos == s->end) {
                if (s->eof)
                    break;
                ssize_t got = read(s->fd, s->buf, WM_STREAM_BLOCK);
                if (got < 0 && errno == EINTR)
                    continue;
                if (got < 0) {
                    read_error = errno;
                    s->eof = 1;
                    break;
                }
                s->pos = 0;
                s->end = (size_t)got;
                s->eof = got == 0;
                continue;
            }
            const unsigned char *from = s->buf + s->pos;
            const unsigned char *hit = memchr(from, sep, s->end - s->pos);
            size_t take = hit ? (size_t)(hit - from) : s->end - s->pos;
            for (size_t i = 0; blank && i < take; i++)
                blank = is_blank_byte(from[i]);
            if (sep != '\n')
                for (const unsigned char *nl = from; (nl = memchr(nl, '\n', take - (size_t)(nl - from))); nl++)
                    s->line++;
            if (len + take <= src->max_doc_bytes) {
                wm_vec_reserve(&piece, len + take + 1);
                memcpy(piece.items + len, from, take);
            } else {
                wm_vec_free(&piece);
            }
            len += take;
            s->pos += take;
            if (hit) {
                s->pos++;
                s->line += sep == '\n';
                ended = 1;
            }
        }
        if (read_error) {
            wm_vec_free(&piece);
            char message[300];
            snprintf(message, sizeof message, "read error: %s", strerror(read_error));
            in->source = join_number(s->path, ':', start_line);
            fail(in, in->source, WM_ERR_IO, message);
            return 1;
        }
        int follows_separator = s->after_separator;
        s->after_separator = ended;
        if (blank) {
            wm_vec_free(&piece);
            if (!ended)
                return 0;
            continue;
        }
        /* "\f\n" separates as "\f" does: the line break after a form feed is not the document's */
        size_t skip = 0;
        if (sep == '\f' && follows_separator && piece.items)
            skip = len >= 1 && piece.items[0] == '\n' ? 1 : len >= 2 && piece.items[0] == '\r' && piece.items[1] == '\n' ? 2 : 0;
        if (skip) {
            memmove(piece.items, piece.items + skip, len - skip);
            len -= skip;
            start_line++;
        }
        s->ordinal++;
        in->id = join_number(s->name, '-', (long)s->ordinal);
        in->source = join_number(s->path, ':', start_line);
        if (len > src->max_doc_bytes) {
            in->failed = 1;
            wm_error_set(&in->err, WM_ERR_INPUT, in->source, 0, 0,
                         "document too large (%zu bytes; the limit is %zu, see --max-doc-size)", len,
                         src->max_doc_bytes);
            return 1;
        }
        in->bytes = piece.items;
        in->len = len;
        in->jsonl = src->mode == WM_INPUT_JSONL;
        return 1;
    }
}

int wm_source_next(wm_source *src, wm_input *in)
{
    memset(in, 0, sizeof *in);
    for (;;) {
        if (src->mode != WM_INPUT_FILES && src->in_stream) {
            if (next_piece(src, in))
                return 1;
            close_stream(src);
        }
        const char *path = next_path(src);
        if (!path)
            return 0;
        if (src->mode == WM_INPUT_FILES) {
            in->id = id_for_path(path);
            in->source = wm_xstrdup(path);
            in->path = wm_xstrdup(path);
            return 1;
        }
        if (!open_stream(src, path, in))
            return 1;
    }
}

wm_status wm_input_parse_jsonl(wm_input *in, wm_error *err)
{
    json_error_t je;
    json_t *root = json_loadb((const char *)in->bytes, in->len, JSON_ALLOW_NUL, &je);
    if (!root)
        return wm_error_set(err, WM_ERR_INPUT, in->source, 0, 0, "invalid JSON at column %d: %s", je.column, je.text);
    json_t *text = json_object_get(root, "text"), *id = json_object_get(root, "id");
    wm_status st = WM_OK;
    if (!json_is_object(root) || !json_is_string(text))
        st = wm_error_set(err, WM_ERR_INPUT, in->source, 0, 0, "not a JSON object with a string \"text\"");
    else if (id && !(json_is_string(id) && json_string_length(id) > 0) && !json_is_integer(id))
        st = wm_error_set(err, WM_ERR_INPUT, in->source, 0, 0, "\"id\" is not a non-empty string or an integer");
    if (st == WM_OK) {
        if (json_is_string(id)) {
            free(in->id);
            in->id = wm_xstrdup(json_string_value(id));
        } else if (json_is_integer(id)) {
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(id));
            free(in->id);
            in->id = wm_xstrdup(buf);
        }
        size_t n = json_string_length(text);
        free(in->bytes);
        in->bytes = wm_xmalloc(n + 1);
        memcpy(in->bytes, json_string_value(text), n);
        in->len = n;
        in->jsonl = 0;
    }
    json_decref(root);
    return st;
}
