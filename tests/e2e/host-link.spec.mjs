// Issue 12, point 7: the host article's own text linked to the map. The
// demo page's first embed says link-text="article > p"; the page's text
// (index.html, read from disk here) names the Almaty–Issyk-Kul road and the
// ENU branch in Osh. Playwright's CSS locators pierce the open shadow roots.
import { test, expect } from '@playwright/test';
import { embed, near, watch } from './helpers.mjs';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';

const root = new URL('../../', import.meta.url).pathname;
const shots = `${root}screenshots`;
mkdirSync(shots, { recursive: true });
const demo = readFileSync(`${root}index.html`, 'utf8');

const mentions = (page, id) => page.locator(`article > p a.bm-host-mention[data-bm-feature="${id}"]`);
const ready = async (page) => {
  await near(page, 0);
  await near(page, 1);
};

test('the page\'s own text names the road and the ENU branch as links; nothing else of the page changes', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await ready(page);
  const road = mentions(page, 'almaty-issyk-kul-road');
  const branch = mentions(page, 'enu-branch-osh');
  await expect(road).toHaveCount(1);
  await expect(branch).toHaveCount(1);
  // The linked words are the page's words, as index.html has them.
  for (const link of [road, branch]) {
    const words = await link.textContent();
    expect(demo).toContain(words);
    await expect(link).toHaveAttribute('aria-label', `${words} — показать на карте`);
  }
  expect(await road.textContent()).toMatch(/Алматы – Иссык-Куль/);
  expect(await branch.textContent()).toMatch(/филиал Евразийского национального университета/);
  // The body as served and as shown, every name's link put back to its
  // text: the same HTML.
  const served = await (await page.request.get('/')).text();
  const same = await page.evaluate((source) => {
    const body = (html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return doc.body;
    };
    const live = document.body.cloneNode(true);
    for (const a of live.querySelectorAll('a.bm-host-mention')) a.replaceWith(...a.childNodes);
    live.normalize();
    const before = body(source);
    before.normalize();
    return live.innerHTML === before.innerHTML;
  }, served);
  expect(same).toBe(true);
  expect(await page.locator('a.bm-host-mention').count()).toBeGreaterThanOrEqual(2);
  await page.locator('article > p').nth(1).screenshot({ path: `${shots}/host-text-ru-1280.png` });
  expect(problems).toEqual([]);
});

test('hovering the road on the map lights its names in the page; a click on a name opens it in its own embed', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await ready(page);
  const w = embed(page, 0);
  await w.locator('.bm-close').click();
  await expect(w.getByTestId('panel')).toHaveCount(0);
  const road = mentions(page, 'almaty-issyk-kul-road');
  await expect(road).not.toHaveClass(/bm-host-mention--lit/);
  await w.locator('.bm-map g[data-feature-id="almaty-issyk-kul-road"] path').last().hover();
  await expect(road).toHaveClass(/bm-host-mention--lit/);
  await expect(page.locator('a.bm-host-mention--lit')).toHaveCount(await road.count());
  await page.locator('h1').hover();
  await expect(page.locator('a.bm-host-mention--lit')).toHaveCount(0);
  // Focus does what hover does (keyboard).
  await w.locator('.bm-map g[data-feature-id="almaty-issyk-kul-road"]').focus();
  await expect(road).toHaveClass(/bm-host-mention--lit/);

  await mentions(page, 'enu-branch-osh').click();
  const panel = w.getByTestId('panel');
  await expect(panel.locator('.bm-panel-title')).toHaveText('Филиал ЕНУ им. Л.Н. Гумилева в Оше');
  await expect(panel.getByTestId('host-mentions')).toHaveText('Упоминается в этой статье 1 раз');
  await expect(w).toBeInViewport();
  // The road's panel counts its one name too; the Kazakh embed, which
  // links nothing, keeps its own feature and says nothing of the page.
  await road.click();
  await expect(panel.locator('.bm-panel-title')).toHaveText('Автодорога Алматы – Иссык-Куль');
  await expect(panel.getByTestId('host-mentions')).toHaveText('Упоминается в этой статье 1 раз');
  const kk = embed(page, 1).getByTestId('panel');
  await expect(kk.locator('.bm-panel-title')).toHaveText('Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы');
  await expect(kk.getByTestId('host-mentions')).toHaveCount(0);
  await w.screenshot({ path: `${shots}/host-link-panel-ru-1280.png` });
  expect(problems).toEqual([]);
});

test('in Kazakh on a phone the names say so, and a tap opens the map on the feature', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await ready(page);
  const w = embed(page, 0);
  await w.evaluate((el) => el.setLanguage('kk'));
  const branch = mentions(page, 'enu-branch-osh');
  const words = await branch.textContent();
  await expect(branch).toHaveAttribute('aria-label', `${words} — картадан көрсету`);
  await w.locator('.bm-close').click();
  await branch.click();
  const panel = w.getByTestId('panel');
  await expect(panel.locator('.bm-panel-title')).toHaveText('Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы');
  await expect(panel.getByTestId('host-mentions')).toHaveText('Осы мақалада 1 рет аталады');
  await expect(panel).toBeInViewport();
  await page.screenshot({ path: `${shots}/host-link-kk-390.png` });
  expect(problems).toEqual([]);
});

test('a second embed links only its own selector (nested matches once); a bad selector only warns; unmounting gives the text back', async ({ page }) => {
  const problems = watch(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await ready(page);
  const before = await page.locator('a.bm-host-mention').count();
  const original = 'Делегация прибыла в Алматы.';
  await page.evaluate((text) => {
    const extra = document.createElement('section');
    extra.id = 'extra';
    extra.innerHTML = `<p>${text}</p><bilateral-map lang="kk" use-hash="false" link-text="#extra, #extra > p"></bilateral-map>`
      + '<bilateral-map lang="en" use-hash="false" link-text="[["></bilateral-map>'
      + '<bilateral-map lang="en" use-hash="false" link-text="#nothing-here"></bilateral-map>';
    document.querySelector('main').append(extra);
  }, original);
  for (const n of [2, 3, 4]) await near(page, n);
  const own = page.locator('#extra > p a.bm-host-mention');
  await expect(own).toHaveCount(1);
  await expect(own).toHaveText('Алматы');
  await expect(own).toHaveAttribute('data-bm-feature', 'almaty');
  // The article's names are the first embed's, as before.
  await expect(page.locator('a.bm-host-mention')).toHaveCount(before + 1);
  await own.click();
  await expect(embed(page, 2).getByTestId('panel').locator('.bm-panel-title')).toHaveText('Алматы');
  await expect(embed(page, 0).getByTestId('panel').locator('.bm-panel-title')).toHaveText('Автодорога Алматы – Иссык-Куль');
  // The embeds with a bad or empty selector still work and say why once.
  for (const n of [3, 4]) await expect(embed(page, n).getByTestId('widget')).toBeVisible();
  expect(warnings.filter((w) => w.includes('link-text: `[[` is not a CSS selector'))).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('link-text: no element of the page matches `#nothing-here`'))).toHaveLength(1);
  // Taken off the page, the embed puts its text back as it was.
  await embed(page, 2).evaluate((el) => el.remove());
  await expect(page.locator('#extra > p')).toHaveJSProperty('innerHTML', original);
  expect(await page.locator('#extra > p').evaluate((p) => p.childNodes.length)).toBe(1);
  expect(problems).toEqual([]);
});

test('an embed for one story links only its story\'s features, and the whole corpus\'s once switched', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await ready(page);
  // The seed's Kazakh report of the 2025-08-22 council: it cites the ENU
  // branch and Osh, not Almaty.
  const story = readdirSync(`${root}corpus/articles`).find((f) => f.startsWith('002_')).replace(/\.txt$/, '');
  const text = 'Открылся филиал ЕНУ в Оше, делегация прибыла в Алматы.';
  await page.evaluate(([text, story]) => {
    const s = document.createElement('section');
    s.id = 'story';
    s.innerHTML = `<p>${text}</p><bilateral-map use-hash="false" articles="${story}" link-text="#story > p"></bilateral-map>`;
    document.querySelector('main').append(s);
  }, [text, story]);
  const el = await near(page, 2);
  const linked = () => page.locator('#story > p a.bm-host-mention').evaluateAll((as) => as.map((a) => a.dataset.bmFeature));
  expect(await linked()).toEqual(['enu-branch-osh', 'osh']);
  await el.getByTestId('story-toggle').click();
  await expect.poll(linked).toEqual(['enu-branch-osh', 'osh', 'almaty']);
  await el.getByTestId('story-toggle').click();
  await expect.poll(linked).toEqual(['enu-branch-osh', 'osh']);
  await page.locator('#story > p a.bm-host-mention[data-bm-feature="osh"]').click();
  await expect(el.getByTestId('panel').getByTestId('host-mentions')).toHaveText('Упоминается в этой статье 1 раз');
  expect(problems).toEqual([]);
});
