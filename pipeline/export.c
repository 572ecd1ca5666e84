/* export.c - builds JSON from the document model. Mention and evidence `text` is the original
 * slice (so text[start:end] holds); labels, aliases and titles use the normalized text. */
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "export.h"
#include "tokenize.h"

static json_t *utf16_json(const UChar *s, int32_t n)
{
    int32_t need = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &need, s, n, &status);
    char stack[512];
    char *buf = need < (int32_t)sizeof stack ? stack : wm_xmalloc((size_t)need + 1);
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(buf, need + 1, &need, s, n, 0xFFFD, NULL, &status);
    json_t *out = json_stringn(buf, (size_t)need);
    if (buf != stack)
        free(buf);
    return out ? out : json_string("");
}

static json_t *original_text(const wm_doc *doc, wm_span span)
{
    wm_span u = wm_doc_original_units(doc, span);
    return utf16_json(doc->orig + u.start, u.end - u.start);
}

static json_t *normalized_text(const wm_doc *doc, wm_span span)
{
    return utf16_json(doc->text + span.start, span.end - span.start);
}

static void set_offsets(json_t *obj, const wm_doc *doc, wm_span span)
{
    int32_t s, e;
    wm_doc_original_offsets(doc, span, &s, &e);
    json_object_set_new(obj, "start", json_integer(s));
    json_object_set_new(obj, "end", json_integer(e));
}

char *wm_slug(const char *utf8)
{
    size_t len = strlen(utf8);
    UChar *u16 = wm_xmalloc((len + 1) * sizeof(UChar));
    UChar *folded = wm_xmalloc((2 * len + 1) * sizeof(UChar));
    int32_t n = 0;
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(u16, (int32_t)len + 1, &n, utf8, (int32_t)len, 0xFFFD, NULL, &status);
    int32_t f = wm_fold(u16, n, folded);
    int32_t k = 0;
    int dash = 0;
    for (int32_t i = 0; i < f; i++) {
        UChar c = folded[i];
        int keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c > 0x7F && u_isalnum(c));
        if (keep) {
            if (dash && k)
                u16[k++] = '-';
            u16[k++] = c;
            dash = 0;
        } else {
            dash = 1;
        }
    }
    int32_t need = 0;
    status = U_ZERO_ERROR;
    char *out = wm_xmalloc(3 * (size_t)k + 1);
    u_strToUTF8(out, 3 * k + 1, &need, u16, k, &status);
    out[need] = '\0';
    free(u16);
    free(folded);
    return out;
}

static char *entity_label(const wm_doc *doc, const wm_entity *e)
{
    if (e->label)
        return wm_xstrdup(e->label);
    json_t *j = normalized_text(doc, doc->mentions.items[e->label_mention].span);
    char *s = wm_xstrdup(json_string_value(j));
    json_decref(j);
    return s;
}

char *wm_export_node_id(const wm_doc *doc, int32_t entity)
{
    const wm_entity *e = &doc->entities.items[entity];
    char *key = NULL;
    if (e->key) {
        key = wm_xstrdup(e->key);
    } else {
        char *label = entity_label(doc, e);
        key = wm_slug(label);
        free(label);
    }
    const char *prefix = wm_entity_id_prefix(e->kind);
    size_t n = strlen(prefix) + 1 + strlen(key) + 1;
    char *id = wm_xmalloc(n);
    snprintf(id, n, "%s:%s", prefix, key);
    free(key);
    return id;
}

static json_t *node_ref(const wm_doc *doc, int32_t entity)
{
    if (entity < 0)
        return json_null();
    char *id = wm_export_node_id(doc, entity);
    json_t *j = json_string(id);
    free(id);
    return j;
}

static void add_entity_mentions(const wm_doc *doc, json_t *entities)
{
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if ((m->flags & WM_MENTION_DROPPED) || m->kind == WM_ENTITY_ROLE || m->kind == WM_ENTITY_DATE)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string(wm_entity_kind_name(m->kind)));
        set_offsets(o, doc, m->span);
        json_object_set_new(o, "text", original_text(doc, m->span));
        if (m->entity >= 0)
            json_object_set_new(o, "node", node_ref(doc, m->entity));
        if (m->rule)
            json_object_set_new(o, "rule", json_string(m->rule));
        if (m->base)
            json_object_set_new(o, "base", json_string(m->base));
        json_array_append_new(entities, o);
    }
}

static json_t *date_value(const wm_date *d)
{
    return d->value[0] ? json_string(d->value) : json_null();
}

static void add_dates_and_roles(const wm_doc *doc, json_t *entities)
{
    for (size_t i = 0; i < doc->dates.len; i++) {
        const wm_date *d = &doc->dates.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string("date"));
        set_offsets(o, doc, d->span);
        json_object_set_new(o, "text", original_text(doc, d->span));
        json_object_set_new(o, "value", date_value(d));
        json_object_set_new(o, "anchor", json_string(wm_date_anchor_name(d->anchor)));
        json_object_set_new(o, "kind", json_string(wm_date_kind_name(d->kind)));
        if (d->rule)
            json_object_set_new(o, "rule", json_string(d->rule));
        json_array_append_new(entities, o);
    }
    for (size_t i = 0; i < doc->roles.len; i++) {
        const wm_role *r = &doc->roles.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "type", json_string("role"));
        set_offsets(o, doc, r->title);
        json_object_set_new(o, "text", original_text(doc, r->title));
        json_object_set_new(o, "person", node_ref(doc, r->person));
        json_object_set_new(o, "org", node_ref(doc, r->org));
        if (r->rule)
            json_object_set_new(o, "rule", json_string(r->rule));
        json_array_append_new(entities, o);
    }
}

static int compare_entities(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    json_int_t xs = json_integer_value(json_object_get(x, "start")), ys = json_integer_value(json_object_get(y, "start"));
    if (xs != ys)
        return xs < ys ? -1 : 1;
    json_int_t xe = json_integer_value(json_object_get(x, "end")), ye = json_integer_value(json_object_get(y, "end"));
    if (xe != ye)
        return xe > ye ? -1 : 1;
    return strcmp(json_string_value(json_object_get(x, "type")), json_string_value(json_object_get(y, "type")));
}

static json_t *sorted_array(json_t *array, int (*cmp)(const void *, const void *))
{
    size_t n = json_array_size(array);
    json_t **items = wm_xmalloc((n ? n : 1) * sizeof *items);
    for (size_t i = 0; i < n; i++)
        items[i] = json_incref(json_array_get(array, i));
    qsort(items, n, sizeof *items, cmp);
    json_t *out = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(out, items[i]);
    free(items);
    json_decref(array);
    return out;
}

/* --- encounters: the relations that share an event number ------------------------------ */

static const char *relation_date(const wm_doc *doc, const wm_relation *r)
{
    return r->date >= 0 && doc->dates.items[r->date].value[0] ? doc->dates.items[r->date].value : NULL;
}

static int compare_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The passages of one encounter: relations that share an event number, in document order. */
typedef struct {
    const wm_relation **passages;
    size_t count;
} encounter;

/* The node ids of everyone taking part in the encounter, sorted and without repeats. */
static size_t encounter_persons(const wm_doc *doc, const encounter *en, char ***out)
{
    size_t n = 0, cap = 8;
    char **ids = wm_xmalloc(cap * sizeof *ids);
    for (size_t i = 0; i < en->count; i++) {
        const wm_relation *r = en->passages[i];
        for (int32_t k = 0; k < r->participant_count; k++) {
            if (n == cap)
                ids = wm_xrealloc(ids, (cap *= 2) * sizeof *ids);
            ids[n++] = wm_export_node_id(doc, r->participants[k]);
        }
    }
    if (n)
        qsort(ids, n, sizeof *ids, compare_cstr);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && strcmp(ids[kept - 1], ids[i]) == 0)
            free(ids[i]);
        else
            ids[kept++] = ids[i];
    }
    *out = ids;
    return kept;
}

static void free_ids(char **ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    free(ids);
}

/* "meeting:<16 hex>" from the sorted participants and the date: the same encounter reported by
 * two documents gets the same id. */
static json_t *meeting_id(char **ids, size_t n, const char *date)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i <= n; i++) {
        const char *s = i < n ? ids[i] : date ? date : "";
        for (; *s; s++)
            h = (h ^ (unsigned char)*s) * 1099511628211ull;
        h = (h ^ (i < n ? 0x1f : 0x1e)) * 1099511628211ull;
    }
    char buf[32];
    snprintf(buf, sizeof buf, "meeting:%016llx", (unsigned long long)h);
    return json_string(buf);
}

/* --explain: which rule fired on which words, who it took part and by which words, and the
 * cue that decided the kind. */
static json_t *explain_json(const wm_doc *doc, const wm_relation *r)
{
    json_t *x = json_object();
    json_object_set_new(x, "rule", json_string(r->rule ? r->rule : ""));
    json_object_set_new(x, "trigger", original_text(doc, r->trigger));
    if (r->particle.end > r->particle.start)
        json_object_set_new(x, "particle", original_text(doc, r->particle));
    json_t *who = json_array();
    for (int32_t k = 0; k < r->participant_count; k++) {
        json_t *p = json_object();
        json_object_set_new(p, "node", node_ref(doc, r->participants[k]));
        if (r->participant_spans) {
            set_offsets(p, doc, r->participant_spans[k]);
            json_object_set_new(p, "text", original_text(doc, r->participant_spans[k]));
        }
        json_array_append_new(who, p);
    }
    json_object_set_new(x, "participants", who);
    if (r->cue.end > r->cue.start) {
        json_t *c = json_object();
        json_object_set_new(c, "rule", json_string(r->cue_rule ? r->cue_rule : ""));
        set_offsets(c, doc, r->cue);
        json_object_set_new(c, "text", original_text(doc, r->cue));
        json_object_set_new(x, "cue", c);
    }
    return x;
}

/* The same in one line for the graph's evidence: "meet.empfangen: empfing | Kühnemund, Pak". */
static json_t *explain_line(const wm_doc *doc, const wm_relation *r)
{
    json_t *trig = original_text(doc, r->trigger);
    size_t cap = 256, len = 0;
    char *buf = wm_xmalloc(cap);
    len = (size_t)snprintf(buf, cap, "%s: %s", r->rule ? r->rule : "", json_string_value(trig));
    json_decref(trig);
    for (int32_t k = 0; k < r->participant_count && r->participant_spans; k++) {
        json_t *t = original_text(doc, r->participant_spans[k]);
        const char *s = json_string_value(t);
        size_t need = len + strlen(s) + 8;
        if (need > cap)
            buf = wm_xrealloc(buf, cap = 2 * need);
        len += (size_t)snprintf(buf + len, cap - len, "%s%s", k ? ", " : " | ", s);
        json_decref(t);
    }
    if (r->cue.end > r->cue.start) {
        json_t *t = original_text(doc, r->cue);
        const char *s = json_string_value(t);
        size_t need = len + strlen(s) + 16;
        if (need > cap)
            buf = wm_xrealloc(buf, cap = 2 * need);
        len += (size_t)snprintf(buf + len, cap - len, " | cue: %s", s);
        json_decref(t);
    }
    json_t *out = json_stringn(buf, len);
    free(buf);
    return out;
}

/* One passage of an encounter; `with_doc` for the graph, where evidence names its document. */
static json_t *passage_json(const wm_doc *doc, const wm_relation *r, unsigned flags, int with_doc)
{
    json_t *e = json_object();
    if (with_doc)
        json_object_set_new(e, "doc", json_string(doc->id));
    set_offsets(e, doc, r->evidence);
    json_object_set_new(e, "text", original_text(doc, r->evidence));
    if (r->rule)
        json_object_set_new(e, "rule", json_string(r->rule));
    if (r->trigger.end > r->trigger.start)
        json_object_set_new(e, "trigger", original_text(doc, r->trigger));
    if (relation_date(doc, r))
        json_object_set_new(e, "date", json_string(relation_date(doc, r)));
    if (flags & WM_EXPORT_EXPLAIN)
        json_object_set_new(e, "explain", with_doc ? explain_line(doc, r) : explain_json(doc, r));
    return e;
}

/* The passage that stands for the encounter: the first of the running text that names
 * someone (a heading or caption only when there is no such one). */
static const wm_relation *primary_passage(const wm_doc *doc, const encounter *en)
{
    const wm_relation *named = NULL;
    for (size_t i = 0; i < en->count; i++) {
        const wm_relation *r = en->passages[i];
        if (!r->participant_count)
            continue;
        wm_segment_kind k = r->segment >= 0 ? doc->segments.items[r->segment].kind : WM_SEGMENT_SENTENCE;
        if (k == WM_SEGMENT_SENTENCE || k == WM_SEGMENT_LIST_ITEM)
            return r;
        if (!named)
            named = r;
    }
    return named ? named : en->passages[0];
}

static int first_passage_order(const void *a, const void *b)
{
    const wm_relation *x = ((const encounter *)a)->passages[0], *y = ((const encounter *)b)->passages[0];
    return x < y ? -1 : x > y;
}

static int by_event(const void *a, const void *b)
{
    const wm_relation *x = *(const wm_relation *const *)a, *y = *(const wm_relation *const *)b;
    if (x->event != y->event)
        return x->event < y->event ? -1 : 1;
    return x < y ? -1 : x > y; /* document order within an encounter */
}

/* Calls fn once per encounter, in the order of its first passage. */
static void for_each_encounter(const wm_doc *doc, void (*fn)(const wm_doc *, const encounter *, void *), void *ctx)
{
    size_t n = doc->relations.len;
    if (!n)
        return;
    const wm_relation **all = wm_xmalloc(n * sizeof *all);
    for (size_t i = 0; i < n; i++)
        all[i] = &doc->relations.items[i];
    qsort(all, n, sizeof *all, by_event);
    /* encounters in the order of their first passage */
    encounter *list = wm_xmalloc(n * sizeof *list);
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && all[j]->event == all[i]->event)
            j++;
        list[count++] = (encounter){all + i, j - i};
        i = j;
    }
    qsort(list, count, sizeof *list, first_passage_order);
    for (size_t i = 0; i < count; i++)
        fn(doc, &list[i], ctx);
    free(list);
    free(all);
}

typedef struct {
    json_t *out;
    unsigned flags;
} encounter_sink;

static void encounter_annotation(const wm_doc *doc, const encounter *en, void *ctx)
{
    encounter_sink *sink = ctx;
    const wm_relation *p = primary_passage(doc, en);
    char **ids;
    size_t n = encounter_persons(doc, en, &ids);
    json_t *o = json_object();
    json_object_set_new(o, "relation", json_string(wm_relation_name(p->kind)));
    json_t *persons = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append_new(persons, json_string(ids[i]));
    json_object_set_new(o, "persons", persons);
    if (relation_date(doc, p))
        json_object_set_new(o, "date", json_string(relation_date(doc, p)));
    if (p->place >= 0)
        json_object_set_new(o, "place", node_ref(doc, p->place));
    if (p->kind == WM_REL_MET)
        json_object_set_new(o, "meeting", meeting_id(ids, n, relation_date(doc, p)));
    set_offsets(o, doc, p->evidence);
    json_object_set_new(o, "text", original_text(doc, p->evidence));
    if (p->trigger.end > p->trigger.start)
        json_object_set_new(o, "trigger", original_text(doc, p->trigger));
    if (p->rule)
        json_object_set_new(o, "rule", json_string(p->rule));
    json_t *ev = json_array();
    for (size_t i = 0; i < en->count; i++)
        json_array_append_new(ev, passage_json(doc, en->passages[i], sink->flags, 0));
    json_object_set_new(o, "evidence", ev);
    json_array_append_new(sink->out, o);
    free_ids(ids, n);
}

static json_t *segments_json(const wm_doc *doc)
{
    json_t *out = json_array();
    for (size_t i = 0; i < doc->segments.len; i++) {
        const wm_segment *s = &doc->segments.items[i];
        json_t *o = json_object();
        json_object_set_new(o, "kind", json_string(wm_segment_kind_name(s->kind)));
        set_offsets(o, doc, s->span);
        json_object_set_new(o, "block", json_integer(s->block));
        json_object_set_new(o, "text", original_text(doc, s->span));
        json_array_append_new(out, o);
    }
    return out;
}

json_t *wm_export_annotations(const wm_doc *doc, unsigned flags)
{
    json_t *o = json_object();
    json_object_set_new(o, "doc", json_string(doc->id));
    json_object_set_new(o, "source", json_string(doc->source));
    json_object_set_new(o, "chars", json_integer(doc->orig_len - (json_int_t)doc->supplementary.len));
    if (doc->encoding)
        json_object_set_new(o, "encoding", json_string(doc->encoding));
    if (doc->reference_date[0]) {
        json_object_set_new(o, "reference_date", json_string(doc->reference_date));
        json_object_set_new(o, "reference_anchor", json_string(wm_date_anchor_name(doc->reference_anchor)));
    }
    json_t *entities = json_array();
    add_entity_mentions(doc, entities);
    add_dates_and_roles(doc, entities);
    json_object_set_new(o, "entities", sorted_array(entities, compare_entities));
    encounter_sink relations = {json_array(), flags};
    for_each_encounter(doc, encounter_annotation, &relations);
    json_object_set_new(o, "relations", relations.out);
    if (flags & WM_EXPORT_SEGMENTS)
        json_object_set_new(o, "segments", segments_json(doc));
    if (flags & WM_EXPORT_TEXT)
        json_object_set_new(o, "text", utf16_json(doc->orig, doc->orig_len));
    return o;
}

static json_t *evidence_json(const wm_doc *doc, wm_span span, const char *rule)
{
    json_t *e = json_object();
    json_object_set_new(e, "doc", json_string(doc->id));
    set_offsets(e, doc, span);
    json_object_set_new(e, "text", original_text(doc, span));
    if (rule)
        json_object_set_new(e, "rule", json_string(rule));
    return e;
}

/* Appends a string unless the array holds it already (an entity is often named the same way
 * twice); takes the reference either way. */
static void append_unique(json_t *array, json_t *value)
{
    size_t i;
    json_t *v;
    json_array_foreach(array, i, v) {
        if (json_equal(v, value)) {
            json_decref(value);
            return;
        }
    }
    json_array_append_new(array, value);
}

static json_t *entity_node(const wm_doc *doc, int32_t index)
{
    const wm_entity *e = &doc->entities.items[index];
    json_t *n = json_object();
    json_object_set_new(n, "id", node_ref(doc, index));
    json_object_set_new(n, "kind", json_string(wm_entity_kind_name(e->kind)));
    char *label = entity_label(doc, e);
    json_object_set_new(n, "label", json_string(label));
    free(label);
    json_t *aliases = json_array(), *mentions = json_array();
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->entity != index || (m->flags & WM_MENTION_DROPPED))
            continue;
        append_unique(aliases, normalized_text(doc, m->span));
        json_t *mj = json_object();
        json_object_set_new(mj, "doc", json_string(doc->id));
        set_offsets(mj, doc, m->span);
        json_object_set_new(mj, "text", original_text(doc, m->span));
        json_array_append_new(mentions, mj);
    }
    json_object_set_new(n, "aliases", aliases);
    json_object_set_new(n, "mentions", mentions);
    if (e->gender)
        json_object_set_new(n, "gender", json_stringn(&e->gender, 1));
    if (e->kind == WM_ENTITY_PERSON) {
        json_t *roles = json_array();
        for (size_t i = 0; i < doc->roles.len; i++) {
            const wm_role *r = &doc->roles.items[i];
            if (r->person != index)
                continue;
            json_t *rj = json_object();
            json_object_set_new(rj, "title", normalized_text(doc, r->title));
            json_object_set_new(rj, "org", node_ref(doc, r->org));
            json_object_set_new(rj, "doc", json_string(doc->id));
            set_offsets(rj, doc, r->title);
            json_object_set_new(rj, "text", original_text(doc, r->title));
            if (r->since >= 0 && doc->dates.items[r->since].value[0])
                json_object_set_new(rj, "since", json_string(doc->dates.items[r->since].value));
            json_array_append_new(roles, rj);
        }
        json_object_set_new(n, "roles", roles);
    }
    return n;
}

static void add_role_links(const wm_doc *doc, json_t *links)
{
    for (size_t i = 0; i < doc->roles.len; i++) {
        const wm_role *r = &doc->roles.items[i];
        if (r->org < 0)
            continue;
        json_t *l = json_object();
        json_object_set_new(l, "source", node_ref(doc, r->person));
        json_object_set_new(l, "target", node_ref(doc, r->org));
        json_object_set_new(l, "relation", json_string(wm_relation_name(WM_REL_HOLDS_ROLE)));
        json_object_set_new(l, "title", normalized_text(doc, r->title));
        if (r->since >= 0 && doc->dates.items[r->since].value[0])
            json_object_set_new(l, "since", json_string(doc->dates.items[r->since].value));
        json_t *ev = json_array();
        json_array_append_new(ev, evidence_json(doc, r->evidence, r->rule));
        json_object_set_new(l, "evidence", ev);
        json_array_append_new(links, l);
    }
}

typedef struct {
    json_t *links, *meetings;
    unsigned flags;
} graph_sink;

/* An encounter of n persons is n*(n-1)/2 pairwise links, each carrying every passage; a
 * meeting that happened is also kept whole in graph.meetings, and its links name it. */
static void encounter_graph(const wm_doc *doc, const encounter *en, void *ctx)
{
    graph_sink *sink = ctx;
    const wm_relation *p = primary_passage(doc, en);
    const char *date = relation_date(doc, p);
    char **ids;
    size_t n = encounter_persons(doc, en, &ids);
    json_t *evidence = json_array();
    for (size_t i = 0; i < en->count; i++)
        json_array_append_new(evidence, passage_json(doc, en->passages[i], sink->flags, 1));
    json_t *id = p->kind == WM_REL_MET ? meeting_id(ids, n, date) : NULL;
    for (size_t a = 0; a < n; a++)
        for (size_t b = a + 1; b < n; b++) {
            json_t *l = json_object();
            json_object_set_new(l, "source", json_string(ids[a]));
            json_object_set_new(l, "target", json_string(ids[b]));
            json_object_set_new(l, "relation", json_string(wm_relation_name(p->kind)));
            if (date)
                json_object_set_new(l, "date", json_string(date));
            if (id) {
                json_t *ms = json_array();
                json_array_append(ms, id);
                json_object_set_new(l, "meetings", ms);
            }
            json_object_set_new(l, "evidence", json_deep_copy(evidence));
            json_array_append_new(sink->links, l);
        }
    if (id) {
        json_t *m = json_object();
        json_object_set(m, "id", id);
        json_t *persons = json_array();
        for (size_t i = 0; i < n; i++)
            json_array_append_new(persons, json_string(ids[i]));
        json_object_set_new(m, "participants", persons);
        if (date)
            json_object_set_new(m, "date", json_string(date));
        if (p->place >= 0)
            json_object_set_new(m, "place", node_ref(doc, p->place));
        json_object_set_new(m, "trigger", original_text(doc, p->trigger));
        json_object_set_new(m, "rule", json_string(p->rule ? p->rule : ""));
        json_object_set(m, "evidence", evidence);
        json_array_append_new(sink->meetings, m);
    }
    json_decref(id);
    json_decref(evidence);
    free_ids(ids, n);
}

json_t *wm_export_graph(const wm_doc *doc, unsigned flags)
{
    json_t *g = json_object();
    json_object_set_new(g, "directed", json_false());
    json_object_set_new(g, "multigraph", json_true());
    json_t *meta = json_object(), *docs = json_array(), *d = json_object();
    json_object_set_new(d, "id", json_string(doc->id));
    json_object_set_new(d, "source", json_string(doc->source));
    json_object_set_new(d, "chars", json_integer(doc->orig_len - (json_int_t)doc->supplementary.len));
    if (doc->reference_date[0])
        json_object_set_new(d, "date", json_string(doc->reference_date));
    if (doc->dateline_place >= 0)
        json_object_set_new(d, "place", node_ref(doc, doc->dateline_place));
    json_array_append_new(docs, d);
    json_object_set_new(meta, "documents", docs);
    json_object_set_new(g, "graph", meta);
    graph_sink sink = {NULL, json_array(), flags};
    json_object_set_new(meta, "meetings", sink.meetings);
    json_t *nodes = json_array();
    for (size_t i = 0; i < doc->entities.len; i++)
        if (doc->entities.items[i].kind == WM_ENTITY_PERSON || doc->entities.items[i].kind == WM_ENTITY_ORGANIZATION ||
            doc->entities.items[i].kind == WM_ENTITY_LOCATION)
            json_array_append_new(nodes, entity_node(doc, (int32_t)i));
    json_object_set_new(g, "nodes", nodes);
    json_t *links = json_array();
    add_role_links(doc, links);
    sink.links = links;
    for_each_encounter(doc, encounter_graph, &sink);
    json_object_set_new(g, "links", links);
    return g;
}
