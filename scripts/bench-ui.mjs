// Pan/zoom frame times and click-to-panel latency in real headless Chromium
// (Debian's, software rendering: no GPU on these machines).
// Usage: node scripts/bench-ui.mjs   (after `make build` and the bench page build; `make bench-ui` does both)
// Serves dist/ (the corpus page) and dist-bench/ (5,000 synthetic features) on 127.0.0.1.
import { readFileSync, readdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { frames, serve } from './browser.mjs';

const pages = [
  { name: 'corpus features', dir: 'dist', port: 8771, features: null },
  { name: '+5,000 synthetic features', dir: 'dist-bench', port: 8772, features: 5000 },
];

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const fmt = (x) => x.toFixed(1);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
});
const rows = [];
for (const p of pages) {
  const server = await serve(p.dir, p.port);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${p.port}/`);
    // The first <bilateral-map> on the page (Playwright's locators pierce its shadow root).
    const w = page.locator('bilateral-map').first();
    await w.locator('.bm-widget [data-feature-id="almaty-issyk-kul-road"]').waitFor();
    const load = Date.now() - t0;
    if (await w.locator('.bm-close').count()) await w.locator('.bm-close').click();
    await w.evaluate((e) => e.scrollIntoView());
    const drawn = await w.locator('.bm-widget [data-feature-id]').count();
    const box = await w.locator('.bm-svg').boundingBox();
    const cx = box.x + box.width / 2, cy = box.y + box.height / 2;

    const pan = await frames(page, async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(cx + 4 * i, cy + 2 * i);
      await page.mouse.up();
    });
    const zoom = await frames(page, async () => {
      await page.mouse.move(cx, cy);
      await page.keyboard.down('Control');
      for (let i = 0; i < 20; i++) { await page.mouse.wheel(0, i < 10 ? -120 : 120); await page.waitForTimeout(16); }
      await page.keyboard.up('Control');
    });

    const clicks = [];
    for (let i = 0; i < 9; i++) {
      clicks.push(await page.evaluate(() => new Promise((resolve) => {
        const root = document.querySelector('bilateral-map').shadowRoot;
        const target = root.querySelector('[data-feature-id="almaty-issyk-kul-road"]');
        const start = performance.now();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        const check = () => {
          if (root.querySelector('[data-testid=panel]')) requestAnimationFrame(() => resolve(performance.now() - start));
          else requestAnimationFrame(check);
        };
        check();
      })));
      await w.locator('.bm-close').click();
      await w.getByTestId('panel').waitFor({ state: 'detached' });
    }
    rows.push({ ...p, load, drawn, pan, zoom, clicks });
    await page.close();
  } finally {
    server.kill();
  }
}

// The host-text link (issue 12): an embed mounted over a long host article
// (the seed articles' paragraphs, ~28 KB, as <p>s) with `link-text` on it,
// against the same embed without; median of 7 mounts each, append → ready.
const hostText = readdirSync('corpus/articles').sort()
  .map((f) => readFileSync(`corpus/articles/${f}`, 'utf8')).join('\n\n')
  .split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const mounts = { with: [], without: [], links: 0, bytes: hostText.join('').length };
{
  const server = await serve('dist', 8773);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto('http://127.0.0.1:8773/');
    await page.locator('bilateral-map').first().evaluate((e) => e.ready);
    for (let run = 0; run < 14; run++) {
      const linked = run % 2 === 0;
      const [ms, links] = await page.evaluate(async ([paragraphs, linked]) => {
        const host = document.createElement('section');
        host.id = 'bench-host';
        for (const text of paragraphs) host.append(Object.assign(document.createElement('p'), { textContent: text }));
        document.body.append(host);
        const el = document.createElement('bilateral-map');
        el.setAttribute('use-hash', 'false');
        if (linked) el.setAttribute('link-text', '#bench-host');
        const start = performance.now();
        document.body.append(el);
        await el.ready;
        const ms = performance.now() - start;
        const links = host.querySelectorAll('a.bm-host-mention').length;
        el.remove();
        host.remove();
        return [ms, links];
      }, [hostText, linked]);
      mounts[linked ? 'with' : 'without'].push(ms);
      if (linked) mounts.links = links;
    }
    await page.close();
  } finally {
    server.kill();
  }
}
await browser.close();

console.log('| page | features drawn | load to first render | pan frame median / p95 / max | zoom frame median / p95 / max | click → panel median (9 runs) |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.drawn} | ${r.load} ms | ${fmt(pct(r.pan, 0.5))} / ${fmt(pct(r.pan, 0.95))} / ${fmt(Math.max(...r.pan))} ms | ${fmt(pct(r.zoom, 0.5))} / ${fmt(pct(r.zoom, 0.95))} / ${fmt(Math.max(...r.zoom))} ms | ${fmt(pct(r.clicks, 0.5))} ms |`);
}
console.log('');
console.log('| host text | names linked | mount without link-text (median of 7) | with link-text (median of 7) |');
console.log('|---|---|---|---|');
console.log(`| ${mounts.bytes} characters, ${hostText.length} paragraphs | ${mounts.links} | ${fmt(pct(mounts.without, 0.5))} ms | ${fmt(pct(mounts.with, 0.5))} ms |`);
