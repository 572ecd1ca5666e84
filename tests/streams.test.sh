#!/bin/sh
# streams.test.sh - many documents on standard input: form-feed separated text (--input ff)
# and JSON lines (--input jsonl) find the same entities and relations as the same texts given
# as files; --files-from reads the list of files; --stats prints its summary; and progress is
# never written when standard error is not a terminal.
. tests/lib.sh

inputs=$(ls samples/*.txt ../shared/corpus/dev/*.txt 2>/dev/null)
count=$(printf '%s\n' $inputs | wc -l)

# shellcheck disable=SC2086
whomet -f jsonl $inputs >"$tmp/files.jsonl"
for f in $inputs; do cat "$f"; printf '\f\n'; done >"$tmp/all.ff"
python3 - "$tmp/all.jsonl" $inputs <<'PY'
import json, os, sys
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        out.write(json.dumps({"id": os.path.splitext(os.path.basename(path))[0], "text": text}, ensure_ascii=False) + "\n")
PY

whomet -f jsonl --input ff <"$tmp/all.ff" >"$tmp/ff.jsonl"
expect_status 0 $? "--input ff from standard input"
whomet -f jsonl --input jsonl <"$tmp/all.jsonl" >"$tmp/jl.jsonl"
expect_status 0 $? "--input jsonl from standard input"
whomet -f jsonl --input jsonl "$tmp/all.jsonl" >"$tmp/jl2.jsonl"
expect_status 0 $? "--input jsonl from a file"

# entities and relations per document, without the fields that name the source
same_findings() {
    python3 - "$1" "$2" <<'PY'
import json, sys
def findings(path):
    with open(path, encoding="utf-8") as f:
        return [(d["entities"], d["relations"]) for d in map(json.loads, f)]
a, b = findings(sys.argv[1]), findings(sys.argv[2])
sys.exit(0 if a == b and len(a) > 0 and any(e for e, _ in a) else 1)
PY
}
same_findings "$tmp/files.jsonl" "$tmp/ff.jsonl" && ok "ff stream: the same entities and relations as the files" ||
    not_ok "ff stream: the same entities and relations as the files"
same_findings "$tmp/files.jsonl" "$tmp/jl.jsonl" && ok "jsonl stream: the same entities and relations as the files" ||
    not_ok "jsonl stream: the same entities and relations as the files"
cut -d, -f2 "$tmp/jl.jsonl" | sort >"$tmp/ids.jl"
cut -d, -f2 "$tmp/files.jsonl" | sort >"$tmp/ids.files"
cmp -s "$tmp/ids.jl" "$tmp/ids.files" && ok "jsonl stream: documents keep the ids of the lines" ||
    not_ok "jsonl stream: documents keep the ids of the lines"
expect_grep '"doc":"stdin-1",' "$tmp/ff.jsonl" "ff stream: ids stdin-1, stdin-2, ..."
expect_grep "\"doc\":\"stdin-$count\"," "$tmp/ff.jsonl" "ff stream: the last document is stdin-$count"
expect_grep '"source":"-:1"' "$tmp/ff.jsonl" "ff stream: the source names the line a document starts on"
whomet --input ff <"$tmp/all.ff" >"$tmp/ff.graph" && whomet --input ff -j 1 <"$tmp/all.ff" >"$tmp/ff1.graph"
cmp -s "$tmp/ff.graph" "$tmp/ff1.graph" && ok "ff stream: the graph does not depend on the threads" ||
    not_ok "ff stream: the graph does not depend on the threads"

# a stream with problems: blank pieces are passed over, a bad line or a too large document is
# reported and skipped, the rest goes on
printf 'Erster Text.\f\n \n\fZweiter Text, etwas l\303\244nger als der erste.\f\f' >"$tmp/odd.ff"
whomet -f jsonl --input ff --max-doc-size 20 <"$tmp/odd.ff" >"$tmp/odd.out" 2>"$tmp/odd.err"
expect_status 1 $? "ff: a document over --max-doc-size is skipped"
expect_lines 1 "$tmp/odd.out" "ff: the other document is processed"
expect_grep '^whomet: skipped -:3: document too large' "$tmp/odd.err" "ff: the skipped document is named by line"
expect_grep '"doc":"stdin-1"' "$tmp/odd.out" "ff: blank pieces do not count as documents"
printf '{"id": "a", "text": "Ein Text."}\n\nkein JSON\n{"id": "a", "text": "Noch einer."}\n{"text": "Ohne Kennung."}\n[1]\n' >"$tmp/odd.jsonl"
whomet -f jsonl --input jsonl --stats <"$tmp/odd.jsonl" >"$tmp/oddj.out" 2>"$tmp/oddj.err"
expect_status 1 $? "jsonl: bad lines are skipped"
expect_lines 2 "$tmp/oddj.out" "jsonl: the good lines are processed"
expect_grep '^whomet: skipped -:3: invalid JSON' "$tmp/oddj.err" "jsonl: a line that is no JSON is named"
expect_grep '^whomet: skipped -:4: duplicate document id' "$tmp/oddj.err" "jsonl: a repeated id is named"
expect_grep '^whomet: skipped -:6: not a JSON object' "$tmp/oddj.err" "jsonl: a line without text is named"
expect_grep '"doc":"stdin-4"' "$tmp/oddj.out" "jsonl: a line without id gets NAME-N"
expect_grep '^whomet: skipped 3 documents: 1 invalid JSON, 1 duplicate document id, 1 not a JSON object' "$tmp/oddj.err" \
    "--stats: skipped documents by reason"

# --files-from, from a file and from standard input
printf '%s\n' $inputs >"$tmp/list"
whomet -f jsonl --files-from "$tmp/list" >"$tmp/list.jsonl"
cmp -s "$tmp/files.jsonl" "$tmp/list.jsonl" && ok "--files-from: the same output as the operands" ||
    not_ok "--files-from: the same output as the operands"
whomet -f jsonl --files-from - <"$tmp/list" >"$tmp/list2.jsonl"
cmp -s "$tmp/files.jsonl" "$tmp/list2.jsonl" && ok "--files-from -: the list on standard input" ||
    not_ok "--files-from -: the list on standard input"
whomet --files-from - - <"$tmp/list" >/dev/null 2>"$tmp/err"
expect_status 2 $? "standard input cannot be the list and a document"
whomet --files-from "$tmp/no-such-list" >/dev/null 2>"$tmp/err"
expect_status 2 $? "a missing list is a usage error"
whomet --input xml samples/01_*.txt >/dev/null 2>"$tmp/err"
expect_status 2 $? "an unknown --input mode is a usage error"

# --stats and progress
# shellcheck disable=SC2086
whomet --stats -q $inputs >/dev/null 2>"$tmp/stats"
expect_grep "^whomet: $count documents, [0-9.]+ MB in [0-9.]+ s: [0-9.]+ MB/s, [0-9]+ documents/s, [0-9]+ jobs?; start-up [0-9]+ ms$" \
    "$tmp/stats" "--stats: documents, MB, time, MB/s, start-up"
expect_grep '^whomet: entities: [0-9]+ person, [0-9]+ organization, [0-9]+ location, [0-9]+ role, [0-9]+ date' "$tmp/stats" \
    "--stats: entities by type"
expect_grep '^whomet: relations: [0-9]+ met' "$tmp/stats" "--stats: relations by kind"
expect_grep '^whomet: skipped 0 documents$' "$tmp/stats" "--stats: skipped documents"
expect_grep '^whomet: time by part \(of [0-9.]+ s on all threads\): read [0-9]+%, decode [0-9]+%, normalize [0-9]+%, segment' \
    "$tmp/stats" "--stats: time by stage"
if grep -q '^date' rules/dates.rules; then
    expect_grep '^whomet: slowest rules \(share of that time\): [a-z]' "$tmp/stats" "--stats: the slowest rules"
fi
# shellcheck disable=SC2086
whomet $inputs >/dev/null 2>"$tmp/quiet"
[ ! -s "$tmp/quiet" ] && ok "no progress when stderr is not a terminal" || not_ok "no progress when stderr is not a terminal"
finish
