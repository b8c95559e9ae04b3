/**
 * `npm run bench:web-import [-- 50000 10000] [--load-seconds=15] [--profile-server=DIR] [--nice=N]`: an import in the browser. A
 * real server process (`server/main.ts`, its import worker in a child process) on a synthetic
 * archive of 50k records; a curator signs in over HTTP, uploads a 10,000-row CSV (no
 * photographs), runs the dry run and the import as background jobs and follows them to the end.
 * Measured in the same run: the CLI (`ingest`) importing the same file into a copy of the same
 * archive (the baseline), the web import on a quiet server, and the public pages' p50/p95/p99 on
 * the quiet server next to the same load during a second web import of 10,000 new rows — once
 * with the import worker at the server's own priority (as before) and once below it (as now);
 * `--nice=10` measures only the one (A/B runs of two checkouts take half the time).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addAccount } from '../core/auth/manage-accounts.ts';
import { Catalog } from '../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { withSuggestionIndex } from '../core/search/suggest/suggestion-index.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { copyBenchCatalog, openBenchCatalog } from './lib/bench-catalog.ts';
import { exitOf, freePort, spawnTs, waitFor } from './lib/child-processes.ts';
import { CuratorClient } from './lib/curator-client.ts';
import { startLoad, type LoadResult } from './lib/http-load.ts';
import { coresOf, startCpu } from './lib/process-cpu.ts';
import { recordPaths, SEARCH_PATHS } from './lib/site-requests.ts';
import { printTable, timeMs } from './lib/stats.ts';
import { writeSyntheticCsv } from './lib/synthetic-csv.ts';

const [SIZE = 50_000, ROWS = 10_000] = process.argv.slice(2).map(Number).filter((n) => n > 0);
const LOAD_S = Number(/^--load-seconds=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--load-seconds=')) ?? '')?.[1] ?? 15);
/** `--profile-server=DIR`: each server writes a CPU profile (`--cpu-prof`) to DIR when it stops. */
const PROFILE_DIR = process.argv.find((arg) => arg.startsWith('--profile-server='))?.slice('--profile-server='.length);
/** `--nice=N`: only the run with the import worker at nice N. */
const ONLY_NICE = process.argv.find((arg) => arg.startsWith('--nice='))?.slice('--nice='.length);
const PASSWORD = 'bench web import passphrase';
/** 8 connections: a busy morning for an institution's archive, on 2 cores shared with the import. */
const KINDS = [
  { kind: 'record page', connections: 4, paths: recordPaths(SIZE) },
  { kind: 'search', connections: 4, paths: SEARCH_PATHS },
];

/**
 * The import worker's priority, before and after it ran below the server's (`ARCHIVE_IMPORT_NICE`):
 * each on a server and archive copy of its own, measured one after the other in this run.
 */
const PRIORITIES = [
  { run: 'worker at the server\'s priority (nice 0, before)', nice: '0' },
  { run: 'worker below the server (nice 10, now)', nice: '10' },
].filter(({ nice }) => ONLY_NICE === undefined || nice === ONLY_NICE);

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-web-import-'));
  try {
    const [cliDir, ...webDirs] = await prepareArchives(work, PRIORITIES.length);
    const first = path.join(work, 'first.csv');
    const second = path.join(work, 'second.csv');
    await writeSyntheticCsv(first, ROWS, 11, SIZE);
    await writeSyntheticCsv(second, ROWS, 12, SIZE + ROWS);

    const cliMs = await timeMs(() => exitOf(spawnTs('ingest/cli.ts', [first], { ARCHIVE_DATA_DIR: cliDir!, LOG_LEVEL: 'warn' }, 'ignore')));
    console.log(`CLI: ${ROWS.toLocaleString('en')} rows imported in ${(cliMs / 1000).toFixed(1)} s`);

    const measured: Measured[] = [];
    for (const [index, priority] of PRIORITIES.entries()) measured.push(await measureServer(webDirs[index]!, priority, [first, second]));

    printTable([
      { run: 'CLI import (baseline)', 'total s': (cliMs / 1000).toFixed(1), 'rows/s': Math.round(ROWS / (cliMs / 1000)), '÷ CLI': '1.00×' },
      ...measured.flatMap(({ run, quietWeb, liveWeb }) =>
        [
          [`web, quiet — ${run}`, quietWeb],
          [`web, during public load — ${run}`, liveWeb],
        ].map(([label, timing]) => {
          const t = timing as WebTiming;
          return { run: label as string, 'total s': (t.totalMs / 1000).toFixed(1), 'rows/s': Math.round(ROWS / (t.importMs / 1000)), '÷ CLI': `${(t.totalMs / cliMs).toFixed(2)}×` };
        }),
      ),
    ]);
    printTable(
      measured.flatMap(({ run, quiet, live }) =>
        KINDS.map(({ kind }, i) => ({
          'public request': `${kind} — ${run}`,
          'quiet req/s': quiet[i]!.requestsPerSecond.toFixed(0),
          'quiet p50/p95/p99 ms': triple(quiet[i]!),
          'during web import req/s': live[i]!.requestsPerSecond.toFixed(0),
          'during p50/p95/p99 ms': triple(live[i]!),
          'p99 during ÷ quiet': `${(live[i]!.p99 / quiet[i]!.p99).toFixed(2)}×`,
          'failed (quiet / during)': `${quiet[i]!.failures} / ${live[i]!.failures}`,
        })),
      ),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface Measured {
  run: string;
  quietWeb: WebTiming;
  liveWeb: WebTiming;
  quiet: LoadResult[];
  live: LoadResult[];
}

/** One server on `dataDir`: a web import on the quiet server, then the public load quiet and during a second web import. */
async function measureServer(dataDir: string, priority: (typeof PRIORITIES)[number], [first, second]: string[]): Promise<Measured> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawnTs('server/main.ts', [], { ARCHIVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ARCHIVE_IMPORT_NICE: priority.nice }, 'inherit', PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  try {
    await waitFor(async () => (await fetch(`${origin}/health`)).ok);
    const curator = new CuratorClient(origin);
    await curator.signIn('bench-editor', PASSWORD);
    const quietWeb = await webImport(curator, first!);
    console.log(`web, quiet server, ${priority.run}: ${describe(quietWeb)}`);
    // Long enough for the server to settle after the first import (its index snapshot reloads).
    await runLoads(origin, 10);
    const quietCpu = startCpu(server.pid!);
    const quietFrom = monotonicUs();
    const quiet = await runLoads(origin, LOAD_S);
    const quietTo = monotonicUs();
    const quietUse = quietCpu.stop();
    const liveCpu = startCpu(server.pid!);
    const importing = webImport(curator, second!);
    const live = await runLoads(origin, 24 * 3600, importing);
    const liveTo = monotonicUs();
    const liveWeb = await importing;
    const liveUse = liveCpu.stop();
    // The profile's samples are stamped on the same clock: the two windows can be read apart in it.
    if (PROFILE_DIR) console.log(`profile windows, ${priority.run} (µs, the profile's clock): quiet ${quietFrom} ${quietTo}, during the web import ${quietTo} ${liveTo}`);
    // The load generator (this process) shares the 2 cores with the server and its import worker.
    console.log(`CPU in cores, ${priority.run}: quiet: load generator ${coresOf(quietUse.client, quietUse.seconds)} / server ${coresOf(quietUse.server, quietUse.seconds)} / idle import worker ${coresOf(quietUse.children, quietUse.seconds)}; during the web import: load generator ${coresOf(liveUse.client, liveUse.seconds)} / server ${coresOf(liveUse.server, liveUse.seconds)} / import worker ${coresOf(liveUse.children, liveUse.seconds)}`);
    console.log(`web, under load, ${priority.run}: ${describe(liveWeb)}${curator.resets > 0 ? ` (${curator.resets} job-page refreshes reset and retried)` : ''}`);
    return { run: priority.run, quietWeb, liveWeb, quiet, live };
  } finally {
    server.kill('SIGTERM');
    await exitOf(server);
  }
}

interface WebTiming {
  uploadMs: number;
  dryRunMs: number;
  importMs: number;
  totalMs: number;
}

/** Upload → dry run → import, each followed to its end as the pages show it. */
async function webImport(curator: CuratorClient, csv: string): Promise<WebTiming> {
  const started = Date.now();
  const uploadPage = await curator.upload([{ name: path.basename(csv), content: readFileSync(csv) }]);
  const uploaded = Date.now();
  const dryRunPage = await curator.submit(uploadPage, uploadPage, { action: 'dry_run', mode: 'upsert', separator: ';' });
  const preview = await curator.waitForJob(dryRunPage);
  const dryRunEnd = Date.now();
  if (!/would create/.test(preview)) throw new Error('the dry run did not finish with counts');
  const importPage = await curator.submit(dryRunPage, `${uploadPage}/import`, { dry_run: /\/(\d+)$/.exec(dryRunPage)![1]! });
  const done = await curator.waitForJob(importPage);
  if (!/created [\d,]+, updated/.test(done)) throw new Error('the import did not finish with counts');
  const end = Date.now();
  return { uploadMs: uploaded - started, dryRunMs: dryRunEnd - uploaded, importMs: end - dryRunEnd, totalMs: end - started };
}

function describe(timing: WebTiming): string {
  return `upload ${(timing.uploadMs / 1000).toFixed(1)} s, dry run ${(timing.dryRunMs / 1000).toFixed(1)} s, import ${(timing.importMs / 1000).toFixed(1)} s, total ${(timing.totalMs / 1000).toFixed(1)} s`;
}

/** Private copies of the bench archive (index and suggestions complete): one for the CLI, then `webCopies` with an editor. */
async function prepareArchives(work: string, webCopies: number): Promise<string[]> {
  const bench = await openBenchCatalog(SIZE);
  const engine = new EmbeddedEngine(bench.catalog);
  if (engine.needsRebuild()) await reindexAll(bench.catalog, engine);
  await engine.close();
  withSuggestionIndex(bench.catalog, (suggestions) => suggestions.needsRebuild() && suggestions.rebuild(bench.catalog.iterateRecords()));
  const dirs = [path.join(work, 'cli'), ...Array.from({ length: webCopies }, (_, index) => path.join(work, `web-${index}`))];
  for (const dir of dirs) copyBenchCatalog(bench, dir);
  bench.catalog.close();
  for (const dir of dirs.slice(1)) {
    const web = Catalog.open(path.join(dir, 'catalog.db'));
    const added = await addAccount(web, { name: 'bench-editor', role: 'editor', password: PASSWORD, by: 'bench' });
    web.close();
    if (!added.ok) throw new Error(`could not add the bench editor: ${added.key}`);
  }
  return dirs;
}

async function runLoads(origin: string, seconds: number, until?: Promise<unknown>): Promise<LoadResult[]> {
  const loads = KINDS.map(({ connections, paths }) => startLoad(origin, paths, { connections, seconds }));
  // Stopped however the import ends: a failed one must not leave the load (and the server) running.
  const stop = () => loads.forEach((load) => load.stop());
  void until?.then(stop, stop);
  return Promise.all(loads.map((load) => load.done));
}

/** Microseconds on the monotonic clock V8's CPU profiles stamp their samples with. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

const triple = (result: LoadResult) => [result.p50, result.p95, result.p99].map((value) => value.toFixed(0)).join(' / ');

await main();
