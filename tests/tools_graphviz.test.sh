#!/bin/sh
# tools_graphviz.test.sh - Graphviz renders the dot output to SVG without a warning, with one
# node group per graph node (its id as the SVG id) and one edge group per link.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
command -v python3 >/dev/null || { echo "python3 is missing (make deps installs it)"; exit 77; }
command -v dot >/dev/null || { echo "Graphviz dot is missing (make test-deps installs graphviz)"; exit 77; }
inputs="samples/*.txt tests/data/html/000_xss.txt"
[ -d ../shared/corpus/dev ] && inputs="$inputs ../shared/corpus/dev/*.txt"
# shellcheck disable=SC2086
whomet -q -o "$tmp/run.graph" $inputs && whomet -q --format dot -o "$tmp/run.dot" $inputs &&
    whomet merge -q -o "$tmp/fixture.graph" tests/data/graphs/*.json &&
    whomet merge -q --format dot -o "$tmp/fixture.dot" tests/data/graphs/*.json || { echo "whomet failed"; exit 1; }
for name in run fixture; do
    dot -Tsvg -o "$tmp/$name.svg" "$tmp/$name.dot" 2>"$tmp/$name.err" || { echo "dot failed on $name:"; cat "$tmp/$name.err"; exit 1; }
    [ -s "$tmp/$name.err" ] && { echo "dot warned on $name:"; cat "$tmp/$name.err"; exit 1; }
    nodes=$(grep -c 'class="node"' "$tmp/$name.svg")
    edges=$(grep -c 'class="edge"' "$tmp/$name.svg")
    want_nodes=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$tmp/$name.graph")
    want_edges=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["links"]))' "$tmp/$name.graph")
    echo "$name: svg has $nodes nodes and $edges edges (graph: $want_nodes, $want_edges)"
    [ "$nodes" -eq "$want_nodes" ] && [ "$edges" -eq "$want_edges" ] || exit 1
    python3 - "$tmp/$name.graph" "$tmp/$name.svg" <<'PY' || exit 1
import json, sys, xml.etree.ElementTree as ET
ids = {n["id"] for n in json.load(open(sys.argv[1], encoding="utf-8"))["nodes"]}
svg = ET.parse(sys.argv[2]).getroot()
drawn = {g.get("id") for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"}
assert drawn == ids, "svg node ids differ: %s" % sorted(drawn ^ ids)[:5]
PY
done
