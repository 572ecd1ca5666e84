/* testutil.h - included first by every cmocka unit test: the headers cmocka needs, in its order.
 * Owns nothing. */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
