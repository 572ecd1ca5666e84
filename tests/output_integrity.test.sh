#!/bin/sh
# output_integrity.test.sh - `-o FILE` is replaced only by a complete result: a run killed
# with SIGKILL leaves the old FILE intact, SIGTERM also removes the temporary; the result
# gets the usual file mode; a closed output pipe ends the run silently with status 5.
. tests/lib.sh

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
    "$WHOMET" -o "$tmp/graph.json" "$tmp"/big*.txt 2>/dev/null &
    pid=$!
    n=0
    while [ $n -lt 600 ] && ! ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1; do
        sleep 0.05
        n=$((n + 1))
    done
    if kill -s $sig $pid 2>/dev/null; then ok "SIG$sig during the run"; else not_ok "SIG$sig: the run ended first"; fi
    wait $pid
    rc=$?
    [ $rc -gt 128 ] && ok "SIG$sig: died by the signal" || not_ok "SIG$sig: exit status $rc"
    [ "$(cat "$tmp/graph.json")" = '{"old": "result"}' ] && ok "SIG$sig: old FILE intact" || not_ok "SIG$sig: FILE replaced or truncated"
    if [ $sig = TERM ]; then
        ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1 && not_ok "SIGTERM: temporary left behind" || ok "SIGTERM: temporary removed"
    fi
    rm -f "$tmp"/graph.json.tmp.*
done

# a complete run replaces FILE, with the mode a new file gets under the umask
printf 'Frau Dr. Anna Beispiel traf Herrn Bernd Muster.\n' >"$tmp/small.txt"
(umask 022; whomet -o "$tmp/graph.json" "$tmp/small.txt")
expect_status 0 $? "complete run with -o"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/graph.json" && ok "-o FILE is JSON" || not_ok "-o FILE is not JSON"
mode=$(stat -c %a "$tmp/graph.json")
[ "$mode" = 644 ] && ok "-o FILE has mode 644 under umask 022" || not_ok "-o FILE has mode $mode"
ls "$tmp"/graph.json.tmp.* >/dev/null 2>&1 && not_ok "temporary left after a complete run" || ok "no temporary left"

# closed pipe: whether the caller's SIGPIPE is default or ignored, status 5 and no noise
for mode in default ignored; do
    if [ $mode = ignored ]; then trap '' PIPE; fi
    status=$( { "$WHOMET" --format jsonl --explain "$tmp"/big*.txt 2>"$tmp/pipe.err"; echo $? >"$tmp/pipe.rc"; } |
        head -c 100 >/dev/null; cat "$tmp/pipe.rc")
    trap - PIPE
    [ "$status" = 5 ] && ok "closed pipe (SIGPIPE $mode): status 5" || not_ok "closed pipe (SIGPIPE $mode): status $status"
    expect_lines 0 "$tmp/pipe.err" "closed pipe (SIGPIPE $mode): nothing on stderr"
done
finish
