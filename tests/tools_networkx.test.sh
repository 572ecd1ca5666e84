#!/bin/sh
# tools_networkx.test.sh - networkx reads the graph (node_link_graph), GraphML (read_graphml) and
# GEXF (read_gexf) outputs with the graph's node ids and edge count, and typed attributes.
cd "$(dirname "$0")/.." || exit 2
. tests/lib.sh
python3 -c "import networkx" 2>/dev/null || { echo "networkx is missing for python3 (make test-deps installs python3-networkx)"; exit 77; }
inputs="samples/*.txt tests/data/html/000_xss.txt"
[ -d ../shared/corpus/dev ] && inputs="$inputs ../shared/corpus/dev/*.txt"
for f in graph graphml gexf; do
    # shellcheck disable=SC2086
    whomet -q --format $f -o "$tmp/run.$f" $inputs || { echo "whomet --format $f failed"; exit 1; }
    whomet merge -q --format $f -o "$tmp/fixture.$f" tests/data/graphs/*.json || { echo "merge --format $f failed"; exit 1; }
done
python3 - "$tmp" <<'PY'
import json, sys
import networkx as nx
from networkx.readwrite import json_graph

def node_link(data):
    try:
        return json_graph.node_link_graph(data, edges="links")
    except TypeError:  # networkx before 3.4 reads "links" by default
        return json_graph.node_link_graph(data)

failed = False
for name in ("run", "fixture"):
    path = sys.argv[1] + "/" + name
    data = json.load(open(path + ".graph", encoding="utf-8"))
    want_nodes, want_edges = {n["id"] for n in data["nodes"]}, len(data["links"])
    readers = {"graph": lambda: node_link(data), "graphml": lambda: nx.read_graphml(path + ".graphml"),
               "gexf": lambda: nx.read_gexf(path + ".gexf")}
    for fmt, read in readers.items():
        G = read()
        ok = set(G.nodes) == want_nodes and G.number_of_edges() == want_edges
        for n in data["nodes"]:
            attrs = G.nodes[n["id"]]
            ok &= attrs.get("kind") == n["kind"] and attrs.get("label") == n["label"]
            if fmt != "graph":
                ok &= attrs.get("mentions_count") == len(n["mentions"])
        print("%-7s %-7s %4d nodes %4d edges (want %d, %d) %s" % (name, fmt, G.number_of_nodes(), G.number_of_edges(),
              len(want_nodes), want_edges, "ok" if ok else "DIFFERS"))
        failed |= not ok
    if not data["nodes"]:
        print("note: the run found no entities, so only the hand-written graph has nodes")
sys.exit(1 if failed else 0)
PY
