/**
 * A real viewer in a real browser: Debian's Chromium follows the record page's IIIF link into the
 * archive's Mirador (from its npm package, served by the app), which reads the manifest, shows its
 * label and draws the photograph's IIIF tiles — under the viewer page's CSP, with every request
 * to another host blocked and none made.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import anyTest, { type ExecutionContext, type TestFn } from 'ava';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isCancelledByBrowser } from '../site/helpers/browser.ts';
import { ids, openIiifArchive, type IiifArchive } from './helpers/iiif-archive.ts';

const CHROMIUM = '/usr/bin/chromium';

interface Browsing {
  archive: IiifArchive;
  server: Server;
  origin: string;
  browser: Browser;
}

const test = anyTest as TestFn<Browsing>;

test.before(async (t) => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`);
  // The archive's public origin is this server's address, so it is known before the app is made.
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const [archive, browser] = await Promise.all([
    openIiifArchive(origin, { demo: false }),
    chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] }),
  ]);
  server.on('request', archive.app);
  t.context = { archive, server, origin, browser };
});

test.after.always(async (t) => {
  await t.context.browser?.close();
  if (t.context.server) await new Promise((resolve) => t.context.server.close(resolve));
  await t.context.archive?.close();
});

interface Watched {
  page: Page;
  /** CSP violations and failed requests. */
  problems: string[];
  /** Requests to anywhere but this server, blocked. */
  elsewhere: string[];
  /** IIIF tiles served as JPEG. */
  tiles: string[];
}

async function openPage(t: ExecutionContext<Browsing>, locale: string): Promise<Watched> {
  const context = await t.context.browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  t.teardown(() => context.close());
  const watched: Watched = { page: await context.newPage(), problems: [], elsewhere: [], tiles: [] };
  await context.route(
    (url) => url.origin !== t.context.origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      watched.elsewhere.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  watched.page.on('console', (message) => {
    // Mirador's own React deprecation notes are not ours to fix; a refused resource is.
    if (/Content Security Policy|Refused to/i.test(message.text())) watched.problems.push(message.text());
  });
  watched.page.on('requestfailed', (request) => {
    if (!isCancelledByBrowser(request)) watched.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  watched.page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (response.status() >= 400) watched.problems.push(`${response.status()}: ${pathname}`);
    if (/^\/iiif\/[0-9a-f]{64}\/[^/]+\/[^/]+\/0\/default\.jpg$/.test(pathname) && response.headers()['content-type'] === 'image/jpeg') watched.tiles.push(pathname);
  });
  return watched;
}

/** @param exclude markup that is not the archive's own (Mirador's, whose issues are its own to fix) */
async function assertAccessible(t: ExecutionContext<Browsing>, page: Page, name: string, exclude?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (exclude ? builder.exclude(exclude) : builder).analyze();
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  t.deepEqual(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), [], name);
}

/** Mirador has drawn the canvas's image: OpenSeadragon's drawing surface exists and tiles came. */
async function waitForTiles(watched: Watched): Promise<void> {
  await watched.page.locator('.openseadragon-canvas canvas').first().waitFor({ state: 'attached', timeout: 30_000 });
  const deadline = Date.now() + 30_000;
  while (watched.tiles.length === 0 && Date.now() < deadline) await watched.page.waitForTimeout(100);
}

test('the record page’s IIIF link opens the manifest in Mirador, which shows its English label and draws the image tiles', async (t) => {
  const watched = await openPage(t, 'en-GB');
  const { page } = watched;
  await page.goto(`${t.context.origin}/items/${ids.bilingual}?lang=en`);
  const link = page.getByRole('link', { name: /IIIF manifest/ }).first();
  t.is(new URL(String(await link.getAttribute('href')), t.context.origin).searchParams.get('manifest'), `${t.context.origin}/iiif/manifests/${ids.bilingual}`);
  await assertAccessible(t, page, 'the English record page');
  await link.click();
  await page.waitForURL(/\/iiif\/viewer\?manifest=/);
  await page.getByRole('heading', { name: 'Guangji Bridge' }).first().waitFor({ timeout: 30_000 });
  await waitForTiles(watched);
  await assertAccessible(t, page, 'the viewer page around Mirador', '.mirador-viewer');
  t.true(watched.tiles.length > 0, 'tiles were requested and served');
  t.deepEqual(watched.problems, []);
  t.deepEqual(watched.elsewhere, [], 'no request left this machine');
});

test('in Chinese, Mirador shows the zh-Hans label, and the Chinese record page is accessible', async (t) => {
  const watched = await openPage(t, 'zh-CN');
  const { page } = watched;
  await page.goto(`${t.context.origin}/items/${ids.bilingual}?lang=zh`);
  await page.getByRole('link', { name: /IIIF 清单/ }).first().waitFor();
  await assertAccessible(t, page, 'the Chinese record page');
  await page.goto(`${t.context.origin}/iiif/viewer?manifest=${encodeURIComponent(`${t.context.origin}/iiif/manifests/${ids.bilingual}`)}&lang=zh`);
  await page.getByRole('heading', { name: '广济桥' }).first().waitFor({ timeout: 30_000 });
  await waitForTiles(watched);
  t.true(watched.tiles.length > 0);
  t.deepEqual(watched.problems, []);
  t.deepEqual(watched.elsewhere, []);
});
