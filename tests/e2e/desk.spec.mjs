// The editor's desk in real Chromium (desk.config.mjs): an editor opens an
// article, rejects a link, accepts a proposal, adds a missing link by
// selecting words, and marks the article reviewed; the test then reads what
// the desk wrote (corpus/decisions.toml, the gazetteer), runs `atlas dist`
// over that corpus, and checks that the widget shows the change. Hostile
// article text stays text. Screenshots at 1280 and 390 px go to
// target/desk-screens/ for a reader to look at.
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watch } from './helpers.mjs';

const root = new URL('../..', import.meta.url).pathname;
const corpus = join(root, 'target/desk-e2e/corpus');
const screens = join(root, 'target/desk-screens');
const FIXTURE = '900_desk_fixture';
const REJECTED = 'The two delegations then held talks in Bishkek on the plant\'s financing.';
const ADDED = 'southern campus';
const RENAMED = 'Kemin solar power plant (Kazakh-built)';

/** Selects `words` in the article's text as a reader's mouse would, and lets go. */
async function select(page, words) {
  await page.locator('.text').evaluate((text, words) => {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(words);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
    }
    throw new Error(`no text node holds «${words}»`);
  }, words);
}

async function shoot(page, name) {
  mkdirSync(screens, { recursive: true });
  for (const [width, height] of [[1280, 900], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(screens, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Trunk's output for the widget, rebuilt from dist/ (the code) and www/
 * (the sources `atlas dist` takes), then `atlas dist` over the desk's corpus. */
function distribute(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const built = join(root, 'dist/bilateral-map');
  for (const name of readdirSync(built).filter((n) => n.endsWith('_bg.wasm'))) {
    cpSync(join(built, name), join(dir, name));
    const glue = name.replace('_bg.wasm', '.js');
    cpSync(join(built, glue), join(dir, glue));
  }
  for (const name of ['widget.css', 'bilateral-map.js', 'bilateral-map.css']) {
    cpSync(join(root, 'www', name), join(dir, name));
  }
  writeFileSync(join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>after the desk</title>
<script type="module" src="bilateral-map/bilateral-map.js"></script></head>
<body><bilateral-map lang="en"><!-- fallback --></bilateral-map></body></html>
`);
  execFileSync('cargo', ['run', '-q', '--locked', '-p', 'atlas', '--', 'dist', '--dir', dir,
    '--articles', join(corpus, 'articles'), '--gazetteer', join(corpus, 'gazetteer.toml'),
    '--basemap', join(root, 'corpus/basemap.json')], { cwd: root, stdio: 'inherit' });
}

/** The quotes the widget's panel cites for feature `id`. */
async function quotes(page, base, id) {
  await page.goto(`${base}/#feature=${id}`);
  const panel = page.locator('bilateral-map').getByTestId('panel');
  await expect(panel).toBeVisible();
  return panel.getByTestId('citation').locator('q').allTextContents();
}

test('an editor rejects, accepts, adds a link and marks reviewed; atlas dist and the widget show it', async ({ page }) => {
  const problems = watch(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/#/');
  const row = page.getByRole('row').filter({ hasText: 'A Kazakh solar plant for Kemin' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('не проверена');
  await shoot(page, 'list');
  await page.getByRole('button', { name: 'English' }).click();
  await row.getByRole('link').click();
  await expect(page.locator('.reading h2')).toHaveText('A Kazakh solar plant for Kemin, and talks in Bishkek');

  // Reject the Bishkek link (with a note), accept the proposal.
  const bishkek = page.locator('li[data-feature="bishkek"]');
  await bishkek.getByRole('textbox').fill('the talks, not a project');
  await bishkek.getByRole('button', { name: 'Reject' }).click();
  await expect(page.getByRole('status')).toContainText('Saved: bishkek (rejected)');
  await expect(page.locator('li[data-feature="bishkek"]')).toHaveCount(0);
  await expect(page.locator('li[data-decision="bishkek"]')).toContainText('rejected');
  await expect(page.locator('li[data-decision="bishkek"]')).toContainText('the talks, not a project');
  const proposal = page.locator('li[data-proposal="proposed-solar-plant-kemin"]');
  await proposal.getByText('Edit before accepting').click();
  await expect(proposal.getByLabel('en', { exact: true })).toHaveValue('Kemin solar power plant');
  await proposal.getByLabel('en', { exact: true }).fill(RENAMED);
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('status')).toContainText('proposed-solar-plant-kemin (accepted)');
  await expect(page.locator('li[data-feature="solar-plant-kemin"]')).toBeVisible();
  await expect(page.locator('li[data-proposal]')).toHaveCount(0);

  // Add the missing link: select the words, find the branch, link them.
  await select(page, ADDED);
  await expect(page.locator('.selected q')).toHaveText(ADDED);
  await page.getByRole('searchbox', { name: 'Find a feature in the gazetteer' }).fill('enu-branch');
  await page.locator('button[data-entry="enu-branch-osh"]').click();
  await expect(page.getByRole('status')).toContainText('enu-branch-osh (accepted)');
  await expect(page.locator('li[data-feature="enu-branch-osh"] blockquote mark')).toHaveText(ADDED);
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.locator('.meta .state')).toHaveText('reviewed');
  await shoot(page, 'article');
  // The desk's own preview is the widget over the decided corpus.
  const preview = page.frameLocator('.preview iframe');
  await expect(preview.locator('bilateral-map')).toBeVisible();
  expect(problems).toEqual([]);

  // What the desk wrote: decisions and the accepted entry, as data.
  const decisions = readFileSync(join(corpus, 'decisions.toml'), 'utf8');
  expect(decisions).toContain(`article = "${FIXTURE}"\nfeature = "bishkek"\nsentence = "${REJECTED.replace(/"/g, '\\"')}"\nverdict = "reject"`);
  expect(decisions).toContain('note = "the talks, not a project"');
  expect(decisions).toMatch(/feature = "enu-branch-osh"\nsentence = "Students of the Eurasian university's new southern campus will train at the plant\."\nverdict = "accept"\nwords = "southern campus"/);
  expect(decisions).toMatch(new RegExp(`\\[\\[reviewed\\]\\]\\narticle = "${FIXTURE}"`));
  const gazetteer = readFileSync(join(corpus, 'gazetteer.toml'), 'utf8');
  expect(gazetteer).toContain('id = "solar-plant-kemin"');
  expect(gazetteer).toContain('from the engine\'s proposal proposed-solar-plant-kemin');
  expect(gazetteer).toContain(`en = "${RENAMED}"`);

  // atlas dist over that corpus; the widget shows each change.
  const dir = join(root, 'target/desk-e2e/dist');
  distribute(dir);
  const server = spawn('node', ['scripts/serve.mjs', '8791', dir], { cwd: root, stdio: 'ignore' });
  try {
    const base = 'http://127.0.0.1:8791';
    for (let i = 0; i < 50; i++) {
      try { if ((await fetch(`${base}/`)).ok) break; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    const solar = await quotes(page, base, 'solar-plant-kemin');
    expect(solar.join(' ')).toContain('solar power plant near Kemin');
    const panel = page.locator('bilateral-map').getByTestId('panel');
    await expect(panel).toContainText(RENAMED);
    await expect(panel).not.toContainText('not yet reviewed');
    const added = await quotes(page, base, 'enu-branch-osh');
    expect(added).toContain('Students of the Eurasian university\'s new southern campus will train at the plant.');
    const bishkek = await quotes(page, base, 'bishkek');
    expect(bishkek.length).toBeGreaterThan(0);
    expect(bishkek.join(' ')).not.toContain('on the plant\'s financing');
  } finally {
    server.kill();
  }
});

test('hostile article text is shown as text in the desk, and nothing in it runs', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/#/article/901_desk_hostile');
  const text = page.locator('.text');
  await expect(text).toContainText('<script>window.__pwned=3</script>');
  await expect(text).toContainText('<b>прошла</b>');
  await expect(page.locator('.reading h2')).toContainText('<img src=x onerror=');
  await page.goto('/#/');
  await expect(page.getByRole('row').filter({ hasText: 'Talks in Osh' })).toContainText('<script>');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('main script, main img, main b').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('the desk refuses what is not its own: a foreign Host, a foreign Origin, a path in an id', async ({ request }) => {
  const foreign = await request.get('/api/articles', { headers: { Host: 'evil.example:8090' } });
  expect(foreign.status()).toBe(403);
  const csrf = await request.post('/api/reviewed', {
    headers: { Origin: 'http://evil.example' },
    data: { article: FIXTURE, date: '2026-12-04' },
  });
  expect(csrf.status()).toBe(403);
  const traversal = await request.get('/api/articles/..%2F..%2Fetc%2Fpasswd');
  expect([400, 404]).toContain(traversal.status());
  const file = await request.get('/../../corpus/gazetteer.toml');
  expect(file.status()).toBe(404);
});

test('Add article: a pasted text and an uploaded saved page each open as an article', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/#/add');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Title').fill('Astana and Bishkek sign a road deal');
  await page.getByLabel('Date').fill('2026-11-25');
  await page.getByLabel('Language', { exact: true }).selectOption('en');
  await page.getByLabel('Address (URL)').fill('https://example.invalid/desk/road-deal');
  await page.getByLabel('The article\'s text').fill('Ministers of Kazakhstan and Kyrgyzstan met in Bishkek on Tuesday.\n\nThey signed the road deal.');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.reading h2')).toHaveText('Astana and Bishkek sign a road deal');
  await expect(page.locator('li[data-feature="bishkek"]')).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Saved');
  await shoot(page, 'add');

  await page.goto('/#/add');
  await page.getByLabel('or a saved page (HTML)').setInputFiles(join(root, 'crates/atlas/tests/fixtures/add/portal-ru.html'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.reading h2')).toHaveText('Казахстан и Кыргызстан откроют новый пункт пропуска');
  await expect(page.locator('.text')).toContainText('Правительства Казахстана и Кыргызстана договорились открыть');
  await expect(page.locator('.text')).not.toContainText('Курс доллара');
  // The same page again is refused, naming the article it repeats.
  await page.goto('/#/add');
  await page.getByLabel('or a saved page (HTML)').setInputFiles(join(root, 'crates/atlas/tests/fixtures/add/portal-ru.html'));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('its URL is already in the corpus');
  // The refusal itself is the one failed request, as the browser reports it.
  expect(problems.filter((p) => !p.startsWith('409 ') && !p.includes('status of 409'))).toEqual([]);
});
