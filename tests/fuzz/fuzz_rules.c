/* fuzz_rules.c - libFuzzer target: the rule loader ({define} and {list:...} expansion,
 * PCRE2 compilation with JIT) on arbitrary text with a small gazetteer, then every rule
 * that compiled run with tight limits over a German sample, its groups and attributes read. */
#include <string.h>
#include <unicode/ustring.h>

#include "fuzz.h"
#include "gazetteer.h"
#include "rules.h"

static wm_gazetteer *gaz;
static wm_rule_matcher *matcher;
static UChar sample[512];
static int32_t sample_len;

static const char gaz_text[] = "Dr.\tDr.\tclass=academic\n"
                               "Prof. Dr.\n"
                               "Bundesministerium für Arbeit und Soziales\t\tabbr=BMAS\n"
                               "Anna\t\tgender=f\n"
                               "Bernd\t\tgender=m\n";

static const char sample_text[] = "Berlin, 3. März 2024. Bundesministerin Dr. Anna Beispiel (SPD) traf am Montag "
                                  "den Botschafter der Republik Ghana, S. E. Bernd Muster, im Bundesministerium "
                                  "für Arbeit und Soziales (BMAS). \"Ein guter Austausch\", sagte Prof. Dr. Muster.";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    gaz = wm_gazetteer_new();
    wm_error err;
    for (int list = 0; list < WM_LIST_COUNT; list++)
        FUZZ_CHECK(wm_gazetteer_load_text(gaz, wm_list_name(list), gaz_text, strlen(gaz_text), list, &err) == WM_OK);
    wm_gazetteer_freeze(gaz);
    matcher = wm_rule_matcher_new(10000, 200);
    FUZZ_CHECK(matcher != NULL);
    UErrorCode status = U_ZERO_ERROR;
    u_strFromUTF8(sample, 512, &sample_len, sample_text, -1, &status);
    FUZZ_CHECK(U_SUCCESS(status));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wm_ruleset *set = NULL;
    wm_error err;
    wm_error_clear(&err);
    if (wm_ruleset_load_text("fuzz.rules", (const char *)data, size, gaz, &set, &err) != WM_OK) {
        FUZZ_CHECK(err.status == WM_ERR_DATA && err.line > 0 && err.column > 0 && err.message[0]);
        return 0;
    }
    for (size_t i = 0; i < wm_ruleset_size(set); i++) {
        const wm_rule *rule = wm_ruleset_rule(set, i);
        FUZZ_CHECK(wm_ruleset_find(set, rule->id) == rule);
        char value[64];
        wm_rule_attr(rule, "kind", value, sizeof value);
        int32_t at = 0;
        for (int rounds = 0; rounds < 8 && at <= sample_len; rounds++) {
            int rc = wm_rule_match(matcher, rule, sample, sample_len, at, &err);
            if (rc <= 0) {
                FUZZ_CHECK(rc == 0 || (err.status == WM_ERR_LIMIT && strstr(err.message, rule->id)));
                break;
            }
            wm_span whole, part;
            FUZZ_CHECK(wm_rule_group(matcher, rule, NULL, &whole));
            FUZZ_CHECK(whole.start >= at && whole.start <= whole.end && whole.end <= sample_len);
            if (wm_rule_group(matcher, rule, "name", &part))
                FUZZ_CHECK(part.start >= 0 && part.start <= part.end && part.end <= sample_len);
            at = whole.end > at ? whole.end : at + 1;
        }
    }
    wm_ruleset_free(set);
    return 0;
}
