#!/bin/sh
# merge.test.sh - `whomet merge` gives byte for byte what one run over all the inputs gives, in
# any order and grouping; merging a graph with itself changes nothing (evidence deduplicated);
# every input's evidence is kept; a broken input is reported and left out; jsonl is refused.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
w() { whomet -q "$@"; }

# three groups of documents (the dev corpus joins the last when ../shared is there)
set -- samples/*.txt
[ $# -ge 3 ] || { echo "samples/ has fewer than 3 texts"; exit 77; }
third=$(( $# / 3 ))
A="" B="" C="tests/data/html/000_xss.txt"
i=0
for f in "$@"; do
    if [ $i -lt $third ]; then A="$A $f"; elif [ $i -lt $((2 * third)) ]; then B="$B $f"; else C="$C $f"; fi
    i=$((i + 1))
done
[ -d ../shared/corpus/dev ] && C="$C $(echo ../shared/corpus/dev/*.txt)"

# shellcheck disable=SC2086
{ w -o "$tmp/a.json" $A && w -o "$tmp/b.json" $B && w -o "$tmp/c.json" $C && w -o "$tmp/abc.json" $A $B $C &&
  w -o "$tmp/ab.json" $A $B; } || fail "a run failed"

w merge -o "$tmp/m_ab.json" "$tmp/a.json" "$tmp/b.json" || fail "merge a b"
cmp -s "$tmp/m_ab.json" "$tmp/ab.json" || fail "merge(run(A), run(B)) differs from run(A+B)"
w merge -o "$tmp/m_ba.json" "$tmp/b.json" "$tmp/a.json" || fail "merge b a"
cmp -s "$tmp/m_ba.json" "$tmp/ab.json" || fail "merge is not order-independent"
w merge -o "$tmp/m_abc.json" "$tmp/c.json" "$tmp/a.json" "$tmp/b.json" || fail "merge c a b"
cmp -s "$tmp/m_abc.json" "$tmp/abc.json" || fail "merge(run(C), run(A), run(B)) differs from run(A+B+C)"
w merge -o "$tmp/m_bc.json" "$tmp/b.json" "$tmp/c.json" && w merge -o "$tmp/m_a_bc.json" "$tmp/a.json" "$tmp/m_bc.json" ||
    fail "nested merge"
cmp -s "$tmp/m_a_bc.json" "$tmp/abc.json" || fail "merge(A, merge(B, C)) differs from run(A+B+C): not associative"
w merge -o "$tmp/m_ab_c.json" "$tmp/m_ab.json" "$tmp/c.json" || fail "nested merge"
cmp -s "$tmp/m_ab_c.json" "$tmp/abc.json" || fail "merge(merge(A, B), C) differs from run(A+B+C): not associative"
w merge -o "$tmp/m_self.json" "$tmp/abc.json" "$tmp/abc.json" "$tmp/a.json" || fail "merge with itself"
cmp -s "$tmp/m_self.json" "$tmp/abc.json" || fail "merging a graph with itself or a part of it changed it"
echo "run of $(echo $A $B $C | wc -w) documents: merge equals one run, in any order and grouping"

# the hand-written graphs overlap: merged in either order, the same; their evidence all kept, once
g=tests/data/graphs
w merge -o "$tmp/f_ab.json" $g/a.graph.json $g/b.graph.json && w merge -o "$tmp/f_ba.json" $g/b.graph.json $g/a.graph.json ||
    fail "merge of the hand-written graphs"
cmp -s "$tmp/f_ab.json" "$tmp/f_ba.json" || fail "hand-written graphs: merge is not order-independent"
w merge -o "$tmp/f_aba.json" "$tmp/f_ab.json" $g/a.graph.json || fail "merge again"
cmp -s "$tmp/f_aba.json" "$tmp/f_ab.json" || fail "hand-written graphs: merging a part again changed the result"
if command -v python3 >/dev/null; then
    python3 - "$tmp/f_ab.json" $g/a.graph.json $g/b.graph.json <<'PY' || fail "evidence lost or duplicated"
import json, sys
merged, *parts = [json.load(open(p, encoding="utf-8")) for p in sys.argv[1:]]
key = lambda l: (l["source"], l["target"], l["relation"], l.get("title"))
ev = lambda e: json.dumps(e, sort_keys=True)
have = {key(l): [ev(e) for e in l["evidence"]] for l in merged["links"]}
for g in parts:
    for l in g["links"]:
        missing = {ev(e) for e in l["evidence"]} - set(have[key(l)])
        assert not missing, "lost %s" % missing
for k, items in have.items():
    assert len(items) == len(set(items)), "duplicated evidence on %s" % (k,)
want = len({ev(e) for g in parts for l in g["links"] for e in l["evidence"]})
got = sum(len(v) for v in have.values())
assert got == want, "%d evidence items, want %d" % (got, want)
ids = {n["id"] for n in merged["nodes"]}
assert ids == {n["id"] for g in parts for n in g["nodes"]}
print("hand-written graphs: %d nodes, %d links, %d evidence passages kept once each" % (len(ids), len(have), got))
PY
fi

# standard input, other formats, bad input, per-document format
cat "$tmp/b.json" | w merge -o "$tmp/m_stdin.json" "$tmp/a.json" - || fail "merge from standard input"
cmp -s "$tmp/m_stdin.json" "$tmp/ab.json" || fail "merge from standard input differs"
w merge --format graphml -o "$tmp/m.graphml" "$tmp/a.json" "$tmp/b.json" || fail "merge --format graphml"
grep -q "<graphml" "$tmp/m.graphml" || fail "merge --format graphml wrote no GraphML"
printf '{"nodes": [], "links": [\n  {"source": 1}\n' >"$tmp/broken.json"
echo '{"nodes": "x"}' >"$tmp/notgraph.json"
whomet merge -o "$tmp/m_bad.json" "$tmp/a.json" "$tmp/broken.json" "$tmp/notgraph.json" "$tmp/b.json" 2>"$tmp/err"
[ $? -eq 1 ] || fail "a broken input should give exit status 1"
grep -q "broken.json:3:" "$tmp/err" || fail "the broken input's line is not reported: $(cat "$tmp/err")"
grep -q "notgraph.json" "$tmp/err" || fail "the input that is no graph is not reported"
cmp -s "$tmp/m_bad.json" "$tmp/ab.json" || fail "the good inputs were not merged as if alone"
whomet merge --format jsonl "$tmp/a.json" >/dev/null 2>&1
[ $? -eq 2 ] || fail "merge --format jsonl should be a usage error"
echo "standard input, graphml, broken inputs (reported, exit 1) and jsonl (exit 2) behave"
