/**
 * The maps in a real browser (Debian's Chromium via playwright-core) with every request to any
 * other origin blocked: the offline base map is drawn (land and sea, its detail cells, province
 * names in the page's language, its credit and a scale bar), nearby records gather into a
 * cluster that opens when chosen, and a record page shows its place on a small map.
 */
import type { Page } from 'playwright-core';
import test from 'ava';
import { bceRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { assertAccessible, openPage, screenshot, startBrowsing, stopBrowsing, type Browsing } from './helpers/browser.ts';

const typed = test as import('ava').TestFn<Browsing>;

typed.before(async (t) => {
  await startBrowsing(t.context as Partial<Browsing>);
});

typed.after.always(async (t) => {
  await stopBrowsing(t.context as Partial<Browsing>);
});

/** A page on which any request leaving the site is aborted and written down. */
async function offlinePage(t: import('ava').ExecutionContext<Browsing>, locale: string) {
  const opened = await openPage(t, locale);
  const blocked: string[] = [];
  await opened.page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(t.context.origin) || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  return { ...opened, blocked };
}

/** Counts the base map canvas's pixels of land, of sea and of anything else, on a 40 px grid. */
function paintedPixels(page: Page, selector: string): Promise<{ land: number; other: number; samples: number }> {
  return page.evaluate((mapSelector) => {
    const canvas = document.querySelector(`${mapSelector} .leaflet-baseMap-pane canvas`) as HTMLCanvasElement | null;
    if (!canvas) return { land: 0, other: 0, samples: 0 };
    const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let land = 0;
    let other = 0;
    let samples = 0;
    for (let y = 0; y < height; y += 40) {
      for (let x = 0; x < width; x += 40) {
        const i = (y * width + x) * 4;
        samples++;
        if (data[i + 3] === 0) continue;
        if (data[i] === 0xf4 && data[i + 1] === 0xf1 && data[i + 2] === 0xe8) land++;
        else other++;
      }
    }
    return { land, other, samples };
  }, selector);
}

/** The titles of the map's zoom buttons and of Leaflet's link in the credits. */
function controlTitles(page: Page): Promise<string[]> {
  return page.locator('[data-map] .leaflet-control-zoom a, [data-map] .leaflet-control-attribution a[href="https://leafletjs.com"]').evaluateAll((links) => links.map((link) => link.getAttribute('title') ?? ''));
}

typed('with every other origin blocked, the map view draws the base map in detail in Chinese and in English, with its names, credits and buttons in the page’s language', async (t) => {
  const { page, problems, elsewhere, blocked } = await offlinePage(t, 'zh-CN');
  // The box of Zhejiang and its neighbours opens at a zoom that draws the detail cells.
  await page.goto(`${t.context.origin}/search?view=map&bbox=28.5,118,31.5,122`);
  await page.waitForSelector('[data-map][data-base-map-ready][data-map-ready]');
  await page.waitForFunction(() => Number(document.querySelector('[data-map]')?.getAttribute('data-base-map-cells')) >= 2);
  const pixels = await paintedPixels(page, '[data-map]');
  t.true(pixels.land > pixels.samples / 10, `land is drawn: ${JSON.stringify(pixels)}`);
  t.true(await page.locator('.base-map-label__text', { hasText: '浙江省' }).isVisible());
  t.is(await page.locator('.base-map-label__text', { hasText: 'Zhejiang' }).count(), 0, 'names in the page’s language only');
  t.regex(await page.locator('.leaflet-control-attribution').innerText(), /底图数据：Natural Earth/);
  t.regex(await page.locator('.leaflet-control-scale-line').innerText(), /^\d+ (km|m)$/);
  t.deepEqual(await controlTitles(page), ['放大', '缩小', '用于交互式地图的 JavaScript 库']);
  await screenshot(page, 'base-map-zh');

  await page.goto(`${t.context.origin}/search?view=map&bbox=28.5,118,31.5,122&lang=en`);
  await page.waitForSelector('[data-map][data-base-map-ready][data-map-ready]');
  await page.waitForFunction(() => Number(document.querySelector('[data-map]')?.getAttribute('data-base-map-cells')) >= 2);
  const english = await paintedPixels(page, '[data-map]');
  t.true(english.land > english.samples / 10, `land is drawn on the English page too: ${JSON.stringify(english)}`);
  t.true(await page.locator('.base-map-label__text', { hasText: 'Zhejiang' }).isVisible());
  t.regex(await page.locator('.leaflet-control-attribution').innerText(), /Base map: Natural Earth/);
  t.deepEqual(await controlTitles(page), ['Zoom in', 'Zoom out', 'A JavaScript library for interactive maps']);
  t.deepEqual(blocked, [], 'nothing even tried to leave the site');
  t.deepEqual(elsewhere, []);
  t.deepEqual(problems, []);
});

typed('records close together gather into one cluster that says how many it holds, and opens into their markers', async (t) => {
  const { page, problems, blocked } = await offlinePage(t, 'zh-CN');
  // At this zoom the bridge and Yujiashan, 12 km apart, are a few pixels from each other.
  await page.goto(`${t.context.origin}/search?view=map&bbox=20,105,40,135`);
  await page.waitForSelector('[data-map][data-map-ready]');
  const cluster = page.locator('.marker-cluster');
  t.is(await cluster.count(), 1);
  t.is(await cluster.innerText(), '2');
  t.is(await cluster.getAttribute('aria-label'), '此处有 2 条记录，选择可放大');
  t.is(await cluster.getAttribute('role'), 'button', 'reachable from the keyboard');
  await assertAccessible(t, page, 'map with a cluster');
  await screenshot(page, 'map-cluster-zh');
  await cluster.click();
  // Opened at the zoom that parts them, once the cluster's animation has ended.
  await page.waitForFunction(
    () =>
      document.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon:not(.marker-cluster)').length === 2 &&
      document.querySelectorAll('.marker-cluster').length === 0 &&
      // Still zooming or parting, a marker is not yet where a click lands: the map's own popup would open.
      document.querySelector('.leaflet-zoom-anim, .leaflet-cluster-anim') === null,
  );
  t.pass('the cluster opened into two markers');
  await page.locator('.leaflet-marker-icon[title="玉架山遗址"]').click();
  await page.locator('.leaflet-popup').waitFor();
  t.is(await page.locator('.leaflet-popup .map-popup__title a').getAttribute('href'), `/items/${bceRecordId}`);
  t.deepEqual(blocked, []);
  t.deepEqual(problems, []);
});

typed('a record page shows its point and line on a small base map, and without JavaScript only the coordinates', async (t) => {
  const { page, problems, blocked } = await offlinePage(t, 'en-GB');
  await page.goto(`${t.context.origin}/items/${fullRecordId}`);
  await page.waitForSelector('[data-record-map][data-map-ready]');
  t.true(await page.getByRole('heading', { name: 'Location' }).isVisible());
  t.true(await page.getByRole('region', { name: 'Map of where Guangji Bridge is' }).isVisible());
  t.is(await page.locator('.record-map .leaflet-marker-pane .leaflet-marker-icon').count(), 1);
  t.is(await page.locator('.record-map path.map-line').count(), 1, 'the bridge’s line');
  const pixels = await paintedPixels(page, '.record-map');
  t.true(pixels.land > 0 && pixels.other > 0, `land and something else are drawn: ${JSON.stringify(pixels)}`);
  t.regex(await page.locator('.record-map .leaflet-control-attribution').innerText(), /Base map: Natural Earth/);
  await assertAccessible(t, page, 'record with a map');
  await screenshot(page, 'record-map-en');
  t.deepEqual(blocked, []);
  t.deepEqual(problems, []);

  const context = await t.context.browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
  t.teardown(() => context.close());
  const plain = await context.newPage();
  await plain.goto(`${t.context.origin}/items/${fullRecordId}`);
  t.false(await plain.locator('[data-record-map-section]').isVisible(), 'no empty map box');
  t.true(await plain.getByText('30.48° N, 120.19° E').first().isVisible());
});
