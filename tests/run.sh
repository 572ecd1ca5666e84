#!/bin/sh
# run.sh - the whole test suite: cmocka unit tests, then every tests/*.test.sh script.
# Environment: WHOMET (binary under test), RUNNER (e.g. valgrind), UNIT_BIN (unit test binaries);
# FUZZ_REPLAY (the fuzz replay binaries) is for tests/fuzz_regressions.test.sh.
# Prints one line per test and closes with "N passed, N failed, N skipped".
cd "$(dirname "$0")/.." || exit 2
: "${WHOMET:=./whomet}"
export WHOMET RUNNER
passed=0 failed=0 skipped=0
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT

for t in $UNIT_BIN; do
    name=$(basename "$t")
    if $RUNNER "$t" >"$log/out" 2>&1; then
        passed=$((passed + 1)); echo "ok   unit/$name"
    else
        failed=$((failed + 1)); echo "FAIL unit/$name"; sed 's/^/     /' "$log/out"
    fi
done

# A script exits 0 (pass), 77 (skip, with its reason on stdout) or anything else (fail).
for t in tests/*.test.sh; do
    name=$(basename "$t" .test.sh)
    # WM_ONLY_TESTS: a space-separated subset of the scripts (make valgrind runs only the replays)
    if [ -n "$WM_ONLY_TESTS" ]; then
        case " $WM_ONLY_TESTS " in *" $name "*) ;; *) continue ;; esac
    fi
    sh "$t" >"$log/out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then
        passed=$((passed + 1)); echo "ok   $name"
    elif [ $rc -eq 77 ]; then
        skipped=$((skipped + 1)); echo "skip $name: $(tail -n 1 "$log/out")"
    else
        failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/     /' "$log/out" | tail -n 40
    fi
done
echo "$passed passed, $failed failed, $skipped skipped"
[ $failed -eq 0 ]
