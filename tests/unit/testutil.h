/* testutil.h - what every cmocka unit test includes: cmocka and its prerequisites.
 * Owns nothing; keep it tiny. */
#ifndef WM_TESTUTIL_H
#define WM_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#endif
