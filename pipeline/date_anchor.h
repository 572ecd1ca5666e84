/* date_anchor.h - date expressions as the dates stage reads them from the text, and the
 * anchoring that turns them into ISO 8601 values. The caller owns the expression array;
 * wm_date_anchor_all writes each expression's value and anchor in place. */
#ifndef WM_DATE_ANCHOR_H
#define WM_DATE_ANCHOR_H

#include <stddef.h>

#include "date_value.h"
#include "doc.h"

typedef enum {
    WM_EXPR_CALENDAR, /* day, month, year as written; a missing year comes from the anchor */
    WM_EXPR_RANGE,    /* both ends written; missing parts of the start come from the end */
    WM_EXPR_DECADE,   /* value fixed when read */
    WM_EXPR_WEEKDAY,  /* a weekday near the anchor */
    WM_EXPR_SHIFT     /* the anchor moved by amount units ("gestern", "vor zehn Jahren") */
} wm_expr_type;

typedef enum { WM_UNIT_DAY, WM_UNIT_WEEK, WM_UNIT_MONTH, WM_UNIT_YEAR } wm_date_unit;

/* Direction of a weekday from its anchor: strictly before ("vergangenen Montag"), before or
 * on (past tense, the default for a publication date), unknown, on or after (future tense),
 * strictly after ("kommenden Montag"). */
enum { WM_DIR_LAST = -2, WM_DIR_PAST = -1, WM_DIR_UNKNOWN = 0, WM_DIR_FUTURE = 1, WM_DIR_NEXT = 2 };

typedef struct {
    wm_span span;
    const char *rule;
    int32_t segment;
    wm_expr_type type;
    wm_date_kind kind;
    int year, month, day;    /* CALENDAR and the start of a RANGE; 0 = not written */
    int year2, month2, day2; /* the end of a RANGE */
    int year_shift;          /* CALENDAR without year: "Juli des vergangenen Jahres" = -1 */
    int has_year_shift;
    int weekday;             /* WEEKDAY: 1 = Monday ... 7 = Sunday */
    int direction;           /* WEEKDAY: WM_DIR_* */
    wm_date_unit unit;       /* SHIFT */
    int amount;              /* SHIFT */
    int anaphoric;           /* bare "des Jahres": may mean the year just mentioned */
    char decade_value[32];   /* DECADE */
    /* results */
    char value[48];          /* "" = not placeable: the stage leaves the expression out */
    wm_date_anchor anchor;
} wm_date_expr;

/* Whether the expression carries its own year (it needs no anchor). */
int wm_date_expr_is_explicit(const wm_date_expr *e);

/* The year most often written in the explicit expressions, or 0 when none or tied. */
int wm_date_dominant_year(const wm_date_expr *exprs, size_t n);

/* Values every expression in text order. `reference` is the document's date (prec NONE when it
 * has none) and `reference_kind` says where it came from. Without a reference an expression
 * is anchored to the nearest explicit date before it, else to the dominant year, else it
 * gets no value. */
void wm_date_anchor_all(wm_date_expr *exprs, size_t n, wm_cal_date reference, wm_date_anchor reference_kind);

#endif
