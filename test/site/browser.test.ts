/**
 * A real browser (Debian's Chromium, driven by playwright-core) walks the site as a visitor does:
 * home → search 塘栖 → a record → English → a facet → the next page. axe-core checks every page
 * type for serious or critical accessibility problems, the console must stay free of CSP
 * violations, pages must fit a 360 px phone, and screenshots are written for people to look at.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type { Page } from 'playwright-core';
import { fullRecordId, tangqiBuildingCount } from '../fixtures/site/index.ts';
import { assertAccessible, openPage, screenshot, SCREENSHOTS, startBrowsing, stopBrowsing, type Browsing } from './helpers/browser.ts';

const typed = test as import('ava').TestFn<Browsing>;

typed.before(async (t) => {
  await startBrowsing(t.context as Partial<Browsing>);
});

typed.after.always(async (t) => {
  await stopBrowsing(t.context as Partial<Browsing>);
});

const total = (page: Page) => page.locator('.results__summary').innerText();

typed('a visitor searches 塘栖, reads a record, switches to English, filters and pages on', async (t) => {
  const { page, problems } = await openPage(t, 'zh-CN');
  await page.goto(`${t.context.origin}/`);
  t.is(await page.getAttribute('html', 'lang'), 'zh-Hans');
  await assertAccessible(t, page, 'home');
  await screenshot(page, 'home-zh');

  await page.getByRole('combobox', { name: '检索档案', exact: true }).fill('塘栖');
  await page.getByRole('button', { name: '检索', exact: true }).click();
  await page.waitForURL(/\/search\?q=/);
  t.is(await page.locator('h1').innerText(), '“塘栖”的检索结果');
  t.regex(await total(page), /^共 \d+ 条记录，当前显示第 1–20 条/);
  await assertAccessible(t, page, 'search results');
  await screenshot(page, 'search-zh');

  await page.locator('.hit__title a').first().click();
  await page.waitForURL(/\/items\//);
  t.truthy(await page.locator('h1').innerText());
  await assertAccessible(t, page, 'record');
  await screenshot(page, 'record-zh');

  await page.getByRole('link', { name: 'English' }).click();
  await page.waitForLoadState();
  t.is(await page.getAttribute('html', 'lang'), 'en');
  t.true(page.url().includes('lang=en'));
  await screenshot(page, 'record-en');

  await page.getByRole('combobox', { name: 'Search the archive', exact: true }).fill('塘栖');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/\/search\?q=/);
  t.is(await page.locator('h1').innerText(), 'Search results for “塘栖”', 'the cookie keeps English without ?lang');
  await page.locator('#facet-type + ul').getByRole('link', { name: /Building/ }).click();
  await page.waitForURL(/type=building/);
  t.regex(await total(page), new RegExp(`^Records 1–20 of ${tangqiBuildingCount}`));
  t.is(await page.locator('.chip').count(), 2, 'the text and the type are active filters');
  await assertAccessible(t, page, 'filtered search');
  await screenshot(page, 'search-filtered-en');

  await page.getByRole('link', { name: 'Next' }).click();
  await page.waitForURL(/page=2/);
  t.regex(await total(page), new RegExp(`^Records 21–${tangqiBuildingCount} of ${tangqiBuildingCount}`));
  t.is(await page.locator('.pagination [aria-current="page"]').getAttribute('href'), `/search?q=${encodeURIComponent('塘栖')}&type=building&page=2`);
  t.is(await page.locator('.hit').count(), tangqiBuildingCount - 20);

  t.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
});

typed('from a hit, a visitor steps to the next record and returns to the same page of results', async (t) => {
  const { page, problems } = await openPage(t, 'zh-CN');
  await page.goto(`${t.context.origin}/search?q=${encodeURIComponent('塘栖')}&page=2`);
  const second = await page.locator('.hit__title a').nth(1).innerText();
  await page.locator('.hit__title a').first().click();
  await page.waitForURL(/\/items\/.+\?from=/);
  t.regex(await page.locator('.record-trail__position').innerText(), /^第 21 条，共 \d+ 条$/);
  await assertAccessible(t, page, 'record opened from results');
  await page.getByRole('link', { name: /^下一条/ }).click();
  await page.waitForLoadState();
  t.true((await page.locator('h1').innerText()).startsWith(second.slice(0, 2)), `the next record is the second hit, “${second}”`);
  await page.getByRole('link', { name: '返回“塘栖”的检索结果' }).click();
  await page.waitForURL(/\/search\?/);
  t.is(new URL(page.url()).searchParams.get('page'), '2', 'back on the page it was opened from');
  t.deepEqual(problems, []);
});

for (const [name, address, locale] of [
  ['collections', '/collections', 'en-GB'],
  ['collection', '/collections/grand-canal', 'zh-CN'],
  ['collection-fallback', '/collections/tangqi-old-town', 'en-GB'],
  ['about', '/about', 'en-GB'],
  ['record-full', `/items/${fullRecordId}`, 'en-GB'],
  ['record-hostile', '/items/html-trap', 'zh-CN'],
  ['search-empty', '/search?q=zzzqqq&type=bridge', 'en-GB'],
  ['error-404', '/no-such-page', 'zh-CN'],
  ['error-400', '/search?year_from=abc', 'en-GB'],
] as const) {
  typed(`the ${name} page has no serious accessibility problem, satisfies its CSP and fits a 360 px phone`, async (t) => {
    const { page, problems } = await openPage(t, locale);
    await page.goto(`${t.context.origin}${address}`);
    await assertAccessible(t, page, name);
    await screenshot(page, name);
    await page.setViewportSize({ width: 360, height: 740 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    t.true(width <= 360, `${name} is ${width} px wide at 360 px`);
    await screenshot(page, `${name}-360`);
    t.deepEqual(problems.filter((problem) => !(name.startsWith('error') && problem.includes('Failed to load resource'))), [], 'no console errors or CSP violations');
  });
}

typed('the first Tab reaches a visible skip link, and focused links are outlined', async (t) => {
  const { page } = await openPage(t, 'en-GB');
  await page.goto(`${t.context.origin}/search?q=tangqi`);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  t.is(await page.evaluate(() => document.activeElement?.className), 'skip-link');
  const box = await skip.boundingBox();
  t.true(box !== null && box.y >= 0, 'the skip link moves into view when focused');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  t.is(outline, 'solid');
});

typed('a printed record page leaves out navigation and search', async (t) => {
  const { page } = await openPage(t, 'en-GB');
  await page.goto(`${t.context.origin}/items/${fullRecordId}`);
  await page.emulateMedia({ media: 'print' });
  t.false(await page.locator('.site-header').isVisible());
  t.false(await page.locator('.site-footer').isVisible());
  t.true(await page.locator('.fields').isVisible());
  await page.pdf({ path: path.join(SCREENSHOTS, 'record-print.pdf') });
  t.true(existsSync(path.join(SCREENSHOTS, 'record-print.pdf')));
});

typed('the phone layout of the search page is written for people to look at', async (t) => {
  const { page } = await openPage(t, 'zh-CN', 360);
  await page.goto(`${t.context.origin}/search?q=%E5%A1%98%E6%A0%96`);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'search-zh-360.png') });
  t.true(existsSync(path.join(SCREENSHOTS, 'search-zh-360.png')));
  t.log(`screenshots in ${SCREENSHOTS}`);
});
