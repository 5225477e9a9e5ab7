// What both specs need: failing a test on any console error, page error or
// failed request, and the page's embeds.

/** Fails the test on any console error, page error or failed request. */
export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  return problems;
}

/** The n-th embed on the page (0: ru, 1: kk). */
export const embed = (page, n = 0) => page.locator('bilateral-map').nth(n);

/**
 * The n-th embed once it has mounted, scrolled into view first: an embed
 * loads as the reader nears it (within a screen height of the viewport).
 */
export async function near(page, n = 0) {
  const el = embed(page, n);
  await el.scrollIntoViewIfNeeded();
  await el.evaluate((e) => e.ready);
  return el;
}
