/* meetings.c - the meeting stage. Triggers (rules/meetings.rules, act=...) make one frame per
 * clause with its participants, modality, date and place; frames that tell of one encounter
 * (a reception, then "An dem Gespräch nahmen ... teil") become one event; each event's passages
 * go to doc->relations sharing one event number. Headings and captions attach last. */
#include <string.h>

#include "alloc.h"
#include "clause.h"
#include "meetings.h"
#include "modality.h"
#include "participants.h"

#define WM_ACTS(X)            \
    X(PHONE, "phone")         \
    X(LETTER, "letter")       \
    X(MEET, "meet")           \
    X(INVITE, "invite")       \
    X(JOIN, "join")           \
    X(ROSTER, "roster")       \
    X(EVENT, "event")         \
    X(CAPTION, "caption")

/* In this order a clause's triggers take precedence: a call or letter is never a meeting. */
typedef enum {
#define WM_X(e, name) ACT_##e,
    WM_ACTS(WM_X)
#undef WM_X
    ACT_COUNT
} act_kind;

static const char *const act_names[] = {
#define WM_X(e, name) name,
    WM_ACTS(WM_X)
#undef WM_X
};

/* An antecedent encounter is looked for this many paragraphs of running text back. */
enum { WM_JOIN_PARAGRAPHS = 2 };

typedef struct {
    const wm_rule *rule;
    act_kind act;
    wm_span trigger, particle;
    int past;               /* a finite past form: "traf", "empfing" */
    int32_t tok;
    int32_t clause;
    int definite;           /* event nouns: "dem Treffen", "im Gespräch" */
    int attribute;          /* event nouns in a genitive after another noun: "Präsident der Konferenz" */
} hit;

typedef struct {
    int32_t segment, clause;
    int32_t first, end;     /* tokens of the clause (of the whole segment for captions) */
    const hit *primary;
    int refers_back;        /* a definite encounter noun in the clause */
    int deferred;           /* heading or caption: attached after the running text */
    wm_relation_kind kind;
    const wm_mark_match *cue;
    wm_participants persons;
    int32_t date, place;
    int scheduled;          /* the date comes from a schedule heading ("Montag, 10. Juni 2024") */
    int32_t event;
} frame;

typedef struct {
    wm_relation_kind kind;
    int32_t date, place;
    int32_t last_paragraph;
    int32_t last_block;
    int32_t merged_into;    /* another event took it over, or -1 */
    WM_VEC(int32_t) frames;
    WM_VEC(int32_t) entities;
} event;

typedef struct {
    wm_doc *doc;
    wm_stage_ctx *ctx;
    wm_marks marks;
    wm_clauses clauses;
    wm_people people;
    WM_VEC(hit) hits;
    /* the hits by clause, in hit order: first_hit per clause, next_hit per hit (-1 ends);
     * event_clause marks clauses with an encounter noun. Rebuilt by index_hits. */
    int32_t *first_hit, *next_hit;
    unsigned char *event_clause;
    WM_VEC(frame) frames;
    WM_VEC(event) events;
    int32_t *paragraph;     /* per segment: count of running-text paragraphs so far */
    int32_t *location_at;   /* per token: the location entity whose mention starts there, or -1 */
} meet_ctx;

/* --- triggers ------------------------------------------------------------------------------ */

static int act_of_rule(const wm_rule *rule, act_kind *out)
{
    char value[32];
    if (!wm_rule_attr(rule, "act", value, sizeof value))
        return 0;
    for (int i = 0; i < ACT_COUNT; i++)
        if (strcmp(act_names[i], value) == 0) {
            *out = (act_kind)i;
            return 1;
        }
    return 0;
}

static wm_segment_kind segment_kind_of(const meet_ctx *mc, int32_t t)
{
    int32_t seg = mc->doc->tokens.items[t].segment;
    return seg >= 0 ? mc->doc->segments.items[seg].kind : WM_SEGMENT_CREDIT;
}

/* "nahm ... teil": the particle is the last word of its chunk and in the verb's clause. */
static int particle_closes_clause(const meet_ctx *mc, int32_t verb, wm_span particle)
{
    int32_t pt = wm_doc_token_at(mc->doc, particle.start);
    if (pt < 0 || mc->clauses.clause_of[pt] != mc->clauses.clause_of[verb] || mc->clauses.chunk_of[pt] < 0)
        return 0;
    return wm_chunk_last_word(mc->doc, &mc->clauses, mc->clauses.chunk_of[pt]) == pt;
}

static int is_indefinite_article(const wm_doc *doc, int32_t t)
{
    static const char *const words[] = {"ein", "eine", "einem", "einen", "einer", "eines"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (wm_token_is(doc, t, words[i]))
            return 1;
    return 0;
}

static int is_contraction(const wm_doc *doc, int32_t t)
{
    static const char *const words[] = {"im", "am", "beim", "zum", "zur", "vom"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (wm_token_is(doc, t, words[i]))
            return 1;
    return 0;
}

/* An encounter noun with a definite article refers to one already told: "an dem Treffen".
 * *det gets the article's token. */
static int definite_noun(const meet_ctx *mc, int32_t t, int32_t *det)
{
    const wm_doc *doc = mc->doc;
    int32_t floor = doc->segments.items[doc->tokens.items[t].segment].first_token;
    for (int32_t k = t - 1, n = 0; k >= floor && n < 5; k--, n++) {
        const wm_token *tk = &doc->tokens.items[k];
        if (is_indefinite_article(doc, k))
            return 0;
        if ((mc->marks.tok[k] & WM_MARK_DET) || is_contraction(doc, k)) {
            *det = k;
            return 1;
        }
        int modifier = (tk->flags & WM_TOK_DIGIT) || wm_token_punct(doc, k, '.') ||
                       ((tk->flags & WM_TOK_ALPHA) && !(mc->marks.tok[k] & WM_MARK_FUNCTION));
        if (!modifier)
            return 0;
    }
    return 0;
}

/* "der Präsident der Konferenz", "die Ergebnisse des Treffens": the article of a genitive that
 * hangs on a preceding common noun. */
static int genitive_after_noun(const meet_ctx *mc, int32_t det)
{
    const wm_doc *doc = mc->doc;
    if (!(wm_token_is(doc, det, "des") || wm_token_is(doc, det, "der")) || det == 0)
        return 0;
    const wm_token *before = &doc->tokens.items[det - 1];
    return before->segment == doc->tokens.items[det].segment && (before->flags & WM_TOK_ALPHA) &&
           (before->flags & WM_TOK_UPPER) && !(before->flags & WM_TOK_SEGMENT_START) && !mc->people.named_at[det - 1];
}

static int clause_has_word(const meet_ctx *mc, int32_t clause, const char *word)
{
    const wm_clause *c = &mc->clauses.clauses.items[clause];
    for (int32_t t = c->first; t < c->end; t++)
        if (mc->clauses.clause_of[t] == clause && wm_token_is(mc->doc, t, word))
            return 1;
    return 0;
}

static int clause_has_mark(const meet_ctx *mc, int32_t clause, uint32_t mark)
{
    const wm_clause *c = &mc->clauses.clauses.items[clause];
    for (int32_t t = c->first; t < c->end; t++)
        if (mc->clauses.clause_of[t] == clause && (mc->marks.tok[t] & mark))
            return 1;
    return 0;
}

/* Indexes the hits by clause; looking through every hit for every clause and every hit was
 * quadratic in a long document. */
static void index_hits(meet_ctx *mc)
{
    size_t clauses = mc->clauses.clauses.len;
    free(mc->first_hit);
    free(mc->next_hit);
    free(mc->event_clause);
    mc->first_hit = wm_xmalloc((clauses ? clauses : 1) * sizeof *mc->first_hit);
    mc->next_hit = wm_xmalloc((mc->hits.len ? mc->hits.len : 1) * sizeof *mc->next_hit);
    mc->event_clause = wm_xcalloc(clauses ? clauses : 1, 1);
    for (size_t c = 0; c < clauses; c++)
        mc->first_hit[c] = -1;
    for (size_t i = mc->hits.len; i-- > 0;) {
        const hit *h = &mc->hits.items[i];
        mc->next_hit[i] = mc->first_hit[h->clause];
        mc->first_hit[h->clause] = (int32_t)i;
        if (h->act == ACT_EVENT)
            mc->event_clause[h->clause] = 1;
    }
}

static int clause_has_event_noun(const meet_ctx *mc, int32_t clause) { return mc->event_clause[clause]; }

/* needs=W1|W2: a word of the clause, or with W = noun an encounter noun in the clause. */
static int needs_met(const meet_ctx *mc, const hit *h)
{
    char needs[128];
    if (!wm_rule_attr(h->rule, "needs", needs, sizeof needs))
        return 1;
    char *save = NULL;
    for (char *w = strtok_r(needs, "|", &save); w; w = strtok_r(NULL, "|", &save))
        if (strcmp(w, "noun") == 0 ? clause_has_event_noun(mc, h->clause) : clause_has_word(mc, h->clause, w))
            return 1;
    return 0;
}

static void collect_hits(meet_ctx *mc)
{
    wm_doc *doc = mc->doc;
    const wm_ruleset *rules = wm_kb_rules(mc->ctx->kb, WM_RULES_MEETINGS);
    for (size_t r = 0; r < wm_ruleset_size(rules); r++) {
        const wm_rule *rule = wm_ruleset_rule(rules, r);
        act_kind act;
        if (!act_of_rule(rule, &act))
            continue;
        int32_t pos = 0;
        while (pos < doc->len && wm_stage_match(mc->ctx, doc, rule, pos) == 1) {
            hit h = {.rule = rule, .act = act};
            wm_span whole, past;
            wm_rule_group(mc->ctx->matcher, rule, NULL, &whole);
            pos = whole.end > whole.start ? whole.end : whole.start + 1;
            if (!wm_rule_group(mc->ctx->matcher, rule, "trigger", &h.trigger))
                h.trigger = whole;
            int separable = wm_rule_group(mc->ctx->matcher, rule, "particle", &h.particle);
            h.past = wm_rule_group(mc->ctx->matcher, rule, "past", &past);
            h.tok = wm_doc_token_at(doc, h.trigger.start);
            if (h.tok < 0 || mc->clauses.speech[h.tok] || (mc->marks.tok[h.tok] & WM_MARK_VOID))
                continue;
            wm_segment_kind sk = segment_kind_of(mc, h.tok);
            if (sk == WM_SEGMENT_CREDIT || (act == ACT_CAPTION) != (sk == WM_SEGMENT_CAPTION))
                continue;
            if (separable && !particle_closes_clause(mc, h.tok, h.particle))
                continue;
            h.clause = mc->clauses.clause_of[h.tok];
            if (h.clause < 0)
                continue;
            int32_t det = -1;
            h.definite = act == ACT_EVENT && definite_noun(mc, h.tok, &det);
            h.attribute = h.definite && genitive_after_noun(mc, det);
            wm_vec_push(&mc->hits, h);
        }
    }
    /* needs= looks at the other hits, so it is checked once all are in */
    index_hits(mc);
    size_t kept = 0;
    for (size_t i = 0; i < mc->hits.len; i++)
        if (needs_met(mc, &mc->hits.items[i]))
            mc->hits.items[kept++] = mc->hits.items[i];
    mc->hits.len = kept;
    index_hits(mc);
    for (size_t i = 0; i < mc->hits.len; i++)
        if (mc->hits.items[i].act == ACT_EVENT)
            for (int32_t t = mc->hits.items[i].tok; t < (int32_t)doc->tokens.len &&
                                                   doc->tokens.items[t].span.start < mc->hits.items[i].trigger.end;
                 t++)
                mc->people.event_noun[t] = 1;
}

/* --- frames -------------------------------------------------------------------------------- */

typedef struct {
    const wm_clauses *clauses;
    int32_t clause;
} clause_pred;

static int in_clause(int32_t t, const void *ctx)
{
    const clause_pred *cp = ctx;
    return cp->clauses->clause_of[t] == cp->clause && !cp->clauses->speech[t];
}

/* Cues count in the clause but not in a parenthesis: "Gespräch ... (nicht presseöffentlich)". */
static int cue_in_clause(int32_t t, const void *ctx)
{
    const clause_pred *cp = ctx;
    return in_clause(t, ctx) && !cp->clauses->aside[t];
}

static int not_speech(int32_t t, const void *ctx)
{
    const wm_clauses *c = ctx;
    return !c->speech[t];
}

/* Compares ISO dates by the precision both have: is a later than b? */
static int iso_later(const char *a, const char *b)
{
    size_t n = strcspn(a, "/"), m = strcspn(b, "/");
    size_t k = n < m ? n : m;
    return strncmp(a, b, k) > 0;
}

static int same_date(const meet_ctx *mc, int32_t a, int32_t b)
{
    if (a < 0 || b < 0)
        return 1;
    return strcmp(mc->doc->dates.items[a].value, mc->doc->dates.items[b].value) == 0;
}

/* The main clause a clause hangs in; after ':' or ';' a new one begins. */
static int32_t root_clause(const meet_ctx *mc, int32_t cl)
{
    while (mc->clauses.clauses.items[cl].parent >= 0)
        cl = mc->clauses.clauses.items[cl].parent;
    return cl;
}

/* "Berlin, 8. November 2024 - ...": the date of the release, not of what it tells. */
enum { WM_DATELINE_PLACE_TOKENS = 5 };
static int dateline(const meet_ctx *mc, const wm_date *d, int32_t first)
{
    const wm_doc *doc = mc->doc;
    int32_t seg = doc->tokens.items[first].segment;
    if (first - doc->segments.items[seg].first_token > WM_DATELINE_PLACE_TOKENS)
        return 0;
    int32_t f, end;
    wm_span_tokens(doc, d->span, &f, &end);
    return end < (int32_t)doc->tokens.len && doc->tokens.items[end].segment == seg && wm_token_punct(doc, end, '-') &&
           (doc->tokens.items[end].flags & WM_TOK_SPACE_BEFORE);
}

/* "seit 2022", "seit seiner Gründung im Oktober 2022": the date starts a period, it dates no encounter. */
enum { WM_SEIT_REACH = 4 };
static int after_seit(const meet_ctx *mc, int32_t t)
{
    const wm_doc *doc = mc->doc;
    for (int32_t k = t, n = 0; k >= 0 && n <= WM_SEIT_REACH && doc->tokens.items[k].segment == doc->tokens.items[t].segment; k--, n++) {
        if (wm_token_is(doc, k, "seit"))
            return 1;
        if (doc->tokens.items[k].flags & WM_TOK_PUNCT)
            return 0;
    }
    return 0;
}

/* The date a frame's encounter took place: a dated expression in its clause nearest the trigger,
 * else one elsewhere in the sentence outside relative clauses. "seit ..." dates a role, not this. */
static int32_t frame_date(const meet_ctx *mc, const frame *f)
{
    const wm_doc *doc = mc->doc;
    int32_t best = -1, best_rank = 0;
    for (size_t i = 0; i < doc->dates.len; i++) {
        const wm_date *d = &doc->dates.items[i];
        if (!d->value[0] || d->segment != f->segment)
            continue; /* cheap test first: a frame is asked about every date of the document */
        int32_t t = wm_doc_token_at(doc, d->span.start);
        if (t < 0 || doc->tokens.items[t].segment != f->segment || mc->clauses.speech[t])
            continue;
        if (after_seit(mc, t) || dateline(mc, d, t))
            continue;
        int32_t cl = mc->clauses.clause_of[t];
        int rank;
        if (f->deferred || cl == f->clause)
            rank = 0;
        else if (cl >= 0 && mc->clauses.clauses.items[cl].kind != WM_CLAUSE_REL && root_clause(mc, cl) == root_clause(mc, f->clause))
            rank = 1;
        else
            continue;
        int32_t dist = t > f->primary->tok ? t - f->primary->tok : f->primary->tok - t;
        int32_t score = rank * 100000 + dist;
        if (best < 0 || score < best_rank) {
            best = (int32_t)i;
            best_rank = score;
        }
    }
    return best;
}

/* A heading that is nothing but a date ("Montag, 10. Juni 2024"): the date, else -1. */
static int32_t date_heading(const meet_ctx *mc, int32_t segment)
{
    const wm_doc *doc = mc->doc;
    const wm_segment *seg = &doc->segments.items[segment];
    for (size_t i = 0; i < doc->dates.len; i++) {
        const wm_date *d = &doc->dates.items[i];
        int32_t first, end;
        wm_span_tokens(doc, d->span, &first, &end);
        if (!d->value[0] || first >= end || doc->tokens.items[first].segment != segment)
            continue;
        for (int32_t t = seg->first_token; t < seg->first_token + seg->token_count; t++)
            if ((t < first || t >= end) && (doc->tokens.items[t].flags & (WM_TOK_ALPHA | WM_TOK_DIGIT)))
                return -1;
        return (int32_t)i;
    }
    return -1;
}

/* A heading of words without digits opens a new section: "Rückblick auf die Vorwoche". Lines
 * with digits (times, addresses) belong to a schedule entry. */
static int section_heading(const meet_ctx *mc, int32_t segment)
{
    const wm_doc *doc = mc->doc;
    const wm_segment *seg = &doc->segments.items[segment];
    int words = 0;
    for (int32_t t = seg->first_token; t < seg->first_token + seg->token_count; t++) {
        if (doc->tokens.items[t].flags & WM_TOK_DIGIT)
            return 0;
        words += (doc->tokens.items[t].flags & WM_TOK_ALPHA) != 0;
    }
    return words >= 2;
}

/* The date of the schedule entry a segment stands under: the nearest date heading above it
 * within its section, or -1. */
static int32_t schedule_date(const meet_ctx *mc, int32_t segment)
{
    const wm_doc *doc = mc->doc;
    for (int32_t s = segment - 1; s >= 0; s--) {
        if (doc->segments.items[s].kind != WM_SEGMENT_HEADING)
            continue;
        int32_t d = date_heading(mc, s);
        if (d >= 0)
            return d;
        if (section_heading(mc, s))
            return -1;
    }
    return -1;
}

/* Locations by first token, once per document: every frame asks for the ones among its tokens. */
static void index_locations(meet_ctx *mc)
{
    const wm_doc *doc = mc->doc;
    mc->location_at = wm_xmalloc((doc->tokens.len + 1) * sizeof *mc->location_at);
    for (size_t t = 0; t <= doc->tokens.len; t++)
        mc->location_at[t] = -1;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *m = &doc->mentions.items[i];
        if (m->kind != WM_ENTITY_LOCATION || m->entity < 0 || (m->flags & WM_MENTION_DROPPED))
            continue;
        int32_t t = wm_doc_token_at(doc, m->span.start);
        if (t >= 0 && mc->location_at[t] < 0)
            mc->location_at[t] = m->entity;
    }
}

/* "in Moskau": a location named after "in" in the clause. */
static int32_t frame_place(const meet_ctx *mc, const frame *f)
{
    const wm_doc *doc = mc->doc;
    int32_t end = f->end < (int32_t)doc->tokens.len ? f->end : (int32_t)doc->tokens.len;
    for (int32_t t = f->first + 1; t < end; t++) {
        if (mc->location_at[t] < 0 || (!f->deferred && mc->clauses.clause_of[t] != f->clause))
            continue;
        if (wm_token_is(doc, t - 1, "in"))
            return mc->location_at[t];
    }
    return -1;
}

static const hit *primary_hit(const meet_ctx *mc, int32_t clause, int *refers_back)
{
    const hit *best = NULL;
    *refers_back = 0;
    for (int32_t i = mc->first_hit[clause]; i >= 0; i = mc->next_hit[i]) {
        const hit *h = &mc->hits.items[i];
        *refers_back |= h->definite;
        if (h->act == ACT_INVITE && !clause_has_event_noun(mc, clause))
            continue;
        if (!best || h->act < best->act || (h->act == best->act && h->tok < best->tok))
            best = h;
    }
    return best;
}

/* "Unter den Gästen waren u. a.:" or a heading "Teilnehmende" - the list items that follow
 * (in the same paragraph or the next one) name the participants. */
static void add_listed(const meet_ctx *mc, const frame *f, wm_participants *out)
{
    const wm_doc *doc = mc->doc;
    if ((size_t)f->segment + 1 >= doc->segments.len)
        return;
    int32_t block = doc->segments.items[f->segment + 1].block;
    for (size_t s = (size_t)f->segment + 1; s < doc->segments.len; s++) {
        const wm_segment *seg = &doc->segments.items[s];
        if (seg->kind != WM_SEGMENT_LIST_ITEM || seg->block != block)
            break;
        wm_people_named(&mc->people, seg->first_token, seg->first_token + seg->token_count, not_speech, &mc->clauses,
                        out);
    }
}

/* WM_RELATION_COUNT: the frame reports no relation (a habit). */
static wm_relation_kind kind_of(act_kind act, wm_modality mod)
{
    if (mod == WM_MODALITY_HABITUAL)
        return WM_RELATION_COUNT;
    if (act == ACT_PHONE || act == ACT_LETTER)
        return WM_REL_CONTACTED;
    return mod == WM_MODALITY_CANCELLED ? WM_REL_CANCELLED_MEETING
           : mod == WM_MODALITY_PLANNED ? WM_REL_PLANNED_MEETING
                                        : WM_REL_MET;
}

/* Reported as happening after the document's own date: "empfängt am 3. Juni". */
static int after_reference(const meet_ctx *mc, int32_t date)
{
    return date >= 0 && mc->doc->reference_date[0] && iso_later(mc->doc->dates.items[date].value, mc->doc->reference_date);
}

static void settle_frame(meet_ctx *mc, frame *f)
{
    const wm_doc *doc = mc->doc;
    const hit *h = f->primary;
    clause_pred cp = {&mc->clauses, f->clause};
    if (f->deferred && h->act == ACT_CAPTION) {
        wm_people_named(&mc->people, f->first, f->end, not_speech, &mc->clauses, &f->persons);
    } else {
        const wm_clause *c = &mc->clauses.clauses.items[f->clause];
        wm_people_named(&mc->people, f->first, f->end, in_clause, &cp, &f->persons);
        if (c->ends_with_colon || (h->act == ACT_ROSTER && doc->segments.items[f->segment].kind == WM_SEGMENT_HEADING))
            add_listed(mc, f, &f->persons);
        if (c->kind == WM_CLAUSE_REL) {
            int32_t ante = wm_people_ending_at(&mc->people, c->antecedent);
            if (ante >= 0)
                wm_participants_add(&f->persons, doc->mentions.items[ante].entity, doc->mentions.items[ante].span, ante);
        }
        int singular = h->past ? doc->text[h->trigger.end - 1] != 'n' /* "traf", not "trafen" */
                               : clause_has_mark(mc, f->clause, WM_MARK_SINGULAR) && !clause_has_mark(mc, f->clause, WM_MARK_PLURAL);
        wm_people_references(&mc->people, f->first, f->end, in_clause, &cp, singular, &f->persons);
    }
    f->date = frame_date(mc, f);
    if (f->date < 0 && !f->deferred) {
        f->date = schedule_date(mc, f->segment);
        f->scheduled = f->date >= 0;
    }
    f->place = frame_place(mc, f);
    f->cue = NULL;
    wm_modality mod = h->act == ACT_CAPTION ? WM_MODALITY_HAPPENED
                                            : wm_modality_decide(&mc->marks, f->first, f->end, cue_in_clause, &cp, h->past, &f->cue);
    if (mod == WM_MODALITY_HAPPENED && !h->past && after_reference(mc, f->date))
        mod = WM_MODALITY_PLANNED;
    /* a schedule entry in the present tense is an appointment unless its day is past */
    if (mod == WM_MODALITY_HAPPENED && !h->past && f->scheduled &&
        !(doc->reference_date[0] && iso_later(doc->reference_date, doc->dates.items[f->date].value)))
        mod = WM_MODALITY_PLANNED;
    /* "laden zu": an encounter only once its date has come */
    if (mod == WM_MODALITY_HAPPENED && h->act == ACT_INVITE && (f->date < 0 || after_reference(mc, f->date)))
        mod = WM_MODALITY_PLANNED;
    f->kind = kind_of(h->act, mod);
}

static int text_order(const void *a, const void *b, void *unused)
{
    (void)unused;
    const frame *x = a, *y = b;
    if (x->segment != y->segment)
        return x->segment < y->segment ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void build_frames(meet_ctx *mc)
{
    const wm_doc *doc = mc->doc;
    /* per segment: it has a deferred frame (a caption's, or a heading's) */
    unsigned char *deferred_in = wm_xcalloc(doc->segments.len ? doc->segments.len : 1, 1);
    for (size_t c = 0; c < mc->clauses.clauses.len; c++) {
        const wm_clause *cl = &mc->clauses.clauses.items[c];
        wm_segment_kind sk = doc->segments.items[cl->segment].kind;
        if (sk == WM_SEGMENT_CAPTION || cl->first < 0)
            continue;
        frame f = {.segment = cl->segment, .clause = (int32_t)c, .first = cl->first, .end = cl->end, .event = -1};
        f.primary = primary_hit(mc, (int32_t)c, &f.refers_back);
        if (!f.primary)
            continue;
        /* a line ending in ':' or naming the participants leads into the list below it; it is
         * running text, no heading */
        f.deferred = sk == WM_SEGMENT_HEADING && !cl->ends_with_colon && f.primary->act != ACT_ROSTER;
        deferred_in[f.segment] |= f.deferred;
        wm_vec_push(&mc->frames, f);
    }
    /* a caption is one frame however its commas fall */
    for (size_t i = 0; i < mc->hits.len; i++) {
        const hit *h = &mc->hits.items[i];
        if (h->act != ACT_CAPTION)
            continue;
        int32_t seg = doc->tokens.items[h->tok].segment;
        if (deferred_in[seg])
            continue;
        deferred_in[seg] = 1;
        const wm_segment *s = &doc->segments.items[seg];
        frame f = {.segment = seg, .clause = h->clause, .first = s->first_token,
                   .end = s->first_token + s->token_count, .primary = h, .deferred = 1, .event = -1};
        wm_vec_push(&mc->frames, f);
    }
    free(deferred_in);
    if (mc->frames.len > 1)
        qsort_r(mc->frames.items, mc->frames.len, sizeof *mc->frames.items, text_order, NULL);
    for (size_t i = 0; i < mc->frames.len; i++)
        settle_frame(mc, &mc->frames.items[i]);
}

/* --- events -------------------------------------------------------------------------------- */

static int event_has(const event *e, int32_t entity)
{
    for (size_t i = 0; i < e->entities.len; i++)
        if (e->entities.items[i] == entity)
            return 1;
    return 0;
}

static void event_add(meet_ctx *mc, int32_t ev, int32_t fi)
{
    event *e = &mc->events.items[ev];
    frame *f = &mc->frames.items[fi];
    f->event = ev;
    wm_vec_push(&e->frames, fi);
    for (size_t i = 0; i < f->persons.len; i++)
        if (!event_has(e, f->persons.items[i].entity))
            wm_vec_push(&e->entities, f->persons.items[i].entity);
    if (e->date < 0)
        e->date = f->date;
    if (e->place < 0)
        e->place = f->place;
    if (!f->deferred) {
        e->last_paragraph = mc->paragraph[f->segment];
        e->last_block = mc->doc->segments.items[f->segment].block;
    }
}

static int32_t event_new(meet_ctx *mc, int32_t fi)
{
    event e = {.kind = mc->frames.items[fi].kind, .date = -1, .place = -1, .merged_into = -1};
    wm_vec_push(&mc->events, e);
    int32_t ev = (int32_t)mc->events.len - 1;
    event_add(mc, ev, fi);
    return ev;
}

static void event_merge(meet_ctx *mc, int32_t into, int32_t from)
{
    event *src = &mc->events.items[from];
    for (size_t i = 0; i < src->frames.len; i++)
        event_add(mc, into, src->frames.items[i]);
    src->merged_into = into;
}

/* The latest encounter of the same kind told within the last paragraphs, dated compatibly; a
 * list of participants ("Teilnehmende") belongs to the latest one however far back. */
static int32_t antecedent(const meet_ctx *mc, const frame *f)
{
    for (int32_t i = (int32_t)mc->events.len - 1; i >= 0; i--) {
        const event *e = &mc->events.items[i];
        if (e->merged_into >= 0 || e->kind == WM_REL_CONTACTED)
            continue;
        if (f->primary->act != ACT_ROSTER && e->last_paragraph < mc->paragraph[f->segment] - WM_JOIN_PARAGRAPHS)
            return -1;
        if (e->kind == f->kind && same_date(mc, e->date, f->date))
            return i;
        if (e->kind == f->kind)
            return -1;
    }
    return -1;
}

static void place_body_frame(meet_ctx *mc, int32_t fi)
{
    const frame *f = &mc->frames.items[fi];
    if (f->kind == WM_REL_CONTACTED) {
        event_new(mc, fi);
        return;
    }
    int32_t ante = antecedent(mc, f);
    int joins = f->primary->act == ACT_JOIN || f->primary->act == ACT_ROSTER || f->refers_back;
    /* "gratulierte Y zur Wahl zum Präsidenten der Konferenz": a noun in an attribute only
     * points back to an encounter, it tells of none itself */
    if (ante < 0 && f->primary->attribute)
        return;
    if (ante >= 0) {
        const event *e = &mc->events.items[ante];
        /* an encounter told without persons ("das Abschlusspodium am Donnerstag") is filled by
         * the next undated sentence of its paragraph; an undated encounter noun without persons
         * in the same paragraph ("im Mittelpunkt des Gesprächs") is the encounter told before */
        int same_block = e->last_block == mc->doc->segments.items[f->segment].block;
        int fills = f->date < 0 && same_block && (e->entities.len < 2 || !f->persons.len);
        if (joins || fills) {
            event_add(mc, ante, fi);
            return;
        }
    }
    event_new(mc, fi);
}

/* How many encounters back an undated one looks for the one it continues, and how many
 * paragraphs away a heading or caption looks for its encounter: bounds for long documents. */
enum { WM_CONTINUE_LOOKBACK = 64, WM_DEFERRED_PARAGRAPHS = 20 };

/* An undated encounter that shares a person with an earlier dated one continues it
 * ("Im Anschluss diskutierte X mit ..."); it takes over that one's date and group. */
static void merge_undated(meet_ctx *mc)
{
    for (size_t i = 0; i < mc->events.len; i++) {
        event *e = &mc->events.items[i];
        if (e->merged_into >= 0 || e->date >= 0 || e->kind == WM_REL_CONTACTED || !e->entities.len)
            continue;
        for (int32_t j = (int32_t)i - 1; j >= 0 && j >= (int32_t)i - WM_CONTINUE_LOOKBACK; j--) {
            const event *d = &mc->events.items[j];
            if (d->merged_into >= 0 || d->date < 0 || d->kind != e->kind)
                continue;
            int shares = 0;
            for (size_t k = 0; k < e->entities.len && !shares; k++)
                shares = event_has(d, e->entities.items[k]);
            if (shares) {
                event_merge(mc, j, (int32_t)i);
                break;
            }
        }
    }
}

/* Headings and captions repeat what the text tells: they join the encounter that has all their
 * persons; otherwise they stand alone, a caption dated like the encounter it overlaps most. */
static void attach_deferred(meet_ctx *mc, int32_t fi)
{
    frame *f = &mc->frames.items[fi];
    if (!f->persons.len || f->kind == WM_REL_CONTACTED)
        return;
    int32_t best = -1, best_overlap = 0, overlap_ties = 0, here = mc->paragraph[f->segment];
    for (size_t i = 0; i < mc->events.len; i++) {
        const event *e = &mc->events.items[i];
        if (e->merged_into >= 0 || e->kind != f->kind || e->last_paragraph < here - WM_DEFERRED_PARAGRAPHS ||
            e->last_paragraph > here + WM_DEFERRED_PARAGRAPHS)
            continue;
        int32_t overlap = 0;
        for (size_t k = 0; k < f->persons.len; k++)
            overlap += event_has(e, f->persons.items[k].entity);
        if (overlap == (int32_t)f->persons.len && same_date(mc, e->date, f->date)) {
            event_add(mc, (int32_t)i, fi);
            return;
        }
        if (overlap > best_overlap) {
            best = (int32_t)i;
            best_overlap = overlap;
            overlap_ties = 0;
        } else if (overlap && overlap == best_overlap) {
            overlap_ties = 1;
        }
    }
    if (f->persons.len < 2)
        return;
    int32_t ev = event_new(mc, fi);
    if (mc->events.items[ev].date < 0 && best >= 0 && !overlap_ties && f->primary->act == ACT_CAPTION)
        mc->events.items[ev].date = mc->events.items[best].date;
}

static void build_events(meet_ctx *mc)
{
    for (size_t i = 0; i < mc->frames.len; i++)
        if (!mc->frames.items[i].deferred && mc->frames.items[i].kind != WM_RELATION_COUNT)
            place_body_frame(mc, (int32_t)i);
    merge_undated(mc);
    for (size_t i = 0; i < mc->frames.len; i++)
        if (mc->frames.items[i].deferred && mc->frames.items[i].kind != WM_RELATION_COUNT)
            attach_deferred(mc, (int32_t)i);
}

/* --- relations ------------------------------------------------------------------------------ */

static int frame_order(const void *a, const void *b, void *ctx)
{
    const meet_ctx *mc = ctx;
    return text_order(&mc->frames.items[*(const int32_t *)a], &mc->frames.items[*(const int32_t *)b], NULL);
}

static void emit(meet_ctx *mc)
{
    wm_doc *doc = mc->doc;
    int32_t number = 0;
    for (size_t i = 0; i < mc->events.len; i++) {
        event *e = &mc->events.items[i];
        if (e->merged_into >= 0 || e->entities.len < 2)
            continue;
        if (e->frames.len > 1)
            qsort_r(e->frames.items, e->frames.len, sizeof *e->frames.items, frame_order, mc);
        int date_told = 0;
        for (size_t k = 0; k < e->frames.len; k++) {
            const frame *f = &mc->frames.items[e->frames.items[k]];
            int tells_date = !date_told && e->date >= 0 && f->date == e->date;
            if (!f->persons.len && !tells_date)
                continue;
            date_told |= tells_date;
            wm_relation r = {
                .kind = e->kind,
                .participant_count = (int32_t)f->persons.len,
                .evidence = doc->segments.items[f->segment].span,
                .trigger = f->primary->trigger,
                .particle = f->primary->particle,
                .cue = f->cue ? f->cue->span : (wm_span){0, 0},
                .cue_rule = f->cue ? f->cue->rule->id : NULL,
                .rule = f->primary->rule->id,
                .date = e->date,
                .place = e->place,
                .segment = f->segment,
                .event = number,
            };
            if (f->persons.len) {
                r.participants = wm_arena_alloc(&doc->arena, f->persons.len * sizeof *r.participants);
                r.participant_spans = wm_arena_alloc(&doc->arena, f->persons.len * sizeof *r.participant_spans);
                for (size_t p = 0; p < f->persons.len; p++) {
                    r.participants[p] = f->persons.items[p].entity;
                    r.participant_spans[p] = f->persons.items[p].span;
                }
            }
            wm_vec_push(&doc->relations, r);
        }
        number++;
    }
}

static void number_paragraphs(meet_ctx *mc)
{
    const wm_doc *doc = mc->doc;
    mc->paragraph = wm_xcalloc(doc->segments.len + 1, sizeof *mc->paragraph);
    int32_t count = 0, last_block = -1;
    for (size_t s = 0; s < doc->segments.len; s++) {
        const wm_segment *seg = &doc->segments.items[s];
        int running = seg->kind == WM_SEGMENT_SENTENCE || seg->kind == WM_SEGMENT_LIST_ITEM;
        if (running && seg->block != last_block) {
            count++;
            last_block = seg->block;
        }
        mc->paragraph[s] = count;
    }
}

wm_status wm_meetings(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    meet_ctx mc = {.doc = doc, .ctx = ctx};
    wm_marks_build(&mc.marks, doc, ctx);
    wm_clauses_build(&mc.clauses, doc, &mc.marks);
    wm_people_build(&mc.people, doc, &mc.marks, &mc.clauses, wm_kb_gazetteer(ctx->kb));
    number_paragraphs(&mc);
    index_locations(&mc);
    collect_hits(&mc);
    build_frames(&mc);
    build_events(&mc);
    emit(&mc);
    for (size_t i = 0; i < mc.frames.len; i++)
        wm_vec_free(&mc.frames.items[i].persons);
    for (size_t i = 0; i < mc.events.len; i++) {
        wm_vec_free(&mc.events.items[i].frames);
        wm_vec_free(&mc.events.items[i].entities);
    }
    wm_vec_free(&mc.frames);
    wm_vec_free(&mc.events);
    wm_vec_free(&mc.hits);
    free(mc.first_hit);
    free(mc.next_hit);
    free(mc.event_clause);
    free(mc.paragraph);
    free(mc.location_at);
    wm_people_free(&mc.people);
    wm_clauses_free(&mc.clauses);
    wm_marks_free(&mc.marks);
    return WM_OK;
}
