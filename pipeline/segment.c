/* segment.c - splits normalized text into lines and blocks, classifies each line by layout
 * (heading, list item, caption, credit) and splits running text into sentences with ICU's
 * sentence iterator, undoing its breaks after abbreviations, initials and ordinals. */
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "alloc.h"
#include "segment.h"
#include "sentences.h"
#include "tokenize.h"

/* A line without closing punctuation and at most this many tokens is a heading; a credit
 * after a caption on the same line has at most WM_CREDIT_MAX_TOKENS; an abbreviation of the
 * list spans at most WM_ABBREVIATION_TOKENS tokens ("i. d. R." is six). */
enum { WM_HEADING_MAX_TOKENS = 30, WM_CREDIT_MAX_TOKENS = 12, WM_ABBREVIATION_TOKENS = 8 };

/* First token at or after text offset pos. */
static size_t token_from(const wm_doc *doc, int32_t pos)
{
    size_t lo = 0, hi = doc->tokens.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->tokens.items[mid].span.end <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct {
    const char *ascii;
    int32_t len;
} folded_word;

#define WM_WORD(s) {s, (int32_t)sizeof s - 1}

static int token_is(const wm_doc *doc, size_t t, folded_word w)
{
    const wm_token *tok = &doc->tokens.items[t];
    if (tok->fold_len != w.len)
        return 0;
    for (int32_t i = 0; i < w.len; i++)
        if (doc->folded[tok->fold_start + i] != (UChar)w.ascii[i])
            return 0;
    return 1;
}

/* A credit begins at token t: "Foto:", "Bild -", "Bilder –", "Quelle:", "©". */
static int credit_starts(const wm_doc *doc, size_t t, size_t end)
{
    static const folded_word words[] = {WM_WORD("foto"),     WM_WORD("fotos"),     WM_WORD("bild"),
                                        WM_WORD("bilder"),   WM_WORD("quelle"),    WM_WORD("copyright"),
                                        WM_WORD("fotograf"), WM_WORD("fotografin")};
    if (doc->text[doc->tokens.items[t].span.start] == 0xA9)
        return 1;
    if (t + 1 >= end || !(token_is(doc, t + 1, (folded_word)WM_WORD(":")) || token_is(doc, t + 1, (folded_word)WM_WORD("-"))))
        return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (token_is(doc, t, words[w]))
            return 1;
    return 0;
}

static int is_bullet_char(UChar c)
{
    return c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25E6 || c == 0x2023 || c == '-' || c == '*' ||
           c == 0x25CF || c == 0x25A0;
}

static void push_segment(wm_doc *doc, int32_t start, int32_t end, wm_segment_kind kind, int32_t block)
{
    while (start < end && doc->text[start] == ' ')
        start++;
    while (end > start && doc->text[end - 1] == ' ')
        end--;
    if (start >= end)
        return;
    wm_segment s = {.span = {start, end}, .kind = kind, .block = block};
    wm_vec_push(&doc->segments, s);
}

/* A function word ("im", "die", "er", "für"): non_names, class=function, in any case. */
static int is_function_word(const wm_doc *doc, const wm_gazetteer *gaz, int32_t t)
{
    const wm_token *tok = &doc->tokens.items[t];
    wm_gaz_lookup found;
    if (!wm_gazetteer_find(gaz, doc->folded + tok->fold_start, tok->fold_len, &found))
        return 0;
    for (int32_t i = 0; i < found.count; i++) {
        const wm_gaz_entry *e = wm_gazetteer_entry(gaz, found.entries[i]);
        if (e->list == WM_LIST_NON_NAMES && e->cls && strcmp(e->cls, "function") == 0)
            return 1;
    }
    return 0;
}

/* 1 when an abbreviation of the list covers the dot token `dot` ("Dr." ends with it, "z. B."
 * goes on), 0 when none does, and -1 for a legal-form suffix ("e.V.") that ends the sentence
 * all the same because a function word follows: "... Thüringen e.V. Im Jahr 2015 ...". */
static int in_abbreviation(const wm_doc *doc, const wm_gazetteer *gaz, int32_t dot)
{
    int32_t count = (int32_t)doc->tokens.len;
    int ends_here = 0, suffix_ends_here = 0;
    for (int32_t a = dot >= WM_ABBREVIATION_TOKENS ? dot - WM_ABBREVIATION_TOKENS + 1 : 0; a <= dot; a++)
        for (int32_t b = a; b < count && b - a < WM_ABBREVIATION_TOKENS; b++) {
            wm_gaz_lookup found;
            int32_t from = doc->tokens.items[a].fold_start;
            int32_t to = doc->tokens.items[b].fold_start + doc->tokens.items[b].fold_len;
            if (!wm_gazetteer_find(gaz, doc->folded + from, to - from, &found))
                break;
            if (b >= dot && wm_gaz_lookup_in_list(gaz, &found, WM_LIST_ABBREVIATIONS) >= 0) {
                if (b > dot)
                    return 1;
                ends_here = 1;
                suffix_ends_here |= wm_gaz_lookup_in_list(gaz, &found, WM_LIST_ORG_SUFFIXES) >= 0;
            }
            if (!found.is_prefix)
                break;
        }
    if (suffix_ends_here && dot + 1 < count && (doc->tokens.items[dot + 1].flags & WM_TOK_UPPER) &&
        is_function_word(doc, gaz, dot + 1))
        return -1;
    return ends_here;
}

/* ICU breaks after every "Dr.", "S.", "31." followed by a capital; these are not sentence ends. */
static int false_break(const wm_doc *doc, const wm_gazetteer *gaz, int32_t line_start, int32_t boundary)
{
    int32_t p = boundary;
    while (p > line_start && doc->text[p - 1] == ' ')
        p--;
    if (p <= line_start || doc->text[p - 1] != '.')
        return 0;
    if (boundary < doc->len && u_islower(doc->text[boundary]))
        return 1;
    int32_t dot = wm_doc_token_at(doc, p - 1);
    if (dot <= 0)
        return 0;
    const wm_token *prev = &doc->tokens.items[dot - 1];
    if (prev->span.end != p - 1)
        return 0; /* "Ende . Neu" is punctuation, not an abbreviation */
    int abbreviation = in_abbreviation(doc, gaz, dot);
    if (abbreviation)
        return abbreviation > 0;
    int32_t plen = prev->span.end - prev->span.start;
    if ((prev->flags & WM_TOK_DIGIT) && plen <= 3)
        return 1; /* ordinals and day numbers: "18. Sozialseminar", "31. März" */
    return (prev->flags & WM_TOK_UPPER) && plen == 1; /* initials: "S. E.", "J. Abruev" */
}

static void split_sentences(wm_doc *doc, const wm_gazetteer *gaz, UBreakIterator *bi, wm_offsets *breaks,
                            int32_t start, int32_t end, wm_segment_kind kind, int32_t block)
{
    breaks->len = 0;
    if (wm_sentence_breaks(bi, doc->text + start, end - start, breaks) != WM_OK) {
        push_segment(doc, start, end, kind, block);
        return;
    }
    int32_t from = start;
    for (size_t i = 0; i < breaks->len; i++) {
        int32_t at = start + breaks->items[i];
        if (false_break(doc, gaz, start, at))
            continue;
        push_segment(doc, from, at, kind, block);
        from = at;
    }
    push_segment(doc, from, end, kind, block);
}

static int ends_with_sentence_punctuation(const wm_doc *doc, int32_t start, int32_t end)
{
    while (end > start && (doc->text[end - 1] == ' ' || doc->text[end - 1] == '"' || doc->text[end - 1] == '\'' ||
                           doc->text[end - 1] == ')'))
        end--;
    if (end <= start)
        return 0;
    UChar c = doc->text[end - 1];
    return c == '.' || c == '!' || c == '?' || c == ';';
}

/* Same text at the start of both lines: web pages repeat a photo caption before its credit. */
static int repeats_next_line(const wm_doc *doc, int32_t start, int32_t end, int32_t next_start, int32_t next_end)
{
    int32_t n = end - start;
    if (n < 8 || next_end - next_start < n)
        return 0;
    return memcmp(doc->text + start, doc->text + next_start, (size_t)n * sizeof(UChar)) == 0;
}

static int32_t line_end(const wm_doc *doc, int32_t start)
{
    int32_t e = start;
    while (e < doc->len && doc->text[e] != '\n')
        e++;
    return e;
}

/* "Unter den Gästen waren u. a.:" introduces a list as a sentence; "Kontakt für die Presse:"
 * is a heading. The sentence has a lower-case word that is no function word (a verb, mostly). */
static int colon_sentence(const wm_doc *doc, const wm_gazetteer *gaz, int32_t end, size_t first, size_t last)
{
    while (end > 0 && doc->text[end - 1] == ' ')
        end--;
    if (end == 0 || doc->text[end - 1] != ':')
        return 0;
    for (size_t t = first; t < last; t++) {
        const wm_token *tok = &doc->tokens.items[t];
        if ((tok->flags & WM_TOK_ALPHA) && !(tok->flags & WM_TOK_UPPER) && tok->span.end - tok->span.start > 1 &&
            !is_function_word(doc, gaz, (int32_t)t))
            return 1;
    }
    return 0;
}

static void classify_line(wm_doc *doc, const wm_gazetteer *gaz, UBreakIterator *bi, wm_offsets *breaks,
                          int32_t start, int32_t end, int32_t next_start, int32_t next_end, int32_t block)
{
    size_t first = token_from(doc, start), last = token_from(doc, end);
    if (first >= last)
        return;
    if (credit_starts(doc, first, last)) {
        push_segment(doc, start, end, WM_SEGMENT_CREDIT, block);
        return;
    }
    /* "Caption text. Foto: Agency/Name": a short capitalized credit closes the line */
    for (size_t t = last > WM_CREDIT_MAX_TOKENS ? last - WM_CREDIT_MAX_TOKENS : first + 1; t < last; t++)
        if (t > first && (doc->tokens.items[t].flags & (WM_TOK_UPPER | WM_TOK_PUNCT)) && credit_starts(doc, t, last) &&
            !ends_with_sentence_punctuation(doc, doc->tokens.items[t].span.start, end)) {
            push_segment(doc, start, doc->tokens.items[t].span.start, WM_SEGMENT_CAPTION, block);
            push_segment(doc, doc->tokens.items[t].span.start, end, WM_SEGMENT_CREDIT, block);
            return;
        }
    int bulleted = is_bullet_char(doc->text[start]) && start + 1 < end && doc->text[start + 1] == ' ';
    if (bulleted) {
        split_sentences(doc, gaz, bi, breaks, start, end, WM_SEGMENT_LIST_ITEM, block);
        return;
    }
    int punctuated = ends_with_sentence_punctuation(doc, start, end) || colon_sentence(doc, gaz, end, first, last);
    if (!punctuated && next_start >= 0) {
        int next_is_credit = 0;
        size_t nf = token_from(doc, next_start), nl = token_from(doc, next_end);
        if (nf < nl)
            next_is_credit = credit_starts(doc, nf, nl);
        if (next_is_credit || repeats_next_line(doc, start, end, next_start, next_end)) {
            push_segment(doc, start, end, WM_SEGMENT_CAPTION, block);
            return;
        }
    }
    if (!punctuated && last - first <= WM_HEADING_MAX_TOKENS) {
        push_segment(doc, start, end, WM_SEGMENT_HEADING, block);
        return;
    }
    split_sentences(doc, gaz, bi, breaks, start, end, WM_SEGMENT_SENTENCE, block);
}

static void assign_tokens(wm_doc *doc)
{
    size_t t = 0;
    for (size_t s = 0; s < doc->segments.len; s++) {
        wm_segment *seg = &doc->segments.items[s];
        while (t < doc->tokens.len && doc->tokens.items[t].span.end <= seg->span.start)
            doc->tokens.items[t++].segment = (int32_t)s; /* stray tokens join the next segment */
        seg->first_token = (int32_t)t;
        while (t < doc->tokens.len && doc->tokens.items[t].span.start < seg->span.end) {
            doc->tokens.items[t].segment = (int32_t)s;
            if ((int32_t)t == seg->first_token)
                doc->tokens.items[t].flags |= WM_TOK_SEGMENT_START;
            t++;
        }
        seg->token_count = (int32_t)t - seg->first_token;
    }
    for (; t < doc->tokens.len; t++)
        doc->tokens.items[t].segment = doc->segments.len ? (int32_t)doc->segments.len - 1 : -1;
}

wm_status wm_segment_text(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    wm_tokenize_doc(doc);
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ctx->sentence_breaks ? ctx->sentence_breaks : ubrk_open(UBRK_SENTENCE, "de", NULL, 0, &status);
    if (U_FAILURE(status))
        return wm_error_set(err, WM_ERR_INPUT, doc->source, 0, 0, "ICU sentence iterator: %s", u_errorName(status));
    const wm_gazetteer *gaz = wm_kb_gazetteer(ctx->kb);
    wm_offsets breaks = {0};
    int32_t block = 0, pos = 0;
    while (pos < doc->len) {
        if (doc->text[pos] == '\n') {
            if (pos + 1 < doc->len && doc->text[pos + 1] == '\n')
                block++;
            while (pos < doc->len && doc->text[pos] == '\n')
                pos++;
            continue;
        }
        int32_t end = line_end(doc, pos);
        int32_t next_start = -1, next_end = -1;
        if (end + 1 < doc->len && doc->text[end + 1] != '\n') {
            next_start = end + 1;
            next_end = line_end(doc, next_start);
        }
        classify_line(doc, gaz, bi, &breaks, pos, end, next_start, next_end, block);
        pos = end;
    }
    wm_vec_free(&breaks);
    if (bi != ctx->sentence_breaks)
        ubrk_close(bi);
    assign_tokens(doc);
    return WM_OK;
}
