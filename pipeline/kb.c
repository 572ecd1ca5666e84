/* kb.c - finds the data directory and loads gazetteers (first: rules expand {list:...} from
 * them) and rule files, in a fixed file order so every run builds the same kb. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "kb.h"
#include "vec.h"

#ifndef WM_DATA_DIR
#define WM_DATA_DIR "/usr/local/share/whomet"
#endif

struct wm_kb {
    char *dir;
    wm_gazetteer *gazetteer;
    wm_ruleset *rules[WM_RULE_FILE_COUNT];
};

const wm_gazetteer *wm_kb_gazetteer(const wm_kb *kb) { return kb->gazetteer; }
const wm_ruleset *wm_kb_rules(const wm_kb *kb, wm_rule_file file) { return kb->rules[file]; }
const char *wm_kb_dir(const wm_kb *kb) { return kb->dir; }

void wm_kb_free(wm_kb *kb)
{
    if (!kb)
        return;
    for (int i = 0; i < WM_RULE_FILE_COUNT; i++)
        wm_ruleset_free(kb->rules[i]);
    wm_gazetteer_free(kb->gazetteer);
    free(kb->dir);
    free(kb);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int has_data(const char *dir)
{
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/gazetteers", dir);
    snprintf(b, sizeof b, "%s/rules", dir);
    return is_dir(a) && is_dir(b);
}

const char *wm_kb_default_dir(char *buf, size_t size)
{
    const char *env = getenv("WHOMET_DATA");
    if (env && *env) {
        snprintf(buf, size, "%s", env);
        return buf;
    }
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            if (has_data(exe)) {
                snprintf(buf, size, "%s", exe);
                return buf;
            }
            char shared[4200];
            snprintf(shared, sizeof shared, "%s/../share/whomet", exe);
            if (has_data(shared)) {
                snprintf(buf, size, "%s", shared);
                return buf;
            }
        }
    }
    snprintf(buf, size, "%s", WM_DATA_DIR);
    return buf;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef WM_VEC(char *) name_list;

/* Sorted names of the files in dir ending in suffix. */
static wm_status list_files(const char *dir, const char *suffix, name_list *out, wm_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return wm_error_set(err, WM_ERR_DATA, dir, 0, 0, "cannot open data directory (see --data)");
    size_t slen = strlen(suffix);
    struct dirent *ent;
    while ((ent = readdir(d))) {
        size_t n = strlen(ent->d_name);
        if (n > slen && ent->d_name[0] != '.' && strcmp(ent->d_name + n - slen, suffix) == 0)
            wm_vec_push(out, wm_xstrdup(ent->d_name));
    }
    closedir(d);
    if (out->len)
        qsort(out->items, out->len, sizeof *out->items, compare_names);
    return WM_OK;
}

static void free_names(name_list *names)
{
    for (size_t i = 0; i < names->len; i++)
        free(names->items[i]);
    wm_vec_free(names);
}

static wm_status load_gazetteers(wm_kb *kb, wm_error *err)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/gazetteers", kb->dir);
    name_list names = {0};
    wm_status st = list_files(dir, ".tsv", &names, err);
    kb->gazetteer = wm_gazetteer_new();
    for (size_t i = 0; st == WM_OK && i < names.len; i++) {
        const char *name = names.items[i];
        size_t stem = strcspn(name, ".");
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        int list = wm_list_from_name(name, stem);
        if (list < 0)
            st = wm_error_set(err, WM_ERR_DATA, path, 0, 0, "unknown gazetteer list '%.*s' (the name before the first '.' must be a list name)",
                              (int)stem, name);
        else
            st = wm_gazetteer_load_file(kb->gazetteer, path, (wm_list)list, err);
    }
    free_names(&names);
    if (st == WM_OK)
        wm_gazetteer_freeze(kb->gazetteer);
    return st;
}

static wm_status load_rules(wm_kb *kb, wm_error *err)
{
    char dir[4200];
    snprintf(dir, sizeof dir, "%s/rules", kb->dir);
    name_list names = {0};
    wm_status st = list_files(dir, ".rules", &names, err);
    for (size_t i = 0; st == WM_OK && i < names.len; i++) {
        const char *name = names.items[i];
        size_t stem = strlen(name) - strlen(".rules");
        int known = 0;
        char expected[256] = "";
        for (int f = 0; f < WM_RULE_FILE_COUNT; f++) {
            known |= strlen(wm_rule_file_name(f)) == stem && strncmp(wm_rule_file_name(f), name, stem) == 0;
            size_t n = strlen(expected);
            snprintf(expected + n, sizeof expected - n, "%s%s.rules", f ? ", " : "", wm_rule_file_name(f));
        }
        if (!known) {
            char path[4500];
            snprintf(path, sizeof path, "%s/%s", dir, name);
            st = wm_error_set(err, WM_ERR_DATA, path, 0, 0, "unknown rule file (expected %s)", expected);
        }
    }
    free_names(&names);
    for (int f = 0; st == WM_OK && f < WM_RULE_FILE_COUNT; f++) {
        char path[4500];
        snprintf(path, sizeof path, "%s/%s.rules", dir, wm_rule_file_name(f));
        st = wm_ruleset_load_file(path, kb->gazetteer, &kb->rules[f], err);
    }
    return st;
}

wm_status wm_kb_load(const char *dir, wm_kb **out, wm_error *err)
{
    wm_kb *kb = wm_xcalloc(1, sizeof *kb);
    kb->dir = wm_xstrdup(dir);
    wm_status st = load_gazetteers(kb, err);
    if (st == WM_OK)
        st = load_rules(kb, err);
    if (st != WM_OK) {
        wm_kb_free(kb);
        return st;
    }
    *out = kb;
    return WM_OK;
}
