// The built demo page as a reader uses it, in Debian's Chromium: a news
// article with two <bilateral-map> embeds (ru on the Almaty–Issyk-Kul road,
// kk on the ENU branch in Osh). Playwright's CSS locators pierce the open
// shadow roots. Expected article texts are read from corpus/articles/ on disk,
// not from the widget.
import { test, expect } from '@playwright/test';
import { embed, near, watch } from './helpers.mjs';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';

const root = new URL('../../', import.meta.url).pathname;
const shots = `${root}screenshots`;
mkdirSync(shots, { recursive: true });

const articleText = (id) => readFileSync(`${root}corpus/articles/${id}.txt`, 'utf8');
const allArticles = () => readdirSync(`${root}corpus/articles`).map((f) => readFileSync(`${root}corpus/articles/${f}`, 'utf8')).join('\n');

const feature = (page, id, n = 0) => embed(page, n).locator(`.bm-widget [data-feature-id="${id}"]`);
/** Feature `id` on the n-th embed's map: its own symbol, or the cluster symbol it is drawn in. */
const shown = (page, id, n = 0) => embed(page, n).locator(`.bm-map g[data-feature-id="${id}"], .bm-map g[data-members~="${id}"]`).first();
/** Opens feature `id`'s panel from the map: a click on its symbol, or on its cluster and then its name in the cluster's list, or on
 * the edge button of a distant feature; the view is reset first when the symbol is out of the map's sight. */
async function pick(page, id, n = 0) {
  const map = embed(page, n).locator('.bm-map');
  const edge = map.locator(`.bm-edge[data-members~="${id}"]`);
  if (await edge.count()) return edge.click();
  const mark = map.locator(`g[data-feature-id="${id}"] .bm-symbol, g[data-members~="${id}"]`).first();
  const [box, at] = [await map.boundingBox(), await mark.boundingBox()];
  const inside = at && at.x > box.x && at.y > box.y && at.x + at.width < box.x + box.width && at.y + at.height < box.y + box.height;
  if (!inside) {
    await map.locator('.bm-controls button').nth(2).click();
    if (await edge.count()) return edge.click();
  }
  const own = embed(page, n).locator(`.bm-map g[data-feature-id="${id}"]`);
  if (await own.count()) {
    // A group is drawn at each member: click a symbol nothing covers.
    const symbols = await own.locator('.bm-symbol').all();
    for (const symbol of symbols.slice(0, -1)) {
      try {
        await symbol.click({ trial: true, timeout: 500 });
        return symbol.click();
      } catch {
        // covered (a cluster's disc): try the next one
      }
    }
    return symbols.at(-1).click();
  }
  await embed(page, n).locator(`.bm-map g[data-members~="${id}"]`).click();
  await embed(page, n).locator(`[data-testid=cluster-list] button[data-feature-id="${id}"]`).click();
}
/** The element focused inside the n-th embed's shadow root. */
const focusedId = (page, n = 0) => embed(page, n).evaluate((el) => el.shadowRoot.activeElement?.getAttribute('data-feature-id') ?? null);

/** The first embed, mounted, with its initial panel (the road) closed. */
async function firstClosed(page) {
  const w = await near(page, 0);
  await expect(w.getByTestId('panel')).toBeVisible();
  await w.locator('.bm-close').click();
  await expect(w.getByTestId('panel')).toHaveCount(0);
  return w;
}

test('the road, a border crossing and the Osh ENU branch open panels citing their articles', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = await firstClosed(page);
  for (const id of ['almaty-issyk-kul-road', 'border-crossings', 'enu-branch-osh']) {
    await expect(shown(page, id)).toBeVisible();
    await pick(page, id);
    const panel = w.getByTestId('panel');
    await expect(panel).toBeVisible();
    const citation = panel.getByTestId('citation').first();
    await expect(citation).toBeVisible();
    const articleId = await panel.locator('.bm-source').first().getAttribute('data-article-id');
    const quote = await citation.locator('q').textContent();
    expect(articleText(articleId)).toContain(quote);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
  }
  expect(problems).toEqual([]);
});

test('a citation opens its article at the sentence, and the link reopens it', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = embed(page, 0);
  const panel = w.getByTestId('panel');
  await expect(panel).toBeVisible();
  const articleId = await panel.locator('.bm-source').first().getAttribute('data-article-id');
  await panel.getByTestId('citation').first().click();
  const reader = w.getByTestId('article');
  await expect(reader).toBeVisible();
  const cited = reader.getByTestId('cited-sentence');
  await expect(cited).toBeInViewport();
  const sentence = await cited.textContent();
  expect(articleText(articleId)).toContain(sentence.trim());
  expect(sentence).toContain('Алматы – Иссык-Куль');
  expect(page.url()).toContain('#feature=almaty-issyk-kul-road&cite=0');

  await page.reload();
  await expect(embed(page, 0).getByTestId('cited-sentence')).toHaveText(sentence);

  await w.getByRole('button', { name: /К объекту|Back to feature|Нысанға оралу/ }).click();
  await expect(w.getByTestId('panel')).toBeVisible();
  await page.goBack();
  await expect(w.getByTestId('article')).toBeVisible();
  expect(problems).toEqual([]);
});

test('keyboard only: Tab reaches a feature, Enter opens its panel, Escape closes it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await firstClosed(page);
  await feature(page, 'almaty-issyk-kul-road').focus();
  let id = null;
  for (let i = 0; i < 12 && !id; i++) {
    await page.keyboard.press('Tab');
    id = await focusedId(page);
  }
  expect(id).toBeTruthy();
  await page.keyboard.press('Enter');
  await expect(embed(page, 0).getByTestId('panel')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(embed(page, 0).getByTestId('panel')).toHaveCount(0);
  expect(await focusedId(page)).toBe(id);
});

test('two embeds on one page: each renders its own config, and selecting in one leaves the other alone', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const [ru, kk] = [await near(page, 0), await near(page, 1)];
  await expect(ru.getByTestId('widget')).toHaveAttribute('lang', 'ru');
  await expect(kk.getByTestId('widget')).toHaveAttribute('lang', 'kk');
  await expect(ru.locator('.bm-panel-title')).toHaveText('Автодорога Алматы – Иссык-Куль');
  await expect(kk.locator('.bm-panel-title')).toHaveText('Л.Н. Гумилев атындағы ЕҰУ-дың Ош филиалы');
  // The configured feature is in sight: in the kk embed (narrow, a bottom
  // sheet) above the sheet, in the ru one (wide, a side panel) inside the map.
  const inSight = (el, id) => el.evaluate((host, id) => {
    const root = host.shadowRoot;
    const mark = root.querySelector(`.bm-widget [data-feature-id="${id}"] .bm-symbol`).getBoundingClientRect();
    const map = root.querySelector('.bm-map').getBoundingClientRect();
    const side = root.querySelector('.bm-side').getBoundingClientRect();
    const [x, y] = [mark.x + mark.width / 2, mark.y + mark.height / 2];
    const bottom = side.top > map.top + 10 ? Math.min(map.bottom, side.top) : map.bottom;
    const right = side.left > map.left + 10 ? Math.min(map.right, side.left) : map.right;
    return x > map.left && x < right && y > map.top && y < bottom;
  }, id);
  await expect.poll(() => inSight(kk, 'enu-branch-osh')).toBe(true);
  await expect.poll(() => inSight(ru, 'almaty-issyk-kul-road')).toBe(true);
  const url = page.url();
  await kk.locator('.bm-close').click();
  // The first view again: Astana, a thousand km north of the border
  // region, is out of it, and its button at the map's edge opens it.
  await kk.locator('.bm-controls button').nth(2).click();
  await expect(feature(page, 'astana', 1).locator('.bm-symbol').first()).not.toBeInViewport();
  const edge = kk.locator('.bm-edge[data-members~="astana"]');
  await expect(edge).toHaveAccessibleName(/^Астана 1\u00a0\d{3}\u00a0км (солтүстікке|солтүстік-батысқа) қарай$/);
  await edge.click();
  await expect(kk.locator('.bm-panel-title')).toHaveText('Астана');
  await expect(ru.locator('.bm-panel-title')).toHaveText('Автодорога Алматы – Иссык-Куль');
  // Only the first embed follows the URL hash.
  expect(page.url()).toBe(url);
  await kk.locator('.bm-langs button[lang="en"]').click();
  await expect(kk.getByTestId('widget')).toHaveAttribute('lang', 'en');
  await expect(ru.getByTestId('widget')).toHaveAttribute('lang', 'ru');
  expect(problems).toEqual([]);
});

// Issue 20, point 1: the first view frames the border region; the venue a
// thousand km north is a button at the map's edge (arrow, name, distance),
// reached by keyboard like any control, inside the map and clear of the zoom
// buttons, and its panel opens with the venue brought into view.
for (const [w, h] of [[360, 780], [1280, 900]]) {
  test(`a distant venue is a button at the map's edge at ${w} px, by keyboard too`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    const ru = await near(page, 0);
    await ru.locator('.bm-close').click();
    await ru.locator('.bm-controls button').nth(2).click();
    const edge = ru.locator('.bm-edge[data-members~="astana"]');
    await expect(edge).toBeVisible();
    await expect(edge).toHaveAccessibleName(/^Астана 1\u00a0\d{3}\u00a0км к (северу|северо-западу)$/);
    await expect(edge.locator('.bm-edge-km')).toHaveText(/^1\u00a0\d{3}\u00a0км$/);
    const [map, pill, buttons] = [await ru.locator('.bm-map').boundingBox(), await edge.boundingBox(), await ru.locator('.bm-controls').boundingBox()];
    expect(pill.x).toBeGreaterThanOrEqual(map.x);
    expect(pill.y).toBeGreaterThanOrEqual(map.y);
    expect(pill.x + pill.width).toBeLessThanOrEqual(map.x + map.width);
    expect(pill.y + pill.height).toBeLessThanOrEqual(map.y + map.height);
    const apart = pill.x + pill.width <= buttons.x || buttons.x + buttons.width <= pill.x || pill.y + pill.height <= buttons.y || buttons.y + buttons.height <= pill.y;
    expect(apart, 'the edge button is clear of the zoom buttons').toBe(true);
    // The border region fills the frame: the road and Bishkek are in sight.
    await expect(shown(page, 'almaty-issyk-kul-road')).toBeInViewport();
    await expect(shown(page, 'bishkek')).toBeInViewport();
    await page.screenshot({ path: `${shots}/edge-${w}.png` });
    await edge.focus();
    await page.keyboard.press('Enter');
    await expect(ru.locator('.bm-panel-title')).toHaveText('Астана');
    // Now in sight, Astana needs no button.
    await expect(edge).toHaveCount(0);
    await expect(feature(page, 'astana').locator('.bm-symbol').first()).toBeInViewport();
    expect(problems).toEqual([]);
  });
}

test('events carry ids in detail, and the element API selects features and sets the language', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.evaluate(() => {
    window.seen = [];
    for (const name of ['bilateral-map:select', 'bilateral-map:cite']) {
      document.addEventListener(name, (e) => window.seen.push({
        name, detail: e.detail, target: e.target.localName, index: [...document.querySelectorAll('bilateral-map')].indexOf(e.target),
      }));
    }
  });
  // Closing the first embed's initial panel (the host's choice: no event
  // for it) clears the selection, and says so.
  const w = await firstClosed(page);
  await expect.poll(() => page.evaluate(() => window.seen.length)).toBe(1);
  expect((await page.evaluate(() => window.seen))[0]).toMatchObject({ name: 'bilateral-map:select', index: 0, detail: { feature: null } });
  await pick(page, 'enu-branch-osh');
  await w.getByTestId('citation').first().click();
  await expect(w.getByTestId('article')).toBeVisible();
  const seen = (await page.evaluate(() => window.seen)).slice(1);
  expect(seen[0]).toEqual({ name: 'bilateral-map:select', target: 'bilateral-map', index: 0,
    detail: { feature: 'enu-branch-osh', cite: null, article: null, sentence: null } });
  expect(seen[1].name).toBe('bilateral-map:cite');
  expect(seen[1].detail.feature).toBe('enu-branch-osh');
  expect(seen[1].detail.cite).toBe(0);
  // The article and sentence ids point at the quoted text on disk.
  const quoted = await w.getByTestId('cited-sentence').textContent();
  expect(articleText(seen[1].detail.article)).toContain(quoted.trim());
  expect(Number.isInteger(seen[1].detail.sentence)).toBe(true);

  // The API, on the second embed.
  const kk = embed(page, 1);
  expect(await kk.evaluate((el) => el.selectFeature('astana'))).toBe(true);
  await expect(kk.locator('.bm-panel-title')).toHaveText('Астана');
  expect(await kk.evaluate((el) => el.setLanguage('en'))).toBe(true);
  await expect(kk.getByTestId('widget')).toHaveAttribute('lang', 'en');
  await expect(kk.locator('.bm-panel-title')).toHaveText('Astana');
  expect(await kk.evaluate((el) => el.selectFeature(null))).toBe(true);
  await expect(kk.getByTestId('panel')).toHaveCount(0);
  const last = (await page.evaluate(() => window.seen)).at(-1);
  expect(last).toMatchObject({ name: 'bilateral-map:select', index: 1, detail: { feature: null } });
  await expect(w.getByTestId('article')).toBeVisible();
  expect(problems).toEqual([]);
  // Unknown ids and languages are refused, and say why in the console.
  expect(await kk.evaluate((el) => el.selectFeature('atlantis'))).toBe(false);
  expect(await kk.evaluate((el) => el.setLanguage('de'))).toBe(false);
  expect(problems.join('\n')).toContain('atlantis');
});

test('an embed loads as the reader nears it; loading="eager", a deep link and the element API load it at once', async ({ page }) => {
  const problems = watch(page);
  const fetched = [];
  page.on('request', (r) => { if (/\.(wasm|bin)$/.test(r.url())) fetched.push(r.url().split('/').pop()); });
  const mounted = (n) => embed(page, n).locator('[data-testid=widget]');
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone both embeds are further than a screen height below the fold:
  // the page shows their static maps and fetches nothing of the widget.
  await page.goto('/', { waitUntil: 'networkidle' });
  expect(fetched).toEqual([]);
  await expect(mounted(0)).toHaveCount(0);
  await expect(mounted(1)).toHaveCount(0);
  await expect(embed(page, 0).locator('.bm-fallback > svg')).toBeVisible();
  // Scrolled to, the first loads and replaces its static map.
  await embed(page, 0).scrollIntoViewIfNeeded();
  await expect(mounted(0)).toBeVisible();
  expect(fetched.some((f) => f.endsWith('.wasm'))).toBe(true);
  await expect(embed(page, 0).locator('.bm-fallback > svg')).toBeHidden();
  // A script's call loads an embed wherever it is.
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await embed(page, 1).evaluate((el) => el.selectFeature('astana'))).toBe(true);
  await expect(mounted(1).locator('.bm-panel-title')).toHaveText('Астана');
  // An element that asks for it loads at once, out of sight.
  await page.evaluate(() => {
    const el = document.createElement('bilateral-map');
    el.setAttribute('lang', 'en');
    el.setAttribute('use-hash', 'false');
    el.setAttribute('loading', 'eager');
    document.querySelector('main').append(el);
  });
  await embed(page, 2).evaluate((el) => el.ready);
  await expect(mounted(2)).toHaveAttribute('lang', 'en');
  // A deep link loads the embed that follows it, not the other.
  await page.goto('about:blank');
  await page.goto('/#feature=astana', { waitUntil: 'networkidle' });
  await expect(mounted(0).locator('.bm-panel-title')).toHaveText('Астана');
  await expect(mounted(1)).toHaveCount(0);
  expect(problems).toEqual([]);
});

// A page whose map is above the fold says loading="eager" and carries the
// preload lines atlas dist writes (bilateral-map/preload.html): the browser
// fetches the glue, the wasm, the index, the basemap and the stylesheet with
// the page, and each only once (a preload whose credentials mode differs
// from the module's fetch would be fetched twice and warned about).
test('an eager page preloads what its map needs, and each file is fetched once', async ({ page }) => {
  const problems = watch(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const preload = readFileSync(`${root}dist/bilateral-map/preload.html`, 'utf8');
  expect(preload.split('\n').filter(Boolean)).toHaveLength(5);
  const demo = readFileSync(`${root}dist/index.html`, 'utf8');
  expect(demo).not.toContain('rel="preload"');
  const eager = demo.replace(/<bilateral-map(?=[\s>])/g, '<bilateral-map loading="eager"').replace('</head>', `${preload}</head>`);
  await page.route('**/eager.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: eager }));
  const fetched = {};
  page.on('request', (r) => {
    const name = r.url().split('/').pop();
    if (/\.(wasm|bin|css)$|^bilateral-map-[0-9a-f]+\.js$/.test(name)) fetched[name] = (fetched[name] ?? 0) + 1;
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/eager.html');
  await embed(page, 0).evaluate((el) => el.ready);
  await embed(page, 1).evaluate((el) => el.ready);
  const names = [...preload.matchAll(/href="bilateral-map\/([^"]+)"/g)].map((m) => m[1]);
  expect(names).toHaveLength(5);
  for (const name of names) expect(fetched[name], name).toBe(1);
  expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
  expect(problems).toEqual([]);
});

test('the page makes no request outside its own origin and sends wasm as application/wasm', async ({ page, baseURL }) => {
  const foreign = [];
  const types = {};
  page.on('request', (r) => { if (!r.url().startsWith(baseURL)) foreign.push(r.url()); });
  page.on('response', (r) => { types[new URL(r.url()).pathname.split('.').pop()] = r.headers()['content-type']; });
  await page.goto('/#feature=enu-branch-osh&cite=0');
  await expect(embed(page, 0).getByTestId('article')).toBeVisible();
  await expect((await near(page, 1)).getByTestId('widget')).toBeVisible();
  expect(foreign).toEqual([]);
  expect(types.wasm).toBe('application/wasm');
});

test('under the demo\'s strict CSP: no violation, no console error, symbols keep their pixel size', async ({ page }) => {
  const problems = watch(page);
  // The page's own <meta> policy, which scripts/serve.mjs also sends as a
  // header, as a production server would.
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  const response = await page.goto('/');
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(policy);
  expect(response.headers()['content-security-policy']).toBe(policy);
  const w = await firstClosed(page);
  // Astana's symbol is a circle of radius 6 px with a 1.5 px outline.
  const circle = feature(page, 'astana').locator('.bm-symbol');
  await expect(circle).toBeVisible();
  const width = () => circle.evaluate((el) => el.getBoundingClientRect().width);
  await expect.poll(width).toBeGreaterThan(11);
  await expect.poll(width).toBeLessThan(14);
  // The viewBox follows the element's real size.
  const aspectGap = () => w.locator('.bm-svg').evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    const vb = svg.getAttribute('viewBox').split(' ').map(Number);
    return Math.abs(r.width / r.height - vb[2] / vb[3]);
  });
  await expect.poll(aspectGap).toBeLessThan(0.01);
  await feature(page, 'khan-tengri-tourism').locator('.bm-symbol').hover();
  await expect(w.getByTestId('tooltip')).toBeVisible();
  await feature(page, 'khan-tengri-tourism').locator('.bm-symbol').click();
  await w.getByTestId('citation').first().click();
  await expect(w.getByTestId('cited-sentence')).toBeVisible();
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the host page\'s hostile CSS does not change the widget', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const kk = await near(page, 1);
  await expect(kk.locator('.bm-panel-title')).toBeVisible();
  await kk.evaluate((el) => el.scrollIntoView());
  // The same width both times; then every element's computed style and box.
  const setWidth = () => kk.evaluate((host) => host.style.setProperty('width', '700px'));
  const snapshot = async () => {
    await setWidth();
    // Let the map refit to the new size (ResizeObserver) before measuring.
    await settledViewBox(page, 1);
    return kk.evaluate((host) => {
    const origin = host.getBoundingClientRect();
    const props = ['font-family', 'font-size', 'line-height', 'letter-spacing', 'word-spacing', 'text-indent',
      'text-align', 'text-transform', 'color', 'background-color', 'box-sizing', 'margin-top', 'padding-left',
      'border-top-width', 'fill', 'list-style-type', 'text-decoration-line', 'max-width', 'cursor'];
    return [...host.shadowRoot.querySelectorAll('.bm-widget, .bm-widget *')].map((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return [[el.localName, el.getAttribute('class'), ...props.map((p) => cs.getPropertyValue(p))].join('|'),
        [r.x - origin.x, r.y - origin.y, r.width, r.height]];
    });
    });
  };
  const hostile = await snapshot();
  await kk.screenshot({ path: `${shots}/isolation-with-host-css.png` });
  await page.evaluate(() => document.getElementById('host-css').remove());
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toContain('Georgia');
  const plain = await snapshot();
  await kk.screenshot({ path: `${shots}/isolation-without-host-css.png` });
  expect(hostile.length).toBeGreaterThan(100);
  // Styles exactly; boxes to within a pixel (the host's own box may sit at
  // another fraction of a pixel once the page's fonts change).
  expect(hostile.map(([style]) => style)).toEqual(plain.map(([style]) => style));
  const moved = hostile.flatMap(([style, box], i) => (box.some((v, k) => Math.abs(v - plain[i][1][k]) > 1)
    ? [`${style.split('|').slice(0, 2).join('.')} ${box} vs ${plain[i][1]}`] : []));
  expect(moved).toEqual([]);
});

test('without JavaScript the fallback shows the map and every feature with its citations', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/');
  for (const [n, lang] of [[0, 'ru'], [1, 'kk']]) {
    const el = embed(page, n);
    await expect(el.locator('.bm-fallback > svg')).toBeVisible();
    await expect(el.locator('.bm-fallback-list')).toHaveAttribute('lang', lang);
    const items = el.locator('.bm-fallback-features > li');
    expect(await items.count()).toBeGreaterThan(5);
    for (const id of ['almaty-issyk-kul-road', 'border-crossings', 'enu-branch-osh']) {
      const item = el.locator(`.bm-fallback-features > li[data-feature-id="${id}"]`);
      await expect(item).toBeVisible();
      const quotes = await item.locator('blockquote').allTextContents();
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(allArticles()).toContain(q.trim());
    }
  }
  await page.screenshot({ path: `${shots}/nojs-1280.png` });
  await context.close();
});

test('without JavaScript a long citation list shows its first citations and links to a page with all of them', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // How many citations Bishkek has, from the page with all of them (the seed
  // alone gives 3; articles a newsroom adds give more).
  await page.goto('/bilateral-map/citations-kk.html');
  const all = page.locator('li[data-feature-id="bishkek"] blockquote');
  const n = await all.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (const q of await all.allTextContents()) expect(allArticles()).toContain(q.trim());
  await page.goto('/');
  // The kk embed says fallback-citations="2"; the ru one keeps the default (3).
  const short = embed(page, 1).locator('.bm-fallback-features > li[data-feature-id="bishkek"]');
  await expect(short.locator('blockquote')).toHaveCount(2);
  const more = short.locator('.bm-fallback-more a');
  await expect(more).toHaveText(`Барлық дәйексөздер (${n})`);
  const whole = embed(page, 0).locator('.bm-fallback-features > li[data-feature-id="bishkek"]');
  await expect(whole.locator('blockquote')).toHaveCount(3);
  await expect(whole.locator('.bm-fallback-more')).toHaveCount(n > 3 ? 1 : 0);
  await more.click();
  await expect(page).toHaveURL(/\/bilateral-map\/citations-kk\.html#bm-fallback-bishkek$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(all).toHaveCount(n);
  await page.screenshot({ path: `${shots}/nojs-all-citations-kk.png` });
  await context.close();
});

test('no layout shift while the embeds load and mount (CLS 0)', async ({ page }) => {
  // Tall enough that both embeds and the text after them are in the viewport,
  // where a shift would count.
  for (const [w, h] of [[1280, 4000], [390, 4000]]) {
    await page.setViewportSize({ width: w, height: h });
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.shifts.push(e.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/');
    await expect(embed(page, 1).locator('.bm-panel-title')).toBeVisible();
    await expect(embed(page, 0).locator('.bm-panel-title')).toBeVisible();
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => window.shifts);
    expect(shifts.reduce((a, b) => a + b, 0), `${w}px: ${shifts}`).toBe(0);
  }
});

test('print: the live widget prints without its controls', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = embed(page, 0);
  await expect(w.locator('.bm-controls')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(w.locator('.bm-controls')).toBeHidden();
  await expect(w.locator('.bm-langs')).toBeHidden();
  await expect(w.locator('.bm-svg')).toBeVisible();
  await expect(w.getByTestId('panel')).toBeVisible();
});

for (const [w, h] of [[360, 740], [1280, 800]]) {
  for (const scheme of ['light', 'dark']) {
    for (const n of [0, 1]) {
      const lang = ['ru', 'kk'][n];
      test(`screenshot ${w}x${h} ${scheme} ${lang}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/');
        const el = await near(page, n);
        await expect(shown(page, 'enu-branch-osh', n)).toBeVisible();
        await expect(el.getByTestId('widget')).toHaveAttribute('lang', lang);
        await el.evaluate((e) => e.scrollIntoView());
        // No horizontal scrolling at any width.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${shots}/map-${w}x${h}-${scheme}-${lang}.png` });
        await el.locator('.bm-close').click();
        await pick(page, 'enu-branch-osh', n);
        await expect(el.getByTestId('panel')).toBeVisible();
        await page.screenshot({ path: `${shots}/panel-${w}x${h}-${scheme}-${lang}.png` });
        // (Playwright scrolls a target into view before clicking; do that first.)
        await el.getByTestId('citation').first().scrollIntoViewIfNeeded();
        const scrollBefore = await page.evaluate(() => window.scrollY);
        await el.getByTestId('citation').first().click();
        await expect(el.getByTestId('cited-sentence')).toBeInViewport();
        // Opening an article scrolls the panel, never the host page.
        expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
        await page.screenshot({ path: `${shots}/article-${w}x${h}-${scheme}-${lang}.png` });
      });
    }
  }
}

const viewBox = async (page, n = 0) => (await embed(page, n).locator('.bm-svg').getAttribute('viewBox')).split(' ').map(Number);
/** The n-th embed's viewBox once two reads 100 ms apart agree (a refit after a resize is async). */
async function settledViewBox(page, n = 0) {
  let last = null;
  await expect.poll(async () => {
    const now = (await viewBox(page, n)).join(' ');
    const same = now === last;
    last = now;
    return same;
  }, { intervals: [100] }).toBe(true);
  return last.split(' ').map(Number);
}

test('a resize refits the map once: the <svg>\'s height does not follow its own viewBox', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = embed(page, 0);
  await expect(w.getByTestId('panel')).toBeVisible();
  await settledViewBox(page);
  await w.evaluate((el) => {
    const svg = el.shadowRoot.querySelector('.bm-svg');
    window.refits = [];
    new MutationObserver(() => window.refits.push(svg.getAttribute('viewBox')))
      .observe(svg, { attributes: true, attributeFilter: ['viewBox'] });
  });
  // Closing the side panel widens the map; then the window narrows.
  await w.locator('.bm-close').click();
  await settledViewBox(page);
  await page.setViewportSize({ width: 1100, height: 700 });
  await expect.poll(() => page.evaluate(() => window.refits.length)).toBeGreaterThan(1);
  await settledViewBox(page);
  expect(await page.evaluate(() => window.refits)).toHaveLength(2);
});

test('drag pans without selecting; buttons and keys zoom and pan', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = await firstClosed(page);
  const svg = w.locator('.bm-svg');
  await svg.evaluate((e) => e.scrollIntoView());
  const box = await svg.boundingBox();
  const before = await settledViewBox(page);
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3 + 120, box.y + box.height * 0.3 + 60, { steps: 6 });
  await page.mouse.up();
  const panned = await viewBox(page);
  expect(panned[0]).toBeLessThan(before[0]);
  expect(panned[1]).toBeLessThan(before[1]);
  // Same scale (a drag does not zoom; sub-pixel refits may move the last digit).
  expect(Math.abs(panned[2] / before[2] - 1)).toBeLessThan(1e-3);
  await expect(w.getByTestId('panel')).toHaveCount(0);

  await w.getByRole('button', { name: 'Приблизить' }).click();
  const zoomed = await viewBox(page);
  expect(zoomed[2]).toBeLessThan(panned[2]);

  await svg.focus();
  await page.keyboard.press('ArrowRight');
  const keyed = await viewBox(page);
  expect(keyed[0]).toBeGreaterThan(zoomed[0]);
  await page.keyboard.press('0');
  expect(Math.abs((await viewBox(page))[2] / before[2] - 1)).toBeLessThan(1e-3);
});

test('the wheel scrolls the page unless Ctrl is held or the map has focus', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = await firstClosed(page);
  await w.locator('.bm-svg').evaluate((e) => e.scrollIntoView());
  const box = await w.locator('.bm-svg').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await settledViewBox(page);
  await page.mouse.wheel(0, -300);
  await expect(w.locator('.bm-hint')).toBeVisible();
  expect(await viewBox(page)).toEqual(before);
  // That wheel scrolled the page: put the map back under the pointer.
  await w.locator('.bm-svg').evaluate((e) => e.scrollIntoView());
  const again = await w.locator('.bm-svg').boundingBox();
  await page.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await viewBox(page))[2]).toBeLessThan(before[2]);
});

test('hovering a feature shows its name and citation count', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#lang=en');
  const w = await firstClosed(page);
  await feature(page, 'khan-tengri-tourism').locator('.bm-symbol').hover();
  const tip = w.getByTestId('tooltip');
  await expect(tip).toContainText('Mountain tourism: Khan Tengri');
  // The count is the panel's (the seed alone cites it once).
  await expect(tip).toContainText(/\d+ citations?$/);
  const count = (await tip.textContent()).match(/(\d+) citations?$/)[1];
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);
  await pick(page, 'khan-tengri-tourism');
  await expect(w.locator('.bm-count')).toContainText(new RegExp(`^${count} citations? in`));
});

test('theme classes override the reader\'s colour scheme both ways', async ({ page }) => {
  const widget = () => embed(page, 0).getByTestId('widget');
  const paper = () => widget().evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(feature(page, 'astana')).toBeVisible();
  expect(await paper()).toBe('rgb(255, 255, 255)');
  await widget().evaluate((el) => el.classList.add('bm-theme-dark'));
  expect(await paper()).toBe('rgb(18, 23, 30)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await widget().evaluate((el) => { el.classList.remove('bm-theme-dark'); });
  expect(await paper()).toBe('rgb(18, 23, 30)');
  await widget().evaluate((el) => el.classList.add('bm-theme-light'));
  expect(await paper()).toBe('rgb(255, 255, 255)');
});

test('touch is cooperative: one finger scrolls the page and hints, two fingers move the map', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/');
  const kk = await near(page, 1);
  await kk.locator('.bm-close').click();
  await expect(kk.getByTestId('panel')).toHaveCount(0);
  const svg = kk.locator('.bm-svg');
  await svg.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const cdp = await context.newCDPSession(page);
  const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', {
    type, touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });

  // Closing the sheet brought the legend back: let the map refit first.
  await settledViewBox(page, 1);
  let box = await svg.boundingBox();
  let [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const before = await viewBox(page, 1);
  const scroll0 = await page.evaluate(() => window.scrollY);
  await touch('touchStart', [[cx, cy]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[cx, cy - 15 * i]]);
  await touch('touchEnd', []);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scroll0 + 50);
  expect(await viewBox(page, 1)).toEqual(before);
  await expect(kk.locator('.bm-hint')).toHaveText('Картаны екі саусақпен жылжытыңыз');

  // Let the scroll's fling come to rest.
  await page.waitForTimeout(800);
  box = await svg.boundingBox();
  [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  const scroll1 = await page.evaluate(() => window.scrollY);
  const mid = await viewBox(page, 1);
  await touch('touchStart', [[cx - 40, cy], [cx + 40, cy]]);
  for (let i = 1; i <= 10; i++) await touch('touchMove', [[cx - 40 + 8 * i, cy + 4 * i], [cx + 40 + 8 * i, cy + 4 * i]]);
  await touch('touchEnd', []);
  const after = await viewBox(page, 1);
  // The map followed the fingers right and down: the view's corner moved left and up.
  expect(after[0]).toBeLessThan(mid[0]);
  expect(after[1]).toBeLessThan(mid[1]);
  // Same scale: the fingers kept their distance (within 0.1 %).
  expect(Math.abs(after[2] / mid[2] - 1)).toBeLessThan(1e-3);
  expect(await page.evaluate(() => window.scrollY)).toBe(scroll1);
  await expect(kk.locator('.bm-hint')).toHaveCount(0);
  // A tap still opens a feature: one whose symbol the pan left inside the
  // map and uncovered (which one depends on the map's size, not on this test).
  await svg.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const target = await kk.evaluate((host) => {
    const map = host.shadowRoot.querySelector('.bm-svg').getBoundingClientRect();
    for (const symbol of host.shadowRoot.querySelectorAll('.bm-feature .bm-symbol')) {
      const b = symbol.getBoundingClientRect();
      const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
      const id = symbol.closest('[data-feature-id]').getAttribute('data-feature-id');
      const inside = x > map.left + 12 && x < map.right - 12 && y > map.top + 12 && y < map.bottom - 12;
      if (inside && host.shadowRoot.elementFromPoint(x, y)?.closest('[data-feature-id]')?.getAttribute('data-feature-id') === id) {
        host.addEventListener('bilateral-map:select', (e) => { window.tapped = e.detail.feature; });
        return { id, x, y };
      }
    }
    return null;
  });
  expect(target).not.toBeNull();
  await page.touchscreen.tap(target.x, target.y);
  await expect.poll(() => page.evaluate(() => window.tapped)).toBe(target.id);
  await expect(kk.getByTestId('panel')).toBeVisible();
  await context.close();
});

/** The three ways a data file named `prefix-HASH.bin` goes bad (missing,
 * cut short, of another format version), as [name, spoil, the reason the
 * widget gives]; `spoil` is null for a missing file. */
const spoilings = (what, prefix) => {
  const file = `${prefix}-[0-9a-f]+\\.bin`;
  return [
    [`a missing ${what}`, null, new RegExp(`${file} could not be loaded \\(HTTP 404\\)`)],
    [`a truncated ${what}`, (b) => b.subarray(0, b.length >> 1), new RegExp(`${file} cannot be read: the file is damaged`)],
    [`a ${what} of another format version`, (b) => Buffer.concat([Buffer.from([b[0] + 1]), b.subarray(1)]),
      new RegExp(`${file} cannot be read: the file has format \\d+; this build reads format \\d+`)],
  ];
};

/** Serves every file matching `file` spoilt (404 when `spoil` is null),
 * and collects the page's errors, its console errors and, in
 * `window.failures`, every `bilateral-map:error` as [lang, reason]. */
async function spoilt(page, file, spoil) {
  const errors = [];
  const consoled = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') consoled.push(m.text()); });
  await page.route(file, async (route) => {
    if (!spoil) return route.fulfill({ status: 404, body: 'not here' });
    const body = await (await route.fetch()).body();
    return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: spoil(body) });
  });
  await page.addInitScript(() => {
    window.failures = [];
    addEventListener('bilateral-map:error', (e) => window.failures.push([e.target.getAttribute('lang'), e.detail.reason]));
  });
  return { errors, consoled };
}

// Degrade, never break (issue 20, point 3). The wasm, the index and the
// basemap are files of their own; one that is missing, cut short or of
// another format version leaves each embed its static map and, shown now,
// its citation list, with a short note in the embed's language; the reason,
// naming the file, goes to the console and to a `bilateral-map:error` event;
// `ready` rejects with it. Never a blank box, a developer message or a panic.
for (const [name, file, spoil, says] of [
  ...spoilings('index', 'corpus').map(([n, spoil, says]) => [n.replace('a index', 'an index'), /corpus-[0-9a-f]+\.bin$/, spoil, says]),
  ['a damaged basemap', /basemap-[0-9a-f]+\.bin$/, (b) => b.subarray(0, 9), /basemap-[0-9a-f]+\.bin cannot be read: the file is damaged/],
  ['a missing wasm', /_bg\.wasm$/, null, /wasm|WebAssembly|fetch/i],
]) {
  test(`${name}: both embeds keep their static map and list, with a note in their language`, async ({ page }) => {
    const { errors, consoled } = await spoilt(page, file, spoil);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    for (const [n, lang, note] of [
      [0, 'ru', 'Интерактивная карта не загрузилась. Ниже — её статичная версия с цитатами.'],
      [1, 'kk', 'Интерактивті карта жүктелмеді. Төменде — оның дәйексөздері бар статикалық нұсқасы.'],
    ]) {
      const el = embed(page, n);
      await el.scrollIntoViewIfNeeded();
      await expect(el.locator('.bm-unavailable')).toHaveText(note);
      await expect(el.locator('.bm-unavailable')).toHaveAttribute('lang', lang);
      expect(await el.evaluate((e) => e.ready.then(() => 'mounted', (r) => String(r.message ?? r)))).toMatch(says);
      // No widget, no developer message: the static map, and under it the
      // citation list that was only for readers without JavaScript.
      await expect(el.getByTestId('widget')).toHaveCount(0);
      await expect(el.locator('.bm-fallback > svg')).toBeVisible();
      const list = el.locator('.bm-fallback-list');
      await expect(list).toBeVisible();
      await expect(list).toHaveAttribute('lang', lang);
      expect(await list.locator('.bm-fallback-features > li').count()).toBeGreaterThan(3);
      await expect(list.getByTestId('citation').first()).toBeVisible();
      // The element grew to hold the list: nothing of it is cut off.
      const [box, last] = [await el.boundingBox(), await list.locator('.bm-fallback-features > li').last().boundingBox()];
      expect(last.y + last.height).toBeLessThanOrEqual(box.y + box.height + 1);
      await el.screenshot({ path: `${shots}/unavailable-${name.replaceAll(' ', '-')}-${lang}.png` });
    }
    // The reason, with the file it names, in the console and in the events.
    await expect.poll(() => page.evaluate(() => window.failures.length)).toBe(2);
    const failures = await page.evaluate(() => window.failures);
    expect(failures.map(([lang]) => lang)).toEqual(['ru', 'kk']);
    for (const [, reason] of failures) expect(reason).toMatch(says);
    expect(consoled.filter((c) => c.startsWith('bilateral-map: the interactive map could not load:') && says.test(c))).toHaveLength(2);
    await expect(page.locator('main h1')).toBeVisible();
    expect(errors).toEqual([]);
  });
}

// Dense symbols: the ENU branch is drawn at Osh (approximate, at the city's
// point), so at the fitted zoom the two are one cluster symbol with a count;
// keyboard and screen reader reach both through it.
for (const [w, h] of [[1280, 800], [390, 844]]) {
  test(`overlapping symbols are one cluster that lists its features, by keyboard too (${w}px)`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width: w, height: h });
    await page.goto('/');
    const el = await firstClosed(page);
    const cluster = el.locator('.bm-map g[data-members~="enu-branch-osh"]');
    await expect(cluster).toBeVisible();
    await expect(cluster).toHaveAttribute('data-members', 'enu-branch-osh osh');
    await expect(cluster.locator('.bm-cluster-count')).toHaveText('2');
    await expect(cluster).toHaveAttribute('aria-label', 'Здесь 2 объекта: Филиал ЕНУ им. Л.Н. Гумилева в Оше, Ош');
    await expect(el.locator('.bm-map g[data-feature-id="osh"]')).toHaveCount(0);
    await cluster.focus();
    await page.keyboard.press('Enter');
    const list = el.getByTestId('cluster-list');
    await expect(list).toBeVisible();
    await el.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${shots}/cluster-${w}.png` });
    await expect.poll(() => el.evaluate((e) => e.shadowRoot.activeElement?.dataset.featureId)).toBe('enu-branch-osh');
    await page.keyboard.press('Escape');
    await expect(list).toHaveCount(0);
    // "Zoom in" closes the list and zooms in around the cluster (the two
    // share one point, so they stay one cluster).
    const width = async () => Number((await el.locator('.bm-svg').getAttribute('viewBox')).split(' ')[2]);
    const before = await width();
    await cluster.click();
    await list.getByRole('button', { name: 'Приблизить' }).click();
    await expect(list).toHaveCount(0);
    await expect.poll(width).toBeLessThan(before / 2);
    await cluster.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect.poll(() => el.evaluate((e) => e.shadowRoot.activeElement?.dataset.featureId)).toBe('osh');
    await page.keyboard.press('Enter');
    await expect(el.getByTestId('panel')).toBeVisible();
    await expect(el.locator('#bm-panel-title')).toHaveText('Ош');
    // The selected feature is drawn on its own, out of the cluster.
    await expect(el.locator('.bm-map g[data-feature-id="osh"]')).toBeVisible();
    expect(problems).toEqual([]);
  });
}

// To the sentence at the source: a citation of an article with a web
// address links to the publisher's page with a text fragment
// (#:~:text=start,end, each term percent-encoded). The publisher's page is
// played by a route here (no network): Chromium scrolls to the sentence.
test('a citation links to its sentence on the publisher\'s page with a text fragment', async ({ page, context }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const id = '004_fda6902e906f6d9b';
  const text = articleText(id);
  const url = text.match(/https?:\/\/\S+/)[0];
  await page.goto('/#feature=almaty');
  const w = embed(page, 0);
  const source = w.locator(`.bm-source[data-article-id="${id}"]`);
  await expect(source).toBeVisible();
  const link = source.getByTestId('at-source').first();
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  const href = await link.getAttribute('href');
  const [base, directive] = href.split('#:~:text=');
  expect(base).toBe(url.split('#')[0]);
  // Per the spec: terms are split on unencoded commas, then percent-decoded;
  // no unencoded `-`, `&` or space inside them.
  expect(directive).not.toMatch(/[-& ]/);
  const terms = directive.split(',').map(decodeURIComponent);
  const quote = (await source.locator('q').first().textContent()).replace(/\s+/g, ' ').trim();
  expect(quote.startsWith(terms[0])).toBe(true);
  if (terms.length === 2) expect(quote.endsWith(terms[1])).toBe(true);
  expect(text.replace(/\s+/g, ' ')).toContain(quote);
  // Articles without an address offer no such link.
  for (const other of await w.locator('.bm-source').all()) {
    if ((await other.getAttribute('data-article-id')) !== id) await expect(other.getByTestId('at-source')).toHaveCount(0);
  }
  // The publisher's page: a long page with the sentence at the bottom.
  await context.route(`${base}*`, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><meta charset="utf-8"><div style="height:5000px">top</div><p>${quote}</p>`,
  }));
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await tab.waitForLoadState();
  await expect.poll(() => tab.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(3000);
  await tab.close();
});

// Cite and share, in the reader: the permalink and the reference go to the
// clipboard with a visible confirmation; without a Clipboard API the text
// is shown selected to copy by hand.
test('the reader copies the citation\'s permalink and its reference', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.setViewportSize({ width: 1280, height: 900 });
  const id = '004_fda6902e906f6d9b';
  await page.goto('/#feature=almaty&cite=0');
  const w = embed(page, 0);
  await expect(w.getByTestId('cited-sentence')).toBeVisible();
  await w.getByTestId('copy-link').click();
  await expect(w.getByTestId('copy-status')).toHaveText('Скопировано');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(`${new URL('/', page.url()).href}#feature=almaty&cite=0`);
  // The link reopens the same sentence.
  const sentence = await w.getByTestId('cited-sentence').textContent();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(embed(page, 0).getByTestId('cited-sentence')).toHaveText(sentence);
  await embed(page, 0).getByTestId('copy-reference').click();
  await expect(embed(page, 0).getByTestId('copy-status')).toHaveText('Скопировано');
  const reference = await page.evaluate(() => navigator.clipboard.readText());
  const text = articleText(id);
  const url = text.match(/https?:\/\/\S+/)[0];
  expect(reference.startsWith('«')).toBe(true);
  const quote = reference.slice(1, reference.indexOf('» — '));
  expect(text.replace(/\s+/g, ' ')).toContain(quote);
  expect(reference).toContain('kant.kg, 01.02.2024.');
  expect(reference.endsWith(` ${url}`)).toBe(true);
});

test('without a Clipboard API the reader shows the text selected to copy by hand', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    document.execCommand = () => false;
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#feature=almaty&cite=0');
  const w = embed(page, 0);
  await expect(w.getByTestId('cited-sentence')).toBeVisible();
  await w.getByTestId('copy-link').click();
  await expect(w.getByTestId('copy-status')).toHaveText('Текст выделен ниже: скопируйте его (Ctrl+C)');
  const box = w.locator('.bm-share-text');
  await expect(box).toHaveValue(/#feature=almaty&cite=0$/);
  const selected = await box.evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
  expect(selected).toEqual([0, selected[2], selected[2]]);
  await box.screenshot({ path: `${shots}/copy-by-hand-390.png` });
});

// The data: GeoJSON and CSV of the features the embed shows, written in the
// browser from what it already loaded (no request).
test('"Get the data" downloads the shown features as GeoJSON and their citations as CSV, with no request', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = embed(page, 0);
  await expect(w.getByTestId('download')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const save = async (testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), w.getByTestId(testid).click()]);
    return [download.suggestedFilename(), readFileSync(await download.path(), 'utf8')];
  };
  const [jsonName, json] = await save('download-geojson');
  expect(jsonName).toBe('bilateral-map.geojson');
  const fc = JSON.parse(json);
  expect(fc.type).toBe('FeatureCollection');
  // Every feature on the map (on its own or in a cluster) is in the file.
  const onMap = await w.locator('.bm-map g[data-feature-id], .bm-map g[data-members]')
    .evaluateAll((gs) => gs.flatMap((g) => (g.dataset.featureId ?? g.dataset.members).split(' ')));
  const ids = fc.features.map((f) => f.id);
  for (const id of onMap) expect(ids).toContain(id);
  const citations = fc.features.flatMap((f) => f.properties.citations);
  for (const c of citations) expect(articleText(c.article).replace(/\s+/g, ' ')).toContain(c.quote.replace(/\s+/g, ' '));
  const road = fc.features.find((f) => f.id === 'almaty-issyk-kul-road');
  expect(road.geometry.type).toBe('LineString');
  const [csvName, csv] = await save('download-csv');
  expect(csvName).toBe('bilateral-map.csv');
  const lines = csv.replace(/^\ufeff/, '').split('\r\n').filter((l) => l);
  expect(lines[0]).toBe('feature,name,article,title,date,url,role,quote');
  // One row per citation (quotes with line breaks are quoted fields, not rows: the seed has none).
  expect(lines.length - 1).toBe(citations.length);
  expect(requests).toEqual([]);
});

// The same event in two languages: the seed's Russian (000) and Kazakh
// (002) reports of the 2025-08-22 Supreme Interstate Council (read in their
// texts) link each other from the reader.
for (const [w, h] of [[1280, 900], [390, 844]]) {
  test(`the reader links the other-language report of the same event, and back (${w}px)`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width: w, height: h });
    expect(articleText('000_e351f906387beb49')).toContain('Высшего межгосударственного совета');
    expect(articleText('002_bd4ca793529f8b37')).toContain('Жоғары мемлекетаралық кеңесінің');
    await page.goto('/#feature=almaty-issyk-kul-road&cite=0');
    const el = embed(page, 0);
    const reader = el.getByTestId('article');
    await expect(reader).toHaveAttribute('lang', 'ru');
    const same = reader.getByTestId('same-event');
    await expect(same).toContainText('Об этом же событии:');
    const kk = same.getByRole('link', { name: 'Қазақша' });
    await expect(kk).toHaveAttribute('lang', 'kk');
    await el.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${shots}/same-event-${w}.png` });
    await kk.click();
    await expect(reader).toHaveAttribute('lang', 'kk');
    await expect(reader.locator('#bm-reader-title')).toContainText('Жоғары мемлекетаралық кеңесінің');
    await expect(el.getByTestId('cited-sentence')).toBeVisible();
    // The UI language stays Russian; the way back says «Русский».
    await reader.getByTestId('same-event').getByRole('link', { name: 'Русский' }).click();
    await expect(reader).toHaveAttribute('lang', 'ru');
    // An article with no other report has no such line.
    await page.goto('/#feature=almaty&cite=0');
    await expect(embed(page, 0).getByTestId('cited-sentence')).toBeVisible();
    await expect(embed(page, 0).getByTestId('same-event')).toHaveCount(0);
    expect(problems).toEqual([]);
  });
}

// Article texts on demand: the index carries the cited sentences, each
// article's whole text is in a texts-HASH.bin shard fetched when a reader
// opens it (or hovers or focuses one of its citations), once per page.
test('an article\'s text is fetched when a citation is hovered, once, and the reader shows it', async ({ page }) => {
  const problems = watch(page);
  const fetched = [];
  page.on('request', (r) => { if (/texts-[0-9a-f]+\.bin$/.test(r.url())) fetched.push(r.url()); });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const w = embed(page, 0);
  const panel = w.getByTestId('panel');
  await expect(panel).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  const citation = panel.getByTestId('citation').first();
  await citation.hover();
  await expect.poll(() => fetched.length).toBe(1);
  await citation.click();
  await expect(w.getByTestId('cited-sentence')).toBeVisible();
  await expect(w.getByTestId('article-loading')).toHaveCount(0);
  const paragraphs = await w.locator('.bm-reader-text p').count();
  expect(paragraphs).toBeGreaterThan(2);
  // The other embed opens an article of the same shard without fetching again.
  const kk = embed(page, 1);
  await kk.getByTestId('citation').first().click();
  await expect(kk.getByTestId('cited-sentence')).toBeVisible();
  expect(fetched.length).toBe(1);
  expect(problems).toEqual([]);
});

// A shard that is missing, cut short or of another format version: the
// reader says so in the embed's language under the cited sentences from the
// index; the reason, naming the file, goes to the console and to a
// `bilateral-map:error` event; the map and the panel keep working. In the
// ru embed and the kk one.
for (const [name, spoil, says] of spoilings('text shard', 'texts')) {
  test(`${name} is a readable error in the reader, and the map keeps working`, async ({ page }) => {
    const { errors, consoled } = await spoilt(page, /texts-[0-9a-f]+\.bin$/, spoil);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/');
    for (const [n, lang, says_so, feature] of [
      [0, 'ru', 'Полный текст статьи не загрузился; процитированные предложения — выше.', 'enu-branch-osh'],
      [1, 'kk', 'Мақаланың толық мәтіні жүктелмеді; келтірілген сөйлемдер жоғарыда.', 'almaty-issyk-kul-road'],
    ]) {
      const w = await near(page, n);
      const panel = w.getByTestId('panel');
      const quote = await panel.getByTestId('citation').first().locator('q').textContent();
      await panel.getByTestId('citation').first().click();
      const reader = w.getByTestId('article');
      await expect(reader.getByTestId('article-error')).toHaveText(says_so);
      await expect(reader.getByTestId('article-error')).toHaveAttribute('lang', lang);
      await expect(reader.getByTestId('cited-excerpt')).toHaveText(quote);
      await expect.poll(() => page.evaluate(() => window.failures.length)).toBe(n + 1);
      const [from, reason] = (await page.evaluate(() => window.failures)).at(-1);
      expect(from).toBe(lang);
      expect(reason).toMatch(says);
      await reader.screenshot({ path: `${shots}/error-${name.replaceAll(" ", "-")}-${lang}.png` });
      // The map still works: back to the panel, close it, open another feature.
      await reader.locator('.bm-back').click();
      await expect(panel).toBeVisible();
      await page.keyboard.press('Escape');
      await pick(page, feature, n);
      await expect(panel).toBeVisible();
      await expect(panel.getByTestId('citation').first()).toBeVisible();
    }
    expect(consoled.filter((c) => says.test(c) && c.startsWith('bilateral-map:'))).toHaveLength(2);
    expect(errors).toEqual([]);
  });
}

// What a click needs, on first use (bilateral_core::details): the map is
// drawn from the index alone; the quotes, titles, search words and
// same-event links are in one details-HASH.bin, fetched when a feature is
// opened, the search is focused or a pointer first enters an embed, once for
// every embed on the page. The demo page without its `feature` attributes,
// so that no panel opens by itself.
test('quotes, titles and search words come on first use, once for both embeds; the panel says so meanwhile', async ({ page }) => {
  const problems = watch(page);
  const fetched = [];
  page.on('request', (r) => { if (/details-[0-9a-f]+\.bin$/.test(r.url())) fetched.push(r.url()); });
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/details-[0-9a-f]+\.bin$/, async (route) => { await held; await route.continue(); });
  await page.route((url) => url.pathname === '/', async (route) => {
    const response = await route.fetch();
    route.fulfill({ response, body: (await response.text()).replace(/ feature="[^"]*"/g, '') });
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const ru = await near(page, 0);
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
  await expect(ru.getByTestId('panel')).toHaveCount(0);
  await pick(page, 'almaty-issyk-kul-road', 0);
  const panel = ru.getByTestId('panel');
  await expect(panel.locator('.bm-panel-title')).toHaveText('Автодорога Алматы – Иссык-Куль');
  await expect(panel.getByTestId('quotes-loading')).toHaveText('Загружаем цитаты…');
  await expect(panel.getByTestId('quotes-loading')).toHaveAttribute('role', 'status');
  await expect(panel.locator('.bm-count').first()).toHaveText(/1 цитата/);
  await panel.screenshot({ path: `${shots}/quotes-loading-ru.png` });
  expect(fetched.length).toBe(1);
  release();
  const citation = panel.getByTestId('citation').first();
  await expect(citation).toBeVisible();
  await expect(panel.getByTestId('quotes-loading')).toHaveCount(0);
  expect(allArticles()).toContain(await citation.locator('q').textContent());
  await expect(panel.locator('.bm-source-title').first()).not.toBeEmpty();
  // The other embed searches at once, with no second fetch.
  const kk = await near(page, 1);
  await kk.getByTestId('search').fill('issyk kul');
  await expect(kk.locator('[data-testid=search-feature][data-feature-id="almaty-issyk-kul-road"]')).toBeVisible();
  await expect(kk.getByTestId('search-sentence').first()).toBeVisible();
  expect(fetched.length).toBe(1);
  expect(problems).toEqual([]);
});

// A details file that is missing, cut short or of another format version:
// the panel and the search say so in the embed's language, the reason
// (naming the file) goes to the console and to a `bilateral-map:error`
// event, and the map keeps working. Both embeds open a panel at once.
for (const [name, spoil, says] of spoilings('details file', 'details')) {
  test(`${name}: the panel and the search say the quotes did not load, and the map keeps working`, async ({ page }) => {
    const { errors, consoled } = await spoilt(page, /details-[0-9a-f]+\.bin$/, spoil);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/');
    for (const [n, lang, says_so, other] of [
      [0, 'ru', 'Цитаты не загрузились; попробуйте обновить страницу.', 'enu-branch-osh'],
      [1, 'kk', 'Дәйексөздер жүктелмеді; бетті жаңартып көріңіз.', 'almaty-issyk-kul-road'],
    ]) {
      const w = await near(page, n);
      const panel = w.getByTestId('panel');
      await expect(panel.getByTestId('quotes-error')).toHaveText(says_so);
      await expect(panel.getByTestId('quotes-error')).toHaveAttribute('role', 'alert');
      await expect(w.getByTestId('widget')).toHaveAttribute('lang', lang);
      await panel.screenshot({ path: `${shots}/error-${name.replaceAll(' ', '-')}-${lang}.png` });
      await w.getByTestId('search').fill('issyk');
      await expect(w.getByTestId('search-results').getByTestId('quotes-error')).toHaveText(says_so);
      await w.getByTestId('search').fill('');
      // The map still works: close the panel, open another feature.
      await w.locator('.bm-close').click();
      await expect(panel).toHaveCount(0);
      await pick(page, other, n);
      await expect(panel.locator('.bm-panel-title')).not.toBeEmpty();
      await expect(panel.getByTestId('quotes-error')).toHaveText(says_so);
    }
    await expect.poll(() => page.evaluate(() => window.failures.length)).toBe(2);
    const failures = await page.evaluate(() => window.failures);
    expect(failures.map(([lang]) => lang).sort()).toEqual(['kk', 'ru']);
    for (const [, reason] of failures) expect(reason).toMatch(says);
    expect(consoled.filter((c) => says.test(c) && c.startsWith('bilateral-map:'))).toHaveLength(2);
    expect(errors).toEqual([]);
  });
}

// An embed for one story: `articles` (ids are file names) and `since`/`until`
// narrow what it shows; the whole corpus is one click away; the page's other
// embeds are unaffected. What each article is about was read from its text:
// 002 is the Kazakh report of the ENU branch opening in Osh; 000 and 002 are
// dated 2025-08-22, 004 (Almaty) 2024-02-01, 001 (Khan Tengri) is undated.
test('an embed for one story shows its articles\' features, and the whole corpus one click away', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  const drawn = (n) => embed(page, n).locator('.bm-map g[data-feature-id], .bm-map g[data-members]');
  const ids = async (n) => (await drawn(n).evaluateAll((gs) => gs.flatMap((g) => (g.dataset.featureId ?? g.dataset.members).split(' ')))).sort();
  await near(page, 0);
  await expect(drawn(0).first()).toBeVisible();
  await near(page, 1);
  await expect(drawn(1).first()).toBeVisible();
  const others = [await ids(0), await ids(1)];
  expect(others[0].length).toBeGreaterThan(5);
  expect(articleText('002_bd4ca793529f8b37')).toContain('Ош мемлекеттік университеті');
  await page.evaluate(() => {
    for (const [articles, since, until] of [['002_bd4ca793529f8b37', null, null], [null, '2025-08-22', '2025-08-22']]) {
      const el = document.createElement('bilateral-map');
      el.setAttribute('lang', 'en');
      el.setAttribute('use-hash', 'false');
      if (articles) el.setAttribute('articles', articles);
      if (since) el.setAttribute('since', since);
      if (until) el.setAttribute('until', until);
      document.querySelector('main').append(el);
    }
  });
  await near(page, 2);
  await expect(drawn(2).first()).toBeVisible();
  expect(await ids(2)).toEqual(['enu-branch-osh', 'osh']);
  await near(page, 3);
  await expect(drawn(3).first()).toBeVisible();
  const dated = await ids(3);
  for (const id of ['almaty-issyk-kul-road', 'border-crossings', 'enu-branch-osh']) expect(dated).toContain(id);
  for (const id of ['almaty', 'khan-tengri-tourism']) expect(dated).not.toContain(id);
  // The whole corpus, and back.
  const toggle = embed(page, 2).getByTestId('story-toggle');
  await expect(toggle).toHaveText('Show all articles');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect.poll(() => ids(2)).toEqual(others[0]);
  await expect(embed(page, 2).getByTestId('story-toggle')).toHaveText('Only this story\'s articles');
  await embed(page, 2).getByTestId('story-toggle').press('Enter');
  await expect.poll(() => ids(2)).toEqual(['enu-branch-osh', 'osh']);
  await embed(page, 2).screenshot({ path: `${shots}/story-1280-en.png` });
  // The page's own embeds did not change, and have no story switch.
  expect([await ids(0), await ids(1)]).toEqual(others);
  await expect(embed(page, 0).getByTestId('story-toggle')).toHaveCount(0);
  expect(problems).toEqual([]);
});

// The timeline. Dates and the undated count are read from the articles on
// disk: a ` date YYYY-MM-DD` header line, a `date:` front-matter key, or a
// web address with the date as a path segment (kant.kg/2024-02-01/…).
const dateOf = (t) => (t.match(/^\s*date (\d{4}-\d\d-\d\d)/) || t.match(/^date:\s*(\d{4}-\d\d-\d\d)/m)
  || t.match(/https?:\/\/\S*?\/(\d{4}-\d\d-\d\d)\//) || [])[1] ?? null;
const articleDates = () => readdirSync(`${root}corpus/articles`).map((f) => dateOf(readFileSync(`${root}corpus/articles/${f}`, 'utf8')));
for (const [w, h, lang, undatedWord, none] of [
  [1280, 900, 'ru', 'без даты', 'нет цитат за этот период'],
  [390, 844, 'kk', 'күні белгісіз', 'бұл кезеңде дәйексөз жоқ'],
]) {
  test(`the timeline hides the citations outside its range, counts the undated, and the link keeps it (${lang}, ${w}px)`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width: w, height: h });
    const dates = articleDates();
    const undated = dates.filter((d) => d === null).length;
    const dated = dates.filter(Boolean).sort();
    expect(undated).toBeGreaterThan(0);
    expect(dated[0] < '2025-01-01' && dated.at(-1) >= '2025-01-01').toBe(true);
    await page.goto(`/#lang=${lang}`);
    const el = await firstClosed(page);
    const timeline = el.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline.getByTestId('undated').locator('xpath=..')).toContainText(`${undated}`);
    await expect(timeline).toContainText(undatedWord);
    // The "to" handle, by keyboard, to its first month: before 2025.
    await timeline.getByTestId('until-handle').focus();
    await page.keyboard.press('Home');
    // The day field in the widget's own form (ДД.ММ.ГГГГ in ru and kk).
    const until = await timeline.getByTestId('until').inputValue();
    expect(until).toMatch(/^\d\d\.\d\d\.\d{4}$/);
    const untilIso = until.split('.').reverse().join('-');
    expect(untilIso < '2025-01-01' && untilIso >= dated[0]).toBe(true);
    expect(await page.evaluate(() => location.hash)).toContain(`until=${untilIso}`);
    // The handle names its month in the widget's language.
    const month = Number(untilIso.slice(5, 7));
    const monthName = {
      ru: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
      kk: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
    }[lang][month - 1];
    const year = untilIso.slice(0, 4);
    await expect(timeline.getByTestId('until-handle')).toHaveAttribute('aria-valuetext',
      lang === 'ru' ? `${monthName} ${year} г.` : `${year} ж. ${monthName}`);
    // The road is cited only in 2025: faded, still focusable, and says so.
    const road = feature(page, 'almaty-issyk-kul-road');
    await expect(road).toHaveClass(/bm-feature--faded/);
    await expect(road).toHaveAttribute('tabindex', '0');
    await expect(road).toHaveAttribute('aria-label', new RegExp(none));
    // Almaty hosted a meeting in the earliest article: it stays.
    expect(dated[0] < '2025-01-01').toBe(true);
    await expect(feature(page, 'almaty')).not.toHaveClass(/bm-feature--faded/);
    await el.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${shots}/timeline-${lang}-${w}.png` });
    // Its panel lists no citation and says how many the period hides.
    await road.focus();
    await page.keyboard.press('Enter');
    const panel = el.getByTestId('panel');
    await expect(panel.getByTestId('in-period')).toContainText(/0/);
    await expect(panel.getByTestId('citation')).toHaveCount(0);
    await page.keyboard.press('Escape');
    // Leaving out the undated articles fades what only they cite.
    await timeline.getByTestId('undated').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('undated=0');
    await expect(el.locator('.bm-legend-items .bm-cat-trade-logistics')).toHaveClass(/bm-legend-faded/);
    // The link restores the range.
    const hash = await page.evaluate(() => location.hash);
    await page.goto('about:blank');
    await page.goto(`/${hash}`);
    // (The demo's first embed opens on the road; on a phone its sheet
    // covers the timeline.)
    const again = (await firstClosed(page)).getByTestId('timeline');
    await expect(again.getByTestId('until')).toHaveValue(until);
    await expect(again.getByTestId('undated')).not.toBeChecked();
    await expect(feature(page, 'almaty-issyk-kul-road')).toHaveClass(/bm-feature--faded/);
    // "Whole period" brings everything back.
    await again.getByTestId('whole-period').click();
    await expect(feature(page, 'almaty-issyk-kul-road')).not.toHaveClass(/bm-feature--faded/);
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('until=');
    expect(problems).toEqual([]);
  });
}

test('dates are the widget\'s, not the browser\'s: an en-US browser, a ru widget; the typed day fields set the range and refuse a day that does not exist', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto('/#feature=almaty-issyk-kul-road');
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  const el = embed(page, 0);
  const panel = el.getByTestId('panel');
  const ru = (iso) => iso.split('-').reverse().join('.');
  // The road's articles' dates, from disk (the seed: one, 2025-08-22),
  // once the deep link's panel has rendered (evaluateAll does not wait).
  await expect(panel.locator('.bm-source').first()).toBeVisible();
  const roadDates = [...new Set(await panel.locator('.bm-source').evaluateAll((s) => s.map((x) => x.dataset.articleId)))]
    .map((id) => dateOf(articleText(id))).filter(Boolean).sort();
  expect(roadDates.length).toBeGreaterThan(0);
  // The panel: when the road was first and last written about, and each
  // citation's article, in the Russian form (never 8/22/2025 nor 2025-08-22).
  await expect(panel.getByTestId('first-last')).toContainText(ru(roadDates[0]));
  await expect(panel.getByTestId('first-last')).toContainText(ru(roadDates.at(-1)));
  await expect(panel).toContainText(`${ru(roadDates.at(-1))} · `);
  await expect(panel).not.toContainText(roadDates.at(-1));
  // The static fallback (for readers without JavaScript) says the same.
  expect(await el.locator('noscript').textContent()).toContain(`, ${ru(roadDates.at(-1))}`);
  const timeline = el.getByTestId('timeline');
  const since = timeline.getByTestId('since');
  await expect(since).toHaveAttribute('placeholder', 'ДД.ММ.ГГГГ');
  await expect(since).toHaveValue(/^\d\d\.\d\d\.\d{4}$/);
  // From the day after the road's last article, typed and Enter: none of
  // its citations left.
  const next = new Date(`${roadDates.at(-1)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  await since.fill(ru(next.toISOString().slice(0, 10)));
  await since.press('Enter');
  await expect(panel.getByTestId('citation')).toHaveCount(0);
  await expect(panel.getByTestId('in-period')).toBeVisible();
  // A day that does not exist is refused: marked invalid, nothing changes.
  const before = await page.evaluate(() => location.hash);
  await since.fill('31.02.2025');
  await since.press('Enter');
  await expect(since).toHaveAttribute('aria-invalid', 'true');
  expect(await page.evaluate(() => location.hash)).toBe(before);
  await expect(panel.getByTestId('citation')).toHaveCount(0);
  // The day itself, by keyboard only (Tab into the field): its citations are back.
  await since.fill('');
  await since.focus();
  await page.keyboard.type(ru(roadDates.at(-1)));
  await page.keyboard.press('Tab');
  await expect(since).toHaveAttribute('aria-invalid', 'false');
  await expect(panel.getByTestId('citation').first()).toBeVisible();
  expect(await page.evaluate(() => location.hash)).toContain(`since=${roadDates.at(-1)}`);
  // The field is labelled and says its form to a screen reader.
  expect(await since.evaluate((i) => [i.labels[0].textContent.trim().split(/\s/)[0], i.getAttribute('aria-describedby')])).toEqual(['С', 'bm-date-hint']);
  await expect(el.locator('#bm-date-hint')).toHaveText('ДД.ММ.ГГГГ');
  expect(problems).toEqual([]);
  await context.close();
});

// Search: one field over names in three languages and the cited sentences,
// across scripts, spellings and inflection.
for (const [w, h, lang] of [[1280, 900, 'ru'], [390, 844, 'kk']]) {
  test(`search finds the Issyk-Kul road in either script and inflected, and a sentence opens the reader there (${lang}, ${w}px)`, async ({ page }) => {
    const problems = watch(page);
    await page.setViewportSize({ width: w, height: h });
    await page.goto(`/#lang=${lang}`);
    const el = await firstClosed(page);
    const search = el.getByTestId('search');
    await expect(search).toHaveAttribute('type', 'search');
    for (const q of ['ыстыкколь', 'issyk kul', 'Ыстықкөлге']) {
      await search.fill(q);
      await expect(el.locator('[data-testid=search-feature][data-feature-id="almaty-issyk-kul-road"]')).toBeVisible();
    }
    // Nothing is found for a word in no name and no sentence.
    await search.fill('zzzqqq');
    await expect(el.getByTestId('search-feature')).toHaveCount(0);
    await expect(el.getByTestId('search-sentence')).toHaveCount(0);
    // A sentence: the Russian text names «Иссык-Куль»; the match is marked.
    await search.fill('issyk kul');
    const sentence = el.getByTestId('search-sentence').first();
    await expect(sentence).toBeVisible();
    const quote = await sentence.locator('q').textContent();
    expect(allArticles()).toContain(quote);
    await expect(sentence.locator('mark').first()).toHaveText(/Иссык|Ыстық|Issyk/);
    await el.evaluate((e) => e.scrollIntoView());
    await page.screenshot({ path: `${shots}/search-${lang}-${w}.png` });
    // By keyboard: ArrowDown to the results, Tab to the sentence, Enter.
    await search.focus();
    await page.keyboard.press('ArrowDown');
    const focusedTestId = () => el.evaluate((e) => e.shadowRoot.activeElement?.dataset.testid ?? null);
    expect(await focusedTestId()).toMatch(/^search-/);
    await sentence.focus();
    await page.keyboard.press('Enter');
    const reader = el.getByTestId('article');
    await expect(reader).toBeVisible();
    await expect(el.getByTestId('cited-sentence').first()).toBeVisible();
    await expect(reader).toContainText(quote.trim().slice(0, 40));
    await expect(el.getByTestId('search-results')).toHaveCount(0);
    // Escape in the field clears it, and leaves the reader open.
    await search.fill('Кордай');
    await search.press('Escape');
    await expect(search).toHaveValue('');
    await expect(reader).toBeVisible();
    expect(problems).toEqual([]);
  });
}
