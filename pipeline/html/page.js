/* whomet html page: draws the graph embedded as JSON (force-directed layout on SVG, zoom, pan,
 * drag, select) and shows each document with its entities highlighted. Every text from the data
 * reaches the page through textContent or createTextNode, never as markup. */
(function () {
  'use strict';

  var SVGNS = 'http://www.w3.org/2000/svg';
  var COLORS = { person: '#4e79a7', organization: '#f28e2b', location: '#59a14f', role: '#b07aa1', date: '#76b7b2' };
  var OTHER = '#9c755f';

  var data = JSON.parse(document.getElementById('whomet-data').textContent);
  var graph = data.graph || {};
  var meta = graph.graph || {};

  function $(id) { return document.getElementById(id); }
  function color(kind) { return Object.prototype.hasOwnProperty.call(COLORS, kind) ? COLORS[kind] : OTHER; }
  function cssName(s) { return String(s).toLowerCase().replace(/[^a-z0-9_-]/g, '_'); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function fold(s) { return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  /* ---- model ------------------------------------------------------------------------------ */
  var nodes = (graph.nodes || []).filter(function (n) { return n && typeof n.id === 'string'; }).map(function (n, i) {
    return { index: i, id: n.id, data: n, kind: String(n.kind || ''), label: String(n.label || n.id), x: 0, y: 0, vx: 0, vy: 0, links: [] };
  });
  var nodeById = new Map(nodes.map(function (n) { return [n.id, n]; }));
  var links = [];
  (graph.links || []).forEach(function (l) {
    var s = nodeById.get(l.source), t = nodeById.get(l.target);
    if (!s || !t) return;
    var link = { data: l, source: s, target: t, relation: String(l.relation || '') };
    links.push(link);
    s.links.push(link);
    if (t !== s) t.links.push(link);
  });
  var meetingById = new Map((meta.meetings || []).map(function (m) { return [m.id, m]; }));

  function nodeLabel(id) { var n = nodeById.get(id); return n ? n.label : String(id); }

  /* Documents: full annotated texts when the page came from a run; else the passages a graph
   * keeps (evidence and mentions), which is all a merged graph has. */
  var docs = new Map();
  (meta.documents || []).forEach(function (d) { docs.set(d.id, { id: d.id, info: d, text: null, entities: [] }); });
  (data.documents || []).forEach(function (a) {
    var d = docs.get(a.doc) || { id: a.doc, info: { id: a.doc, source: a.source, chars: a.chars } };
    d.text = typeof a.text === 'string' ? a.text : null;
    d.entities = a.entities || [];
    docs.set(a.doc, d);
  });

  function passagesOf(docId) {
    var seen = new Map();
    function add(p) {
      if (p.doc !== docId || typeof p.text !== 'string') return;
      var key = p.start + ':' + p.end;
      if (!seen.has(key)) seen.set(key, { start: p.start, end: p.end, text: p.text });
    }
    links.forEach(function (l) { (l.data.evidence || []).forEach(add); });
    meetingById.forEach(function (m) { (m.evidence || []).forEach(add); });
    return Array.from(seen.values()).sort(function (a, b) { return a.start - b.start || b.end - a.end; });
  }

  function spansOf(docId) {
    var spans = [];
    nodes.forEach(function (n) {
      (n.data.mentions || []).forEach(function (m) {
        if (m.doc === docId) spans.push({ start: m.start, end: m.end, type: n.kind, node: n.id });
      });
      (n.data.roles || []).forEach(function (r) {
        if (r.doc === docId && typeof r.start === 'number') spans.push({ start: r.start, end: r.end, type: 'role', node: null, text: r.title });
      });
    });
    return spans;
  }

  /* ---- layout: springs on links, repulsion between nearby nodes (spatial hash), gravity; the
   * nodes without links go in rows beneath, so that the connections hold the centre ---------- */
  function layout() {
    var linked = nodes.filter(function (p) { return p.links.length > 0; });
    var single = nodes.filter(function (p) { return p.links.length === 0; });
    linked.forEach(function (p, i) {
      var r = 12 * Math.sqrt(i + 0.5), a = i * 2.399963;
      p.x = r * Math.cos(a); p.y = r * Math.sin(a); p.vx = 0; p.vy = 0;
    });
    var CELL = 160, REPULSE = 7000, LENGTH = 100, alpha = 1;
    var ticks = linked.length > 3000 ? 120 : 300;
    for (var t = 0; t < ticks && linked.length; t++) {
      var grid = new Map();
      linked.forEach(function (p) {
        var key = Math.floor(p.x / CELL) * 65536 + Math.floor(p.y / CELL);
        var cell = grid.get(key);
        if (cell) cell.push(p); else grid.set(key, [p]);
      });
      linked.forEach(function (p) {
        var cx = Math.floor(p.x / CELL), cy = Math.floor(p.y / CELL);
        for (var dx = -1; dx <= 1; dx++) for (var dy = -1; dy <= 1; dy++) {
          var cell = grid.get((cx + dx) * 65536 + cy + dy);
          if (!cell) continue;
          for (var k = 0; k < cell.length; k++) {
            var q = cell[k];
            if (q.index <= p.index) continue;
            var ddx = p.x - q.x, ddy = p.y - q.y, d2 = ddx * ddx + ddy * ddy;
            if (d2 > CELL * CELL) continue;
            if (d2 < 0.01) { ddx = (p.index % 7) - 3 + 0.5; ddy = (q.index % 5) - 2 + 0.5; d2 = ddx * ddx + ddy * ddy; }
            var d = Math.sqrt(d2), f = REPULSE * alpha / d2;
            p.vx += ddx * f / d; p.vy += ddy * f / d;
            q.vx -= ddx * f / d; q.vy -= ddy * f / d;
          }
        }
      });
      links.forEach(function (l) {
        var s = l.source, u = l.target;
        if (s === u) return;
        var dx = u.x - s.x, dy = u.y - s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        var f = (d - LENGTH) / d * 0.08 * alpha;
        s.vx += dx * f; s.vy += dy * f; u.vx -= dx * f; u.vy -= dy * f;
      });
      linked.forEach(function (p) {
        p.vx -= p.x * 0.012 * alpha; p.vy -= p.y * 0.012 * alpha;
        p.vx *= 0.6; p.vy *= 0.6;
        var speed = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
        if (speed > 40) { p.vx *= 40 / speed; p.vy *= 40 / speed; }
        p.x += p.vx; p.y += p.vy;
      });
      if (t > ticks / 3) separateLabels(linked);
      alpha = Math.max(alpha * 0.985, 0.02);
    }
    shelve(single, linked);
  }

  /* Labels run to the right of their node: nodes whose label boxes overlap are pushed apart
   * vertically (a sweep over the nodes sorted by y). */
  function separateLabels(list) {
    var HEIGHT = 16;
    var order = list.slice().sort(function (a, b) { return a.y - b.y; });
    for (var i = 0; i < order.length; i++) {
      var p = order[i], pl = p.x - radius(p), pr = p.x + radius(p) + 7 * p.label.length;
      for (var j = i + 1; j < order.length && order[j].y - p.y < HEIGHT; j++) {
        var q = order[j], ql = q.x - radius(q), qr = q.x + radius(q) + 7 * q.label.length;
        if (pr < ql || qr < pl) continue;
        var push = (HEIGHT - (q.y - p.y)) / 2;
        p.y -= push; q.y += push;
      }
    }
  }

  /* The nodes without links in rows below the linked ones, by kind and name. */
  function shelve(single, linked) {
    if (!single.length) return;
    var minX = 0, maxX = 0, maxY = -40;
    linked.forEach(function (p) { minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x); maxY = Math.max(maxY, p.y); });
    single.sort(function (a, b) { return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.label.localeCompare(b.label); });
    var longest = single.reduce(function (m, p) { return Math.max(m, p.label.length); }, 0);
    var cellWidth = Math.min(24 + 6.5 * longest, 300);
    var columns = Math.max(Math.floor(Math.max(maxX - minX, 600) / cellWidth), Math.ceil(Math.sqrt(single.length / 4)));
    single.forEach(function (p, i) {
      p.x = minX + (i % columns) * cellWidth;
      p.y = maxY + 60 + Math.floor(i / columns) * 22;
    });
  }

  /* ---- drawing ---------------------------------------------------------------------------- */
  var svg = $('graph');
  var viewport = svgEl('g', { id: 'viewport' });
  var linkLayer = svgEl('g', { 'class': 'links' }), nodeLayer = svgEl('g', { 'class': 'nodes' });
  viewport.appendChild(linkLayer);
  viewport.appendChild(nodeLayer);
  svg.appendChild(viewport);
  var owner = new WeakMap(); /* svg element -> {node} or {link} */
  var view = { k: 1, x: 0, y: 0 };

  function radius(n) { return 5 + 2.2 * Math.sqrt(n.links.length); }

  function draw() {
    links.forEach(function (l) {
      var g = svgEl('g', { 'class': 'link rel-' + cssName(l.relation) });
      l.visible = svgEl('line', { 'class': 'visible' });
      l.hit = svgEl('line', { 'class': 'hit' });
      var title = svgEl('title');
      title.textContent = l.source.label + ' \u2014 ' + (l.data.title || l.relation) + ' \u2014 ' + l.target.label + (l.data.date ? ' (' + l.data.date + ')' : '');
      g.appendChild(l.visible); g.appendChild(l.hit); g.appendChild(title);
      l.element = g;
      owner.set(g, { link: l });
      linkLayer.appendChild(g);
    });
    nodes.forEach(function (n) {
      var g = svgEl('g', { 'class': 'node kind-' + cssName(n.kind) });
      var r = radius(n);
      g.appendChild(svgEl('circle', { r: r.toFixed(1), fill: color(n.kind) }));
      var text = svgEl('text', { x: (r + 3).toFixed(1), y: '4' });
      text.textContent = n.label;
      g.appendChild(text);
      var title = svgEl('title');
      title.textContent = n.label + ' (' + n.kind + ')';
      g.appendChild(title);
      n.element = g;
      owner.set(g, { node: n });
      nodeLayer.appendChild(g);
    });
    nodes.forEach(place);
  }

  function placeLink(l) {
    [l.visible, l.hit].forEach(function (line) {
      line.setAttribute('x1', l.source.x.toFixed(1)); line.setAttribute('y1', l.source.y.toFixed(1));
      line.setAttribute('x2', l.target.x.toFixed(1)); line.setAttribute('y2', l.target.y.toFixed(1));
    });
  }
  function place(n) {
    n.element.setAttribute('transform', 'translate(' + n.x.toFixed(1) + ',' + n.y.toFixed(1) + ')');
    n.links.forEach(placeLink);
  }

  function applyView() {
    viewport.setAttribute('transform', 'translate(' + view.x.toFixed(2) + ',' + view.y.toFixed(2) + ') scale(' + view.k.toFixed(4) + ')');
    svg.classList.toggle('zoomed-out', view.k < 0.55); /* labels too small to read */
  }
  function size() { var r = svg.getBoundingClientRect(); return { w: r.width || 800, h: r.height || 600 }; }
  function zoomAt(px, py, factor) {
    var k = Math.min(Math.max(view.k * factor, 0.02), 40);
    factor = k / view.k;
    view.x = px - (px - view.x) * factor; view.y = py - (py - view.y) * factor; view.k = k;
    applyView();
  }
  function fit() {
    var shown = nodes.filter(function (n) { return n.element.style.display !== 'none'; });
    if (!shown.length) return;
    var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    shown.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x + 8 * n.label.length);
      minY = Math.min(minY, n.y - 12); maxY = Math.max(maxY, n.y + 12);
    });
    var s = size(), pad = 30;
    var k = Math.min((s.w - 2 * pad) / Math.max(maxX - minX, 1), (s.h - 2 * pad) / Math.max(maxY - minY, 1), 1.6);
    view.k = k;
    view.x = s.w / 2 - k * (minX + maxX) / 2;
    view.y = s.h / 2 - k * (minY + maxY) / 2;
    applyView();
  }
  function centerOn(n) {
    var s = size();
    view.x = s.w / 2 - view.k * n.x; view.y = s.h / 2 - view.k * n.y;
    applyView();
  }

  function pointer(e) { var r = svg.getBoundingClientRect(); return { x: e.clientX - r.left, y: e.clientY - r.top }; }
  function ownerOf(target) {
    for (var e = target; e && e !== svg; e = e.parentNode) if (owner.has(e)) return owner.get(e);
    return null;
  }
  var drag = null;
  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    var p = pointer(e), hit = ownerOf(e.target);
    drag = { hit: hit, x: p.x, y: p.y, vx: view.x, vy: view.y, moved: false };
    if (hit && hit.node) { drag.nx = hit.node.x; drag.ny = hit.node.y; }
    svg.setPointerCapture(e.pointerId);
    if (!hit || !hit.node) svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', function (e) {
    if (!drag) return;
    var p = pointer(e), dx = p.x - drag.x, dy = p.y - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (!drag.moved) return;
    if (drag.hit && drag.hit.node) {
      var n = drag.hit.node;
      n.x = drag.nx + dx / view.k; n.y = drag.ny + dy / view.k;
      place(n);
    } else {
      view.x = drag.vx + dx; view.y = drag.vy + dy;
      applyView();
    }
  });
  svg.addEventListener('pointerup', function () {
    if (!drag) return;
    var d = drag;
    drag = null;
    svg.classList.remove('panning');
    if (d.moved) return;
    if (d.hit && d.hit.node) selectNode(d.hit.node);
    else if (d.hit && d.hit.link) selectLink(d.hit.link);
    else selectNothing();
  });
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var p = pointer(e);
    zoomAt(p.x, p.y, Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)));
  }, { passive: false });
  $('zoom-in').addEventListener('click', function () { var s = size(); zoomAt(s.w / 2, s.h / 2, 1.4); });
  $('zoom-out').addEventListener('click', function () { var s = size(); zoomAt(s.w / 2, s.h / 2, 1 / 1.4); });
  $('zoom-fit').addEventListener('click', fit);

  /* ---- selection and the panel -------------------------------------------------------------- */
  var panel = $('panel');
  var selected = null;

  function highlight(focusNodes, focusLink) {
    nodes.forEach(function (n) {
      n.element.classList.toggle('selected', !!focusNodes && focusNodes.main === n);
      n.element.classList.toggle('faded', !!focusNodes && !focusNodes.set.has(n));
    });
    links.forEach(function (l) {
      var near = focusNodes && (l.source === focusNodes.main || l.target === focusNodes.main);
      l.element.classList.toggle('selected', l === focusLink);
      l.element.classList.toggle('faded', (!!focusNodes && !near) || (!!focusLink && l !== focusLink));
    });
  }

  function nodeRef(id) {
    var n = nodeById.get(id);
    if (!n) return el('span', null, id);
    var b = el('button', 'ref', n.label);
    b.type = 'button';
    b.addEventListener('click', function () { selectNode(n, true); });
    return b;
  }

  function section(title, items, render) {
    if (!items || !items.length) return;
    panel.appendChild(el('h3', null, title + ' (' + items.length + ')'));
    var ul = el('ul');
    items.forEach(function (item) { var li = el('li'); render(li, item); ul.appendChild(li); });
    panel.appendChild(ul);
  }

  function docLine(item) {
    var parts = [item.doc];
    if (typeof item.start === 'number') parts.push(item.start + '\u2013' + item.end);
    if (item.rule) parts.push(item.rule);
    return el('div', 'meta', parts.join(' \u00b7 '));
  }

  /* A passage with its trigger word marked; a click opens the document there. */
  function passage(item) {
    var p = el('div', 'passage');
    var text = String(item.text || ''), trigger = item.trigger ? String(item.trigger) : '';
    var at = trigger ? text.indexOf(trigger) : -1;
    if (at >= 0) {
      p.appendChild(document.createTextNode(text.slice(0, at)));
      p.appendChild(el('span', 'trigger', trigger));
      p.appendChild(document.createTextNode(text.slice(at + trigger.length)));
    } else {
      p.textContent = text;
    }
    p.title = 'show in ' + item.doc;
    p.addEventListener('click', function () { openDocument(item.doc, item); });
    return p;
  }

  /* Attributes the page has no special view for, so that whatever the graph carries is shown. */
  function otherAttributes(obj, known) {
    var keys = Object.keys(obj).filter(function (k) { return known.indexOf(k) < 0; }).sort();
    if (!keys.length) return;
    panel.appendChild(el('h3', null, 'Attributes'));
    var table = el('table', 'attrs');
    keys.forEach(function (k) {
      var tr = el('tr'), v = obj[k];
      tr.appendChild(el('td', 'meta', k));
      tr.appendChild(el('td', null, typeof v === 'object' ? JSON.stringify(v) : String(v)));
      table.appendChild(tr);
    });
    panel.appendChild(table);
  }

  function selectNode(n, center) {
    selected = n;
    n.element.style.display = ''; /* shown even when a filter hides its kind */
    var set = new Set([n]);
    n.links.forEach(function (l) { set.add(l.source); set.add(l.target); });
    highlight({ main: n, set: set }, null);
    if (center && !$('graph-view').hidden) centerOn(n);
    clear(panel);
    var d = n.data;
    var kind = el('span', 'badge', n.kind);
    kind.style.background = color(n.kind);
    panel.appendChild(kind);
    panel.appendChild(el('h2', null, n.label));
    panel.appendChild(el('div', 'id', n.id));
    var aliases = distinct((d.aliases || []).map(String)).filter(function (a) { return a !== n.label; });
    if (aliases.length) panel.appendChild(el('p', 'meta', 'also: ' + aliases.join(' \u00b7 ')));
    section('Roles', d.roles, function (li, r) {
      li.appendChild(el('strong', null, r.title || ''));
      if (r.org) { li.appendChild(document.createTextNode(' \u2014 ')); li.appendChild(nodeRef(r.org)); }
      if (r.since) li.appendChild(el('span', 'meta', ' since ' + r.since));
      li.appendChild(docLine(r));
    });
    section('Links', n.links, function (li, l) {
      var other = l.source === n ? l.target : l.source;
      var b = el('button', 'ref', (l.data.title || l.relation) + ' \u2014 ' + other.label);
      b.type = 'button';
      b.addEventListener('click', function () { selectLink(l); });
      li.appendChild(b);
      var info = [];
      if (l.data.date) info.push(l.data.date);
      info.push(plural((l.data.evidence || []).length, 'passage'));
      li.appendChild(el('div', 'meta', info.join(' \u00b7 ')));
    });
    section('Mentions', d.mentions, function (li, m) {
      var b = el('button', 'ref', m.text);
      b.type = 'button';
      b.addEventListener('click', function () { openDocument(m.doc, m); });
      li.appendChild(b);
      li.appendChild(docLine(m));
    });
    otherAttributes(d, ['id', 'kind', 'label', 'aliases', 'roles', 'mentions']);
  }

  function selectLink(l) {
    selected = l;
    highlight(null, l);
    clear(panel);
    var d = l.data;
    panel.appendChild(el('span', 'badge', l.relation)).style.background = '#666';
    var h = el('h2');
    h.appendChild(nodeRef(l.source.id));
    h.appendChild(document.createTextNode(' \u2014 '));
    h.appendChild(nodeRef(l.target.id));
    panel.appendChild(h);
    if (d.title) panel.appendChild(el('p', null, d.title));
    if (d.date) panel.appendChild(el('p', 'meta', 'date: ' + d.date));
    section('Meetings', (d.meetings || []).map(function (id) { return meetingById.get(id) || { id: id }; }), function (li, m) {
      li.appendChild(el('div', 'id', m.id));
      var info = [];
      if (m.date) info.push(m.date);
      if (m.place) info.push(nodeLabel(m.place));
      if (m.trigger) info.push('\u201e' + m.trigger + '\u201c');
      if (info.length) li.appendChild(el('div', null, info.join(' \u00b7 ')));
      if (m.participants) li.appendChild(el('div', 'meta', m.participants.map(nodeLabel).join(', ')));
    });
    section('Evidence', d.evidence, function (li, e) {
      var info = [];
      if (e.date) info.push(e.date);
      if (e.trigger) info.push('\u201e' + e.trigger + '\u201c');
      if (info.length) li.appendChild(el('div', null, info.join(' \u00b7 ')));
      li.appendChild(passage(e));
      li.appendChild(docLine(e));
    });
    otherAttributes(d, ['source', 'target', 'relation', 'title', 'date', 'evidence', 'meetings', 'key']);
  }

  function selectNothing() {
    selected = null;
    highlight(null, null);
    clear(panel);
    panel.appendChild(el('h2', null, 'who met whom'));
    var counts = {};
    nodes.forEach(function (n) { counts[n.kind] = (counts[n.kind] || 0) + 1; });
    var ul = el('ul');
    Object.keys(counts).sort().forEach(function (k) { ul.appendChild(el('li', null, counts[k] + ' \u00d7 ' + k)); });
    var rel = {};
    links.forEach(function (l) { rel[l.relation] = (rel[l.relation] || 0) + 1; });
    Object.keys(rel).sort().forEach(function (k) { ul.appendChild(el('li', null, rel[k] + ' \u00d7 ' + k + ' link')); });
    ul.appendChild(el('li', null, plural(docs.size, 'document')));
    panel.appendChild(ul);
    panel.appendChild(el('p', 'hint', 'Click a node for its roles and mentions, a link for its evidence passages. Drag to pan, scroll to zoom, drag a node to move it.'));
    if (meta.generator) panel.appendChild(el('p', 'meta', meta.generator));
  }

  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') selectNothing(); });

  /* ---- search and filters ------------------------------------------------------------------ */
  var search = $('search');
  function matches(q) {
    if (!q) return [];
    return nodes.filter(function (n) {
      return fold(n.label).indexOf(q) >= 0 || (n.data.aliases || []).some(function (a) { return fold(a).indexOf(q) >= 0; });
    });
  }
  search.addEventListener('input', function () {
    var q = fold(search.value.trim()), found = new Set(matches(q));
    nodes.forEach(function (n) {
      n.element.classList.toggle('match', found.has(n));
      n.element.classList.toggle('faded', !!q && !found.has(n));
    });
    links.forEach(function (l) { l.element.classList.toggle('faded', !!q); });
  });
  search.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    var found = matches(fold(search.value.trim()));
    if (found.length) { showTab('graph'); selectNode(found[0], true); }
  });

  /* hiddenNodes holds 'unlinked' while the nodes without links are hidden */
  var hiddenKinds = new Set(), hiddenRelations = new Set(), hiddenNodes = new Set();
  function applyFilters() {
    nodes.forEach(function (n) {
      var hide = hiddenKinds.has(n.kind) || (hiddenNodes.has('unlinked') && !n.links.length);
      n.element.style.display = hide ? 'none' : '';
    });
    links.forEach(function (l) {
      var hide = hiddenRelations.has(l.relation) || hiddenKinds.has(l.source.kind) || hiddenKinds.has(l.target.kind);
      l.element.style.display = hide ? 'none' : '';
    });
  }
  function checkbox(label, swatch, set, value) {
    var lab = el('label'), box = el('input');
    box.type = 'checkbox';
    box.checked = !set.has(value);
    box.addEventListener('change', function () { if (box.checked) set.delete(value); else set.add(value); applyFilters(); });
    lab.appendChild(box);
    if (swatch) { var s = el('span', 'swatch'); s.style.background = swatch; lab.appendChild(s); }
    lab.appendChild(document.createTextNode(label));
    return lab;
  }
  function distinct(list) { return Array.from(new Set(list)).sort(); }
  var filters = $('filters'), legend = $('legend');
  distinct(nodes.map(function (n) { return n.kind; })).forEach(function (k) {
    filters.appendChild(checkbox(k, color(k), hiddenKinds, k));
    var item = el('span'), s = el('span', 'swatch');
    s.style.background = color(k);
    item.appendChild(s);
    item.appendChild(document.createTextNode(k));
    legend.appendChild(item);
  });
  distinct(links.map(function (l) { return l.relation; })).forEach(function (r) {
    filters.appendChild(checkbox(r, null, hiddenRelations, r));
  });
  /* Who met whom is in the links: entities that are only mentioned start hidden (they are in
   * the search, the documents and behind this box), unless nothing is linked. */
  var unlinked = nodes.filter(function (n) { return !n.links.length; }).length;
  if (unlinked && unlinked < nodes.length) {
    hiddenNodes.add('unlinked');
    filters.appendChild(checkbox('unlinked (' + unlinked + ')', null, hiddenNodes, 'unlinked'));
  }
  $('stats').textContent = plural(nodes.length, 'node') + ' \u00b7 ' + plural(links.length, 'link') + ' \u00b7 ' + plural(docs.size, 'document');

  /* ---- documents ---------------------------------------------------------------------------- */
  /* Offsets in the data are code points; JavaScript strings index UTF-16 units. */
  function codePointIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return function (cp) { return cp; };
    var units = [0], u = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) { i++; u += 2; } else u += 1;
      units.push(u);
    }
    return function (cp) { return units[Math.max(0, Math.min(cp, units.length - 1))]; };
  }

  /* Writes text[from, to) into parent with the spans (code points relative to the text) as
   * nested <mark> elements; a span that crosses an enclosing one is left out. */
  function highlighted(parent, text, spans, focus) {
    var unit = codePointIndex(text);
    var all = spans.slice();
    if (focus) all.push({ start: focus.start, end: focus.end, type: 'focus', focus: true });
    all = all.filter(function (s) { return s.start >= 0 && s.end > s.start; });
    all.sort(function (a, b) { return a.start - b.start || b.end - a.end || (a.focus ? -1 : b.focus ? 1 : 0); });
    var i = 0, focusElement = null;
    function fill(into, from, to) {
      var pos = from;
      while (i < all.length && all[i].start < to) {
        var s = all[i++];
        if (s.start < pos || s.end > to) continue;
        if (s.start > pos) into.appendChild(document.createTextNode(text.slice(unit(pos), unit(s.start))));
        var mark = el('mark', s.focus ? 'focus' : 'ent ent-' + cssName(s.type));
        if (s.focus) focusElement = mark;
        else {
          mark.title = s.type + (s.node ? ': ' + nodeLabel(s.node) : s.value ? ': ' + s.value : '');
          if (s.node && nodeById.has(s.node)) {
            mark.addEventListener('click', function (n) { return function () { selectNode(n); }; }(nodeById.get(s.node)));
          }
        }
        fill(mark, s.start, s.end);
        into.appendChild(mark);
        pos = s.end;
      }
      if (pos < to) into.appendChild(document.createTextNode(text.slice(unit(pos), unit(to))));
    }
    fill(parent, 0, Array.from(text).length);
    return focusElement;
  }

  var docList = $('doc-list'), docView = $('doc');
  var docItems = new Map();
  Array.from(docs.keys()).sort().forEach(function (id) {
    var d = docs.get(id), li = el('li');
    li.appendChild(el('div', null, id));
    if (d.info && d.info.source) li.appendChild(el('div', 'meta', d.info.source));
    li.addEventListener('click', function () { openDocument(id, null); });
    docItems.set(id, li);
    docList.appendChild(li);
  });

  function typeLegend(types) {
    var p = el('p', 'legend meta');
    distinct(types).forEach(function (t) { p.appendChild(el('mark', 'ent ent-' + cssName(t), t)); p.appendChild(document.createTextNode(' ')); });
    return p;
  }

  function openDocument(id, focus) {
    showTab('docs');
    docItems.forEach(function (li, key) { li.classList.toggle('active', key === id); });
    clear(docView);
    var d = docs.get(id);
    docView.appendChild(el('h2', null, id));
    if (!d) { docView.appendChild(el('p', 'hint', 'This document is not in the graph.')); return; }
    var info = [];
    if (d.info.source) info.push(d.info.source);
    if (typeof d.info.chars === 'number') info.push(d.info.chars + ' characters');
    if (d.info.date) info.push('dated ' + d.info.date);
    docView.appendChild(el('p', 'meta', info.join(' \u00b7 ')));
    var focusElement = null;
    if (d.text !== null) {
      docView.appendChild(typeLegend(d.entities.map(function (e) { return e.type; })));
      var div = el('div', 'text');
      focusElement = highlighted(div, d.text, d.entities, focus);
      docView.appendChild(div);
    } else {
      var spans = spansOf(id), passages = passagesOf(id);
      docView.appendChild(typeLegend(spans.map(function (s) { return s.type; })));
      docView.appendChild(el('p', 'hint', 'The full text is not in this page (a merged graph keeps only the passages that support its links); these are those passages.'));
      passages.forEach(function (p) {
        var div = el('div', 'text passage-block');
        div.appendChild(el('div', 'meta', p.start + '\u2013' + p.end));
        var inner = el('div');
        var local = spans.filter(function (s) { return s.start >= p.start && s.end <= p.end; })
          .map(function (s) { return { start: s.start - p.start, end: s.end - p.start, type: s.type, node: s.node }; });
        var f = focus && focus.start >= p.start && focus.end <= p.end ? { start: focus.start - p.start, end: focus.end - p.start } : null;
        var got = highlighted(inner, p.text, local, f);
        if (f && !focusElement) focusElement = got || div;
        div.appendChild(inner);
        docView.appendChild(div);
      });
      if (!passages.length) docView.appendChild(el('p', 'hint', 'No passages of this document are in the graph.'));
    }
    if (focusElement) focusElement.scrollIntoView({ block: 'center' });
    else docView.scrollTop = 0;
  }

  /* ---- tabs and start ------------------------------------------------------------------------ */
  var fitted = false;
  function showTab(name) {
    $('graph-view').hidden = name !== 'graph';
    $('docs-view').hidden = name !== 'docs';
    $('tab-graph').classList.toggle('active', name === 'graph');
    $('tab-docs').classList.toggle('active', name === 'docs');
    if (name === 'graph' && !fitted) { fit(); fitted = true; }
  }
  $('tab-graph').addEventListener('click', function () { showTab('graph'); });
  $('tab-docs').addEventListener('click', function () {
    if (!docView.firstChild && docs.size) openDocument(Array.from(docs.keys()).sort()[0], null);
    else showTab('docs');
  });

  layout();
  draw();
  applyFilters();
  $('empty').hidden = nodes.length > 0;
  selectNothing();
  showTab('graph');
  /* page.html#doc=ID opens a document, page.html#node=ID selects a node */
  var target = /^#(doc|node)=(.*)$/.exec(location.hash);
  if (target && target[1] === 'doc') openDocument(decodeURIComponent(target[2]), null);
  if (target && target[1] === 'node' && nodeById.has(decodeURIComponent(target[2]))) selectNode(nodeById.get(decodeURIComponent(target[2])), true);
  document.body.setAttribute('data-ready', 'true');
}());
