#!/bin/sh
# formats.test.sh - every graph format carries the same nodes and links with the same ids, kinds,
# labels, relations, titles, dates and evidence/mention/role counts as the node-link graph
# (tests/formats_check.py reads each with Python's standard library). Inputs: a run over the
# samples, the dev corpus when ../shared is there, and a hostile document; and a merge of the
# hand-written graphs under tests/data/graphs.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
command -v python3 >/dev/null || { echo "python3 is missing (make deps installs it)"; exit 77; }
formats="graph cytoscape graphml gexf graphology neo4j dot html"

inputs="samples/*.txt tests/data/html/000_xss.txt"
[ -d ../shared/corpus/dev ] && inputs="$inputs ../shared/corpus/dev/*.txt"
mkdir "$tmp/run" "$tmp/merge"
for f in $formats; do
    # shellcheck disable=SC2086
    whomet -q --format "$f" -o "$tmp/run/out.$f" $inputs || { echo "whomet --format $f failed"; exit 1; }
    whomet merge -q --format "$f" -o "$tmp/merge/out.$f" tests/data/graphs/*.json || { echo "whomet merge --format $f failed"; exit 1; }
done
echo "run over: $inputs"
python3 tests/formats_check.py "$tmp/run" || exit 1
echo "merge of tests/data/graphs:"
python3 tests/formats_check.py "$tmp/merge" || exit 1
# the check itself must notice a difference: drop one node from a copy
python3 - "$tmp/merge" <<'PY' || exit 1
import json, sys
d = sys.argv[1]
g = json.load(open(d + "/out.cytoscape"))
g["elements"]["nodes"].pop()
json.dump(g, open(d + "/out.cytoscape", "w"))
PY
if python3 tests/formats_check.py "$tmp/merge" >/dev/null; then echo "formats_check.py missed a dropped node"; exit 1; fi
echo "a dropped node is noticed"
