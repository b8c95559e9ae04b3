/**
 * Discovery in a real browser: the map draws markers and the canal line with no tile server and
 * no request leaving the site, "search this area" filters by what the map shows, the timeline's
 * periods filter, and typing pinyin in a search box offers 塘栖 names through an accessible
 * combobox. axe-core checks the map and timeline views; screenshots are written for people.
 */
import test from 'ava';
import type { Page } from 'playwright-core';
import { bceRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { assertAccessible, openPage, screenshot, startBrowsing, stopBrowsing, type Browsing } from './helpers/browser.ts';

const typed = test as import('ava').TestFn<Browsing>;

typed.before(async (t) => {
  await startBrowsing(t.context as Partial<Browsing>);
});

typed.after.always(async (t) => {
  await stopBrowsing(t.context as Partial<Browsing>);
});

/** Waits until map.js has drawn the GeoJSON; returns how many features it drew. */
async function mapDrawn(page: Page): Promise<number> {
  await page.waitForSelector('[data-map][data-map-ready]');
  return Number(await page.getAttribute('[data-map]', 'data-map-ready'));
}

/** The records the map's list links to, without the way back (`?from=…`) each link carries. */
const listed = (page: Page) => page.locator('.map-list__title a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('?')[0]));

typed('the map draws the located records as markers and the bridge as a line, with no tile server and nothing fetched elsewhere', async (t) => {
  const { page, problems, elsewhere } = await openPage(t, 'en-GB');
  await page.goto(`${t.context.origin}/search?view=map`);
  t.is(await mapDrawn(page), 2);
  t.is(await page.locator('.leaflet-marker-pane .leaflet-marker-icon').count(), 2);
  t.is(await page.locator('path.map-line').count(), 1, 'the line is an SVG path');
  t.true(await page.getByText('The base map is drawn offline from Natural Earth').isVisible());
  t.is(await page.locator('.leaflet-tile').count(), 0);
  t.deepEqual((await listed(page)).sort(), [`/items/${bceRecordId}`, `/items/${fullRecordId}`].sort(), 'the list beside the map holds the same records');

  await page.locator('.leaflet-marker-pane .leaflet-marker-icon').first().click();
  await page.locator('.leaflet-popup').waitFor();
  t.is(await page.locator('.leaflet-popup .map-popup__title a').count(), 1);
  t.is(await page.locator('.leaflet-popup-close-button').getAttribute('aria-label'), 'Close');

  await assertAccessible(t, page, 'map view');
  await screenshot(page, 'map-en');
  t.deepEqual(problems, [], 'no console errors, CSP violations or failed requests');
  t.deepEqual(elsewhere, [], 'no request left the site');
});

typed('"search this area" searches what the map shows, and the address returns what it promised', async (t) => {
  const { page, problems } = await openPage(t, 'zh-CN');
  // The map opens on a 2 km circle round the bridge; Yujiashan, 12 km away, is outside the view.
  await page.goto(`${t.context.origin}/search?view=map&near=30.48,120.19,2`);
  await mapDrawn(page);
  await page.getByRole('button', { name: '在此范围内检索' }).click();
  await page.waitForURL(/bbox=/);
  const url = new URL(page.url());
  t.is(url.searchParams.get('near'), null, 'the area replaces the point');
  t.is(url.searchParams.get('view'), 'map');
  const [south, west, north, east] = url.searchParams.get('bbox')!.split(',').map(Number) as [number, number, number, number];
  t.true(south < 30.48 && 30.48 < north && west < 120.19 && 120.19 < east, 'the box holds the bridge');
  t.false(west < 120.31 && 120.31 < east && south < 30.42 && 30.42 < north, 'the box leaves Yujiashan out');
  t.deepEqual(await listed(page), [`/items/${fullRecordId}`]);
  t.is(await mapDrawn(page), 1);
  t.true(await page.locator('.chip', { hasText: '地图范围' }).isVisible());
  await screenshot(page, 'map-area-zh');
  t.deepEqual(problems, []);
});

typed('a click on the map offers a search near that point, which lists the records around it', async (t) => {
  const { page, problems } = await openPage(t, 'en-GB');
  await page.goto(`${t.context.origin}/search?view=map&bbox=30.4,120.25,30.44,120.37`);
  await mapDrawn(page);
  const box = (await page.locator('[data-map]').boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.getByRole('link', { name: 'Search within 5 km of here' }).click();
  await page.waitForURL(/near=/);
  const near = new URL(page.url()).searchParams.get('near')!.split(',').map(Number);
  t.is(near[2], 5);
  t.true(Math.abs(near[0]! - 30.42) < 0.05 && Math.abs(near[1]! - 120.31) < 0.1, `clicked near Yujiashan: ${near.join(',')}`);
  t.deepEqual(await listed(page), [`/items/${bceRecordId}`]);
  t.deepEqual(problems, []);
});

typed('the timeline renders in both languages, and a period link filters the list to that period', async (t) => {
  const { page, problems } = await openPage(t, 'en-GB');
  await page.goto(`${t.context.origin}/search?view=timeline`);
  t.is(await page.locator('.timeline__bar').count(), 5);
  t.true(await page.locator('.timeline__chart text', { hasText: '3000 BCE' }).isVisible());
  await assertAccessible(t, page, 'timeline view');
  await screenshot(page, 'timeline-en');

  await page.getByRole('row', { name: /Ming dynasty/ }).getByRole('link').click();
  await page.waitForURL(/period=ming/);
  t.regex(await page.locator('.results__summary').innerText(), /of 15/);

  await page.goto(`${t.context.origin}/search?view=timeline&lang=zh`);
  t.true(await page.locator('.timeline__chart text', { hasText: '公元前3000年' }).isVisible());
  await page.locator('a.timeline__row', { hasText: '清' }).click();
  await page.waitForURL(/period=qing/);
  t.regex(await page.locator('.results__summary').innerText(), /^共 20 条记录/);
  t.deepEqual(problems, []);
});

for (const [name, address, locale] of [
  ['map-zh-360', '/search?view=map&lang=zh', 'zh-CN'],
  ['timeline-zh-360', '/search?view=timeline&lang=zh', 'zh-CN'],
  ['timeline-en-360', '/search?view=timeline&lang=en', 'en-GB'],
] as const) {
  typed(`the ${name} view fits a 360 px phone with no serious accessibility problem`, async (t) => {
    const { page, problems } = await openPage(t, locale, 360);
    await page.goto(`${t.context.origin}${address}`);
    if (name.startsWith('map')) await mapDrawn(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    t.true(width <= 360, `${name} is ${width} px wide`);
    await assertAccessible(t, page, name);
    await screenshot(page, name);
    t.deepEqual(problems, []);
  });
}

typed('typing tangq in a search box suggests 塘栖 names; arrow keys and Enter open one, Escape closes the list', async (t) => {
  const { page, problems } = await openPage(t, 'zh-CN');
  await page.goto(`${t.context.origin}/`);
  const box = page.getByRole('combobox', { name: '检索档案' });
  await box.pressSequentially('tangq');
  const options = page.getByRole('listbox', { name: '检索建议' }).getByRole('option');
  await options.first().waitFor();
  t.regex(await options.first().innerText(), /^塘栖/);
  t.is(await box.getAttribute('aria-expanded'), 'true');
  t.regex(await page.getByRole('status').innerText(), /有 \d+ 条建议/);
  await assertAccessible(t, page, 'home with suggestions');
  await screenshot(page, 'suggest-zh');

  await box.press('ArrowDown');
  const active = await box.getAttribute('aria-activedescendant');
  t.truthy(active);
  t.is(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  await box.press('Escape');
  t.is(await box.getAttribute('aria-expanded'), 'false');
  t.is(await box.inputValue(), 'tangq', 'Escape closes the list and keeps the text');

  await box.press('ArrowDown');
  const chosen = await page.locator(`#${await box.getAttribute('aria-activedescendant')}`).innerText();
  await box.press('Enter');
  await page.waitForURL(/\/(items|search)/);
  t.true((await page.locator('h1').innerText()).includes(chosen.slice(0, 2)), `Enter opened “${chosen}”`);
  t.deepEqual(problems, []);
});

typed('without JavaScript the map view is a list with coordinates and the search box a plain field', async (t) => {
  const context = await t.context.browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  t.teardown(() => context.close());
  const page = await context.newPage();
  await page.goto(`${t.context.origin}/search?view=map`);
  t.false(await page.locator('[data-map-figure]').isVisible(), 'the map figure waits for the script');
  t.is((await listed(page)).length, 2);
  t.true(await page.getByText('30.48° N, 120.19° E').first().isVisible());
  const box = page.getByRole('searchbox', { name: 'Search the archive' });
  t.is(await box.count(), 1);
  t.is(await box.getAttribute('role'), null, 'no combobox role without the script that makes it one');
});
