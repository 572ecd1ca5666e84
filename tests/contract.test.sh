#!/bin/sh
# contract.test.sh - the output contract (../shared/spec/OUTPUT.md): ../shared/tools/validate.py
# on the graph and jsonl output for samples/ and ../shared/corpus/dev/*.txt, plus the same
# offset check (text[start:end] == text) for every segment that --explain lists.
. tests/lib.sh

validate=../shared/tools/validate.py
if [ ! -f "$validate" ]; then
    echo "skipped: ../shared (with tools/validate.py) is not beside the project"
    exit 77
fi

check_segments() {
    python3 - "$1" <<'PY'
import json, sys
problems = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    text = open(d["source"], encoding="utf-8").read()
    if d["chars"] != len(text):
        print(f'{d["doc"]}: chars {d["chars"]}, the file has {len(text)}')
        problems += 1
    last = 0
    for s in d["segments"]:
        if text[s["start"]:s["end"]] != s["text"] or s["start"] < last:
            print(f'{d["doc"]}: segment {s["start"]}..{s["end"]} is {text[s["start"]:s["end"]]!r}, not {s["text"]!r}')
            problems += 1
        last = s["end"]
print(f"{problems} problems")
sys.exit(1 if problems else 0)
PY
}

# documents whose normalization moves offsets: BOM, CR LF, a character outside the BMP,
# decomposed umlauts, soft hyphens, hyphenation across a line break, quotes, an ellipsis
mkdir -p "$tmp/tricky"
printf '\357\273\277\360\237\230\200 Delegation aus Ghana\r\n\r\nDie Staatssekret\303\244rin Dr.\302\240Anna Mu\314\210ller hat die\r\nErst\302\255aufnahme besucht \342\200\223 \342\200\236gut\342\200\234\342\200\246 Die Integra-\r\ntion z. B. von \360\235\220\200 Fachkr\303\244ften.\r\nFoto: BMAS/Lutz\r\n' >"$tmp/tricky/a.txt"
printf 'Titel\n\n\n\t\342\200\242 eins,\n\342\200\242 zwei\f\nDr. Abruev traf S.E. Botschafter Nowak am 31. M\303\244rz.   Ende.\n' >"$tmp/tricky/b.txt"

for set in samples ../shared/corpus/dev "$tmp/tricky"; do
    ls "$set"/*.txt >/dev/null 2>&1 || continue
    whomet -o "$tmp/g.json" "$set"/*.txt 2>"$tmp/err"
    expect_status 0 $? "graph for $set"
    whomet --format jsonl -o "$tmp/a.jsonl" "$set"/*.txt 2>"$tmp/err"
    expect_status 0 $? "jsonl for $set"
    if python3 "$validate" --graph "$tmp/g.json" --jsonl "$tmp/a.jsonl" >"$tmp/report"; then
        ok "validate.py: $set: $(tail -n 1 "$tmp/report")"
    else
        not_ok "validate.py: $set:"
        sed 's/^/     | /' "$tmp/report"
    fi
    whomet --format jsonl --explain -o "$tmp/x.jsonl" "$set"/*.txt
    if check_segments "$tmp/x.jsonl" >"$tmp/report"; then
        ok "segment offsets: $set: $(tail -n 1 "$tmp/report")"
    else
        not_ok "segment offsets: $set:"
        sed 's/^/     | /' "$tmp/report" | head -n 20
    fi
done
finish
