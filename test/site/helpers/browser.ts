/**
 * A real browser for the site's browser tests: Debian's Chromium driven by playwright-core, on
 * the fixture archive served on an ephemeral port. Pages record console errors (CSP violations
 * among them) and failed requests; axe-core checks them for serious or critical problems;
 * screenshots go where people can look at them: `$ARCHIVE_DATA_DIR/reports/site-screenshots`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { ExecutionContext } from 'ava';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { loadConfig } from '../../../core/config.ts';
import { openFixtureSite, type FixtureSite } from './fixture-site.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** Outside the temporary archive, so the pictures outlive the test. */
export const SCREENSHOTS = path.join(loadConfig(process.env).reportsDir, 'site-screenshots');

export interface Browsing {
  site: FixtureSite;
  server: Server;
  origin: string;
  browser: Browser;
}

/**
 * Opens the fixture site, serves it and launches the browser, filling `context` step by step so
 * `stopBrowsing` closes whatever was opened before a failure. Call from `test.before`.
 */
export async function startBrowsing(context: Partial<Browsing>): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk), as .ci/run does`);
  context.site = await openFixtureSite();
  await serveAndLaunch(context as Partial<Browsing> & { site: FixtureSite });
}

/** Serves `context.site` on a free port and launches the browser (for a test that opened a site of its own). */
export async function serveAndLaunch(context: Partial<Browsing> & { site: FixtureSite }): Promise<void> {
  context.server = context.site.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => context.server!.once('listening', resolve));
  context.origin = `http://127.0.0.1:${(context.server.address() as AddressInfo).port}`;
  // playwright gives every launch a fresh temporary profile of its own.
  context.browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Call from `test.after.always`. */
export async function stopBrowsing(context: Partial<Browsing>): Promise<void> {
  await context.browser?.close();
  if (context.server) await new Promise((resolve) => context.server!.close(resolve));
  await context.site?.close();
}

/**
 * A fresh page that records console errors (CSP violations among them), failed requests and
 * every request to another origin.
 */
export async function openPage(t: ExecutionContext<Browsing>, locale: string, width = 1280): Promise<{ page: Page; problems: string[]; elsewhere: string[] }> {
  const context = await t.context.browser.newContext({ locale, viewport: { width, height: 900 } });
  t.teardown(() => context.close());
  const page = await context.newPage();
  const problems: string[] = [];
  const elsewhere: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (!isCancelledByBrowser(request)) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(t.context.origin) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  return { page, problems, elsewhere };
}

/**
 * A request still in flight when the page navigates or a viewer drops a tile it no longer needs
 * (a suggestion fetch, the favicon) is cancelled by the browser: not a failure. A server's
 * refusal shows as a console error or a response status instead.
 */
export function isCancelledByBrowser(request: Request): boolean {
  return request.failure()?.errorText === 'net::ERR_ABORTED';
}

export async function assertAccessible(t: ExecutionContext<Browsing>, page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  t.deepEqual(
    serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    [],
    `${name}: serious or critical accessibility violations`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
