/* replay.c - runs a fuzz target without libFuzzer: each FILE argument (or each file in a
 * DIR argument) is fed once to LLVMFuzzerTestOneInput. The suite uses it to replay the seed
 * corpora and tests/fuzz/regressions/ with the ordinary, sanitizer and valgrind builds. */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "fuzz.h"

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    size_t cap = 4096, len = 0, got;
    uint8_t *buf = wm_xmalloc(cap);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap)
            buf = wm_xrealloc(buf, cap *= 2);
    }
    fclose(f);
    fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

static int compare_names(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "replay: cannot open %s\n", dir);
        return 1;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *ent;
    while ((ent = readdir(d)))
        if (ent->d_name[0] != '.') {
            names = wm_xrealloc(names, (n + 1) * sizeof *names);
            names[n++] = wm_xstrdup(ent->d_name);
        }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, compare_names);
    int failed = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        failed |= replay_file(path);
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            failed |= replay_dir(argv[i]);
        else
            failed |= replay_file(argv[i]);
    }
    return failed;
}
