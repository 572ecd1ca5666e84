/* testutil.h - helpers shared by the cmocka unit tests: temporary data directories, a
 * knowledge base built from strings, and documents run through the first stages. */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unicode/ustring.h>

#include "decode.h"
#include "kb.h"
#include "normalize.h"
#include "pipeline.h"
#include "rules.h"
#include "segment.h"
#include "stage.h"

/* Writes content to dir/name, creating dir/sub-directories of name as needed. */
static inline void tu_write(const char *dir, const char *name, const char *content)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    for (char *p = path + strlen(dir) + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(content, 1, strlen(content), f);
    fclose(f);
}

/* A fresh empty directory under $TMPDIR; the caller removes it with tu_rmtree. */
static inline char *tu_tempdir(void)
{
    const char *tmp = getenv("TMPDIR");
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/whomet-unit.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(path));
    return path;
}

static inline int tu_remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static inline void tu_rmtree(char *dir)
{
    nftw(dir, tu_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

/* Writes a data directory with every declared rule file (empty unless `rules_file` names one,
 * which gets `rules_text`) and the given gazetteer files (name, content pairs, NULL-ended). */
static inline char *tu_data_dir(const char *rules_file, const char *rules_text, ...)
{
    char *dir = tu_tempdir();
    for (int f = 0; f < WM_RULE_FILE_COUNT; f++) {
        char name[256];
        snprintf(name, sizeof name, "rules/%s.rules", wm_rule_file_name((wm_rule_file)f));
        int mine = rules_file && strcmp(rules_file, wm_rule_file_name((wm_rule_file)f)) == 0;
        tu_write(dir, name, mine ? rules_text : "# empty\n");
    }
    char gdir[4200];
    snprintf(gdir, sizeof gdir, "%s/gazetteers", dir);
    mkdir(gdir, 0755);
    va_list ap;
    va_start(ap, rules_text);
    for (const char *name; (name = va_arg(ap, const char *));) {
        char path[512];
        snprintf(path, sizeof path, "gazetteers/%s", name);
        tu_write(dir, path, va_arg(ap, const char *));
    }
    va_end(ap);
    return dir;
}

/* A knowledge base whose only gazetteer list is abbreviations.tsv with the given content. */
static inline wm_kb *tu_kb(const char *abbreviations)
{
    char *dir = tu_data_dir(NULL, NULL, "abbreviations.tsv", abbreviations, (const char *)NULL);
    wm_kb *kb = NULL;
    wm_error err;
    wm_status st = wm_kb_load(dir, &kb, &err);
    if (st != WM_OK)
        fail_msg("kb: %s: %s", err.file, err.message);
    tu_rmtree(dir);
    return kb;
}

/* Decodes bytes[0..len) as document "t" and runs normalization and, when kb is given,
 * segmentation. Fails the test on any error. */
static inline wm_doc *tu_doc_bytes(const char *bytes, size_t len, const wm_kb *kb)
{
    wm_doc *doc = wm_doc_new("t", "t.txt");
    wm_error err;
    wm_error_clear(&err);
    if (wm_decode((const unsigned char *)bytes, len, doc, &err) != WM_OK)
        fail_msg("decode: %s", err.message);
    assert_int_equal(wm_normalize(doc, &err), WM_OK);
    if (kb) {
        wm_stage_ctx ctx = {.kb = kb, .matcher = wm_rule_matcher_new(100000, 1000)};
        if (wm_segment_text(doc, &ctx, &err) != WM_OK)
            fail_msg("segment: %s", err.message);
        wm_rule_matcher_free(ctx.matcher);
    }
    return doc;
}

static inline wm_doc *tu_doc(const char *utf8, const wm_kb *kb)
{
    return tu_doc_bytes(utf8, strlen(utf8), kb);
}

/* UTF-8 copy of UTF-16 text; the caller frees. */
static inline char *tu_utf8(const UChar *s, int32_t n)
{
    char *out = malloc(4 * (size_t)n + 1);
    int32_t len = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8WithSub(out, 4 * n + 1, &len, s, n, 0xFFFD, NULL, &status);
    out[len] = '\0';
    return out;
}

/* The normalized text of a span, as UTF-8 in a static buffer (one call per assertion). */
static inline const char *tu_span(const wm_doc *doc, wm_span span)
{
    static char buf[8192];
    char *s = tu_utf8(doc->text + span.start, span.end - span.start);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

/* The original text behind a span of doc->text, as UTF-8 in a static buffer. */
static inline const char *tu_original(const wm_doc *doc, wm_span span)
{
    static char buf[8192];
    wm_span u = wm_doc_original_units(doc, span);
    char *s = tu_utf8(doc->orig + u.start, u.end - u.start);
    snprintf(buf, sizeof buf, "%s", s);
    free(s);
    return buf;
}

/* The first occurrence of the UTF-8 `needle` in the normalized text. */
static inline wm_span tu_find(const wm_doc *doc, const char *needle)
{
    char *text = tu_utf8(doc->text, doc->len);
    const char *at = strstr(text, needle);
    if (!at)
        fail_msg("'%s' not in '%s'", needle, text);
    UChar u[8192];
    int32_t start = 0, len = 0;
    UErrorCode st = U_ZERO_ERROR;
    u_strFromUTF8(u, 8192, &start, text, (int32_t)(at - text), &st);
    u_strFromUTF8(u, 8192, &len, needle, -1, &st);
    free(text);
    return (wm_span){start, start + len};
}

/* The kb of $WHOMET_DATA, else of the working directory (tests run from the repository root);
 * loaded once and freed at exit. */
static wm_kb *tu_repo_kb_instance;
static inline void tu_repo_kb_free(void) { wm_kb_free(tu_repo_kb_instance); }
static inline const wm_kb *tu_repo_kb(void)
{
    if (!tu_repo_kb_instance) {
        const char *dir = getenv("WHOMET_DATA") ? getenv("WHOMET_DATA") : ".";
        wm_error err;
        if (wm_kb_load(dir, &tu_repo_kb_instance, &err) != WM_OK)
            fail_msg("kb %s: %s:%ld: %s", dir, err.file, err.line, err.message);
        atexit(tu_repo_kb_free);
    }
    return tu_repo_kb_instance;
}

/* Runs every pipeline stage over `utf8` with the repository's kb (dct may be NULL). */
static inline wm_doc *tu_run(const char *utf8, const char *dct)
{
    wm_pipeline_options o = {.dct = dct, .match_limit = 1000000, .depth_limit = 10000};
    wm_worker *w = wm_worker_new(tu_repo_kb(), &o);
    wm_doc *doc = wm_doc_new("t", "t.txt");
    wm_error err;
    if (wm_pipeline_run(w, doc, (const unsigned char *)utf8, strlen(utf8), &err) != WM_OK)
        fail_msg("pipeline: %s", err.message);
    wm_worker_free(w);
    return doc;
}

#endif
