// cytoscape_load.js - loads whomet's cytoscape and graphology outputs with the real libraries and
// checks them against the node-link graph: same node ids, same edge ids and ends.
// Usage: NODE_PATH=.test-deps/node_modules node cytoscape_load.js GRAPH.json CYTOSCAPE.json GRAPHOLOGY.json
'use strict';
const fs = require('fs');
const cytoscape = require('cytoscape');
const Graph = require('graphology');

const [graphFile, cyFile, graphologyFile] = process.argv.slice(2);
const graph = JSON.parse(fs.readFileSync(graphFile, 'utf8'));
const linkId = (l) => `${l.source}--${l.relation}--${l.target}--${l.key}`;
const wantNodes = graph.nodes.map((n) => n.id).sort();
const wantEdges = graph.links.map((l) => [linkId(l), l.source, l.target].join(' ')).sort();
const problems = [];
const same = (what, got, want) => {
  if (JSON.stringify(got) !== JSON.stringify(want)) problems.push(`${what}: got ${got.length}, want ${want.length}`);
};

const doc = JSON.parse(fs.readFileSync(cyFile, 'utf8'));
const cy = cytoscape({ headless: true, styleEnabled: false, elements: doc.elements });
same('cytoscape nodes', cy.nodes().map((n) => n.id()).sort(), wantNodes);
same('cytoscape edges', cy.edges().map((e) => [e.id(), e.source().id(), e.target().id()].join(' ')).sort(), wantEdges);
cy.nodes().forEach((n) => { if (!n.data('kind') || !n.data('label')) problems.push(`cytoscape node ${n.id()} lacks kind or label`); });
cy.edges().forEach((e) => {
  if (!e.data('relation') || typeof e.data('evidence_count') !== 'number') problems.push(`cytoscape edge ${e.id()} lacks relation or evidence_count`);
});
// The desktop's .cyjs reader takes the same document; json() must accept it whole as well.
const again = cytoscape({ headless: true, styleEnabled: false });
again.json(doc);
if (again.elements().length !== cy.elements().length) problems.push('cytoscape json() read a different number of elements');

// Graph.from takes the graph type from the file's options, as the README tells users to load it
const g = Graph.from(JSON.parse(fs.readFileSync(graphologyFile, 'utf8')));
if (g.type !== 'undirected' || !g.multi) problems.push(`graphology read a ${g.type} graph, multi=${g.multi}`);
same('graphology nodes', g.nodes().sort(), wantNodes);
same('graphology edges', g.edges().map((e) => [e, g.source(e), g.target(e)].join(' ')).sort(), wantEdges);
g.forEachNode((n, a) => { if (typeof a.x !== 'number' || typeof a.y !== 'number' || !a.label) problems.push(`graphology node ${n} cannot be drawn by sigma`); });

console.log(`cytoscape: ${cy.nodes().length} nodes, ${cy.edges().length} edges; graphology: ${g.order} nodes, ${g.size} edges`);
problems.forEach((p) => console.log('  ' + p));
process.exit(problems.length ? 1 : 0);
