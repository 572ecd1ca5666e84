#!/bin/sh
# fuzz_regressions.test.sh - replays every fuzz target's seed corpus and its regressions
# (tests/fuzz/regressions/<target>/: inputs that once crashed or hung) through the replay
# drivers of this build, under $RUNNER (valgrind in `make valgrind`).
# Environment: FUZZ_REPLAY (the replay binaries), RUNNER, WHOMET_DATA (default: this tree).
cd "$(dirname "$0")/.." || exit 2
[ -n "$FUZZ_REPLAY" ] || { echo "FUZZ_REPLAY is not set (run through make check)"; exit 77; }
WHOMET_DATA=${WHOMET_DATA:-$PWD}
export WHOMET_DATA
[ -d "$WHOMET_DATA/gazetteers" ] || { echo "no gazetteers/ in $WHOMET_DATA"; exit 77; }
failed=0
for bin in $FUZZ_REPLAY; do
    t=${bin##*/replay_}
    if ! $RUNNER "$bin" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" >/dev/null 2>"${TMPDIR:-/tmp}/replay.$$"; then
        echo "FAIL replay $t:"
        tail -n 30 "${TMPDIR:-/tmp}/replay.$$"
        failed=1
    else
        echo "ok   replay $t ($(ls "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" | grep -vc ':$\|^$') inputs)"
    fi
done
rm -f "${TMPDIR:-/tmp}/replay.$$"
exit $failed
