/* rules.h - regex rules as data: rules/<name>.rules files compiled once with PCRE2 (16-bit, JIT).
 * A ruleset owns its compiled patterns and is immutable after loading; a wm_rule_matcher is
 * per-thread scratch (match data, JIT stack, limits) that the caller creates and frees.
 *
 * File format, one item per line ('#' starts a comment line):
 *     define NAME PATTERN               reusable sub-pattern, referenced as {NAME}
 *     RULE-ID [key=value ...] /PATTERN/[flags]
 * In a PATTERN, {NAME} expands a define and {list:LIST} expands to an alternation of every
 * surface of a gazetteer list (longest first). Flags: i (caseless), x (extended). */
#ifndef WM_RULES_H
#define WM_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 16
#include <pcre2.h>
#include <stdint.h>

#include "doc.h"
#include "error.h"
#include "gazetteer.h"

typedef struct {
    const char *id;        /* e.g. "org.ministry"; appears in the output */
    const char *file;
    int32_t line;
    const char *attrs;     /* raw "key=value key=value" text after the id, "" when none */
    pcre2_code *code;
    /* a search from any offset up to a match's start finds that match: the pattern does not
     * look at where the search began (no \G) and has no backtracking verbs or callouts */
    int restartable;
} wm_rule;

typedef struct wm_ruleset wm_ruleset;

/* Compiles a rule file. `gaz` (frozen) serves {list:...} references; it may be NULL. */
wm_status wm_ruleset_load_file(const char *path, const wm_gazetteer *gaz, wm_ruleset **out, wm_error *err);
wm_status wm_ruleset_load_text(const char *name, const char *text, size_t len, const wm_gazetteer *gaz,
                               wm_ruleset **out, wm_error *err);
void wm_ruleset_free(wm_ruleset *set);

size_t wm_ruleset_size(const wm_ruleset *set);
const wm_rule *wm_ruleset_rule(const wm_ruleset *set, size_t index);
/* The rule with this id, or NULL. */
const wm_rule *wm_ruleset_find(const wm_ruleset *set, const char *id);

/* Value of attribute `key` of a rule ("kind=person"), copied into buf; 0 when absent. */
int wm_rule_attr(const wm_rule *rule, const char *key, char *buf, size_t size);

typedef struct wm_rule_matcher wm_rule_matcher;

/* Limits bound backtracking: a match that exceeds them fails with WM_ERR_LIMIT. */
wm_rule_matcher *wm_rule_matcher_new(uint32_t match_limit, uint32_t depth_limit);
void wm_rule_matcher_free(wm_rule_matcher *m);

/* Finds the next match of rule in subject[start..len). Returns 1 on a match, 0 on none, and
 * -1 when a limit was hit (err names the rule). */
int wm_rule_match(wm_rule_matcher *m, const wm_rule *rule, const UChar *subject, int32_t len,
                  int32_t start, wm_error *err);

/* Where the attempt that matched began (differs from the match's start only after \K). */
int32_t wm_rule_attempt_start(const wm_rule_matcher *m);

/* Span of the whole match (group 0) or of a named group after a successful match;
 * returns 0 when the group does not exist or did not take part. */
int wm_rule_group(const wm_rule_matcher *m, const wm_rule *rule, const char *name, wm_span *out);

#endif
