#!/bin/sh
# determinism.test.sh - the same input gives byte-identical output, and any order of the input
# files or number of threads gives the same graph (node ids, nodes, links) and jsonl lines.
. tests/lib.sh

inputs=$(ls samples/*.txt ../shared/corpus/dev/*.txt 2>/dev/null)
reversed=$(printf '%s\n' $inputs | sort -r)
# every file but the first, then the first: an order that is neither sorted nor reversed
rotated="$(printf '%s\n' $inputs | sed 1d) $(printf '%s\n' $inputs | sed -n 1p)"

# shellcheck disable=SC2086
whomet -o "$tmp/g1.json" $inputs
whomet -o "$tmp/g2.json" $inputs
whomet -o "$tmp/g3.json" $reversed
whomet -o "$tmp/g4.json" $rotated
whomet --format jsonl -o "$tmp/a1.jsonl" $inputs
whomet --format jsonl -o "$tmp/a2.jsonl" $inputs
whomet --format jsonl -o "$tmp/a3.jsonl" $reversed
whomet -j 1 -o "$tmp/g5.json" $inputs
whomet -j 3 --format jsonl -o "$tmp/a5.jsonl" $reversed
cmp -s "$tmp/g1.json" "$tmp/g5.json" && ok "graph: one thread or several, same bytes" ||
    not_ok "graph: one thread or several, same bytes"
cmp -s "$tmp/a3.jsonl" "$tmp/a5.jsonl" && ok "jsonl: one thread or several, same bytes" ||
    not_ok "jsonl: one thread or several, same bytes"
cmp -s "$tmp/g1.json" "$tmp/g2.json" && ok "graph: same input, same bytes" || not_ok "graph: same input, same bytes"
cmp -s "$tmp/a1.jsonl" "$tmp/a2.jsonl" && ok "jsonl: same input, same bytes" || not_ok "jsonl: same input, same bytes"
cmp -s "$tmp/g1.json" "$tmp/g3.json" && ok "graph: reversed input order, same bytes" ||
    { not_ok "graph: reversed input order, same bytes"; diff -u "$tmp/g1.json" "$tmp/g3.json" | head -n 30; }
cmp -s "$tmp/g1.json" "$tmp/g4.json" && ok "graph: rotated input order, same bytes" ||
    not_ok "graph: rotated input order, same bytes"
sort "$tmp/a1.jsonl" >"$tmp/s1"
sort "$tmp/a3.jsonl" >"$tmp/s3"
cmp -s "$tmp/s1" "$tmp/s3" && ok "jsonl: reversed input order, same lines" || not_ok "jsonl: reversed input order, same lines"
[ "$(wc -l <"$tmp/a1.jsonl")" -eq "$(printf '%s\n' $inputs | wc -l)" ] && ok "jsonl: one line per input" ||
    not_ok "jsonl: one line per input"
finish
