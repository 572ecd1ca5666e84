/* clause.c - marks direct and reported speech, cuts each segment into comma chunks and groups
 * them into clauses: a chunk opened by a subordinator or relative pronoun starts an embedded
 * clause that ends with the first chunk whose last word is verb-like (German verb-final order). */
#include <string.h>

#include "alloc.h"
#include "clause.h"

int wm_token_is(const wm_doc *doc, int32_t t, const char *folded)
{
    const wm_token *tok = &doc->tokens.items[t];
    int32_t n = (int32_t)strlen(folded);
    if (tok->fold_len != n)
        return 0;
    for (int32_t i = 0; i < n; i++)
        if (doc->folded[tok->fold_start + i] != (UChar)(unsigned char)folded[i])
            return 0;
    return 1;
}

int wm_token_punct(const wm_doc *doc, int32_t t, UChar c)
{
    const wm_token *tok = &doc->tokens.items[t];
    return (tok->flags & WM_TOK_PUNCT) && doc->text[tok->span.start] == c;
}

int wm_token_verb_like(const wm_doc *doc, const wm_marks *m, int32_t t)
{
    const wm_token *tok = &doc->tokens.items[t];
    if (!(tok->flags & WM_TOK_ALPHA) || (tok->flags & WM_TOK_UPPER) || tok->span.end - tok->span.start < 2)
        return 0;
    if (m->tok[t] & WM_MARK_FUNCTION)
        return 0;
    /* "Bürger*innen", "und -begleiter": the tail of a written-together word */
    if (t > 0 && !(tok->flags & WM_TOK_SPACE_BEFORE) && (doc->tokens.items[t - 1].flags & WM_TOK_PUNCT))
        return 0;
    return 1;
}

/* Quotes are normalized to '"'; they alternate open/close within a paragraph. Only a quote of
 * some length is speech: a short one is a name or title ("Internationale Kontakte"). */
enum { WM_SPEECH_MIN_WORDS = 4 };

static void mark_quotes(wm_clauses *c, const wm_doc *doc)
{
    int32_t open = -1, block = -1;
    for (size_t t = 0; t <= doc->tokens.len; t++) {
        int at_end = t == doc->tokens.len;
        int32_t tb = at_end ? -2 : doc->tokens.items[t].segment >= 0 ? doc->segments.items[doc->tokens.items[t].segment].block : -1;
        int closes = !at_end && wm_token_punct(doc, (int32_t)t, '"') && open >= 0;
        if (open >= 0 && (tb != block || closes)) {
            int32_t words = 0, punct = 0;
            for (int32_t k = open + 1; k < (int32_t)t; k++) {
                words += (doc->tokens.items[k].flags & WM_TOK_ALPHA) != 0;
                punct |= wm_token_punct(doc, k, '.') || wm_token_punct(doc, k, '!') || wm_token_punct(doc, k, '?');
            }
            if (words >= WM_SPEECH_MIN_WORDS || punct)
                for (int32_t k = open; k < (int32_t)t + (closes ? 1 : 0); k++)
                    c->speech[k] = 1;
            open = -1;
            if (closes)
                continue;
        }
        if (at_end)
            break;
        block = tb;
        if (wm_token_punct(doc, (int32_t)t, '"'))
            open = (int32_t)t;
    }
}

/* "sagte, ...", "betonte: ..." - what follows a speech verb and a comma or colon is reported. */
static void mark_reported(wm_clauses *c, const wm_doc *doc, const wm_marks *m, const wm_segment *s)
{
    int32_t end = s->first_token + s->token_count;
    for (int32_t t = s->first_token; t < end; t++) {
        if (!(m->tok[t] & WM_MARK_SPEECH) || c->speech[t])
            continue;
        int32_t k = t + 1;
        while (k < end && (m->tok[k] & WM_MARK_SPEECH))
            k++;
        if (k < end && (doc->tokens.items[k].flags & WM_TOK_ALPHA) && !(doc->tokens.items[k].flags & WM_TOK_UPPER) &&
            k + 1 < end && (wm_token_punct(doc, k + 1, ',') || wm_token_punct(doc, k + 1, ':')))
            k++; /* "sagte zu, ..." */
        if (k < end && (wm_token_punct(doc, k, ',') || wm_token_punct(doc, k, ':'))) {
            for (int32_t r = k + 1; r < end; r++)
                c->speech[r] = 1;
            return;
        }
    }
}

static void mark_asides(wm_clauses *c, const wm_doc *doc)
{
    int32_t open = -1;
    for (size_t t = 0; t < doc->tokens.len; t++) {
        if (open >= 0 && doc->tokens.items[t].segment != doc->tokens.items[open].segment)
            open = -1;
        if (wm_token_punct(doc, (int32_t)t, '('))
            open = (int32_t)t;
        else if (wm_token_punct(doc, (int32_t)t, ')') && open >= 0) {
            memset(c->aside + open, 1, t + 1 - (size_t)open);
            open = -1;
        }
    }
}

static int is_boundary(const wm_doc *doc, int32_t t)
{
    if (wm_token_punct(doc, t, ',') || wm_token_punct(doc, t, ';') || wm_token_punct(doc, t, ':') ||
        wm_token_punct(doc, t, '"'))
        return 1;
    /* a dash between spaces sets off a parenthesis: "- abwechselnd in Berlin und in Moskau -" */
    if (wm_token_punct(doc, t, '-') && (doc->tokens.items[t].flags & WM_TOK_SPACE_BEFORE) && t + 1 < (int32_t)doc->tokens.len &&
        (doc->tokens.items[t + 1].flags & WM_TOK_SPACE_BEFORE))
        return 1;
    return 0;
}

int32_t wm_chunk_last_word(const wm_doc *doc, const wm_clauses *c, int32_t k)
{
    const wm_chunk *ch = &c->chunks.items[k];
    for (int32_t t = ch->end - 1; t >= ch->first; t--)
        if (doc->tokens.items[t].flags & WM_TOK_ALPHA)
            return t;
    return -1;
}

static int32_t first_word(const wm_doc *doc, const wm_chunk *ch)
{
    for (int32_t t = ch->first; t < ch->end; t++)
        if (doc->tokens.items[t].flags & WM_TOK_ALPHA)
            return t;
    return -1;
}

static int32_t new_clause(wm_clauses *c, wm_clause_kind kind, int32_t segment, int32_t parent, int32_t antecedent)
{
    wm_clause cl = {.kind = kind, .segment = segment, .parent = parent, .first = -1, .end = -1,
                    .antecedent = antecedent};
    wm_vec_push(&c->clauses, cl);
    return (int32_t)c->clauses.len - 1;
}

static int ends_verb_like(const wm_doc *doc, const wm_marks *m, const wm_clauses *c, int32_t k)
{
    int32_t w = wm_chunk_last_word(doc, c, k);
    return w >= 0 && wm_token_verb_like(doc, m, w);
}

/* "um ... zu diskutieren", "den Dialog ... zu stellen", "auszubauen" */
static int infinitive_chunk(const wm_doc *doc, const wm_marks *m, const wm_clauses *c, int32_t k)
{
    int32_t w = wm_chunk_last_word(doc, c, k);
    if (w < 0 || !wm_token_verb_like(doc, m, w))
        return 0;
    if (m->tok[w] & WM_MARK_ZUINF)
        return 1;
    return w > c->chunks.items[k].first && wm_token_is(doc, w - 1, "zu");
}

/* Chunk k follows ", Direktorin der Klinik Nord," after a person: a comma-set apposition that
 * ends in a capitalized word, so "mit dem Konsul ..." after it continues the person list. */
static int apposition_of_person(const wm_doc *doc, const wm_clauses *c, const uint8_t *in_person, int32_t k)
{
    if (k < 2)
        return 0;
    const wm_chunk *prev = &c->chunks.items[k - 1], *before = &c->chunks.items[k - 2];
    if (prev->end != c->chunks.items[k].first - 1 || before->end != prev->first - 1 ||
        !wm_token_punct(doc, prev->first - 1, ',') || doc->tokens.items[before->first].segment != doc->tokens.items[prev->first].segment)
        return 0;
    int32_t last = wm_chunk_last_word(doc, c, k - 1), person = wm_chunk_last_word(doc, c, k - 2);
    return last >= 0 && person >= 0 && (doc->tokens.items[last].flags & WM_TOK_UPPER) && in_person[person];
}

/* "mit dem (spanischen) Konsul ...": after the preposition and article of token w come at most two
 * adjectives and a noun, so the chunk is a noun phrase ("mit dem er sprach" is a relative clause). */
static int noun_follows_article(const wm_doc *doc, const wm_marks *m, int32_t w)
{
    const wm_mark_match *rel = wm_marks_at(m, w, WM_MARK_RELATIVE);
    if (!rel || !(m->tok[w] & WM_MARK_REL_PREP))
        return 0;
    for (int32_t t = rel->end_tok; t < (int32_t)doc->tokens.len && t < rel->end_tok + 3; t++) {
        const wm_token *tk = &doc->tokens.items[t];
        if (!(tk->flags & WM_TOK_ALPHA) || (m->tok[t] & (WM_MARK_DET | WM_MARK_FUNCTION)))
            return 0;
        if (tk->flags & WM_TOK_UPPER)
            return 1;
    }
    return 0;
}

typedef struct {
    int32_t clause;
    int multi;   /* goes on over commas until a verb-like chunk end */
} open_clause;

/* `in_person[t]`: token t lies in a person mention. After a person, "mit der ..." continues a
 * list ("mit Ayse Sahin, mit der Senatorin ...") rather than opening a relative clause. */
static void segment_clauses(wm_clauses *c, const wm_doc *doc, const wm_marks *m, const uint8_t *in_person,
                            int32_t segment)
{
    const wm_segment *s = &doc->segments.items[segment];
    int32_t end = s->first_token + s->token_count;
    if (s->token_count <= 0)
        return;
    /* chunks and the punctuation that opens each */
    size_t first_chunk = c->chunks.len;
    WM_VEC(UChar) opener = {0};
    UChar open_with = 0;
    int32_t from = s->first_token;
    for (int32_t t = s->first_token; t <= end; t++) {
        if (t < end && !is_boundary(doc, t))
            continue;
        if (t > from) {
            wm_chunk ch = {.first = from, .end = t, .clause = -1};
            wm_vec_push(&c->chunks, ch);
            wm_vec_push(&opener, open_with);
        }
        if (t < end) {
            UChar p = doc->text[doc->tokens.items[t].span.start];
            open_with = p == '"' ? open_with : p;
            c->chunk_of[t] = -1;
        }
        from = t + 1;
    }
    open_clause stack[32];
    int depth = 0;
    stack[depth++] = (open_clause){new_clause(c, WM_CLAUSE_MAIN, segment, -1, -1), 0};
    for (size_t k = first_chunk; k < c->chunks.len; k++) {
        UChar op = opener.items[k - first_chunk];
        if (op == ';' || op == ':') {
            depth = 0;
            stack[depth++] = (open_clause){new_clause(c, WM_CLAUSE_MAIN, segment, -1, -1), 0};
        }
        int32_t w = first_word(doc, &c->chunks.items[k]);
        int after_comma = op == ',' || k == first_chunk;
        int verb_end = ends_verb_like(doc, m, c, (int32_t)k);
        int32_t antecedent = (int32_t)c->chunks.items[k].first - 2;
        int32_t cur = stack[depth - 1].clause;
        int32_t target = cur;
        if (w >= 0 && after_comma && !stack[depth - 1].multi && depth < 32) {
            wm_clause_kind kind = WM_CLAUSE_MAIN;
            int multi = 0;
            if ((m->tok[w] & WM_MARK_SUBORD) && (k == first_chunk || !(doc->tokens.items[w].flags & WM_TOK_UPPER))) {
                kind = WM_CLAUSE_SUB;
                multi = 1;
            } else if ((m->tok[w] & WM_MARK_RELATIVE) && k > first_chunk) {
                int after_person = antecedent >= 0 && (in_person[antecedent] || apposition_of_person(doc, c, in_person, (int32_t)k));
                if (((m->tok[w] & WM_MARK_REL_PREP) && !after_person) || (verb_end && !(after_person && noun_follows_article(doc, m, w)))) {
                    kind = WM_CLAUSE_REL;
                    multi = (m->tok[w] & WM_MARK_REL_PREP) != 0;
                }
            } else if (k > first_chunk && (wm_token_is(doc, w, "um") || wm_token_is(doc, w, "ohne") ||
                                           wm_token_is(doc, w, "statt") || infinitive_chunk(doc, m, c, (int32_t)k))) {
                kind = WM_CLAUSE_INF;
            }
            if (kind != WM_CLAUSE_MAIN) {
                target = new_clause(c, kind, segment, cur, kind == WM_CLAUSE_REL ? antecedent : -1);
                if (!(multi && verb_end) && multi)
                    stack[depth++] = (open_clause){target, 1};
            }
        }
        c->chunks.items[k].clause = target;
        if (depth > 1 && stack[depth - 1].clause == target && stack[depth - 1].multi && verb_end)
            depth--;
    }
    /* every token gets its chunk's clause; boundary punctuation joins the chunk before it */
    int32_t last_clause = c->chunks.len > first_chunk ? c->chunks.items[first_chunk].clause : -1;
    size_t k = first_chunk;
    for (int32_t t = s->first_token; t < end; t++) {
        while (k < c->chunks.len && c->chunks.items[k].end <= t)
            k++;
        if (k < c->chunks.len && c->chunks.items[k].first <= t) {
            c->chunk_of[t] = (int32_t)k;
            last_clause = c->chunks.items[k].clause;
        }
        c->clause_of[t] = last_clause;
        if (last_clause >= 0) {
            wm_clause *cl = &c->clauses.items[last_clause];
            if (cl->first < 0)
                cl->first = t;
            cl->end = t + 1;
        }
    }
    if (c->chunks.len > first_chunk && wm_token_punct(doc, end - 1, ':')) {
        int32_t cl = c->chunks.items[c->chunks.len - 1].clause;
        if (cl >= 0)
            c->clauses.items[cl].ends_with_colon = 1;
    }
    wm_vec_free(&opener);
}

void wm_clauses_build(wm_clauses *c, const wm_doc *doc, const wm_marks *m)
{
    memset(c, 0, sizeof *c);
    size_t n = doc->tokens.len + 1;
    c->clause_of = wm_xmalloc(n * sizeof *c->clause_of);
    c->chunk_of = wm_xmalloc(n * sizeof *c->chunk_of);
    c->speech = wm_xcalloc(n, 1);
    c->aside = wm_xcalloc(n, 1);
    for (size_t t = 0; t < n; t++)
        c->clause_of[t] = c->chunk_of[t] = -1;
    uint8_t *in_person = wm_xcalloc(n, 1);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const wm_mention *mn = &doc->mentions.items[i];
        if (mn->kind != WM_ENTITY_PERSON || (mn->flags & WM_MENTION_DROPPED))
            continue;
        int32_t first, end;
        wm_span_tokens(doc, mn->span, &first, &end);
        memset(in_person + first, 1, (size_t)(end - first));
    }
    mark_quotes(c, doc);
    mark_asides(c, doc);
    for (size_t s = 0; s < doc->segments.len; s++) {
        mark_reported(c, doc, m, &doc->segments.items[s]);
        segment_clauses(c, doc, m, in_person, (int32_t)s);
    }
    free(in_person);
}

void wm_clauses_free(wm_clauses *c)
{
    free(c->clause_of);
    free(c->chunk_of);
    free(c->speech);
    free(c->aside);
    wm_vec_free(&c->clauses);
    wm_vec_free(&c->chunks);
}
