#!/bin/sh
# tools_cytoscape.test.sh - Cytoscape.js (npm cytoscape) loads the cytoscape output and graphology
# (npm graphology, what sigma.js and Gephi Lite use) the graphology output, in node, with the
# graph's node ids and edge ids and ends (tests/tools/cytoscape_load.js).
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
deps=.test-deps/node_modules
command -v node >/dev/null || { echo "node is missing (make test-deps installs nodejs)"; exit 77; }
[ -d $deps/cytoscape ] && [ -d $deps/graphology ] || { echo "npm cytoscape/graphology are missing (run make test-deps)"; exit 77; }
inputs="samples/*.txt tests/data/html/000_xss.txt"
[ -d ../shared/corpus/dev ] && inputs="$inputs ../shared/corpus/dev/*.txt"
for f in graph cytoscape graphology; do
    # shellcheck disable=SC2086
    whomet -q --format $f -o "$tmp/run.$f" $inputs || { echo "whomet --format $f failed"; exit 1; }
    whomet merge -q --format $f -o "$tmp/fixture.$f" tests/data/graphs/*.json || { echo "merge --format $f failed"; exit 1; }
done
for name in run fixture; do
    printf '%s: ' $name
    NODE_PATH=$deps node tests/tools/cytoscape_load.js "$tmp/$name.graph" "$tmp/$name.cytoscape" "$tmp/$name.graphology" || exit 1
done
