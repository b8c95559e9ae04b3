/**
 * `npm run bench:pages [-- 100000]`: requests/s and p95 latency of the home, search and record
 * pages served by the real app over HTTP (autocannon, 10 connections) on a synthetic catalog,
 * next to a static stylesheet from the same server in the same run, and the ratio of each page to
 * it. The catalog is built once into bench/out/ and reused (bench/lib/bench-catalog.ts).
 *
 * Search requests rotate over 24 queries (text, facets, years, sorts, pages) and record requests
 * over random ids, so neither measures one cached answer. The engine's text cache stays on, as in
 * production: repeated popular queries skip FTS5, while facet counting and paging run every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, PROJECT_ROOT } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { createApp } from '../server/app.ts';
import { assetVersion } from '../server/middleware/serve-assets.ts';
import { BENCH_OUT_DIR, openBenchCatalog } from './lib/bench-catalog.ts';
import { startLoad } from './lib/http-load.ts';
import { recordPaths, SEARCH_PATHS } from './lib/site-requests.ts';
import { printTable } from './lib/stats.ts';

const SIZE = Number(process.argv[2] ?? 100_000);
const DURATION_S = 10;
const WARMUP_S = 2;
const CONNECTIONS = 10;

interface Target {
  name: string;
  paths: string[];
}

async function main(): Promise<void> {
  const { catalog, dir } = await openBenchCatalog(SIZE);
  const engine = new EmbeddedEngine(catalog);
  // As openArchive does: a changed index format starts empty and is rebuilt from the catalog.
  if (engine.needsRebuild()) {
    console.log('the search index format changed: rebuilding it …');
    await reindexAll(catalog, engine);
  }
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const app = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const targets: Target[] = [
    { name: 'static (site.css)', paths: [`/assets/${assetVersion()}/css/site.css`] },
    { name: 'home', paths: ['/'] },
    { name: 'search', paths: SEARCH_PATHS },
    { name: 'record', paths: recordPaths(SIZE) },
  ];
  console.log(`${catalog.countRecords().toLocaleString('en')} records; ${CONNECTIONS} connections, ${DURATION_S} s per page type after ${WARMUP_S} s of warm-up\n`);
  const rows = [];
  let baseline = 0;
  for (const target of targets) {
    await startLoad(origin, target.paths, { connections: CONNECTIONS, seconds: WARMUP_S }).done;
    const result = await startLoad(origin, target.paths, { connections: CONNECTIONS, seconds: DURATION_S }).done;
    if (target.name.startsWith('static')) baseline = result.requestsPerSecond;
    rows.push({
      page: target.name,
      'req/s': result.requestsPerSecond.toFixed(0),
      'p50 ms': result.p50.toFixed(1),
      'p95 ms': result.p95.toFixed(1),
      'p99 ms': result.p99.toFixed(1),
      'KB/resp': (result.bytesPerResponse / 1024).toFixed(1),
      'vs static': `${((result.requestsPerSecond / baseline) * 100).toFixed(1)} %`,
      errors: result.failures,
    });
  }
  printTable(rows);
  mkdirSync(BENCH_OUT_DIR, { recursive: true });
  const file = path.join(BENCH_OUT_DIR, `pages-${SIZE}.json`);
  writeFileSync(file, JSON.stringify({ records: SIZE, connections: CONNECTIONS, durationSeconds: DURATION_S, node: process.version, rows }, null, 2));
  console.log(`\nwritten to ${path.relative(PROJECT_ROOT, file)}`);
  await new Promise((resolve) => server.close(resolve));
  await engine.close();
  catalog.close();
}

await main();
