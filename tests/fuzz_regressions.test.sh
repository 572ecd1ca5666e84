#!/bin/sh
# fuzz_regressions.test.sh - replays every fuzz target's seed corpus and its regressions
# (tests/fuzz/regressions/<target>/: inputs that once crashed or hung) through the replay
# drivers of this build, under $RUNNER (valgrind in `make valgrind`).
# Environment: FUZZ_REPLAY (the replay binaries, set by make check), RUNNER, WHOMET_DATA.
. tests/lib.sh
[ -n "$FUZZ_REPLAY" ] || { echo "FUZZ_REPLAY is not set (run through make check)"; exit 77; }
for bin in $FUZZ_REPLAY; do
    t=${bin##*/replay_}
    n=$(find "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" -type f ! -name '.*' | wc -l)
    $RUNNER "$bin" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" >/dev/null 2>"$tmp/err"
    rc=$?
    expect_status 0 $rc "replay $t: $n inputs"
    [ $rc -eq 0 ] || tail -n 30 "$tmp/err" | sed 's/^/     | /'
done
finish
