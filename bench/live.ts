/**
 * `npm run bench:live [-- 1000000 100000] [--quiet-seconds=30] [--first-start] [--profile-server=DIR]`: a live archive. A real server process (`server/main.ts`)
 * on a synthetic archive of 1M records takes a 50-connection load of searches, record pages,
 * suggestions and the home page, first on the quiet archive (the baseline), then while a real
 * `ingest` process imports 100k new rows into it, stopped now and then to measure the same minutes without it. Per kind of request: req/s, p50/p95/p99, failed
 * requests, and the live p99 next to the quiet one; then the server's start-up, its memory, and how
 * soon the imported records are found; the CPU each process and each kind of thread took (and at which priority).
 */
import type { ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { withSuggestionIndex } from '../core/search/suggest/suggestion-index.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { copyBenchCatalog, openBenchCatalog } from './lib/bench-catalog.ts';
import { exitOf, freePort, spawnTs, waitFor } from './lib/child-processes.ts';
import { latenciesWhen, startLoad, type LoadResult } from './lib/http-load.ts';
import { coresOf, followCpu, startCpu } from './lib/process-cpu.ts';
import { followThreads } from './lib/thread-cpu.ts';
import { recordPaths, SEARCH_PATHS, SUGGEST_PATHS } from './lib/site-requests.ts';
import { mb, printTable, timeMs } from './lib/stats.ts';
import { writeSyntheticCsv } from './lib/synthetic-csv.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';

const [SIZE = 1_000_000, IMPORT_ROWS = 100_000] = process.argv.slice(2).map(Number).filter((n) => n > 0);
const QUIET_S = Number(/^--quiet-seconds=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--quiet-seconds=')) ?? '')?.[1] ?? 30);
const FIRST_START = process.argv.includes('--first-start');
/** `--profile-server=DIR`: the server writes a CPU profile (`--cpu-prof`) to DIR when it stops. */
const PROFILE_DIR = process.argv.find((arg) => arg.startsWith('--profile-server='))?.slice('--profile-server='.length);
/** Load before the quiet baseline, once every route has answered: the quiet figures are a steady state, not the start. */
const WARMUP_S = 10;
const IMPORT_SEED = 7;
/**
 * During the import it is stopped (SIGSTOP) for PAUSE_S of every RUN_S + PAUSE_S: the answers asked
 * once a pause has settled (SETTLE_S: the server has taken in the last commits, at most 5 s after
 * them, see follow-pace.ts) are the same load without the import at the same minutes of the same
 * run. On 2 cores shared with other work, the quiet phase before can meet another machine load
 * entirely (1.6 then 16 in one run), and its ratio then measures that.
 */
const RUN_S = 20;
const PAUSE_S = 8;
const SETTLE_S = 6;
/** 50 connections in all, split by kind of request. */
const KINDS = [
  { kind: 'search', connections: 20, paths: SEARCH_PATHS },
  { kind: 'record page', connections: 15, paths: recordPaths(SIZE) },
  { kind: 'suggestion', connections: 10, paths: SUGGEST_PATHS },
  { kind: 'home + health', connections: 5, paths: ['/', '/health'] },
];

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-live-'));
  let server: ChildProcess | undefined;
  try {
    const dataDir = await prepareArchive(path.join(work, 'data'));
    const csv = path.join(work, 'import.csv');
    await writeSyntheticCsv(csv, IMPORT_ROWS, IMPORT_SEED, SIZE);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;

    const started = Date.now();
    // Node refuses --cpu-prof in NODE_OPTIONS: it goes on the server's command line.
    const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    server = spawnTs('server/main.ts', [], { ARCHIVE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, 'inherit', profile);
    await waitFor(async () => (await fetch(`${origin}/health`)).ok);
    const listeningMs = Date.now() - started;
    const firstSearchMs = await timeMs(() => fetch(`${origin}/search?q=${encodeURIComponent('运河')}`).then((response) => response.text()));
    const startRss = { rss: rssOf(server), peak: peakRssOf(server) };
    console.log(`server answering ${listeningMs} ms after it was started; its first search took ${firstSearchMs.toFixed(0)} ms; RSS ${startRss.rss}`);
    // Every route's first answer (a record page loads citation-js, a suggestion the suggester) before any load, so no start stall falls into the baseline.
    for (const { kind, paths } of KINDS) console.log(`first ${kind}: ${(await timeMs(() => fetch(`${origin}${paths[0]}`).then((response) => response.text()))).toFixed(0)} ms`);

    await runLoads(origin, WARMUP_S);
    const quietCpu = startCpu(server.pid!);
    const quietThreads = followThreads(server.pid!);
    const quiet = await runLoads(origin, QUIET_S);
    const quietUse = quietCpu.stop();
    const quietServerThreads = quietThreads.stop();
    const quietRss = { rss: rssOf(server), peak: peakRssOf(server) };
    console.log(`quiet archive: ${QUIET_S} s of load done; server RSS ${quietRss.rss}`);

    const importStarted = Date.now();
    const liveCpu = startCpu(server.pid!);
    const liveThreads = followThreads(server.pid!);
    const ingest = spawnTs('ingest/cli.ts', [csv], { ARCHIVE_DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, 'ignore');
    const ingestCpu = followCpu(ingest.pid!);
    const ingestThreads = followThreads(ingest.pid!);
    const importDone = exitOf(ingest);
    const pauses = pauseNowAndThen(ingest, importDone);
    const live = runLoads(origin, 24 * 3600, importDone);
    const exitCode = await importDone;
    const importS = (Date.now() - importStarted) / 1000;
    const liveResults = await live;
    const liveUse = { ...liveCpu.stop(), import: ingestCpu.seconds() };
    ingestCpu.stop();
    const liveServerThreads = liveThreads.stop();
    const importThreads = ingestThreads.stop();
    const liveRss = { rss: rssOf(server), peak: peakRssOf(server) };
    console.log(`import of ${IMPORT_ROWS.toLocaleString('en')} rows: exit ${exitCode}, ${importS.toFixed(1)} s (${Math.round(IMPORT_ROWS / importS)} rows/s under load); server RSS ${liveRss.rss}`);

    const settled = (askedAt: number) => pauses.some(({ from, to }) => askedAt >= from + SETTLE_S * 1000 && askedAt < to);
    const running = (askedAt: number) => !pauses.some(({ from, to }) => askedAt >= from && askedAt < to);
    const importing = liveResults.map((result) => latenciesWhen(result, running));
    const paused = liveResults.map((result) => latenciesWhen(result, settled));
    const foundAfterMs = await timeMs(() => waitFor(() => isFound(origin, lastImportedTitle())));
    console.log(`the last imported record was found ${foundAfterMs.toFixed(0)} ms after the import ended`);

    printTable(
      KINDS.map(({ kind }, i) => ({
        request: kind,
        'quiet req/s': quiet[i]!.requestsPerSecond.toFixed(0),
        'quiet p50/p95/p99 ms': triple(quiet[i]!),
        'live req/s': liveResults[i]!.requestsPerSecond.toFixed(0),
        // Asked while the import ran (not in its pauses).
        'live p50/p95/p99 ms': triple(importing[i]!),
        'live max ms': importing[i]!.max.toFixed(0),
        'p99 live ÷ quiet': `${(importing[i]!.p99 / quiet[i]!.p99).toFixed(2)}×`,
        'failed (quiet / live)': `${quiet[i]!.failures} / ${liveResults[i]!.failures}`,
      })),
    );
    if (pauses.length === 0) console.log(`\nthe import ended before its first pause (after ${RUN_S} s): no same-minutes comparison`);
    else console.log(`\nthe same minutes: answers asked while the import ran next to those asked in its settled pauses (${pauses.length} pauses of ${PAUSE_S} s, the first ${SETTLE_S} s of each left out)`);
    if (pauses.length > 0) printTable(
      KINDS.map(({ kind }, i) => ({
        request: kind,
        'paused answers': paused[i]!.count,
        'paused p50/p95/p99 ms': triple(paused[i]!),
        'importing answers': importing[i]!.count,
        'importing p50/p95/p99 ms': triple(importing[i]!),
        'p99 importing ÷ paused': `${(importing[i]!.p99 / paused[i]!.p99).toFixed(2)}×`,
        // Asked in a settled pause / while the import ran (a timeout counts when it was asked, 10 s before it was given up).
        'failed (paused / importing)': `${paused[i]!.failures} / ${importing[i]!.failures}`,
      })),
    );
    for (const [i, { kind }] of KINDS.entries()) {
      for (const [phase, result] of [['quiet', quiet[i]!], ['live', liveResults[i]!]] as const) {
        if (result.failures > 0) console.log(`${kind}, ${phase}: failed ${result.failureKinds}`);
      }
    }
    console.log(`load average (1/5/15 min) at the end: ${loadavg().map((load) => load.toFixed(2)).join(' / ')}`);
    // The load generator runs on the same 2 cores: what it took is CPU the server did not have.
    console.log('\nCPU taken, in cores (CPU seconds per second of the phase)');
    printTable([
      { phase: `quiet (${quietUse.seconds.toFixed(0)} s)`, 'load generator (this process)': coresOf(quietUse.client, quietUse.seconds), server: coresOf(quietUse.server, quietUse.seconds), import: '—' },
      { phase: `during the import (${liveUse.seconds.toFixed(0)} s)`, 'load generator (this process)': coresOf(liveUse.client, liveUse.seconds), server: coresOf(liveUse.server, liveUse.seconds), import: coresOf(liveUse.import, liveUse.seconds) },
    ]);
    // Which threads had the CPU, at which priority: a thread started before the import lowered its priority keeps the server's.
    console.log('\nCPU by thread (cores; main = the event loop; nice 0 = the server\'s priority)');
    printTable([
      ...threadRows('server, quiet', quietServerThreads, quietUse.seconds),
      ...threadRows('server, during the import', liveServerThreads, liveUse.seconds),
      ...threadRows('import', importThreads, liveUse.seconds),
    ]);
    // The kernel's peak (VmHWM) counts what synchronous work held between two samples.
    console.log(`\nserver memory (${SIZE.toLocaleString('en')} records)`);
    printTable([
      { when: 'started, one search done', RSS: startRss.rss, 'peak so far': startRss.peak },
      { when: `after ${QUIET_S} s of quiet load`, RSS: quietRss.rss, 'peak so far': quietRss.peak },
      { when: 'after the import under load', RSS: liveRss.rss, 'peak so far': liveRss.peak },
    ]);
  } finally {
    server?.kill('SIGTERM');
    if (server) await exitOf(server);
    rmSync(work, { recursive: true, force: true });
  }
}

/** A private copy of the bench archive, its search index and suggestions complete. */
async function prepareArchive(dataDir: string): Promise<string> {
  const bench = await openBenchCatalog(SIZE);
  const engine = new EmbeddedEngine(bench.catalog);
  if (engine.needsRebuild()) {
    console.log('building the search index (once) …');
    await reindexAll(bench.catalog, engine);
  }
  await engine.close();
  withSuggestionIndex(bench.catalog, (suggestions) => suggestions.needsRebuild() && suggestions.rebuild(bench.catalog.iterateRecords()));
  copyBenchCatalog(bench, dataDir);
  // A server restarted on its archive finds the snapshot file it left (derived: ignored if stale);
  // `--first-start` measures the very first start instead, which builds it.
  const snapshots = FIRST_START ? [] : readdirSync(bench.dir).filter((name) => name.startsWith('search-snapshot.bin'));
  for (const name of snapshots) copyFileSync(path.join(bench.dir, name), path.join(dataDir, name));
  console.log(snapshots.length > 0 ? 'the server starts with the snapshot file of its last run (a restart)' : 'the server starts without a snapshot file (a first start)');
  bench.catalog.close();
  return dataDir;
}

/** Stops `child` for PAUSE_S after every RUN_S until it ends; the pauses, as they happen. */
function pauseNowAndThen(child: ChildProcess, ended: Promise<unknown>): { from: number; to: number }[] {
  const pauses: { from: number; to: number }[] = [];
  let over = false;
  void ended.then(() => (over = true));
  const cycle = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, RUN_S * 1000));
      if (over) return;
      const from = Date.now();
      child.kill('SIGSTOP');
      await new Promise((resolve) => setTimeout(resolve, PAUSE_S * 1000));
      child.kill('SIGCONT');
      pauses.push({ from, to: Date.now() });
      if (over) return;
    }
  };
  void cycle();
  return pauses;
}

/** One load per kind of request, all at once, for `seconds` or until `until` settles. */
async function runLoads(origin: string, seconds: number, until?: Promise<unknown>): Promise<LoadResult[]> {
  const loads = KINDS.map(({ connections, paths }) => startLoad(origin, paths, { connections, seconds }));
  void until?.then(() => loads.forEach((load) => load.stop()));
  return Promise.all(loads.map((load) => load.done));
}

async function isFound(origin: string, text: string): Promise<boolean> {
  const response = await fetch(`${origin}/api/search.geojson?${new URLSearchParams({ q: text })}`);
  return response.ok && ((await response.json()) as { total: number }).total > 0;
}

function lastImportedTitle(): string {
  let title = '';
  for (const record of syntheticRecords(IMPORT_ROWS, IMPORT_SEED, SIZE)) title = record.title_en!;
  return title;
}

function statusField(child: ChildProcess, field: 'VmRSS' | 'VmHWM'): number {
  const kib = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? 0) * 1024;
}

const rssOf = (child: ChildProcess) => mb(statusField(child, 'VmRSS'));
const peakRssOf = (child: ChildProcess) => mb(statusField(child, 'VmHWM'));
const threadRows = (process: string, kinds: ReturnType<ReturnType<typeof followThreads>['stop']>, seconds: number) =>
  kinds.map((kind) => ({ process, threads: `${kind.kind} ×${kind.threads}`, nice: kind.nice, cores: coresOf(kind.cpuSeconds, seconds) }));
const triple = (result: Pick<LoadResult, 'p50' | 'p95' | 'p99'>) => [result.p50, result.p95, result.p99].map((value) => value.toFixed(0)).join(' / ');

await main();
