#!/bin/sh
# dates.test.sh - the dates stage end to end: --dct anchoring and the jsonl date fields on a
# small text, then dates F1 and value accuracy >= 0.95 on samples/ (tests/gold) and, when
# ../shared is there, on the dev corpus.
: "${WHOMET:=./whomet}"
: "${WHOMET_DATA:=.}"
export WHOMET_DATA
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

printf 'Berlin, 18. Mai 2024 – Am Dienstag traf sie ihn. Er ist seit Januar 2013 im Amt.\n' >"$tmp/doc.txt"
$WHOMET --format jsonl "$tmp/doc.txt" >"$tmp/a.jsonl" || { echo "whomet failed"; exit 1; }
$WHOMET --format jsonl --dct 2024-06-20 "$tmp/doc.txt" >"$tmp/b.jsonl" || { echo "whomet --dct failed"; exit 1; }
python3 - "$tmp/a.jsonl" "$tmp/b.jsonl" <<'PY' || exit 1
import json, sys
a = json.loads(open(sys.argv[1]).readline())
b = json.loads(open(sys.argv[2]).readline())
da = {e["text"]: e for e in a["entities"] if e["type"] == "date"}
db = {e["text"]: e for e in b["entities"] if e["type"] == "date"}
checks = [
    (a.get("reference_date"), "2024-05-18"), (a.get("reference_anchor"), "dateline"),
    (da["Dienstag"]["value"], "2024-05-14"), (da["Dienstag"]["anchor"], "dateline"),
    (da["18. Mai 2024"]["anchor"], "explicit"), (da["seit Januar 2013"]["kind"], "since"),
    (db["Dienstag"]["value"], "2024-06-18"), (db["Dienstag"]["anchor"], "dct"),
    (b.get("reference_anchor"), "dct"),
]
bad = [(got, want) for got, want in checks if got != want]
if bad:
    print("unexpected:", bad)
    sys.exit(1)
PY

score() { # name gold-dir files...
    name=$1 gold=$2; shift 2
    $WHOMET "$@" >"$tmp/g.json" && $WHOMET --format jsonl "$@" >"$tmp/x.jsonl" || { echo "whomet failed on $name"; exit 1; }
    python3 ../shared/tools/score.py --gold "$gold" --graph "$tmp/g.json" --jsonl "$tmp/x.jsonl" --json >"$tmp/s.json" || exit 1
    python3 - "$name" "$tmp/s.json" <<'PY' || exit 1
import json, sys
s = json.load(open(sys.argv[2]))
f1, acc = s["dates"]["f1"], s["date_value_accuracy"]
print(f"{sys.argv[1]}: dates F1 {f1}, value accuracy {acc}")
sys.exit(0 if f1 >= 0.95 and acc is not None and acc >= 0.95 else 1)
PY
}
if [ ! -f ../shared/tools/score.py ]; then
    echo "no ../shared/tools/score.py: scores not measured"
    exit 77
fi
score samples tests/gold samples/*.txt
score dev ../shared/corpus/dev/gold ../shared/corpus/dev/*.txt
