// The measuring half of `make bench-scale` (scripts/bench-scale.sh builds the
// corpora): for each build, in Debian's headless Chromium (software
// rendering, no GPU), on the demo page served compressed (brotli) by
// scripts/serve.mjs, with its `feature` attributes taken out (plain.html,
// written beside it) so that no panel opens by itself (what a click needs then comes on the first click,
// as on a page whose embeds open no feature):
//   - bytes to an interactive map: every response (compressed, as sent) that
//     ended before the first embed's `ready` resolved, the page included;
//   - time to an interactive map: navigation start to `ready` plus one
//     frame, median of 5 cold loads (a fresh browser context each);
//   - the same on a slow phone, median of 3 cold loads: Chrome DevTools'
//     throttling at Lighthouse's mobile settings (562.5 ms latency,
//     1,474.56 kbit/s down, 675 up, CPU ×4), as `make bench-phone` applies them;
//   - the first click: a click on the drawn feature most articles cite (or
//     `selectFeature` when it is drawn inside a cluster) until its panel's
//     first quote is drawn, the details file fetched and decoded on the way;
//     on the slow phone too; then the same click again (a warm panel);
//   - time to open the reader at a citation: a click on that panel's first
//     citation (not hovered first, so its text shard is fetched) until the
//     cited sentence is in the DOM;
//   - search: "issyk" typed into the search field (one input event) until
//     its results are drawn, with the count;
//   - JS heap (performance.memory, precise) and wasm memory after all that;
//   - pan frame times: median and 95th percentile over a 60-step drag.
// Usage: node scripts/bench-scale.mjs WORK N:BUILD_MS:FEATURE_ID...  (WORK/tree-N/dist)
import { chromium } from '@playwright/test';
import { frames, serve } from './browser.mjs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const [work, ...builds] = process.argv.slice(2);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const kb = (b) => `${(b / 1024).toFixed(b < 10240 ? 1 : 0)} KB`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

/** Gzipped bytes of the data files of one kind in the build. */
function gz(dir, prefix) {
  return readdirSync(`${dir}/bilateral-map`).filter((f) => f.startsWith(prefix) && f.endsWith('.bin'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(`${dir}/bilateral-map/${f}`), { level: 9 }).length, 0);
}

/** Lighthouse's mobile throttling, applied through DevTools as Lighthouse's devtools method does. */
async function slowPhone(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 562.5,
    downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** One cold load of the page until the first embed is interactive (ms since navigation, bytes until then). */
async function load(browser, url, throttled = false) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (throttled) await slowPhone(page);
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
  return { context, page, ready };
}

/** A click on the panel's first citation until the reader shows the cited sentence (ms). */
async function reader(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const root = document.querySelector('bilateral-map').shadowRoot;
    const start = performance.now();
    root.querySelector('[data-testid=panel] [data-testid=citation]').click();
    const check = () => (root.querySelector('[data-testid=cited-sentence]')
      ? resolve(performance.now() - start) : requestAnimationFrame(check));
    check();
  }));
}

/** Click on feature `id`'s symbol until its panel's first quote is drawn (ms), and the panel's count line. */
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
        const panel = root.querySelector('[data-testid=panel]');
        if (panel?.querySelector('[data-testid=citation]')) {
          requestAnimationFrame(() => resolve({ ms: performance.now() - start, count: panel.querySelector('.bm-count').textContent }));
        } else requestAnimationFrame(check);
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
  // The demo page with no panel open by itself: nothing but a click asks
  // for the details. Served (and compressed) like the page itself.
  writeFileSync(`${dir}/plain.html`, readFileSync(`${dir}/index.html`, 'utf8').replace(/ feature="[^"]*"/g, ''));
  const server = await serve(dir, ++port);
  const url = `http://127.0.0.1:${port}/plain.html`;
  try {
    // Warm the server's cache: the first request of a big file compresses it.
    const warm = await load(browser, url);
    await bigPanel(warm.page, top);
    await warm.context.close();
    const runs = [];
    let last;
    for (let i = 0; i < 5; i++) {
      const run = await load(browser, url);
      run.first = await bigPanel(run.page, top);
      run.reader = await reader(run.page);
      run.again = await bigPanel(run.page, top);
      run.search = await search(run.page);
      runs.push(run);
      if (i < 4) await run.context.close(); else last = run;
    }
    const memory = await last.page.evaluate(async () => ({
      heap: performance.memory.usedJSHeapSize,
      wasm: await customElements.get('bilateral-map').wasmMemoryBytes(),
    }));
    const frames = await pan(last.page);
    await last.context.close();
    const slow = [];
    for (let i = 0; i < 3; i++) {
      const run = await load(browser, url, true);
      run.first = await bigPanel(run.page, top);
      slow.push(run);
      await run.context.close();
    }
    rows.push({
      n, buildMs,
      bytes: median(runs.map((r) => r.ready.bytes)),
      index: gz(dir, 'corpus-'), details: gz(dir, 'details-'), texts: gz(dir, 'texts-'),
      interactive: median(runs.map((r) => r.ready.at)),
      slow: median(slow.map((r) => r.ready.at)),
      slowClick: median(slow.map((r) => r.first.ms)),
      first: median(runs.map((r) => r.first.ms)), panelCount: runs[0].first.count, top,
      again: median(runs.map((r) => r.again.ms)),
      reader: median(runs.map((r) => r.reader)),
      search: median(runs.map((r) => r.search.ms)), searchCount: runs[0].search.count,
      heap: memory.heap, wasm: memory.wasm,
      frameMedian: median(frames), frameP95: pct(frames, 0.95),
    });
  } finally {
    server.kill();
  }
}
await browser.close();

const base = rows.find((r) => r.n === 5);
const vs = (x, b) => (b ? ` (${(x / b).toFixed(2)}×)` : '');
console.log('| articles | build | to the map (brotli; vs 5) | index / details / texts (gzip) | interactive (median of 5) | slow phone: interactive (median of 3; vs 5) | slow phone: first click to its quotes | first click to its quotes (biggest panel, its count) | the same panel again | reader at a citation | search "issyk" (found) | JS heap | wasm memory | pan frame median / p95 |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.n.toLocaleString('en')} | ${(r.buildMs / 1000).toFixed(1)} s | ${kb(r.bytes)}${vs(r.bytes, base?.bytes)} | ${kb(r.index)} / ${kb(r.details)} / ${kb(r.texts)} | ${r.interactive.toFixed(0)} ms | ${r.slow.toFixed(0)} ms${vs(r.slow, base?.slow)} | ${r.slowClick.toFixed(0)} ms | ${r.first.toFixed(0)} ms (${r.top}: ${r.panelCount.trim()}) | ${r.again.toFixed(0)} ms | ${r.reader.toFixed(0)} ms | ${r.search.toFixed(0)} ms (${r.searchCount.trim()}) | ${mb(r.heap)} | ${mb(r.wasm)} | ${r.frameMedian.toFixed(1)} / ${r.frameP95.toFixed(1)} ms |`);
}
