/* strset.h - a set of strings (document ids seen so far), compact so that a run over millions
 * of documents keeps it small. The set owns copies of the strings it holds. */
#ifndef WM_STRSET_H
#define WM_STRSET_H

#include <stddef.h>

typedef struct wm_strset wm_strset;

wm_strset *wm_strset_new(void);
void wm_strset_free(wm_strset *set);

/* Adds s; returns 1 when it was new, 0 when the set already held it. */
int wm_strset_add(wm_strset *set, const char *s);
size_t wm_strset_size(const wm_strset *set);

#endif
