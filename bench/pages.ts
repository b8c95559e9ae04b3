/**
 * `npm run bench:pages [-- 100000]`: requests/s and p95 latency of the home, search and record
 * pages served by the real app over HTTP (autocannon, 10 connections) on a synthetic catalog,
 * next to a static stylesheet from the same server in the same run, and the ratio of each page to
 * it. The catalog is built once into bench/out/ and reused while its size and seed match.
 *
 * Search requests rotate over 24 queries (text, facets, years, sorts, pages) and record requests
 * over random ids, so neither measures one cached answer. The engine's text cache stays on, as in
 * production: repeated popular queries skip FTS5, while facet counting and paging run every time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { Catalog } from '../core/catalog/catalog.ts';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { createApp } from '../server/app.ts';
import { assetVersion } from '../server/middleware/serve-assets.ts';
import { percentile, printTable, timeMs } from './lib/stats.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';

const SIZE = Number(process.argv[2] ?? 100_000);
const SEED = 1;
const WRITE_BATCH = 5000;
const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 10;
const OUT_DIR = path.join(PROJECT_ROOT, 'bench', 'out');
const SIGNATURE = `pages-v1:${SIZE}:${SEED}`;

const SEARCHES = [
  'q=塘栖', 'q=临平', 'q=运河', 'q=良渚文化', 'q=石拱桥', 'q=古镇&type=bridge&type=site', 'q=遗址&year_from=-3000&year_to=-2000',
  'q=bridge', 'q=grand+canal', 'q=jade&sort=year_asc', 'q=梅花&sort=title', 'q=保存较为完好&page=3', '', 'collection=collection-3',
  'year_from=-221&year_to=220&sort=year_desc', 'sort=title&page=50', 'type=temple&protection_level=national', 'q=tangqi',
  'has_image=yes&period=明', 'admin_area=浙江省/杭州市/临平区/塘栖镇', 'q=水北街+民居', 'q=钱塘江&type=seawall', 'q=ancient+well&page=2',
  'q=上塘河&year_from=公元前221年',
].map((query) => (query ? `/search?${new URLSearchParams(query).toString()}` : '/search'));

async function openBenchCatalog(): Promise<Catalog> {
  const dir = path.join(OUT_DIR, `pages-${SIZE}`);
  mkdirSync(dir, { recursive: true });
  let catalog = Catalog.open(path.join(dir, 'catalog.db'));
  if (catalog.getMeta('bench_signature') === SIGNATURE) return catalog;
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  catalog = Catalog.open(path.join(dir, 'catalog.db'));
  console.log(`building a ${SIZE.toLocaleString('en')}-record catalog in ${path.relative(PROJECT_ROOT, dir)} (once) …`);
  const writeMs = await timeMs(() => {
    let batch = [];
    for (const record of syntheticRecords(SIZE, SEED)) {
      batch.push(record);
      if (batch.length === WRITE_BATCH) (catalog.writeBatch(batch), (batch = []));
    }
    catalog.writeBatch(batch);
    for (let i = 0; i < 20; i++) {
      catalog.upsertCollection({ id: `collection-${i}`, order: i, title_zh: `专题${i}`, title_en: `Collection ${i}`, summary_en: 'Synthetic.', cover: `synthetic-${i}` });
    }
  });
  const engine = new EmbeddedEngine(catalog);
  const indexMs = await timeMs(() => reindexAll(catalog, engine));
  await engine.close();
  catalog.setMeta('bench_signature', SIGNATURE);
  console.log(`written in ${(writeMs / 1000).toFixed(1)} s, indexed in ${(indexMs / 1000).toFixed(1)} s`);
  return catalog;
}

interface Target {
  name: string;
  paths: string[];
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  bytes: number;
}

/** One autocannon run; latencies are collected per response, since autocannon reports no p95. */
async function measure(origin: string, target: Target, seconds: number): Promise<Measured> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: origin,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    requests: [{ setupRequest: (request: Record<string, unknown>) => ({ ...request, path: target.paths[next++ % target.paths.length] }) }],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (status !== 200) errors++;
  });
  const result = await instance;
  return {
    requestsPerSecond: result.requests.total / (result.duration || seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
    bytes: result.throughput.total / Math.max(1, result.requests.total),
  };
}

async function main(): Promise<void> {
  const catalog = await openBenchCatalog();
  const engine = new EmbeddedEngine(catalog);
  // As openArchive does: a changed index format starts empty and is rebuilt from the catalog.
  if (engine.needsRebuild()) {
    console.log('the search index format changed: rebuilding it …');
    await reindexAll(catalog, engine);
  }
  const config = loadConfig({ ARCHIVE_DATA_DIR: path.dirname(catalog.file), LOG_LEVEL: 'silent' });
  const app = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ids = Array.from({ length: 500 }, (_, i) => `/items/synthetic-${(i * 7919) % SIZE}`);
  const targets: Target[] = [
    { name: 'static (site.css)', paths: [`/assets/${assetVersion()}/css/site.css`] },
    { name: 'home', paths: ['/'] },
    { name: 'search', paths: SEARCHES },
    { name: 'record', paths: ids },
  ];
  console.log(`${catalog.countRecords().toLocaleString('en')} records; ${CONNECTIONS} connections, ${DURATION_S} s per page type after ${WARMUP_S} s of warm-up\n`);
  const rows = [];
  let baseline = 0;
  for (const target of targets) {
    await measure(origin, target, WARMUP_S);
    const result = await measure(origin, target, DURATION_S);
    if (target.name.startsWith('static')) baseline = result.requestsPerSecond;
    rows.push({
      page: target.name,
      'req/s': result.requestsPerSecond.toFixed(0),
      'p50 ms': result.p50.toFixed(1),
      'p95 ms': result.p95.toFixed(1),
      'p99 ms': result.p99.toFixed(1),
      'KB/resp': (result.bytes / 1024).toFixed(1),
      'vs static': `${((result.requestsPerSecond / baseline) * 100).toFixed(1)} %`,
      errors: result.errors,
    });
  }
  printTable(rows);
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `pages-${SIZE}.json`);
  writeFileSync(file, JSON.stringify({ records: SIZE, connections: CONNECTIONS, durationSeconds: DURATION_S, node: process.version, rows }, null, 2));
  console.log(`\nwritten to ${path.relative(PROJECT_ROOT, file)}`);
  await new Promise((resolve) => server.close(resolve));
  await engine.close();
  catalog.close();
}

await main();
