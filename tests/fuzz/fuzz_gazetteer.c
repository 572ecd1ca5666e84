/* fuzz_gazetteer.c - libFuzzer target: the gazetteer loader on arbitrary text (the first
 * byte picks the list), the phrase index it freezes into, and lookups. Checks that every
 * loaded entry is found again under its own folded surface, and that every proper token
 * prefix of it is marked as a prefix. */
#include <string.h>

#include "fuzz.h"
#include "gazetteer.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void check_entry(const wm_gazetteer *gaz, int32_t index)
{
    const wm_gaz_entry *e = wm_gazetteer_entry(gaz, index);
    FUZZ_CHECK(e->surface && e->canonical && e->attrs && e->file && e->line > 0);
    FUZZ_CHECK(e->list < WM_LIST_COUNT && e->token_count >= 1);
    FUZZ_CHECK(e->gender == 0 || e->gender == 'm' || e->gender == 'f' || e->gender == 'u');
    UChar key[1024];
    int32_t n = wm_gazetteer_key(e->surface, strlen(e->surface), key, 1024);
    FUZZ_CHECK(n > 0);
    wm_gaz_lookup found;
    FUZZ_CHECK(wm_gazetteer_find(gaz, key, n, &found));
    int seen = 0;
    for (int32_t i = 0; i < found.count; i++)
        seen |= found.entries[i] == index;
    FUZZ_CHECK(seen);
    FUZZ_CHECK(wm_gaz_lookup_in_list(gaz, &found, e->list) >= 0);
    for (int32_t p = 0; p < n; p++)
        if (key[p] == ' ') {
            FUZZ_CHECK(wm_gazetteer_find(gaz, key, p, &found));
            FUZZ_CHECK(found.is_prefix);
        }
    char buf[64];
    if (e->cls)
        FUZZ_CHECK(wm_gaz_entry_attr(e, "class", buf, sizeof buf));
    wm_gaz_entry_attr(e, "gender", buf, sizeof buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    wm_list list = (wm_list)(data[0] % WM_LIST_COUNT);
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    wm_gazetteer *gaz = wm_gazetteer_new();
    wm_error err;
    wm_error_clear(&err);
    if (wm_gazetteer_load_text(gaz, "fuzz.tsv", text, len, list, &err) != WM_OK) {
        FUZZ_CHECK(err.status == WM_ERR_DATA && err.line > 0 && err.column > 0 && err.message[0]);
        wm_gazetteer_free(gaz);
        return 0;
    }
    /* the same lines again in another list: one phrase, entries in two lists */
    wm_list other = (wm_list)((list + 1 + data[0] / WM_LIST_COUNT) % WM_LIST_COUNT);
    FUZZ_CHECK(wm_gazetteer_load_text(gaz, "again.tsv", text, len, other, &err) == WM_OK);
    wm_gazetteer_freeze(gaz);
    for (size_t i = 0; i < wm_gazetteer_size(gaz); i++)
        check_entry(gaz, (int32_t)i);
    /* arbitrary keys: the raw input folded as one phrase */
    UChar key[256];
    int32_t n = wm_gazetteer_key(text, len < 200 ? len : 200, key, 256);
    wm_gaz_lookup found;
    if (n > 0 && wm_gazetteer_find(gaz, key, n, &found))
        for (int32_t i = 0; i < found.count; i++)
            FUZZ_CHECK(found.entries[i] >= 0 && (size_t)found.entries[i] < wm_gazetteer_size(gaz));
    wm_gazetteer_free(gaz);
    return 0;
}
