/* main.c - the whomet command: options, knowledge base, the batch, exit status.
 * The only file that writes to standard error. */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "export.h"
#include "formats.h"
#include "kb.h"
#include "merge.h"
#include "output.h"

#ifndef WM_VERSION
#define WM_VERSION "0.1.0"
#endif

enum {
    WM_EXIT_OK = 0,
    WM_EXIT_SKIPPED = 1, /* output written, but some inputs were rejected */
    WM_EXIT_USAGE = 2,
    WM_EXIT_DATA = 3,    /* the knowledge base (gazetteers/, rules/) is broken or missing */
    WM_EXIT_NOMEM = 4,
    WM_EXIT_OUTPUT = 5   /* the output could not be written */
};

static void usage(FILE *to)
{
    fprintf(to,
            "usage: whomet [OPTIONS] [FILE...]\n"
            "       whomet merge [OPTIONS] GRAPH.json...\n"
            "Finds persons, organizations, roles, dates and meetings in German texts and writes\n"
            "a graph of who met whom. Each FILE is one document; no FILE or '-' reads standard input.\n"
            "'merge' reads graphs written by earlier runs (--format graph) and writes their union,\n"
            "as one run over all their documents would, in any graph format.\n"
            "\n"
            "  -f, --format FMT      output format:");
    for (size_t i = 0; i < wm_format_count(); i++)
        fprintf(to, "%s%s", i ? "|" : " ", wm_format_at(i)->name);
    fprintf(to,
            " (default graph)\n"
            "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
            "  -d, --data DIR        knowledge base directory with gazetteers/ and rules/\n"
            "                        (default: $WHOMET_DATA, else the installed data)\n"
            "      --dct YYYY-MM-DD  reference date for relative dates (\"gestern\", \"am Montag\")\n"
            "      --max-doc-size N  reject documents larger than N bytes (suffix K, M, G; default 32M)\n"
            "      --match-limit N   PCRE2 match limit per rule application (default 1000000)\n"
            "      --explain         jsonl: also list the segments; every entity and relation names its rule\n"
            "  -q, --quiet           do not print warnings\n"
            "  -h, --help            show this help\n"
            "  -V, --version         show the version\n"
            "\n"
            "Exit status: 0 success; 1 some inputs were skipped (each named on stderr);\n"
            "2 usage error; 3 broken knowledge base; 4 out of memory; 5 output not written.\n");
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s)
        return 0;
    unsigned long long mult = 1;
    if (*end == 'K' || *end == 'k')
        mult = 1ULL << 10;
    else if (*end == 'M' || *end == 'm')
        mult = 1ULL << 20;
    else if (*end == 'G' || *end == 'g')
        mult = 1ULL << 30;
    if (mult != 1)
        end++;
    if (*end || v == 0 || v > SIZE_MAX / mult)
        return 0;
    *out = (size_t)(v * mult);
    return 1;
}

static int valid_date(const char *s)
{
    int y, m, d;
    char tail;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 && m <= 12 && d >= 1 &&
           d <= 31;
}

typedef struct {
    int quiet;
} report_ctx;

static void report(const wm_error *err, int skipped, void *ctx)
{
    const report_ctx *rc = ctx;
    if (!skipped && rc->quiet)
        return;
    char line[1200];
    wm_error_format(err, line, sizeof line);
    fprintf(stderr, "whomet: %s%s\n", skipped ? "skipped " : "warning: ", line);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},   {"output", required_argument, NULL, 'o'},
        {"data", required_argument, NULL, 'd'},     {"dct", required_argument, NULL, 1},
        {"max-doc-size", required_argument, NULL, 2}, {"match-limit", required_argument, NULL, 3},
        {"explain", no_argument, NULL, 4},          {"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},        {NULL, 0, NULL, 0},
    };
    const char *format_name = "graph", *output_path = NULL, *data_dir = NULL;
    report_ctx rc = {0};
    wm_batch_options o = {
        .pipeline = {.match_limit = 1000000, .depth_limit = 10000},
        .max_doc_bytes = 32u << 20,
        .generator = "whomet " WM_VERSION,
        .report = report,
        .report_ctx = &rc,
    };
    int c;
    while ((c = getopt_long(argc, argv, "f:o:d:qhV", longopts, NULL)) != -1) {
        size_t n;
        switch (c) {
        case 'f': format_name = optarg; break;
        case 'o': output_path = optarg; break;
        case 'd': data_dir = optarg; break;
        case 'q': rc.quiet = 1; break;
        case 'h': usage(stdout); return WM_EXIT_OK;
        case 'V': printf("whomet %s\n", WM_VERSION); return WM_EXIT_OK;
        case 1:
            if (!valid_date(optarg)) {
                fprintf(stderr, "whomet: --dct: '%s' is not a date YYYY-MM-DD\n", optarg);
                return WM_EXIT_USAGE;
            }
            o.pipeline.dct = optarg;
            break;
        case 2:
            if (!parse_size(optarg, &o.max_doc_bytes)) {
                fprintf(stderr, "whomet: --max-doc-size: '%s' is not a size such as 32M\n", optarg);
                return WM_EXIT_USAGE;
            }
            break;
        case 4:
            o.export_flags |= WM_EXPORT_SEGMENTS;
            break;
        case 3:
            if (!parse_size(optarg, &n) || n > UINT32_MAX) {
                fprintf(stderr, "whomet: --match-limit: '%s' is not a positive number\n", optarg);
                return WM_EXIT_USAGE;
            }
            o.pipeline.match_limit = (uint32_t)n;
            break;
        default:
            fprintf(stderr, "whomet: try 'whomet --help'\n");
            return WM_EXIT_USAGE;
        }
    }
    o.format = wm_format_find(format_name);
    if (!o.format) {
        fprintf(stderr, "whomet: unknown format '%s' (see --help)\n", format_name);
        return WM_EXIT_USAGE;
    }
    /* getopt has moved the operands behind the options, so a subcommand is the first operand */
    int merging = optind < argc && strcmp(argv[optind], "merge") == 0;
    if (merging) {
        optind++;
        if (!o.format->write_graph) {
            fprintf(stderr, "whomet: merge writes graph formats; '%s' is per document\n", format_name);
            return WM_EXIT_USAGE;
        }
    }

    char default_dir[4096];
    if (!data_dir)
        data_dir = wm_kb_default_dir(default_dir, sizeof default_dir);
    wm_kb *kb = NULL;
    wm_error err;
    wm_error_clear(&err);
    char line[1200];
    if (!merging && wm_kb_load(data_dir, &kb, &err) != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        return WM_EXIT_DATA;
    }

    wm_output out;
    if (wm_output_open(&out, output_path, &err) != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        wm_kb_free(kb);
        return WM_EXIT_OUTPUT;
    }
    static char *const stdin_only[] = {"-"};
    char *const *paths = optind < argc ? argv + optind : stdin_only;
    size_t count = optind < argc ? (size_t)(argc - optind) : 1;
    wm_batch_stats stats;
    wm_status st = merging ? wm_merge_files(&o, paths, count, out.stream, &stats, &err)
                           : wm_batch_run(kb, &o, paths, count, out.stream, &stats, &err);
    if (st == WM_OK)
        st = wm_output_commit(&out, &err);
    else
        wm_output_abandon(&out);
    wm_kb_free(kb);
    if (st != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        return st == WM_ERR_NOMEM ? WM_EXIT_NOMEM : WM_EXIT_OUTPUT;
    }
    return stats.skipped ? WM_EXIT_SKIPPED : WM_EXIT_OK;
}
