/* kb.h - the knowledge base: every gazetteer list and rule file of a data directory, loaded
 * once at start-up. The kb owns them; after wm_kb_load it is immutable and shared by threads. */
#ifndef WM_KB_H
#define WM_KB_H

#include <stddef.h>

#include "error.h"
#include "gazetteer.h"
#include "kinds.h"
#include "rules.h"

typedef struct wm_kb wm_kb;

/* Loads DIR/gazetteers/<list>[.<part>].tsv and DIR/rules/<name>.rules. Every declared rule file
 * must exist; a file whose name matches no declared list or rule file is an error. */
wm_status wm_kb_load(const char *dir, wm_kb **out, wm_error *err);
void wm_kb_free(wm_kb *kb);

const wm_gazetteer *wm_kb_gazetteer(const wm_kb *kb);
const wm_ruleset *wm_kb_rules(const wm_kb *kb, wm_rule_file file);
const char *wm_kb_dir(const wm_kb *kb);

/* The data directory to use when none is given: $WHOMET_DATA, else the directory of the
 * executable when it holds gazetteers/ and rules/ (a build tree), else <exe>/../share/whomet,
 * else the compiled-in default. Writes into buf and returns it. */
const char *wm_kb_default_dir(char *buf, size_t size);

#endif
