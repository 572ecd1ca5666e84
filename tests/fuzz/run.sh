#!/bin/sh
# run.sh - runs libFuzzer targets one after the other, each for FUZZ_SECONDS (default 60),
# at the lowest priority. Usage: sh tests/fuzz/run.sh BUILD_DIR TARGET...
# Each target grows its own corpus in BUILD_DIR/corpus/<target> (seeded from
# tests/fuzz/corpus/<target>); crashes, hangs and leaks land in BUILD_DIR/artifacts/<target>/.
# Prints one summary line per target (also appended to BUILD_DIR/fuzz-history.log, the
# record tests/fuzz/REPORT.md is written from); exits non-zero when a target found something.
cd "$(dirname "$0")/../.." || exit 2
build=$1
shift
: "${FUZZ_SECONDS:=60}"
status=0
for t in "$@"; do
    mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
    dict=""
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
    log="$build/fuzz-$t.log"
    nice -n 19 "$build/fuzz_$t" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 $dict -artifact_prefix="$build/artifacts/$t/" \
        "$build/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*\(cov: [0-9]* ft: [0-9]*\).*/\1/p')
    if [ $rc -eq 0 ]; then
        summary="fuzz $t: ${FUZZ_SECONDS}s, $execs executions, $cov, no findings"
    elif [ $rc -eq 72 ]; then # libFuzzer's status when stopped by a signal
        status=1
        summary="fuzz $t: interrupted after $execs executions, $cov, no findings"
    else
        status=1
        summary="fuzz $t: FINDING (exit $rc) after $execs executions, see $log and $build/artifacts/$t/"
    fi
    echo "$summary"
    echo "$(date -u +%Y-%m-%dT%H:%MZ) $(git rev-parse --short HEAD 2>/dev/null) $summary" >>"$build/fuzz-history.log"
    [ $rc -eq 0 ] || [ $rc -eq 72 ] || grep -E 'ERROR|SUMMARY|invariant failed|Test unit written' "$log" | head -n 8 | sed 's/^/    /'
done
exit $status
