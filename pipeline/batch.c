/* batch.c - the document loop on worker threads. The calling thread reads inputs into a ring
 * of slots; workers take slots in order, run the stages and export; whichever worker finishes
 * the oldest outstanding slot commits every finished slot in input order (report, count,
 * write or merge), so the output is the same for any number of threads. The ring bounds the
 * documents in memory to a few per thread. */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "batch.h"
#include "export.h"
#include "graph.h"
#include "input.h"
#include "strset.h"

enum { WM_SLOTS_PER_JOB = 4 };

typedef enum { SLOT_FREE, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE } slot_state;

typedef struct {
    slot_state state;
    wm_input in;
    int skipped;
    wm_error err;               /* why it was skipped */
    WM_VEC(wm_error) warnings;
    char *output;               /* per-document formats: the bytes to write */
    size_t output_len;
    json_t *graph;              /* graph formats: the document's graph to merge */
    json_t *texts;              /* formats that show texts: the annotations with the text */
    int output_failed;          /* the format writer failed; err says why */
    wm_doc_counts counts;
    uint64_t bytes;
    double read_seconds, export_seconds; /* on the worker, outside the stages */
} slot;

typedef struct {
    const wm_kb *kb;
    const wm_batch_options *o;
    FILE *out;
    wm_graph *graph;
    json_t *texts;              /* every document's annotations with text, in input order, or NULL */
    wm_strset *ids;
    wm_batch_stats *stats;
    struct timespec started;
    double last_progress;
    size_t total_documents;
    uint64_t total_bytes;

    pthread_mutex_t lock;
    pthread_cond_t work;        /* a slot was queued, or the input ended */
    pthread_cond_t space;       /* a slot was freed */
    slot *ring;
    size_t size;
    size_t produced, taken, committed; /* sequence numbers; slot of n is ring[n % size] */
    int input_done, committing, stopped;
    wm_status status;           /* first output failure */
    wm_error err;
} batch;

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double elapsed(const batch *b)
{
    return now_seconds() - ((double)b->started.tv_sec + (double)b->started.tv_nsec / 1e9);
}

static void clear_slot(slot *s)
{
    wm_input_clear(&s->in);
    wm_vec_free(&s->warnings);
    free(s->output);
    json_decref(s->graph);
    json_decref(s->texts);
    memset(s, 0, sizeof *s);
}

/* Runs on a worker: everything that depends on this document alone. */
static void process(const batch *b, wm_worker *worker, slot *s)
{
    wm_input *in = &s->in;
    if (in->failed) {
        s->skipped = 1;
        s->err = in->err;
        return;
    }
    double at = now_seconds();
    wm_status st = WM_OK;
    if (in->path)
        st = wm_read_input(in->path, b->o->max_doc_bytes, &in->bytes, &in->len, &s->err);
    else if (in->jsonl)
        st = wm_input_parse_jsonl(in, &s->err);
    s->read_seconds = now_seconds() - at;
    wm_doc *doc = NULL;
    if (st == WM_OK) {
        doc = wm_doc_new(in->id, in->source);
        st = wm_pipeline_run(worker, doc, in->bytes, in->len, &s->err);
    }
    s->bytes = in->len;
    free(in->bytes);
    in->bytes = NULL;
    if (st != WM_OK) {
        s->skipped = 1;
        wm_doc_free(doc);
        return;
    }
    s->warnings.items = doc->warnings.items;
    s->warnings.len = doc->warnings.len;
    s->warnings.cap = doc->warnings.cap;
    memset(&doc->warnings, 0, sizeof doc->warnings);
    wm_doc_count(doc, &s->counts);
    at = now_seconds();
    if (b->o->format->write_document) {
        json_t *ann = wm_export_annotations(doc, b->o->export_flags);
        FILE *mem = open_memstream(&s->output, &s->output_len);
        if (!mem) {
            s->output_failed = 1;
            wm_error_set(&s->err, WM_ERR_NOMEM, in->source, 0, 0, "cannot buffer the output");
        } else {
            s->output_failed = b->o->format->write_document(ann, mem, &s->err) != WM_OK;
            s->output_failed |= fclose(mem) != 0;
        }
        json_decref(ann);
    } else {
        s->graph = wm_export_graph(doc, b->o->export_flags);
        if (b->o->format->wants_texts)
            s->texts = wm_export_annotations(doc, b->o->export_flags | WM_EXPORT_TEXT);
    }
    wm_doc_free(doc);
    s->export_seconds = now_seconds() - at;
}

static void report_progress(batch *b, int final)
{
    if (!b->o->progress)
        return;
    double now = elapsed(b);
    if (!final && now - b->last_progress < 0.2)
        return;
    b->last_progress = now;
    wm_progress p = {
        .documents = b->stats->documents,
        .skipped = b->stats->skipped,
        .total_documents = b->total_documents,
        .bytes = b->stats->bytes,
        .total_bytes = b->total_bytes,
        .seconds = now,
    };
    b->o->progress(&p, final, b->o->progress_ctx);
}

/* Runs on one thread at a time, in input order. */
static wm_status commit(batch *b, slot *s, wm_error *err)
{
    const wm_batch_options *o = b->o;
    wm_stats_add_time(b->stats, "read", s->read_seconds);
    wm_stats_add_time(b->stats, "export", s->export_seconds);
    if (s->in.id && !wm_strset_add(b->ids, s->in.id)) {
        wm_error dup;
        wm_error_set(&dup, WM_ERR_INPUT, s->in.source, 0, 0, "duplicate document id (%s)",
                     s->in.path ? "another input has the same base name" : "an earlier document has the same id");
        wm_stats_add_skipped(b->stats, &dup);
        o->report(&dup, 1, o->report_ctx);
        return WM_OK;
    }
    if (s->skipped) {
        wm_stats_add_skipped(b->stats, &s->err);
        o->report(&s->err, 1, o->report_ctx);
        return WM_OK;
    }
    for (size_t i = 0; i < s->warnings.len; i++) {
        b->stats->warnings++;
        o->report(&s->warnings.items[i], 0, o->report_ctx);
    }
    wm_stats_add_document(b->stats, &s->counts, s->bytes);
    if (s->output_failed) {
        *err = s->err;
        return err->status ? err->status : WM_ERR_IO;
    }
    if (s->output) {
        if (fwrite(s->output, 1, s->output_len, b->out) != s->output_len || ferror(b->out)) {
            int e = errno; /* a reader that went away (`whomet | head`) ends the run quietly */
            return wm_error_set(err, e == EPIPE ? WM_ERR_CLOSED : WM_ERR_IO, "output", 0, 0, "write failed: %s",
                                strerror(e));
        }
        return WM_OK;
    }
    if (s->texts)
        json_array_append(b->texts, s->texts);
    return wm_graph_absorb(b->graph, s->graph, s->in.id, err);
}

/* Called with the lock held after a slot finished: unless another thread is committing,
 * commits the finished slots at the head of the ring. */
static void commit_ready(batch *b)
{
    if (b->committing)
        return;
    b->committing = 1;
    while (b->committed < b->produced && b->ring[b->committed % b->size].state == SLOT_DONE) {
        slot *s = &b->ring[b->committed % b->size];
        int stopped = b->stopped;
        pthread_mutex_unlock(&b->lock);
        wm_error err;
        double at = now_seconds();
        wm_status st = stopped ? WM_OK : commit(b, s, &err);
        wm_stats_add_time(b->stats, b->graph ? "merge" : "write", now_seconds() - at);
        report_progress(b, 0);
        clear_slot(s);
        pthread_mutex_lock(&b->lock);
        if (st != WM_OK && !b->stopped) {
            b->stopped = 1;
            b->status = st;
            b->err = err;
            pthread_cond_broadcast(&b->work);
        }
        b->committed++;
        pthread_cond_signal(&b->space);
    }
    b->committing = 0;
}

typedef struct {
    batch *b;
    wm_worker *worker;
    pthread_t thread;
} worker_thread;

static void *work(void *arg)
{
    worker_thread *w = arg;
    batch *b = w->b;
    pthread_mutex_lock(&b->lock);
    for (;;) {
        while (b->taken == b->produced && !b->input_done && !b->stopped)
            pthread_cond_wait(&b->work, &b->lock);
        if (b->taken == b->produced || b->stopped)
            break;
        slot *s = &b->ring[b->taken++ % b->size];
        s->state = SLOT_RUNNING;
        pthread_mutex_unlock(&b->lock);
        process(b, w->worker, s);
        pthread_mutex_lock(&b->lock);
        s->state = SLOT_DONE;
        commit_ready(b);
    }
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* The calling thread's part: read inputs into free slots until the input ends. */
static void produce(batch *b, wm_source *src)
{
    for (;;) {
        wm_input in;
        if (!wm_source_next(src, &in))
            break;
        pthread_mutex_lock(&b->lock);
        while (b->produced - b->committed >= b->size && !b->stopped)
            pthread_cond_wait(&b->space, &b->lock);
        if (b->stopped) {
            pthread_mutex_unlock(&b->lock);
            wm_input_clear(&in);
            break;
        }
        slot *s = &b->ring[b->produced++ % b->size];
        s->in = in;
        s->state = SLOT_QUEUED;
        pthread_cond_signal(&b->work);
        pthread_mutex_unlock(&b->lock);
    }
    pthread_mutex_lock(&b->lock);
    b->input_done = 1;
    pthread_cond_broadcast(&b->work);
    pthread_mutex_unlock(&b->lock);
}

wm_status wm_batch_run(const wm_kb *kb, const wm_batch_options *o, wm_source *src, FILE *out,
                       wm_batch_stats *stats, double *seconds, wm_error *err)
{
    memset(stats, 0, sizeof *stats);
    unsigned jobs = o->jobs ? o->jobs : 1;
    worker_thread *threads = wm_xcalloc(jobs, sizeof *threads);
    for (unsigned i = 0; i < jobs; i++) {
        threads[i].worker = wm_worker_new(kb, &o->pipeline);
        if (!threads[i].worker) {
            for (unsigned k = 0; k < i; k++)
                wm_worker_free(threads[k].worker);
            free(threads);
            return wm_error_set(err, WM_ERR_NOMEM, NULL, 0, 0, "cannot create a regex matcher");
        }
    }
    batch b = {
        .kb = kb,
        .o = o,
        .out = out,
        .graph = o->format->write_graph ? wm_graph_new() : NULL,
        .texts = o->format->wants_texts ? json_array() : NULL,
        .ids = wm_strset_new(),
        .stats = stats,
        .total_documents = wm_source_total_documents(src),
        .total_bytes = wm_source_total_bytes(src),
        .size = (size_t)jobs * WM_SLOTS_PER_JOB,
    };
    b.ring = wm_xcalloc(b.size, sizeof *b.ring);
    /* the parts of the run in the order they happen, for --stats */
    wm_stats_add_time(stats, "read", 0);
    for (size_t part = 0; part < wm_worker_timing_count(); part++)
        wm_stats_add_time(stats, wm_worker_timing_name(part), 0);
    wm_stats_add_time(stats, "export", 0);
    wm_stats_add_time(stats, b.graph ? "merge" : "write", 0);
    clock_gettime(CLOCK_MONOTONIC, &b.started);
    pthread_mutex_init(&b.lock, NULL);
    pthread_cond_init(&b.work, NULL);
    pthread_cond_init(&b.space, NULL);
    json_object_seed(0); /* jansson seeds its hash function once; do it before the threads race for it */
    unsigned started = 0;
    for (; started < jobs; started++) {
        threads[started].b = &b;
        if (pthread_create(&threads[started].thread, NULL, work, &threads[started]) != 0)
            break;
    }
    if (started) {
        produce(&b, src); /* fewer threads than asked for still do all the work */
    } else {
        b.stopped = 1;
        b.status = wm_error_set(&b.err, WM_ERR_NOMEM, NULL, 0, 0, "cannot start a worker thread");
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i].thread, NULL);
    for (size_t i = 0; i < b.size; i++)
        clear_slot(&b.ring[i]);

    for (unsigned i = 0; i < jobs; i++) {
        for (size_t part = 0; part < wm_worker_timing_count(); part++)
            wm_stats_add_time(stats, wm_worker_timing_name(part), wm_worker_timing(threads[i].worker, part));
        const wm_rule *rule;
        double rule_seconds;
        size_t calls;
        for (size_t r = 0; wm_worker_rule_timing(threads[i].worker, r, &rule, &rule_seconds, &calls); r++)
            wm_stats_add_rule_time(stats, rule->id, rule_seconds, calls);
    }

    wm_status st = b.stopped ? b.status : WM_OK;
    if (st != WM_OK)
        *err = b.err;
    if (st == WM_OK && o->format->write_graph) {
        double at = now_seconds();
        json_t *g = wm_graph_result(b.graph, o->generator);
        if (o->export_flags & WM_EXPORT_MEETING_NODES)
            wm_graph_meeting_nodes(g);
        st = o->format->write_graph(g, b.texts, out, err);
        json_decref(g);
        wm_stats_add_time(stats, "write graph", now_seconds() - at);
    }
    report_progress(&b, 1);
    if (seconds)
        *seconds = elapsed(&b);
    pthread_cond_destroy(&b.space);
    pthread_cond_destroy(&b.work);
    pthread_mutex_destroy(&b.lock);
    free(b.ring);
    wm_strset_free(b.ids);
    wm_graph_free(b.graph);
    json_decref(b.texts);
    for (unsigned i = 0; i < jobs; i++)
        wm_worker_free(threads[i].worker);
    free(threads);
    return st;
}
