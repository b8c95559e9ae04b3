/**
 * A real browser (Debian's Chromium, driven by playwright-core) opens a record page with
 * photographs, under the site's Content-Security-Policy, and the deep-zoom viewer loads IIIF
 * tiles from the media router.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import anyTest, { type ExecutionContext, type TestFn } from 'ava';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isCancelledByBrowser } from '../site/helpers/browser.ts';
import { createMediaTestApp } from './helpers/media-app.ts';
import { sharedLifetime } from './helpers/media-archive.ts';
import { openSampleArchive, type SampleArchive } from './helpers/sample-archive.ts';

const CHROMIUM = '/usr/bin/chromium';

interface Browsing {
  archive: SampleArchive;
  origin: string;
  browser: Browser;
}

const test = anyTest as TestFn<Browsing>;
const lifetime = sharedLifetime();

test.before(async (t) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  const archive = await openSampleArchive(lifetime);
  // The app names its public origin in info.json, so it is made once the port is known.
  const server: Server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on('request', createMediaTestApp({ ...archive, publicOrigin: origin }));
  lifetime.teardown(() => new Promise((resolve) => server.close(resolve)));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  lifetime.teardown(() => browser.close());
  t.context = { archive, origin, browser };
});
test.after.always(() => lifetime.end());

/** A fresh page recording console errors and warnings (CSP violations among them) and failed requests. */
async function openPage(t: ExecutionContext<Browsing>, locale = 'en-GB'): Promise<{ page: Page; problems: string[]; tiles: string[] }> {
  const context = await t.context.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  t.teardown(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  const tiles: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (!isCancelledByBrowser(request)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() >= 400) problems.push(`${response.status()}: ${pathname}`);
    if (/^\/iiif\/[0-9a-f]{64}\/.+\/default\.jpg$/.test(pathname) && response.status() === 200 && response.headers()['content-type'] === 'image/jpeg') tiles.push(pathname);
  });
  return { page, problems, tiles };
}

test('the first photograph of a record becomes a deep-zoom viewer that draws IIIF tiles, with no CSP violation or serious accessibility problem', async (t) => {
  const { page, problems, tiles } = await openPage(t);
  const [street, farmer] = t.context.archive.hashes.street;
  await page.goto(`${t.context.origin}/records/street?lang=en`);
  const viewer = page.locator('[data-iiif-viewer]').first();
  await viewer.locator('canvas').first().waitFor({ state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => document.querySelector('[data-record-image]')?.classList.contains('record-image--zooming'), undefined, { timeout: 15_000 });
  t.true(tiles.length > 0, 'tiles were requested and served');
  t.true(tiles.every((tile) => tile.startsWith(`/iiif/${street}/`)), 'only the first photograph is opened at once');
  t.false(tiles.some((tile) => tile.startsWith(`/iiif/${farmer}/`)));
  const box = await viewer.boundingBox();
  t.true((box?.width ?? 0) > 300 && (box?.height ?? 0) >= 320, `the viewer has room: ${JSON.stringify(box)}`);
  t.true(await page.locator('[data-iiif-zoom]').first().isHidden(), 'the zoom link of the open viewer is hidden');
  t.deepEqual(problems, []);
  const { violations } = await new AxeBuilder({ page }).include('.record-images').analyze();
  t.deepEqual(
    violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    [],
    'no serious or critical accessibility problem in the images and the open viewer',
  );
});

test('the zoom link of another photograph opens its own viewer', async (t) => {
  const { page, problems, tiles } = await openPage(t);
  const [, farmer] = t.context.archive.hashes.street;
  await page.goto(`${t.context.origin}/records/street?lang=en`);
  await page.locator('[data-iiif-zoom]').nth(1).click();
  await page.waitForFunction(() => document.querySelectorAll('.record-image--zooming').length === 2, undefined, { timeout: 15_000 });
  t.true(tiles.some((tile) => tile.startsWith(`/iiif/${farmer}/`)));
  t.true(page.url().endsWith('/records/street?lang=en'), 'the link did not navigate away');
  t.deepEqual(problems, []);
});

test('a photograph that fits in one tile is drawn from its full/max tile', async (t) => {
  const { page, problems, tiles } = await openPage(t);
  const [chart] = t.context.archive.hashes.chart;
  await page.goto(`${t.context.origin}/records/chart?lang=en`);
  await page.waitForFunction(() => document.querySelector('[data-record-image]')?.classList.contains('record-image--zooming'), undefined, { timeout: 15_000 });
  t.deepEqual([...new Set(tiles)], [`/iiif/${chart}/full/max/0/default.jpg`]);
  t.deepEqual(problems, []);
});

test('on a Chinese page the viewer’s buttons are labelled in Chinese, on an English page in English', async (t) => {
  const labels = async (lang: 'zh' | 'en') => {
    const { page, problems } = await openPage(t, lang === 'zh' ? 'zh-CN' : 'en-GB');
    await page.goto(`${t.context.origin}/records/street?lang=${lang}`);
    await page.waitForFunction(() => document.querySelector('[data-record-image]')?.classList.contains('record-image--zooming'), undefined, { timeout: 15_000 });
    const buttons = page.locator('[data-iiif-viewer] .openseadragon-container div[title]');
    const titles = await buttons.evaluateAll((elements) => elements.map((element) => element.getAttribute('title')));
    const alts = await buttons.locator('img').evaluateAll((images) => [...new Set(images.map((image) => image.getAttribute('alt')))]);
    t.deepEqual(problems, []);
    return { titles, alts };
  };
  const zh = await labels('zh');
  t.deepEqual(zh.titles, ['放大', '缩小', '恢复原始大小', '切换全屏']);
  t.deepEqual(zh.alts.sort(), ['切换全屏', '恢复原始大小', '放大', '缩小'].sort(), 'the buttons’ images say the same');
  t.deepEqual((await labels('en')).titles, ['Zoom in', 'Zoom out', 'Show the whole image', 'Toggle full page']);
});
