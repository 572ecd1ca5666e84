// html_page.js - opens a whomet html page in headless Chromium (playwright-core, the system's
// chromium) and checks it as a reader would use it: no console errors, no network requests, no
// dialog (an injected script would open one), one drawn node per graph node and one link per
// link, zoom and pan, a click on a node and on a link, and every document's text shown as text.
// Usage: NODE_PATH=.test-deps/node_modules node html_page.js PAGE.html [SCREENSHOT.png]
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [page_file, screenshot] = process.argv.slice(2);
const url = 'file://' + path.resolve(page_file);
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

function expectedData() {
  const html = fs.readFileSync(page_file, 'utf8');
  const m = html.match(/<script type="application\/json" id="whomet-data">([\s\S]*?)<\/script>/);
  return JSON.parse(m[1]);
}

(async () => {
  const data = expectedData();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('dialog', async (dialog) => { problems.push(`a dialog opened (script ran): ${dialog.message()}`); await dialog.dismiss(); });
  page.on('request', (req) => { if (req.url() !== url) problems.push(`network request: ${req.url()}`); });

  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  const nodes = data.graph.nodes.length, links = data.graph.links.length;
  const ends = new Set();
  data.graph.links.forEach((l) => { ends.add(l.source); ends.add(l.target); });
  const linked = data.graph.nodes.filter((n) => ends.has(n.id)).length;
  // nodes without links start hidden behind the 'unlinked' box, unless no node has a link
  const shown = linked ? linked : nodes;
  const visible = () => page.$$eval('#graph g.node', (els) => els.filter((e) => e.getBBox().width > 0 && e.style.display !== 'none').length);
  const inView = () => page.$$eval('#graph g.node', (els) => {
    const box = document.getElementById('graph').getBoundingClientRect();
    return els.filter((g) => g.style.display !== 'none').map((g) => g.querySelector('circle').getBoundingClientRect())
      .filter((r) => r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom).length;
  });
  const drawn = await visible();
  const drawnLinks = await page.$$eval('#graph g.link', (els) => els.length);
  check(drawn === shown, `${drawn} nodes shown, want ${shown} (${linked} of ${nodes} have links)`);
  check(drawnLinks === links, `drawn links ${drawnLinks} != graph links ${links}`);
  check(await inView() === shown, `not all ${shown} shown nodes are inside the view after fitting`);
  if (shown < nodes) {
    await page.click('#filters label:has-text("unlinked") input');
    await page.click('#zoom-fit');
    check(await visible() === nodes, 'the unlinked box does not show every node');
    check(await inView() === nodes, 'not every node is inside the view after fitting');
    await page.click('#filters label:has-text("unlinked") input');
    await page.click('#zoom-fit');
  }

  // zoom with the wheel and pan by dragging the background
  const transform = () => page.$eval('#viewport', (g) => g.getAttribute('transform'));
  const box = await page.$eval('#graph', (e) => { const r = e.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; });
  const before = await transform();
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.wheel(0, -300);
  const zoomed = await transform();
  check(zoomed !== before, 'the wheel did not zoom');
  await page.mouse.move(box.x + 5, box.y + box.h - 60);
  await page.mouse.down();
  await page.mouse.move(box.x + 80, box.y + box.h - 100, { steps: 5 });
  await page.mouse.up();
  check((await transform()) !== zoomed, 'dragging the background did not pan');
  await page.click('#zoom-fit');

  if (nodes) {
    // a click on a node shows its label; on a link, its evidence passages
    // the node with the most links (then mentions): the one a reader would look at first
    const degree = new Map();
    data.graph.links.forEach((l) => [l.source, l.target].forEach((id) => degree.set(id, (degree.get(id) || 0) + 1)));
    const weight = (n) => (degree.get(n.id) || 0) * 1000 + (n.mentions || []).length;
    const first = data.graph.nodes.slice().sort((a, b) => weight(b) - weight(a))[0];
    const index = data.graph.nodes.indexOf(first);
    await page.locator('#graph g.node').nth(index).locator('circle').click({ force: true });
    const title = await page.$eval('#panel h2', (h) => h.textContent);
    check(title === first.label, `clicking node ${first.id} showed '${title}'`);
    if ((first.mentions || []).length) check((await page.$$('#panel h3')).length > 0, 'the node panel lists nothing');
  }
  if (screenshot) await page.screenshot({ path: screenshot });
  if (links) {
    // the middle of a link where nothing else lies on top, the longest such
    const mid = await page.$$eval('#graph g.link', (groups) => groups.map((g) => {
      const r = g.querySelector('line.hit').getBoundingClientRect();
      const x = r.left + r.width / 2, y = r.top + r.height / 2, hit = document.elementFromPoint(x, y);
      return { x, y, length: r.width + r.height, free: !!hit && hit.closest('g.link') === g };
    }).filter((m) => m.free).sort((a, b) => b.length - a.length)[0]);
    check(!!mid, 'every link is covered by something else');
    if (mid) await page.mouse.click(mid.x, mid.y);
    const passages = await page.$$eval('#panel .passage', (els) => els.map((e) => e.textContent));
    const match = data.graph.links.some((l) => JSON.stringify((l.evidence || []).map((e) => e.text)) === JSON.stringify(passages));
    check(passages.length > 0 && match, `clicking a link showed passages ${JSON.stringify(passages).slice(0, 200)}, not a link's evidence`);
  }

  // every document: its text (or its passages) appears verbatim as text, and no markup came of it
  await page.click('#tab-docs');
  const items = await page.$$('#doc-list li');
  for (let i = 0; i < items.length; i++) {
    await page.locator('#doc-list li').nth(i).click();
    const id = await page.$eval('#doc h2', (h) => h.textContent);
    const doc = (data.documents || []).find((d) => d.doc === id);
    const shown = await page.$$eval('#doc .text', (els) => els.map((e) => e.textContent).join(''));
    if (doc) {
      check(shown === doc.text, `document ${id}: the text shown differs from the document`);
      const marks = await page.$$eval('#doc .text mark.ent', (els) => els.length);
      const spans = doc.entities.filter((e) => e.end > e.start).length;
      check(marks > 0 || spans === 0, `document ${id}: ${spans} entities but nothing highlighted`);
    }
    const foreign = await page.$$eval('#doc img, #doc script, #doc iframe, #doc svg, #doc textarea', (els) => els.length);
    check(foreign === 0, `document ${id}: its text became ${foreign} element(s)`);
  }
  check(await page.$$eval('script', (els) => els.length) === 2, 'the page has scripts besides its own');

  console.log(`${nodes} nodes (${drawn} with links shown first), ${drawnLinks} links, ${items.length} documents`);
  await browser.close();
  problems.forEach((p) => console.log('  ' + p));
  process.exit(problems.length ? 1 : 0);
})().catch((err) => { problems.forEach((p) => console.log('  ' + p)); console.log(`error: ${err.stack || err}`); process.exit(2); });
