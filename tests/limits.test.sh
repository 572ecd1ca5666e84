#!/bin/sh
# limits.test.sh - --max-doc-size (files and standard input; an oversized document is skipped,
# the others kept), running out of memory under `ulimit -v` (status 4 and a message, never
# a signal, no file left behind), and a 10 MB document with 100,000 person names.
cd "$(dirname "$0")/.." || exit 2
: "${WHOMET:=./whomet}"
DATA=${WHOMET_DATA:-$PWD}
[ -d "$DATA/gazetteers" ] || { echo "no gazetteers/ in $DATA"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { # check DESCRIPTION EXPECTED ACTUAL
    [ "$2" = "$3" ] || { echo "FAIL $1: expected $2, got $3"; fail=1; }
}

# --- --max-doc-size ---------------------------------------------------------------------
printf 'Frau Dr. Anna Beispiel traf Herrn Bernd Muster.\n' >"$tmp/small.txt"
head -c 3000 /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
"$WHOMET" -d "$DATA" --format jsonl --max-doc-size 2K "$tmp/small.txt" "$tmp/big.txt" >"$tmp/out" 2>"$tmp/err"
check "oversized file: exit status" 1 $?
check "oversized file: documents written" 1 "$(wc -l <"$tmp/out")"
grep -q "big.txt.*too large" "$tmp/err" || { echo "FAIL oversized file not named on stderr"; fail=1; }
"$WHOMET" -d "$DATA" --format jsonl --max-doc-size 2K <"$tmp/big.txt" >/dev/null 2>"$tmp/err"
check "oversized standard input: exit status" 1 $?
"$WHOMET" -d "$DATA" --format jsonl --max-doc-size 3000 "$tmp/big.txt" >/dev/null 2>&1
check "document at the limit: exit status" 0 $?
for bad in 0 -1 12Q 257M 1G 99999999999999999999; do
    "$WHOMET" -d "$DATA" --max-doc-size "$bad" "$tmp/small.txt" >/dev/null 2>&1
    check "--max-doc-size $bad: exit status" 2 $?
done
"$WHOMET" --help | grep -q "max-doc-size N.*default 32M" || { echo "FAIL --help does not give the 32M default"; fail=1; }

# --- out of memory ----------------------------------------------------------------------
# A 16 MB document needs several hundred MB; the limits leave room to load the data but
# not to process it. Sanitizer builds cannot run under ulimit -v at all: skip those.
python3 -c 'import sys; sys.stdout.write("Frau Dr. Anna Beispiel traf Herrn Bernd Muster in Berlin. " * 280000)' >"$tmp/huge.txt"
if (ulimit -v 1000000; "$WHOMET" --version) >/dev/null 2>&1; then
    oom=0
    for kb in 1000000 600000 400000 300000 250000 200000; do
        echo '{"old": true}' >"$tmp/result.json"
        (ulimit -v $kb; exec "$WHOMET" -d "$DATA" -o "$tmp/result.json" "$tmp/huge.txt" "$tmp/small.txt") 2>"$tmp/err" >/dev/null
        rc=$?
        case $rc in
        0) ;;
        3) grep -q "memory\|cannot" "$tmp/err" || { echo "FAIL ulimit -v $kb: status 3 without reason"; fail=1; } ;;
        4)
            oom=1
            grep -q "out of memory" "$tmp/err" || { echo "FAIL ulimit -v $kb: status 4 without message"; fail=1; }
            check "ulimit -v $kb: old output kept" '{"old": true}' "$(cat "$tmp/result.json")"
            ;;
        *) echo "FAIL ulimit -v $kb: exit status $rc"; sed 's/^/    /' "$tmp/err" | head -n 5; fail=1 ;;
        esac
        ls "$tmp"/result.json.tmp.* >/dev/null 2>&1 && { echo "FAIL ulimit -v $kb: temporary output left behind"; fail=1; }
    done
    [ $oom -eq 1 ] || { echo "FAIL no ulimit -v setting ran out of memory"; fail=1; }
else
    echo "note: $WHOMET cannot run under ulimit -v (sanitizer build); out-of-memory part skipped"
fi

# --- many entities ----------------------------------------------------------------------
python3 - "$tmp/names.txt" <<'PY'
import sys
given = ["Anna", "Bernd", "Carla", "Dieter", "Elke", "Fritz", "Gabi", "Hans", "Ina", "Jan"]
out = []
for i in range(100000):
    g, h = given[i % 10], given[(i // 10) % 10]
    out.append(f"Frau Dr. {g} Beispiel{i} traf Herrn {h} Muster{i} in Berlin.")
    if i % 8 == 7:
        out.append("\n\n")
text = " ".join(out)
open(sys.argv[1], "w", encoding="utf-8").write(text + "\n")
PY
"$WHOMET" -d "$DATA" -q -o "$tmp/names.json" "$tmp/names.txt" 2>"$tmp/err"
check "10 MB, 100,000 names: exit status" 0 $?
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/names.json" || { echo "FAIL 100,000 names: output is not JSON"; fail=1; }
exit $fail
