/* main.c - the whomet command: options, knowledge base, the batch, exit status.
 * The only file that writes to standard error. */
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "batch.h"
#include "export.h"
#include "formats.h"
#include "kb.h"
#include "merge.h"
#include "output.h"
#include "source.h"
#include "stats.h"

#ifndef WM_VERSION
#define WM_VERSION "0.1.0"
#endif

enum { WM_MAX_JOBS = 256 };

enum {
    WM_EXIT_OK = 0,
    WM_EXIT_SKIPPED = 1, /* output written, but some inputs were rejected */
    WM_EXIT_USAGE = 2,
    WM_EXIT_DATA = 3,    /* the knowledge base (gazetteers/, rules/) is broken or missing */
    WM_EXIT_NOMEM = 4,
    WM_EXIT_OUTPUT = 5   /* the output could not be written, or its reader went away */
};

/* Offsets are int32_t UTF-16 units and normalization may triple a text's length. */
#define WM_MAX_DOC_SIZE_LIMIT ((size_t)256 << 20)

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
            "  -j, --jobs N          process documents on N threads (default: one per core);\n"
            "                        the output is the same for every N\n"
            "      --input MODE      files: each FILE is one document (default);\n"
            "                        jsonl: each FILE (or standard input) holds one JSON object\n"
            "                        per line, {\"id\": \"...\", \"text\": \"...\"};\n"
            "                        ff: each FILE (or standard input) holds documents separated by\n"
            "                        form feeds (\\f; a line break right after one belongs to it),\n"
            "                        with ids NAME-1, NAME-2, ... (NAME: stdin or the file's id)\n"
            "      --files-from LIST read further FILEs from LIST, one path per line ('-': stdin)\n"
            "  -f, --format FMT      output format:");
    for (size_t i = 0; i < wm_format_count(); i++)
        fprintf(to, "%s%s", i ? "|" : " ", wm_format_at(i)->name);
    fprintf(to,
            " (default graph)\n"
            "  -o, --output FILE     write to FILE (atomically) instead of standard output\n"
            "  -d, --data DIR        knowledge base directory with gazetteers/ and rules/\n"
            "                        (default: $WHOMET_DATA, else the installed data)\n"
            "      --dct YYYY-MM-DD  reference date for relative dates (\"gestern\", \"am Montag\")\n"
            "      --max-doc-size N  skip documents larger than N bytes (suffix K, M; default 32M, at most 256M)\n"
            "      --match-limit N   PCRE2 match limit per rule application (default 1000000)\n"
            "      --explain         jsonl: also list the segments; every entity and relation names its rule,\n"
            "                        relations show the words the rule fired on, the participants' words\n"
            "                        and the modality cue; graph: the same in one line per evidence\n"
            "      --meeting-nodes   graph: also each meeting as a node (kind meeting) linked to its\n"
            "                        participants (relation participated_in), for a bipartite view\n"
            "      --stats           print a summary to stderr at the end: documents, bytes, time,\n"
            "                        entities by type, relations, skipped documents by reason\n"
            "  -q, --quiet           do not print warnings or progress (progress is shown when\n"
            "                        stderr is a terminal and the output is not)\n"
            "  -h, --help            show this help\n"
            "  -V, --version         show the version\n"
            "\n"
            "Exit status: 0 success; 1 some inputs were skipped (each named on stderr);\n"
            "2 usage error; 3 broken knowledge base; 4 out of memory; 5 output not written.\n"
            "A closed output pipe (whomet ... | head) ends the run at once, silently, with status 5.\n");
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
    int progress_shown; /* a progress line without newline is on the terminal */
} report_ctx;

static void clear_progress(report_ctx *rc)
{
    if (rc->progress_shown)
        fputs("\r\033[K", stderr);
    rc->progress_shown = 0;
}

static void report(const wm_error *err, int skipped, void *ctx)
{
    report_ctx *rc = ctx;
    if (!skipped && rc->quiet)
        return;
    char line[1200];
    wm_error_format(err, line, sizeof line);
    clear_progress(rc);
    fprintf(stderr, "whomet: %s%s\n", skipped ? "skipped " : "warning: ", line);
}

static void format_duration(double seconds, char *buf, size_t size)
{
    long s = seconds < 0 ? 0 : (long)(seconds + 0.5);
    if (s >= 3600)
        snprintf(buf, size, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        snprintf(buf, size, "%ld:%02ld", s / 60, s % 60);
}

static void show_progress(const wm_progress *p, int final, void *ctx)
{
    report_ctx *rc = ctx;
    double mb = (double)p->bytes / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    char left[64] = "";
    size_t done = p->documents + p->skipped;
    if (!final && p->total_bytes && p->bytes && p->total_bytes > p->bytes) {
        char t[32];
        format_duration(p->seconds * (double)(p->total_bytes - p->bytes) / (double)p->bytes, t, sizeof t);
        snprintf(left, sizeof left, ", %s left", t);
    } else if (!final && p->total_documents && done && p->total_documents > done) {
        char t[32];
        format_duration(p->seconds * (double)(p->total_documents - done) / (double)done, t, sizeof t);
        snprintf(left, sizeof left, ", %s left", t);
    }
    char total[48] = "";
    if (p->total_documents)
        snprintf(total, sizeof total, "/%zu", p->total_documents);
    fprintf(stderr, "\rwhomet: %zu%s documents, %.1f MB, %.1f MB/s%s\033[K%s", done, total, mb, rate, left,
            final ? "\n" : "");
    rc->progress_shown = !final;
}

/* Usable cores: the affinity mask when the system reports one, else the online processors. */
static unsigned default_jobs(void)
{
    cpu_set_t set;
    long n = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > WM_MAX_JOBS ? WM_MAX_JOBS : (unsigned)n;
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},   {"output", required_argument, NULL, 'o'},
        {"data", required_argument, NULL, 'd'},     {"dct", required_argument, NULL, 1},
        {"max-doc-size", required_argument, NULL, 2}, {"match-limit", required_argument, NULL, 3},
        {"explain", no_argument, NULL, 4},          {"quiet", no_argument, NULL, 'q'},          {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},        {"jobs", required_argument, NULL, 'j'},
        {"input", required_argument, NULL, 5},      {"files-from", required_argument, NULL, 6},
        {"stats", no_argument, NULL, 7},            {"meeting-nodes", no_argument, NULL, 8},
        {NULL, 0, NULL, 0},
    };
    const char *format_name = "graph", *output_path = NULL, *data_dir = NULL, *files_from = NULL;
    wm_input_mode input_mode = WM_INPUT_FILES;
    int want_stats = 0;
    report_ctx rc = {0};
    wm_batch_options o = {
        .pipeline = {.match_limit = 1000000, .depth_limit = 10000},
        .max_doc_bytes = 32u << 20,
        .generator = "whomet " WM_VERSION,
        .report = report,
        .report_ctx = &rc,
        .jobs = default_jobs(),
    };
    wm_alloc_install();
    /* a closed pipe shows as EPIPE on the next write, which ends the run quietly */
    signal(SIGPIPE, SIG_IGN);
    int c;
    opterr = 0; /* getopt's own messages take two lines; ours take one */
    while ((c = getopt_long(argc, argv, ":f:o:d:j:qhV", longopts, NULL)) != -1) {
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
            if (!parse_size(optarg, &o.max_doc_bytes) || o.max_doc_bytes > WM_MAX_DOC_SIZE_LIMIT) {
                fprintf(stderr, "whomet: --max-doc-size: '%s' is not a size from 1 to 256M\n", optarg);
                return WM_EXIT_USAGE;
            }
            break;
        case 4:
            o.export_flags |= WM_EXPORT_SEGMENTS | WM_EXPORT_EXPLAIN;
            break;
        case 8:
            o.export_flags |= WM_EXPORT_MEETING_NODES;
            break;
        case 'j':
            if (!parse_size(optarg, &n) || n > WM_MAX_JOBS) {
                fprintf(stderr, "whomet: --jobs: '%s' is not a number from 1 to %d\n", optarg, WM_MAX_JOBS);
                return WM_EXIT_USAGE;
            }
            o.jobs = (unsigned)n;
            break;
        case 5: {
            int mode = wm_input_mode_from_name(optarg);
            if (mode < 0) {
                fprintf(stderr, "whomet: --input: '%s' is not files, jsonl or ff\n", optarg);
                return WM_EXIT_USAGE;
            }
            input_mode = (wm_input_mode)mode;
            break;
        }
        case 6:
            files_from = optarg;
            break;
        case 7:
            want_stats = 1;
            o.pipeline.time_rules = 1;
            break;
        case 3:
            if (!parse_size(optarg, &n) || n > UINT32_MAX) {
                fprintf(stderr, "whomet: --match-limit: '%s' is not a positive number\n", optarg);
                return WM_EXIT_USAGE;
            }
            o.pipeline.match_limit = (uint32_t)n;
            break;
        case ':':
            fprintf(stderr, "whomet: option '%s' needs an argument (try 'whomet --help')\n", argv[optind - 1]);
            return WM_EXIT_USAGE;
        default:
            fprintf(stderr, "whomet: unknown option '%s' (try 'whomet --help')\n", argv[optind - 1]);
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
        if (files_from || input_mode != WM_INPUT_FILES) {
            fprintf(stderr, "whomet: merge reads graph files; --input and --files-from do not apply\n");
            return WM_EXIT_USAGE;
        }
    }

    static char *const stdin_only[] = {"-"};
    char *const *paths = optind < argc || files_from ? argv + optind : stdin_only;
    size_t count = optind < argc || files_from ? (size_t)(argc - optind) : 1;
    for (size_t i = 0; files_from && strcmp(files_from, "-") == 0 && i < count; i++)
        if (strcmp(paths[i], "-") == 0) {
            fprintf(stderr, "whomet: standard input cannot be both --files-from and a document\n");
            return WM_EXIT_USAGE;
        }

    double startup = now_seconds();
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

    startup = now_seconds() - startup;

    wm_source *src = NULL;
    if (!merging && wm_source_open(input_mode, paths, count, files_from, o.max_doc_bytes, &src, &err) != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        wm_kb_free(kb);
        return WM_EXIT_USAGE;
    }
    wm_output out;
    if (wm_output_open(&out, output_path, &err) != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        wm_source_free(src);
        wm_kb_free(kb);
        return WM_EXIT_OUTPUT;
    }
    if (!rc.quiet && isatty(2) && !(out.stream == stdout && isatty(1))) {
        o.progress = show_progress;
        o.progress_ctx = &rc;
    }
    wm_batch_stats stats;
    double seconds = 0;
    wm_status st = merging ? wm_merge_files(&o, paths, count, out.stream, &stats, &err)
                           : wm_batch_run(kb, &o, src, out.stream, &stats, &seconds, &err);
    if (st == WM_OK)
        st = wm_output_commit(&out, &err);
    else
        wm_output_abandon(&out);
    wm_source_free(src);
    clear_progress(&rc);
    if (st != WM_ERR_CLOSED && want_stats) {
        char summary[4096];
        wm_stats_format(&stats, seconds, startup, o.jobs, summary, sizeof summary);
        fputs(summary, stderr);
    }
    wm_kb_free(kb); /* after the summary: it names rules by the kb's ids */
    if (st == WM_ERR_CLOSED)
        return WM_EXIT_OUTPUT;
    if (st != WM_OK) {
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "whomet: %s\n", line);
        return st == WM_ERR_NOMEM ? WM_EXIT_NOMEM : WM_EXIT_OUTPUT;
    }
    return stats.skipped ? WM_EXIT_SKIPPED : WM_EXIT_OK;
}
