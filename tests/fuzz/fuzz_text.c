/* fuzz_text.c - libFuzzer target: decode, normalize and segment arbitrary bytes, then check
 * the invariants later stages rely on (offset maps monotone and in range, tokens and segments
 * ordered, inside the text and consistent with each other). */
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>

#include "decode.h"
#include "fuzz.h"
#include "normalize.h"
#include "segment.h"

static wm_stage_ctx ctx; /* as a worker sets it up: kb, regex scratch, sentence iterator */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    ctx.kb = fuzz_load_kb();
    ctx.matcher = wm_rule_matcher_new(100000, 1000);
    UErrorCode status = U_ZERO_ERROR;
    ctx.sentence_breaks = ubrk_open(UBRK_SENTENCE, "de", NULL, 0, &status);
    FUZZ_CHECK(ctx.matcher && U_SUCCESS(status));
    return 0;
}

static void check_decoded(const wm_doc *doc)
{
    FUZZ_CHECK(doc->orig && doc->orig_len >= 0);
    FUZZ_CHECK(doc->encoding != NULL);
    size_t pairs = 0;
    for (int32_t i = 0; i + 1 < doc->orig_len; i++)
        if (U16_IS_LEAD(doc->orig[i]) && U16_IS_TRAIL(doc->orig[i + 1])) {
            FUZZ_CHECK(pairs < doc->supplementary.len && doc->supplementary.items[pairs] == i);
            pairs++;
            i++;
        }
    FUZZ_CHECK(pairs == doc->supplementary.len);
}

static void check_normalized(const wm_doc *doc)
{
    FUZZ_CHECK(doc->len >= 0 && doc->text && doc->text[doc->len] == 0);
    for (int32_t i = 0; i < doc->len; i++) {
        FUZZ_CHECK(doc->src_start[i] >= 0 && doc->src_start[i] < doc->src_end[i]);
        FUZZ_CHECK(doc->src_end[i] <= doc->orig_len);
        if (i) {
            FUZZ_CHECK(doc->src_start[i - 1] <= doc->src_start[i]);
            FUZZ_CHECK(doc->src_end[i - 1] <= doc->src_end[i]);
        }
    }
}

static void check_span(const wm_doc *doc, wm_span s)
{
    FUZZ_CHECK(s.start >= 0 && s.start < s.end && s.end <= doc->len);
    int32_t cs, ce;
    wm_doc_original_offsets(doc, s, &cs, &ce);
    FUZZ_CHECK(cs >= 0 && cs <= ce && ce <= doc->orig_len - (int32_t)doc->supplementary.len);
}

static void check_segmented(const wm_doc *doc)
{
    FUZZ_CHECK(doc->folded && doc->folded_len >= 0 && doc->folded[doc->folded_len] == 0);
    for (size_t i = 0; i < doc->tokens.len; i++) {
        const wm_token *t = &doc->tokens.items[i];
        check_span(doc, t->span);
        if (i)
            FUZZ_CHECK(doc->tokens.items[i - 1].span.end <= t->span.start);
        FUZZ_CHECK(t->fold_start >= 0 && t->fold_len >= 0 && t->fold_start + t->fold_len <= doc->folded_len);
        FUZZ_CHECK(t->segment >= -1 && t->segment < (int32_t)doc->segments.len);
        FUZZ_CHECK(wm_doc_token_at(doc, t->span.start) == (int32_t)i);
    }
    for (size_t i = 0; i < doc->segments.len; i++) {
        const wm_segment *s = &doc->segments.items[i];
        check_span(doc, s->span);
        if (i) {
            FUZZ_CHECK(doc->segments.items[i - 1].span.end <= s->span.start);
            FUZZ_CHECK(doc->segments.items[i - 1].block <= s->block);
        }
        FUZZ_CHECK(s->kind < WM_SEGMENT_KIND_COUNT);
        FUZZ_CHECK(s->first_token >= 0 && s->token_count >= 0);
        FUZZ_CHECK((size_t)s->first_token + (size_t)s->token_count <= doc->tokens.len);
        for (int32_t k = 0; k < s->token_count; k++) {
            const wm_token *t = &doc->tokens.items[s->first_token + k];
            FUZZ_CHECK(t->segment == (int32_t)i);
            FUZZ_CHECK(t->span.start < s->span.end && t->span.end > s->span.start);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wm_doc *doc = wm_doc_new("fuzz", "fuzz.txt");
    wm_error err;
    wm_error_clear(&err);
    if (wm_decode(data, size, doc, &err) == WM_OK) {
        check_decoded(doc);
        FUZZ_CHECK(wm_normalize(doc, &err) == WM_OK);
        check_normalized(doc);
        FUZZ_CHECK(wm_segment_text(doc, &ctx, &err) == WM_OK);
        check_segmented(doc);
    } else {
        FUZZ_CHECK(err.status == WM_ERR_INPUT && err.message[0]);
    }
    wm_doc_free(doc);
    return 0;
}
