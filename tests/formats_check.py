#!/usr/bin/env python3
"""formats_check.py - reads one graph in every whomet --format with the standard library alone and
checks that each carries the same nodes and links with the same core attributes as the node-link
graph: ids, kinds, labels; link ids, ends, relation, title, date; counts of evidence, mentions, roles.

Usage: formats_check.py DIR   (DIR holds out.graph, out.cytoscape, out.graphml, out.gexf,
                               out.graphology, out.neo4j, out.dot, out.html)
Prints one line per format and exits 1 on the first difference."""
import json
import re
import sys
import xml.etree.ElementTree as ET

NODE_KEYS = ("kind", "label", "aliases_count", "mentions_count", "roles_count")
LINK_KEYS = ("source", "target", "relation", "title", "date", "evidence_count", "meetings_count")


def link_id(link):
    return "%s--%s--%s--%d" % (link["source"], link.get("relation", ""), link["target"], link.get("key", 0))


def with_counts(item):
    """Scalars as text, and every array's length as <key>_count, as the scalar formats carry them."""
    out = {}
    for k, v in item.items():
        if isinstance(v, list):
            out[k + "_count"] = str(len(v))
        elif v is not None and not isinstance(v, dict):
            out[k] = text(v)
    return out


def text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def core(attrs, keys):
    return {k: text(attrs[k]) for k in keys if k in attrs and attrs[k] is not None}


def expected(graph):
    nodes = {n["id"]: core(with_counts(n), NODE_KEYS) for n in graph["nodes"]}
    links = {link_id(l): core(with_counts(l), LINK_KEYS) for l in graph["links"]}
    return nodes, links


def from_cytoscape(doc):
    els = doc["elements"]
    nodes = {e["data"]["id"]: core(e["data"], NODE_KEYS) for e in els["nodes"]}
    links = {e["data"]["id"]: core(e["data"], LINK_KEYS) for e in els["edges"]}
    return nodes, links


def from_graphology(doc):
    assert doc["options"]["type"] == "undirected" and doc["options"]["multi"] is True
    nodes = {n["key"]: core(n["attributes"], NODE_KEYS) for n in doc["nodes"]}
    links = {}
    for e in doc["edges"]:
        attrs = dict(e["attributes"], source=e["source"], target=e["target"])
        links[e["key"]] = core(attrs, LINK_KEYS)
    return nodes, links


def from_neo4j(lines):
    nodes, links = {}, {}
    labels = {}
    for line in lines.split("\n"):
        if not line:
            continue
        rec = json.loads(line)
        if rec["type"] == "node":
            assert rec["labels"] == [rec["properties"]["kind"].capitalize()], rec["labels"]
            nodes[rec["id"]] = core(rec["properties"], NODE_KEYS)
            labels[rec["id"]] = rec["labels"]
        else:
            assert rec["type"] == "relationship"
            props = rec["properties"]
            assert rec["label"] == props["relation"].upper(), rec["label"]
            for end in ("start", "end"):
                assert rec[end]["labels"] == labels[rec[end]["id"]], rec
            attrs = dict(props, source=rec["start"]["id"], target=rec["end"]["id"])
            links[rec["id"]] = core(attrs, LINK_KEYS)
    return nodes, links


def from_graphml(data):
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(data)
    keys = {k.get("id"): k.get("attr.name") for k in root.findall("g:key", ns)}
    g = root.find("g:graph", ns)
    assert g.get("edgedefault") == "undirected"

    def attrs(e):
        return {keys[d.get("key")]: d.text or "" for d in e.findall("g:data", ns)}

    nodes = {n.get("id"): core(attrs(n), NODE_KEYS) for n in g.findall("g:node", ns)}
    links = {}
    for e in g.findall("g:edge", ns):
        links[e.get("id")] = core(dict(attrs(e), source=e.get("source"), target=e.get("target")), LINK_KEYS)
    return nodes, links


def from_gexf(data):
    ns = {"x": "http://gexf.net/1.3"}
    root = ET.fromstring(data)
    g = root.find("x:graph", ns)
    titles = {}
    for decl in g.findall("x:attributes", ns):
        titles[decl.get("class")] = {a.get("id"): a.get("title") for a in decl.findall("x:attribute", ns)}

    def attrs(e, cls):
        return {titles[cls][v.get("for")]: v.get("value") for v in e.findall("x:attvalues/x:attvalue", ns)}

    nodes = {}
    for n in g.findall("x:nodes/x:node", ns):
        nodes[n.get("id")] = core(dict(attrs(n, "node"), label=n.get("label")), NODE_KEYS)
    links = {}
    for e in g.findall("x:edges/x:edge", ns):
        links[e.get("id")] = core(dict(attrs(e, "edge"), source=e.get("source"), target=e.get("target")), LINK_KEYS)
    return nodes, links


DOT_TOKEN = re.compile(r'\s*(?:"((?:[^"\\]|\\.)*)"|(--|[\[\]{};,=])|([A-Za-z_][A-Za-z_0-9]*))', re.S)


def dot_unquote(s):
    """Graphviz keeps backslashes in quoted strings except before a quote; labels then read \\\\ as
    one backslash and \\n as a line break. Undo the writer's escaping the way a label reads it."""
    return re.sub(r'\\(.)', lambda m: {"n": "\n"}.get(m.group(1), m.group(1)), s, flags=re.S)


def from_dot(data):
    tokens = []
    pos = 0
    data = data.rstrip()
    while pos < len(data):
        m = DOT_TOKEN.match(data, pos)
        assert m, "cannot read DOT at %r" % data[pos:pos + 40]
        tokens.append(("q", dot_unquote(m.group(1))) if m.group(1) is not None else ("p", m.group(2) or m.group(3)))
        pos = m.end()
    assert tokens[0] == ("p", "graph") and tokens[2] == ("p", "{") and tokens[-1] == ("p", "}"), "not an undirected graph"
    nodes, links = {}, {}
    i = 3
    while i < len(tokens) - 1:
        kind, value = tokens[i]
        if kind == "p" and value in ("graph", "node", "edge"):  # default attributes
            while tokens[i] != ("p", ";"):
                i += 1
            i += 1
            continue
        assert kind == "q", "unexpected %r" % (tokens[i],)
        ends = [value]
        i += 1
        while tokens[i] == ("p", "--"):
            ends.append(tokens[i + 1][1])
            i += 2
        attrs = {}
        if tokens[i] == ("p", "["):
            i += 1
            while tokens[i] != ("p", "]"):
                if tokens[i] == ("p", ","):
                    i += 1
                    continue
                assert tokens[i + 1] == ("p", "=")
                attrs[tokens[i][1]] = tokens[i + 2][1]
                i += 3
            i += 1
        assert tokens[i] == ("p", ";")
        i += 1
        if len(ends) == 1:
            assert attrs["id"] == value
            nodes[value] = core(attrs, NODE_KEYS)
        else:
            links[attrs["id"]] = core(dict(attrs, source=ends[0], target=ends[1]), LINK_KEYS)
    return nodes, links


def from_html(data):
    m = re.search(r'<script type="application/json" id="whomet-data">(.*?)</script>', data, re.S)
    assert m, "no data block"
    block = m.group(1)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in block, "unescaped %r in the data block" % bad
    return expected(json.loads(block)["graph"])


READERS = {
    "cytoscape": lambda s: from_cytoscape(json.loads(s)),
    "graphology": lambda s: from_graphology(json.loads(s)),
    "neo4j": from_neo4j,
    "graphml": from_graphml,
    "gexf": from_gexf,
    "dot": from_dot,
    "html": from_html,
}


def main():
    folder = sys.argv[1]
    graph = json.load(open(folder + "/out.graph", encoding="utf-8"))
    want_nodes, want_links = expected(graph)
    assert len(want_links) == len(graph["links"]), "link ids are not unique"
    failed = False
    for name, read in READERS.items():
        nodes, links = read(open(folder + "/out." + name, encoding="utf-8").read())
        problems = []
        if set(nodes) != set(want_nodes):
            problems.append("node ids differ: %s" % sorted(set(nodes) ^ set(want_nodes))[:5])
        if set(links) != set(want_links):
            problems.append("link ids differ: %s" % sorted(set(links) ^ set(want_links))[:5])
        for nid in set(nodes) & set(want_nodes):
            if nodes[nid] != want_nodes[nid]:
                problems.append("node %s: %s != %s" % (nid, nodes[nid], want_nodes[nid]))
        for lid in set(links) & set(want_links):
            if links[lid] != want_links[lid]:
                problems.append("link %s: %s != %s" % (lid, links[lid], want_links[lid]))
        print("%-10s %d nodes %d links %s" % (name, len(nodes), len(links), "ok" if not problems else "DIFFERS"))
        for p in problems[:10]:
            print("    " + p)
        failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
