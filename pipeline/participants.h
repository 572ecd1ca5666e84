/* participants.h - who takes part in an encounter a clause reports: the persons it names (not
 * those in speech, credits, or attributes such as "die Arbeit des Abgeordneten X"), and the
 * persons it refers back to ("seine Amtskollegin", "dem Generalkonsul", "er").
 * A wm_people owns its per-token and per-entity tables; it borrows doc, marks and clauses. */
#ifndef WM_PARTICIPANTS_H
#define WM_PARTICIPANTS_H

#include <stdint.h>

#include "clause.h"
#include "doc.h"
#include "gazetteer.h"
#include "modality.h"

typedef struct {
    int32_t entity;
    wm_span span;       /* the mention, or the words that refer to the person */
    int32_t mention;    /* the mention, or -1 for a reference */
} wm_participant;

typedef WM_VEC(wm_participant) wm_participants;

typedef struct {
    int32_t entity;
    int32_t tok;        /* a title word used for the person: "Senatorin", "Generalkonsul" */
} wm_title_word;

typedef struct {
    const wm_doc *doc;
    const wm_marks *marks;
    const wm_clauses *clauses;
    int32_t *person_at;     /* per token: the usable person mention covering it, or -1 */
    uint8_t *named_at;      /* per token: some person, organization or location mention covers it */
    char *role_gender;      /* per token: 0 = no role word; 'm', 'f' or 'u' = a role gazetteer word */
    uint8_t *event_noun;    /* per token: an encounter noun (set by the caller); "der Besuch von X" */
    char *gender;           /* per entity: 'm', 'f' or 0 */
    int32_t *first_seen;    /* per entity: where its first person mention starts (text offset) */
    int32_t *relative_on;   /* per token: the relative clause whose antecedent it is, or -1 */
    uint8_t *passive;       /* per clause: it holds a passive auxiliary */
    WM_VEC(wm_title_word) titles; /* by token */
} wm_people;

/* Token predicate: does token t belong to the clause under study? */
typedef int (*wm_token_pred)(int32_t t, const void *ctx);

void wm_people_build(wm_people *p, const wm_doc *doc, const wm_marks *m, const wm_clauses *c,
                     const wm_gazetteer *gaz);
void wm_people_free(wm_people *p);

/* Adds a participant unless its entity is already there. */
void wm_participants_add(wm_participants *out, int32_t entity, wm_span span, int32_t mention);

/* The persons named in tokens [first, end) that satisfy `in` (NULL: all). */
void wm_people_named(const wm_people *p, int32_t first, int32_t end, wm_token_pred in, const void *ctx,
                     wm_participants *out);

/* Resolves the references in tokens [first, end) that satisfy `in`, adding each person found
 * unambiguously; `allow_sie` admits "sie" (the caller knows the verb is singular). */
void wm_people_references(const wm_people *p, int32_t first, int32_t end, wm_token_pred in, const void *ctx,
                          int allow_sie, wm_participants *io);

/* The person mention that ends at token t (the antecedent of "..., der"), or -1. */
int32_t wm_people_ending_at(const wm_people *p, int32_t t);

#endif
