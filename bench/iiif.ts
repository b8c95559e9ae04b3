/**
 * `npm run bench:iiif [-- 100000]`: latency of the IIIF documents served by the real app over
 * HTTP on a synthetic catalog — a record's manifest, the whole-archive collection (one probe per
 * page), a page of 1,000 manifest references, a themed collection — next to the record page
 * (the same `readRecord`, rendered as HTML) and a static stylesheet from the same server in the
 * same run. Requests go one at a time (p50/p95 of each), over random ids and pages. The catalog
 * is built once into bench/out/ and reused while its size and seed match; IIIF reads only the
 * catalog, so no search index is built.
 */
import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { Catalog } from '../core/catalog/catalog.ts';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { createApp } from '../server/app.ts';
import { LISTING_PAGE_SIZE } from '../server/iiif/read-listings.ts';
import { assetVersion } from '../server/middleware/serve-assets.ts';
import { median, percentile, printTable, timeMs } from './lib/stats.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';

const SIZE = Number(process.argv[2] ?? 100_000);
const SEED = 1;
const WRITE_BATCH = 5000;
const REQUESTS = 200;
const WARMUP = 20;
const OUT_DIR = path.join(PROJECT_ROOT, 'bench', 'out');
const SIGNATURE = `iiif-v1:${SIZE}:${SEED}`;

async function openBenchCatalog(): Promise<Catalog> {
  const dir = path.join(OUT_DIR, `iiif-${SIZE}`);
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
    for (let i = 0; i < 20; i++) catalog.upsertCollection({ id: `collection-${i}`, order: i, title_zh: `专题${i}`, title_en: `Collection ${i}` });
  });
  catalog.setMeta('bench_signature', SIGNATURE);
  console.log(`written in ${(writeMs / 1000).toFixed(1)} s`);
  return catalog;
}

interface Measured {
  p50: number;
  p95: number;
  kilobytes: number;
}

/** `REQUESTS` sequential GETs over `paths` (after a warm-up), each answered 200. */
async function measure(origin: string, paths: readonly string[]): Promise<Measured> {
  const latencies: number[] = [];
  let bytes = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${origin}${paths[i % paths.length]}`);
    const body = await response.arrayBuffer();
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`${paths[i % paths.length]} answered ${response.status}`);
    if (i >= WARMUP) (latencies.push(elapsed), (bytes += body.byteLength));
  }
  return { p50: median(latencies), p95: percentile(latencies, 95), kilobytes: bytes / REQUESTS / 1024 };
}

async function main(): Promise<void> {
  const catalog = await openBenchCatalog();
  const engine = new EmbeddedEngine(catalog);
  const server = (await import('node:http')).createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config = loadConfig({ ARCHIVE_DATA_DIR: path.dirname(catalog.file), LOG_LEVEL: 'silent', ARCHIVE_PUBLIC_URL: origin });
  server.on('request', createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) }));

  const ids = Array.from({ length: 500 }, (_, i) => `synthetic-${(i * 7919) % SIZE}`);
  const pageCount = Math.ceil(SIZE / LISTING_PAGE_SIZE);
  const pages = Array.from({ length: 50 }, (_, i) => `/iiif/archive/pages/${1 + ((i * 7919) % pageCount)}`);
  const targets: [string, string[]][] = [
    ['static (site.css)', [`/assets/${assetVersion()}/css/site.css`]],
    ['record page (baseline)', ids.map((id) => `/items/${id}`)],
    ['manifest', ids.map((id) => `/iiif/manifests/${id}`)],
    [`archive collection (${pageCount.toLocaleString('en')} pages)`, ['/iiif/archive']],
    [`archive page (${LISTING_PAGE_SIZE.toLocaleString('en')} manifests)`, pages],
    [`themed collection (page 1 of ~${Math.round(SIZE / 20).toLocaleString('en')})`, ['/iiif/collections/collection-3']],
  ];
  console.log(`${catalog.countRecords().toLocaleString('en')} records; ${REQUESTS} sequential requests per target after ${WARMUP} of warm-up\n`);
  const rows = [];
  let baseline = Number.NaN;
  for (const [name, paths] of targets) {
    const result = await measure(origin, paths);
    if (name.startsWith('record page')) baseline = result.p50;
    rows.push({
      target: name,
      'p50 ms': result.p50.toFixed(2),
      'p95 ms': result.p95.toFixed(2),
      'p50 / record page': Number.isNaN(baseline) ? '—' : (result.p50 / baseline).toFixed(2),
      'KB each': result.kilobytes.toFixed(1),
    });
  }
  printTable(rows);
  server.close();
  await engine.close();
  catalog.close();
}

await main();
