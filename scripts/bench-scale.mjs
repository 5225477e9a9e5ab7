// The measuring half of `make bench-scale` (scripts/bench-scale.sh builds the
// corpora): for each build, in Debian's headless Chromium (software
// rendering, no GPU), on the demo page served compressed (brotli) by scripts/serve.mjs:
//   - bytes to an interactive map: every response (compressed, as sent) that
//     ended before the first embed's `ready` resolved, the page included;
//   - time to an interactive map: navigation start to `ready` plus one
//     frame, median of 5 cold loads (a fresh browser context each);
//   - time to open the reader at a citation: a click on the panel's first
//     citation (not hovered first, so its text shard is fetched) until the
//     cited sentence is in the DOM, median of the same 5 loads;
//   - the biggest panel: a click on the drawn feature most articles cite
//     (or `selectFeature` when it is drawn inside a cluster) until its
//     panel is drawn, median of 5, with its citation count;
//   - search: "issyk" typed into the search field (one input event) until
//     its results are drawn, median of the same 5 loads, with the count;
//   - JS heap (performance.memory, precise) and wasm memory after load;
//   - pan frame times: median and 95th percentile over a 60-step drag.
// Usage: node scripts/bench-scale.mjs WORK N:BUILD_MS:FEATURE_ID...  (WORK/tree-N/dist)
import { chromium } from '@playwright/test';
import { frames, serve } from './browser.mjs';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [work, ...builds] = process.argv.slice(2);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const kb = (b) => `${(b / 1024).toFixed(b < 10240 ? 1 : 0)} KB`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

/** Gzipped bytes of the data files of one kind in the build. */
function gz(dir, prefix) {
  return readdirSync(`${dir}/bilateral-map`).filter((f) => f.startsWith(prefix))
    .reduce((sum, f) => sum + gzipSync(readFileSync(`${dir}/bilateral-map/${f}`), { level: 9 }).length, 0);
}

/** One cold load: the page until the first embed is interactive, then the reader. */
async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.evaluate(async () => {
    await customElements.whenDefined('bilateral-map');
    await document.querySelector('bilateral-map').ready;
    await new Promise((r) => requestAnimationFrame(() => r()));
    const at = performance.now();
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.responseEnd <= at);
    return { at, bytes: entries.reduce((s, e) => s + e.transferSize, 0) };
  });
  const reader = await page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector('bilateral-map').shadowRoot;
    const start = performance.now();
    root.querySelector('[data-testid=citation]').click();
    const check = () => (root.querySelector('[data-testid=cited-sentence]')
      ? resolve(performance.now() - start) : requestAnimationFrame(check));
    check();
  }));
  return { context, page, ready, reader };
}

/** Click on feature `id`'s symbol until its panel is drawn (ms), and the panel's count line. */
async function bigPanel(page, id) {
  return page.evaluate((id) => new Promise((resolve) => {
    const root = document.querySelector('bilateral-map').shadowRoot;
    root.querySelector('.bm-close')?.click();
    requestAnimationFrame(() => {
      // Its own symbol, or (drawn inside a cluster at this zoom) the element's API.
      const target = root.querySelector(`.bm-widget [data-feature-id="${id}"]`);
      const start = performance.now();
      if (target) target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      else document.querySelector('bilateral-map').selectFeature(id);
      const check = () => {
        const panel = root.querySelector('[data-testid=panel] .bm-count');
        if (panel) requestAnimationFrame(() => resolve({ ms: performance.now() - start, count: panel.textContent }));
        else requestAnimationFrame(check);
      };
      check();
    });
  }), id);
}

/** "issyk" into the first embed's search field until its results are drawn (ms), and their count line. */
async function search(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector('bilateral-map').shadowRoot;
    const input = root.querySelector('[data-testid=search]');
    const start = performance.now();
    input.value = 'issyk';
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    const check = () => {
      const count = root.querySelector('[data-testid=search-results] .bm-search-count');
      if (count) requestAnimationFrame(() => resolve({ ms: performance.now() - start, count: count.textContent }));
      else requestAnimationFrame(check);
    };
    check();
  }));
}

/** Frame intervals during a 60-step drag of the first map. */
async function pan(page) {
  const w = page.locator('bilateral-map').first();
  if (await w.locator('.bm-close').count()) await w.locator('.bm-close').click();
  const box = await w.locator('.bm-svg').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  return frames(page, async () => {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 60; i++) await page.mouse.move(cx + 3 * i, cy + 2 * i);
    await page.mouse.up();
  });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--enable-precise-memory-info'],
});
const rows = [];
let port = 8790;
for (const spec of builds) {
  const [n, buildMs] = spec.split(':').slice(0, 2).map(Number);
  const top = spec.split(':')[2];
  const dir = `${work}/tree-${n}/dist`;
  const server = await serve(dir, ++port);
  const url = `http://127.0.0.1:${port}/`;
  try {
    // Warm the server's cache: the first request of a big file compresses it.
    const warm = await load(browser, url);
    await warm.context.close();
    const runs = [];
    const panels = [];
    const searches = [];
    let last;
    for (let i = 0; i < 5; i++) {
      const run = await load(browser, url);
      runs.push(run);
      panels.push(await bigPanel(run.page, top));
      searches.push(await search(run.page));
      if (i < 4) await run.context.close(); else last = run;
    }
    const memory = await last.page.evaluate(async () => ({
      heap: performance.memory.usedJSHeapSize,
      wasm: await customElements.get('bilateral-map').wasmMemoryBytes(),
    }));
    const frames = await pan(last.page);
    await last.context.close();
    rows.push({
      n, buildMs,
      bytes: median(runs.map((r) => r.ready.bytes)),
      index: gz(dir, 'corpus-'), texts: gz(dir, 'texts-'),
      interactive: median(runs.map((r) => r.ready.at)),
      reader: median(runs.map((r) => r.reader)),
      panel: median(panels.map((p) => p.ms)), panelCount: panels[0].count, top,
      search: median(searches.map((x) => x.ms)), searchCount: searches[0].count,
      heap: memory.heap, wasm: memory.wasm,
      frameMedian: median(frames), frameP95: pct(frames, 0.95),
    });
  } finally {
    server.kill();
  }
}
await browser.close();

const base = rows.find((r) => r.n === 5)?.interactive;
console.log('| articles | build | to the map (gzip) | index / texts (gzip) | interactive (median of 5) | vs 5 articles | reader at a citation | biggest panel (its count) | search "issyk" (found) | JS heap | wasm memory | pan frame median / p95 |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(1)} s | ${kb(r.bytes)} | ${kb(r.index)} / ${kb(r.texts)} | ${r.interactive.toFixed(0)} ms | ${base ? `${(r.interactive / base).toFixed(2)}×` : ''} | ${r.reader.toFixed(0)} ms | ${r.panel.toFixed(0)} ms (${r.top}: ${r.panelCount.trim()}) | ${r.search.toFixed(0)} ms (${r.searchCount.trim()}) | ${mb(r.heap)} | ${mb(r.wasm)} | ${r.frameMedian.toFixed(1)} / ${r.frameP95.toFixed(1)} ms |`);
}
