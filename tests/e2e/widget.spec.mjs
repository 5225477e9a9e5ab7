// Loads the built page as a reader would and checks that the widget renders.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const shots = new URL('../../screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

test('the page loads and the widget renders the embedded corpus', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });

  await page.goto('/');
  const widget = page.getByTestId('widget');
  await expect(widget).toBeVisible();
  await expect(widget.locator('[data-article-id]')).toHaveCount(5);
  await expect(widget.locator('[data-feature-id="almaty-issyk-kul-road"]')).toBeVisible();
  await expect(widget.locator('[data-feature-id="enu-branch-osh"] blockquote'))
    .toContainText('Еуразия ұлттық университетінің филиалы');

  await page.screenshot({ path: `${shots}/widget-desktop.png`, fullPage: true });
  expect(errors).toEqual([]);
});

test('the page makes no request outside its own origin', async ({ page, baseURL }) => {
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith(baseURL)) foreign.push(r.url()); });
  await page.goto('/');
  await expect(page.getByTestId('widget')).toBeVisible();
  expect(foreign).toEqual([]);
});
