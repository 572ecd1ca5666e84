/* gazmatch.c - walks the folded tokens of each segment and extends a phrase as long as the
 * phrase index says some entry continues it; records every complete phrase it passes. */
#include "gazmatch.h"

/* Phrases in the shipped lists are at most a dozen tokens; this bounds the walk. */
enum { WM_MAX_PHRASE_TOKENS = 24 };

wm_status wm_gazmatch(wm_doc *doc, wm_stage_ctx *ctx, wm_error *err)
{
    (void)err;
    const wm_gazetteer *gaz = wm_kb_gazetteer(ctx->kb);
    for (size_t s = 0; s < doc->segments.len; s++) {
        const wm_segment *seg = &doc->segments.items[s];
        int32_t seg_end = seg->first_token + seg->token_count;
        for (int32_t i = seg->first_token; i < seg_end; i++) {
            size_t first_hit = doc->gaz_hits.len;
            int32_t key_start = doc->tokens.items[i].fold_start;
            wm_gaz_hash hash = WM_GAZ_HASH_INIT;
            for (int32_t j = i; j < seg_end && j - i < WM_MAX_PHRASE_TOKENS; j++) {
                const wm_token *last = &doc->tokens.items[j];
                /* the key runs from token i through token j, separator included */
                int32_t from = j == i ? last->fold_start : last->fold_start - 1;
                hash = wm_gazetteer_hash_more(hash, doc->folded + from, last->fold_start + last->fold_len - from);
                wm_gaz_lookup found;
                if (!wm_gazetteer_find_hashed(gaz, doc->folded + key_start,
                                              last->fold_start + last->fold_len - key_start, hash, &found))
                    break;
                for (int32_t e = 0; e < found.count; e++) {
                    wm_gaz_hit hit = {
                        .span = {doc->tokens.items[i].span.start, last->span.end},
                        .first_token = i,
                        .token_count = j - i + 1,
                        .list = wm_gazetteer_entry(gaz, found.entries[e])->list,
                        .entry = found.entries[e],
                    };
                    wm_vec_push(&doc->gaz_hits, hit);
                }
                if (!found.is_prefix)
                    break;
            }
            /* longest first among the hits that start at token i */
            for (size_t a = first_hit, b = doc->gaz_hits.len; a + 1 < b; a++, b--) {
                wm_gaz_hit tmp = doc->gaz_hits.items[a];
                doc->gaz_hits.items[a] = doc->gaz_hits.items[b - 1];
                doc->gaz_hits.items[b - 1] = tmp;
            }
        }
    }
    return WM_OK;
}
