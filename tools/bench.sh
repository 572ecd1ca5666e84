#!/bin/sh
# bench.sh - `make bench`: builds an optimized whomet in build-bench/, generates a corpus of
# BENCH_MB MB from samples/ (tools/bench/gencorpus.py, fixed seed), and reports MB/s,
# documents/s and peak RSS for whomet on many small files and on one stream, on 1 core and on
# all cores, next to two lower bounds over the same bytes: grep -F -o of every gazetteer
# surface form, and ICU NFC normalization alone. Then one run over a stream of BENCH_STREAM_MB
# MB for the memory bound. Wall-clock figures are the best of BENCH_REPEAT runs; on a shared
# machine they are noisy, so the load average is printed with them.
#
#   make bench [BENCH_MB=64] [BENCH_STREAM_MB=1024] [BENCH_REPEAT=3] [BENCH_SEED=1]
set -eu
cd "$(dirname "$0")/.."

MB=${BENCH_MB:-64}
STREAM_MB=${BENCH_STREAM_MB:-1024}
REPEAT=${BENCH_REPEAT:-3}
SEED=${BENCH_SEED:-1}
B=build-bench
CORES=$(getconf _NPROCESSORS_ONLN)
MAKE=${MAKE:-make}

command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is needed (apt-get install time)"; exit 1; }
[ -d gazetteers ] && [ -d samples ] || { echo "bench: needs gazetteers/ and samples/"; exit 1; }

echo "== building $B/whomet (-O2 -march=native) and the NFC bound"
$MAKE -s BUILD=$B BIN=$B/whomet OPT="-O2 -march=native -g" $B/whomet
cc -O2 -march=native -o $B/nfc tools/bench/nfc.c $(pkg-config --cflags --libs icu-uc)

C=$B/corpus-$MB-seed$SEED
if [ ! -f "$C/done" ]; then
    echo "== generating $C"
    rm -rf "$C"
    python3 tools/bench/gencorpus.py --mb "$MB" --seed "$SEED" --out "$C"
    touch "$C/done"
fi
STREAM=$C/stream.ff
BYTES=$(wc -c < "$STREAM")
DOCS=$(wc -l < "$C/files.txt")
grep -hv '^#' gazetteers/*.tsv | cut -f1 | grep -v '^$' | LC_ALL=C sort -u > $B/surfaces.txt
SURFACES=$(wc -l < $B/surfaces.txt)
cat "$STREAM" > /dev/null # into the page cache

RESULTS=$B/results.txt
: > $RESULTS

# measure NAME BYTES DOCS COMMAND: the best wall time of REPEAT runs, the CPU time (user +
# system) of that run, and the largest peak RSS. On a loaded machine the CPU time is the
# steadier figure: MB per CPU second is what one core does.
measure() {
    name=$1 bytes=$2 docs=$3
    shift 3
    best="" cpu="" rss=0
    i=0
    while [ $i -lt "$REPEAT" ]; do
        /usr/bin/time -f "%e %M %U %S" -o $B/time.txt sh -c "$1" || { echo "bench: '$name' failed"; exit 1; }
        read -r secs kb user sys < $B/time.txt
        if [ -z "$best" ] || awk -v a="$best" -v b="$secs" 'BEGIN { exit !(b < a) }'; then
            best=$secs
            cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
        fi
        [ "$kb" -gt "$rss" ] && rss=$kb
        i=$((i + 1))
    done
    echo "$name $bytes $docs $cpu $best $rss" >> $RESULTS
    awk -v n="$name" -v by="$bytes" -v d="$docs" -v s="$best" -v c="$cpu" -v k="$rss" 'BEGIN {
        if (s <= 0) s = 0.005
        if (c <= 0) c = 0.005
        printf "  %-34s %7.2f s %8.1f MB/s %8.0f docs/s %7.2f cpu s %8.1f MB/cpu s %7.1f MB RSS\n",
            n, s, by / 1e6 / s, d / s, c, by / 1e6 / c, k / 1024 }'
}

W="$B/whomet -d . -q"
echo "== $DOCS documents, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB ($C); $SURFACES gazetteer surface forms; $CORES cores"
echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "start-up (empty input)" 0 0 "$W --input ff -f jsonl < /dev/null > /dev/null"
echo "  (knowledge base load as whomet --stats reports it: $($W --stats --input ff -f jsonl < /dev/null 2>&1 >/dev/null | sed -n 's/.*start-up \([0-9]*\) ms.*/\1/p') ms)"
measure "whomet files -j1 (graph)" "$BYTES" "$DOCS" "$W -j1 --files-from $C/files.txt > /dev/null"
measure "whomet files -j$CORES (graph)" "$BYTES" "$DOCS" "$W -j$CORES --files-from $C/files.txt > /dev/null"
measure "whomet stream -j1 (jsonl)" "$BYTES" "$DOCS" "$W -j1 --input ff -f jsonl < $STREAM > /dev/null"
measure "whomet stream -j$CORES (jsonl)" "$BYTES" "$DOCS" "$W -j$CORES --input ff -f jsonl < $STREAM > /dev/null"
measure "whomet stream -j$CORES (graph)" "$BYTES" "$DOCS" "$W -j$CORES --input ff < $STREAM > /dev/null"
# (into a pipe: GNU grep stops at the first match when its output is /dev/null)
measure "bound: grep -F -o -f surfaces" "$BYTES" "$DOCS" "LC_ALL=C grep -F -o -f $B/surfaces.txt $STREAM | wc -c > /dev/null"
measure "bound: ICU NFC (UTF-8 -> NFC)" "$BYTES" "$DOCS" "$B/nfc $STREAM > /dev/null"
if [ "$STREAM_MB" -gt 0 ]; then
    copies=$(( (STREAM_MB + MB - 1) / MB ))
    REPEAT=1 measure "whomet $((copies * MB)) MB stream -j$CORES (jsonl)" $((BYTES * copies)) $((DOCS * copies)) \
        "for i in \$(seq $copies); do cat $STREAM; done | $W -j$CORES --input ff -f jsonl > /dev/null"
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# The summary: ratios against the bounds and the targets of the performance issue.
awk -v cores="$CORES" '
    { k = NF; rss = $k; secs = $(k - 1); cpu = $(k - 2); docs = $(k - 3); bytes = $(k - 4)
      name = $1; for (i = 2; i <= k - 5; i++) name = name " " $i
      s[name] = (secs > 0 ? secs : 0.005); c[name] = (cpu > 0 ? cpu : 0.005); r[name] = rss; b[name] = bytes }
    function rate(x) { return b[x] / 1e6 / s[x] }
    function cpurate(x) { return b[x] / 1e6 / c[x] }
    END {
        one = "whomet stream -j1 (jsonl)"; all = "whomet stream -j" cores " (jsonl)"
        f1 = "whomet files -j1 (graph)"; fa = "whomet files -j" cores " (graph)"
        grep = "bound: grep -F -o -f surfaces"; nfc = "bound: ICU NFC (UTF-8 -> NFC)"
        printf "== summary\n"
        printf "  per core (stream, -j1):            %6.1f MB/s   target >= 50        %s\n", rate(one), (rate(one) >= 50 ? "met" : "MISSED")
        printf "  per CPU second (stream, -j1):      %6.1f MB/s   (steadier when the machine is busy)\n", cpurate(one)
        printf "  per CPU second (stream, -j%d):      %6.1f MB/s\n", cores, cpurate(all)
        printf "  speed-up 1 -> %d cores, stream:     %6.2fx       target >= 1.8x      %s\n", cores, s[one] / s[all], ((s[one] / s[all] >= 1.8) ? "met" : "MISSED")
        printf "  speed-up 1 -> %d cores, files:      %6.2fx\n", cores, s[f1] / s[fa]
        printf "  whomet -j1 time / grep -F time:    %6.2fx       target <= 4x        %s\n", s[one] / s[grep], ((s[one] / s[grep] <= 4) ? "met" : "MISSED")
        printf "  the same in CPU time:              %6.2fx\n", c[one] / c[grep]
        printf "  whomet -j%d time / grep -F time:    %6.2fx\n", cores, s[all] / s[grep]
        printf "  whomet -j1 time / ICU NFC time:    %6.2fx\n", s[one] / s[nfc]
        printf "  start-up:                          %6.0f ms     target < 100 ms     %s\n", s["start-up (empty input)"] * 1000, ((s["start-up (empty input)"] < 0.1) ? "met" : "MISSED")
        printf "  knowledge base in memory:          %6.1f MB RSS\n", r["start-up (empty input)"] / 1024
        for (x in s) if (x ~ /MB stream/) {
            printf "  peak RSS, %s: %6.1f MB   target < 100 MB   %s\n", x, r[x] / 1024, ((r[x] / 1024 < 100) ? "met" : "MISSED") }
    }' $RESULTS
