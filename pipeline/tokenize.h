/* tokenize.h - splits UTF-16 text into word, number and punctuation tokens, and folds them.
 * Shared by the segmenter and the gazetteer loader so both see the same tokens; owns nothing. */
#ifndef WM_TOKENIZE_H
#define WM_TOKENIZE_H

#include <stdint.h>
#include <unicode/utypes.h>

#include "doc.h"

typedef void (*wm_token_fn)(void *ctx, wm_span span, uint32_t flags);

/* Calls fn for every token of text[0..len), in order, with WM_TOK_* flags
 * (all but WM_TOK_SEGMENT_START). Letters and digits form separate tokens ("Oktober2016");
 * every punctuation or symbol character is a token of its own. */
void wm_tokenize(const UChar *text, int32_t len, wm_token_fn fn, void *ctx);

/* Tokenizes doc->text into doc->tokens (segment -1) and folds every token into doc->folded,
 * one U+0020 between tokens, as wm_tokenize and wm_fold would; sets doc->folded_len. */
void wm_tokenize_doc(wm_doc *doc);

/* The folded tokens of text[0..len) joined by one U+0020 (the gazetteer's key form), written
 * to out; returns the length, or -1 when it does not fit in cap units. */
int32_t wm_fold_phrase(const UChar *text, int32_t len, UChar *out, int32_t cap);

/* Case- and diacritic-folds s[0..n) into out (room for 2n units); returns the folded length.
 * "Petrlić" -> "petrlic", "Straße" -> "strasse", "Ärztin" -> "arztin". Thread-safe. */
int32_t wm_fold(const UChar *s, int32_t n, UChar *out);

#endif
