/**
 * `npm run bench:map`: what the maps cost a visitor, measured in Chromium (playwright-core) on the
 * demo archive served by the real app, with every request to another origin blocked. For each page:
 * the bytes on the wire by kind (page, scripts and styles, base map, records), compressed as served
 * and, for comparison in the same run, with compression refused (`Accept-Encoding: identity`), and
 * the median time from navigation until the map has drawn its records and its base map, next to
 * the list page's time to `load` as the baseline. Every page is loaded with an empty cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { chromium, type Browser } from 'playwright-core';
import { Catalog } from '../core/catalog/catalog.ts';
import { loadConfig } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { createApp } from '../server/app.ts';
import { median, printTable } from './lib/stats.ts';

const RUNS = 5;
const PAGES = [
  { name: 'search list (baseline)', path: '/search', ready: undefined },
  { name: 'search map, fitted to Linping', path: '/search?view=map', ready: '[data-map][data-map-ready][data-base-map-ready]' },
  { name: 'search map, whole of China', path: '/search?view=map&bbox=18,100,45,125', ready: '[data-map][data-map-ready][data-base-map-ready]' },
  { name: 'record with a map', path: '/items/guangji-bridge', ready: '[data-record-map][data-map-ready]' },
] as const;

type Kind = 'page' | 'scripts+styles' | 'base map' | 'records' | 'other';

function kindOf(url: string, type: string): Kind {
  if (url.includes('/base-map/')) return 'base map';
  if (url.includes('/api/search.geojson')) return 'records';
  if (type === 'document') return 'page';
  if (type === 'script' || type === 'stylesheet') return 'scripts+styles';
  return 'other';
}

async function measure(browser: Browser, origin: string, page: (typeof PAGES)[number], compressed: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...(!compressed && { extraHTTPHeaders: { 'Accept-Encoding': 'identity' } }) });
  await context.route('**/*', (route) => (route.request().url().startsWith(origin) ? route.continue() : route.abort()));
  const tab = await context.newPage();
  const requests: Promise<{ kind: Kind; bytes: number }>[] = [];
  tab.on('requestfinished', (request) => {
    requests.push(request.sizes().then((sizes) => ({ kind: kindOf(request.url(), request.resourceType()), bytes: sizes.responseBodySize + sizes.responseHeadersSize })));
  });
  const started = performance.now();
  await tab.goto(`${origin}${page.path}`, { waitUntil: 'load' });
  if (page.ready) await tab.waitForSelector(page.ready);
  const ms = performance.now() - started;
  // Cells the view reaches load after the overview: let them finish before counting.
  await tab.waitForLoadState('networkidle');
  const bytes: Record<Kind, number> = { page: 0, 'scripts+styles': 0, 'base map': 0, records: 0, other: 0 };
  for (const { kind, bytes: size } of await Promise.all(requests)) bytes[kind] += size;
  await context.close();
  return { ms, bytes };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-map-'));
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  await runIngest({ catalog, engine, paths: [config.collectionsDir], media: { mediaDir: config.mediaDir } });
  const server = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const rows: Record<string, string>[] = [];
    let baselineMs = Number.NaN;
    for (const page of PAGES) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, origin, page, true));
      const plain = await measure(browser, origin, page, false);
      const { bytes } = runs[0]!;
      const total = Object.values(bytes).reduce((sum, value) => sum + value, 0);
      const plainTotal = Object.values(plain.bytes).reduce((sum, value) => sum + value, 0);
      const ms = median(runs.map((run) => run.ms));
      if (Number.isNaN(baselineMs)) baselineMs = ms;
      rows.push({
        page: page.name,
        html: kb(bytes.page),
        'scripts+styles': kb(bytes['scripts+styles']),
        'base map': kb(bytes['base map']),
        records: kb(bytes.records),
        total: kb(total),
        'total uncompressed': kb(plainTotal),
        'median ready': `${ms.toFixed(0)} ms`,
        'vs list': `${(ms / baselineMs).toFixed(2)}×`,
      });
    }
    printTable(rows);
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
    await engine.close();
    catalog.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
