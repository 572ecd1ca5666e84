#!/bin/sh
# hostile_input.test.sh - adversarial documents through the whole pipeline: runs of
# capitalised words, dots, hyphens and titles, 100,000-character words, deep nesting,
# endless combining marks and lines. Every run must finish with status 0 and valid output.
# (Runs the binary directly: these inputs are too large for valgrind; one short one runs
# under $RUNNER.)
. tests/lib.sh

python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
def w(name, text):
    open(f"{d}/{name}.txt", "w", encoding="utf-8").write(text)
names = ["Anna", "Bernd", "Carla", "Dieter", "Elke", "Fritz", "Gabi", "Hans"]
w("caps_run", " ".join(names[i % 8] for i in range(200000)) + "\n")
w("caps_sentence", "Am Montag traf " + " ".join(f"{names[i % 8]}-{names[(i + 3) % 8]}" for i in range(50000)) + " den Minister.\n")
w("dots", "." * 100000 + "\n" + ". " * 50000 + "\n" + "Dr." * 30000 + "\n")
w("titles", "Frau " + "Dr. " * 50000 + "Anna Beispiel traf Herrn " + "Prof. Dr. h. c. mult. " * 10000 + "Bernd Muster.\n")
w("hyphens", "-" * 100000 + "\n" + "Müller-" * 30000 + "Lüdenscheidt\n" + "- " * 50000 + "\n" + "Ab-\n" * 20000)
w("long_words", "a" * 100000 + " " + "B" * 100000 + " Minister" + "in" * 50000 + " " + "9" * 100000 + ".\n")
w("nesting", "(" * 50000 + "Anna Beispiel" + ")" * 50000 + "\n" + "\u201e" * 30000 + "Bernd" + "\u201c" * 30000 +
  "\n" + "[{(<" * 20000 + "\n" + '"' * 100000 + "\n")
w("combining", "A" + "\u0301" * 100000 + " traf " + "e\u0308" * 50000 + ".\n" + "\u00e9" * 50000 + "\n")
w("many_lines", "".join(f"{names[i % 8]} Beispiel\n" for i in range(100000)) + "\n\n" * 50000 + "\f" * 10000)
w("many_segments", "Dr. A. B. traf S. E. C. D. am 3. 4. 5. Mai. " * 20000 + "\n")
w("credits", "Foto: " * 30000 + "\n" + "\u00a9 " * 30000 + "\n")
w("no_spaces", ("Anna,Bernd;Carla." * 30000) + "\n")
PY
docs=$(ls "$tmp"/*.txt | wc -l)

"$WHOMET" -q -o "$tmp/out.json" "$tmp"/*.txt 2>"$tmp/err"
expect_status 0 $? "$docs hostile documents, graph"
python3 -c 'import json,sys; g=json.load(open(sys.argv[1])); assert len(g["graph"]["documents"]) == int(sys.argv[2])' \
    "$tmp/out.json" "$docs" && ok "graph has all $docs documents" || not_ok "graph output incomplete or not JSON"

"$WHOMET" -q --format jsonl --explain "$tmp"/*.txt >"$tmp/out.jsonl" 2>"$tmp/err"
expect_status 0 $? "$docs hostile documents, jsonl --explain"
python3 -c '
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == int(sys.argv[2])
for line in lines:
    json.loads(line)' "$tmp/out.jsonl" "$docs" && ok "jsonl has $docs JSON lines" || not_ok "jsonl output incomplete or not JSON"

# a short hostile document under the runner too (valgrind in `make valgrind`)
head -c 20000 "$tmp/titles.txt" >"$tmp/short.in"
whomet --format jsonl "$tmp/short.in" >/dev/null 2>"$tmp/err"
expect_status 0 $? "short run of titles under '${RUNNER:-no runner}'"
finish
