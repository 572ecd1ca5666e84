#!/bin/sh
# output_integrity.test.sh - `-o FILE` is replaced only by a complete result: a run killed
# with SIGKILL leaves the old FILE intact, SIGTERM also removes the temporary; the result
# gets the usual file mode; a closed output pipe ends the run silently with status 5.
cd "$(dirname "$0")/.." || exit 2
: "${WHOMET:=./whomet}"
DATA=${WHOMET_DATA:-$PWD}
[ -d "$DATA/gazetteers" ] || { echo "no gazetteers/ in $DATA"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# inputs that keep whomet busy for a while: 4 documents of 8 MB
python3 - "$tmp" <<'PY'
import sys
for k in range(4):
    with open(f"{sys.argv[1]}/big{k}.txt", "w", encoding="utf-8") as f:
        f.write(f"Frau Dr. Anna Beispiel{k} traf Herrn Bernd Muster in Berlin.\n" * 140000)
PY

# interrupted runs: wait for the temporary to appear, then kill
for sig in KILL TERM; do
    echo '{"old": "result"}' >"$tmp/graph.json"
    "$WHOMET" -d "$DATA" -o "$tmp/graph.json" "$tmp"/big*.txt 2>/dev/null &
    pid=$!
    n=0
    while [ $n -lt 600 ] && ! ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1; do
        sleep 0.05
        n=$((n + 1))
    done
    if ! kill -s $sig $pid 2>/dev/null; then
        echo "FAIL SIG$sig: the run ended before it could be interrupted"
        fail=1
    fi
    wait $pid
    rc=$?
    [ $rc -gt 128 ] || { echo "FAIL SIG$sig: exit status $rc, expected death by signal"; fail=1; }
    [ "$(cat "$tmp/graph.json")" = '{"old": "result"}' ] || { echo "FAIL SIG$sig: FILE was replaced or truncated"; fail=1; }
    if [ $sig = TERM ] && ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1; then
        echo "FAIL SIGTERM: temporary left behind"
        fail=1
    fi
    rm -f "$tmp"/graph.json.tmp.*
done

# a complete run replaces FILE, with the mode a new file gets under the umask
printf 'Frau Dr. Anna Beispiel traf Herrn Bernd Muster.\n' >"$tmp/small.txt"
(umask 022; "$WHOMET" -d "$DATA" -o "$tmp/graph.json" "$tmp/small.txt") || { echo "FAIL complete run"; fail=1; }
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/graph.json" || { echo "FAIL complete run: not JSON"; fail=1; }
[ "$(stat -c %a "$tmp/graph.json")" = 644 ] || { echo "FAIL mode $(stat -c %a "$tmp/graph.json"), expected 644"; fail=1; }
ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1 && { echo "FAIL temporary left after a complete run"; fail=1; }

# closed pipe: whether the caller's SIGPIPE is default or ignored, status 5 and no noise
for mode in default ignored; do
    if [ $mode = ignored ]; then trap '' PIPE; fi
    status=$( { "$WHOMET" -d "$DATA" --format jsonl --explain "$tmp"/big*.txt 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.rc"; } | head -c 100 >/dev/null; cat "$tmp/pipe.rc")
    trap - PIPE
    [ "$status" = 5 ] || { echo "FAIL closed pipe (SIGPIPE $mode): exit status $status, expected 5"; fail=1; }
    [ -s "$tmp/pipe.err" ] && { echo "FAIL closed pipe (SIGPIPE $mode): stderr not empty:"; head -n 3 "$tmp/pipe.err"; fail=1; }
done
exit $fail
