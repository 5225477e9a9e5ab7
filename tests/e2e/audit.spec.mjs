// The audits a newsroom runs, on the built demo page (two embeds, strict CSP):
// Lighthouse 12.8.2 (performance, accessibility, best practices; the median
// of three runs at a CPU slowdown calibrated to the host, Chromium from
// Debian, fully offline) and axe-core on each
// widget's shadow DOM in its states (map, panel, article, search results, a
// period that fades features). Run alone
// (`E2E_SUITE=audit`, one worker) so other tests do not skew the timings.
// The scores are written to target/lighthouse-scores.json.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { near } from './helpers.mjs';

const root = new URL('../../', import.meta.url).pathname;

const chromeFlags = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
].join(' ');

// Lighthouse's simulated throttling multiplies the host's own CPU time by
// `cpuSlowdownMultiplier` (4 by default, set for a host whose benchmarkIndex is
// about 1533); on a slower or busier host the same 4 emulates a slower phone
// than the one Lighthouse means. So the audit first measures the host (the
// median of five readings of Lighthouse's own `computeBenchmarkIndex`, the
// function that gives a report's `environment.benchmarkIndex`, in this
// Chromium) and sets the multiplier from Lighthouse's calibration
// (docs/throttling.md, "Calibrating multipliers"; the formula of its CPU
// throttling calculator), the same phone on a slower host. Never above the
// default 4: this host's speed swings (readings from 960 to 2010 within
// minutes), and a fast reading would throttle runs that land on slow moments
// harder than Lighthouse's standard setting does.
function calibratedSlowdown(benchmarkIndex) {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  if (benchmarkIndex >= 150) return 1 + (benchmarkIndex - 150) / 650;
  return 1;
}

function lighthouse(baseURL, out, extra = []) {
  execFileSync(`${root}node_modules/.bin/lighthouse`, [
    `${baseURL}/`, '--quiet', `--chrome-flags=${chromeFlags}`,
    '--only-categories=performance,accessibility,best-practices',
    '--output=json', `--output-path=${out}`, ...extra,
  ], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, stdio: 'inherit' });
  return JSON.parse(readFileSync(out, 'utf8'));
}

test('the calibrated slowdown is Lighthouse\'s table', () => {
  // The calculator's anchors: 800 = 2x, 1300 = 3x, 1533 = 4x, 2000 = 6x.
  expect(calibratedSlowdown(800)).toBe(2);
  expect(calibratedSlowdown(1300)).toBe(3);
  expect(calibratedSlowdown(1533)).toBeCloseTo(4, 5);
  expect(calibratedSlowdown(2000)).toBeCloseTo(6, 1);
  expect(calibratedSlowdown(100)).toBe(1);
});

test('Lighthouse on the demo: performance ≥ 95, accessibility 100, best practices ≥ 95', async ({ baseURL, page }) => {
  test.setTimeout(300_000);
  const readings = [];
  for (let i = 0; i < 5; i++) readings.push(await page.evaluate(pageFunctions.computeBenchmarkIndex));
  const benchmarkIndex = readings.sort((a, b) => a - b)[2];
  const slowdown = Math.min(4, calibratedSlowdown(benchmarkIndex));
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const report = lighthouse(baseURL, `${root}target/lighthouse-${i}.json`, [
      `--throttling.cpuSlowdownMultiplier=${slowdown.toFixed(2)}`,
    ]);
    runs.push(Object.fromEntries(Object.entries(report.categories).map(([k, v]) => [k, Math.round(v.score * 100)])));
  }
  const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[1];
  const scores = {
    performance: median('performance'), accessibility: median('accessibility'), 'best-practices': median('best-practices'),
    benchmarkIndex, benchmarkReadings: readings, cpuSlowdownMultiplier: Number(slowdown.toFixed(2)), runs,
  };
  writeFileSync(`${root}target/lighthouse-scores.json`, JSON.stringify(scores, null, 2));
  console.log('lighthouse', JSON.stringify(scores));
  expect(scores.performance).toBeGreaterThanOrEqual(95);
  expect(scores.accessibility).toBe(100);
  expect(scores['best-practices']).toBeGreaterThanOrEqual(95);
});

test('axe-core finds nothing in either widget\'s shadow DOM (map, panel, article) nor in the host text it links', async ({ page }) => {
  const axe = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');
  // `selector`: the widgets (axe walks into open shadow roots from the host
  // elements), or the page's own text that `link-text` links.
  const run = async (selector = 'bilateral-map') => page.evaluate(async (selector) => {
    const result = await window.axe.run([...document.querySelectorAll(selector)], {
      resultTypes: ['violations'],
    });
    return { violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), passes: result.passes.length };
  }, selector);
  for (const [w, h] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    const ru = await near(page, 0);
    await expect(ru.getByTestId('panel')).toBeVisible();
    await expect((await near(page, 1)).getByTestId('panel')).toBeVisible();
    await page.evaluate(axe); // through the DevTools protocol: the page's CSP does not apply
    const withPanels = await run();
    expect(withPanels.violations, `${w}px, panels`).toEqual([]);
    await ru.getByTestId('citation').first().click();
    await expect(ru.getByTestId('article')).toBeVisible();
    const withArticle = await run();
    expect(withArticle.violations, `${w}px, article`).toEqual([]);
    await ru.getByRole('button', { name: /К объекту/ }).click();
    await ru.locator('.bm-close').click();
    await expect(ru.getByTestId('panel')).toHaveCount(0);
    const mapOnly = await run();
    expect(mapOnly.violations, `${w}px, map`).toEqual([]);
    expect(mapOnly.passes).toBeGreaterThan(5);
    // Issue 12's host link: the page's paragraphs with their linked names,
    // the road's lit by the map's focus.
    await ru.locator('.bm-map g[data-feature-id="almaty-issyk-kul-road"]').focus();
    await expect(page.locator('a.bm-host-mention--lit').first()).toBeAttached();
    const hostText = await run('article > p:has(a.bm-host-mention)');
    expect(hostText.violations, `${w}px, host text`).toEqual([]);
    expect(hostText.passes).toBeGreaterThan(3);
    // Issue 12's controls in use: search results open, then a period that fades features.
    await ru.getByTestId('search').fill('issyk kul');
    await expect(ru.getByTestId('search-sentence').first()).toBeVisible();
    const withSearch = await run();
    expect(withSearch.violations, `${w}px, search`).toEqual([]);
    await ru.getByTestId('search').press('Escape');
    await ru.getByTestId('until-handle').focus();
    await page.keyboard.press('Home');
    await expect(ru.locator('.bm-feature--faded').first()).toBeAttached();
    const withPeriod = await run();
    expect(withPeriod.violations, `${w}px, period`).toEqual([]);
    await ru.getByTestId('whole-period').click();
  }
  // Control: axe does see inside the shadow root (an unlabelled button there is found).
  await page.locator('bilateral-map').nth(1).evaluate((host) => {
    host.shadowRoot.querySelector('.bm-head').append(document.createElement('button'));
  });
  const broken = await run();
  expect(broken.violations.join('\n')).toContain('button-name');
});
