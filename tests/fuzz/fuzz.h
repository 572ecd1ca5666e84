/* fuzz.h - what the libFuzzer targets in tests/fuzz/ share: the data directory, the
 * knowledge base they load once, and a check that turns a broken invariant into a crash. */
#ifndef WM_FUZZ_H
#define WM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "kb.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A violated invariant is a finding: print it and abort so the fuzzer keeps the input. */
#define FUZZ_CHECK(cond)                                                                 \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                     \
        }                                                                                \
    } while (0)

#ifndef WM_FUZZ_DATA
#define WM_FUZZ_DATA "."
#endif

/* The knowledge base of $WHOMET_DATA, else of the source tree the target was built from.
 * A kb that does not load ends the run: fuzzing without the real data finds nothing real. */
static inline wm_kb *fuzz_load_kb(void)
{
    const char *dir = getenv("WHOMET_DATA");
    if (!dir || !*dir)
        dir = WM_FUZZ_DATA;
    wm_kb *kb = NULL;
    wm_error err;
    wm_error_clear(&err);
    if (wm_kb_load(dir, &kb, &err) != WM_OK) {
        char line[1200];
        wm_error_format(&err, line, sizeof line);
        fprintf(stderr, "fuzz: cannot load the knowledge base: %s\n", line);
        exit(2);
    }
    return kb;
}

#endif
