/**
 * `npm run bench:ingest [-- 25000 100000] [--ingest-only]`: rows/s and peak memory of a full ingest (validate,
 * catalog, index) of synthetic CSV files without images, next to the bare csv-parse read of the
 * same file and to the same ingest with everything on the main thread (no index or suggestion
 * worker threads), each in a process of its own, measured in the same run. Memory is compared across sizes to show it does not grow
 * with the file. CPU seconds (main thread, all threads) go with the wall time: on a shared machine
 * they say what the import cost whatever the neighbours did, and how much the worker threads that
 * index and store suggestions took off the main thread. The time each side held the catalog file's
 * write turn (and waited for it) is the import's serial part: one writer at a time.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { Catalog } from '../core/catalog/catalog.ts';
import { writeTurnTotals } from '../core/catalog/write-turns.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { benchDryRun, benchReadScaling } from './lib/read-scaling.ts';
import { writeSyntheticCsv } from './lib/synthetic-csv.ts';
import { cpuSeconds, mb, printTable, timeMs, trackPeakRss } from './lib/stats.ts';

const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0);
/** `--ingest-only`: the threaded ingest alone (no all-on-main baseline, no reading tables), for A/B runs of two checkouts. */
const INGEST_ONLY = process.argv.includes('--ingest-only');
/** Set in a child process: the one size it measures (its row is printed as JSON). */
const CHILD_ROWS = process.env.BENCH_INGEST_ROWS;
const DESIGNS: { design: string; env: Record<string, string> }[] = [
  { design: 'index + suggestions in worker threads', env: {} },
  { design: 'baseline: all on the main thread', env: { ARCHIVE_WORKER_BATCH: 'Infinity' } },
];

async function benchSize(rows: number): Promise<Record<string, string | number>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-ingest-'));
  try {
    const file = path.join(dir, 'records.csv');
    await writeSyntheticCsv(file, rows, 7);
    const parseMs = await timeMs(async () => {
      for await (const _ of createReadStream(file).pipe(parse({ bom: true }))) void _;
    });
    global.gc?.();
    const catalog = Catalog.open(path.join(dir, 'catalog.db'));
    const engine = new EmbeddedEngine(catalog);
    const memory = trackPeakRss();
    const rssBefore = process.memoryUsage().rss;
    let result;
    const cpuBefore = cpuSeconds();
    const ingestMs = await timeMs(async () => (result = await runIngest({ catalog, engine, paths: [file] })));
    const peak = memory.stop();
    const cpuAfter = cpuSeconds();
    const cpu = { all: cpuAfter.all - cpuBefore.all, main: cpuAfter.main - cpuBefore.main };
    const turns = writeTurnTotals();
    const totals = result!.report.totals();
    if (totals.created !== rows) throw new Error(`expected ${rows} created, got ${JSON.stringify(totals)}`);
    const rerunMs = await timeMs(() => runIngest({ catalog, engine, paths: [file] }));
    catalog.close();
    return {
      rows,
      'ingest rows/s': Math.round(rows / (ingestMs / 1000)),
      'ingest time': `${(ingestMs / 1000).toFixed(1)} s`,
      'baseline: csv-parse rows/s': Math.round(rows / (parseMs / 1000)),
      'ingest ÷ parse time': `${(ingestMs / parseMs).toFixed(1)}×`,
      're-run (unchanged) rows/s': Math.round(rows / (rerunMs / 1000)),
      'CPU s: main / workers / all threads': `${cpu.main.toFixed(1)} / ${(cpu.all - cpu.main).toFixed(1)} / ${cpu.all.toFixed(1)}`,
      'write lock held / waited s: main; workers': describeTurns(turns),
      'rows per CPU s (all threads)': Math.round(rows / cpu.all),
      'RSS before': mb(rssBefore),
      'peak RSS': mb(peak),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The serial part of the import: how long the main thread and the worker threads held the catalog file's write turn and waited for it. */
function describeTurns(turns: ReturnType<typeof writeTurnTotals>): string {
  const sum = (list: typeof turns) => list.reduce((total, t) => ({ held: total.held + t.heldMs / 1000, waited: total.waited + t.waitedMs / 1000 }), { held: 0, waited: 0 });
  const main = sum(turns.filter((t) => t.thread === 0));
  const workers = sum(turns.filter((t) => t.thread !== 0));
  return `${main.held.toFixed(1)} / ${main.waited.toFixed(1)}; ${workers.held.toFixed(1)} / ${workers.waited.toFixed(1)}`;
}

/** One size and design in a fresh process, so neither inherits the other's heap, caches or peak memory. */
function benchInChild(rows: number, env: Record<string, string>): Record<string, string | number> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env, BENCH_INGEST_ROWS: String(rows) },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the ${rows}-row ingest ended with status ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, string | number>;
}

if (CHILD_ROWS) {
  console.log(JSON.stringify(await benchSize(Number(CHILD_ROWS))));
  process.exit(0);
}

const results = [];
for (const rows of SIZES.length > 0 ? SIZES : [25_000, 100_000]) {
  for (const { design, env } of INGEST_ONLY ? DESIGNS.slice(0, 1) : DESIGNS) results.push({ design, ...benchInChild(rows, env) });
}
console.log('Full ingest = encoding check + structural pass + validate + catalog upsert (1,000-row transactions) + FTS index sync + suggestions.');
printTable(results);
if (INGEST_ONLY) process.exit(0);

// Reading must be linear in the file's size whatever its line lengths (bench/lib/read-scaling.ts).
console.log('\nRead time vs file size: the same records minified (the whole file one line) and pretty-printed (short lines).');
printTable(await benchReadScaling([25_000, 50_000, 100_000]));
console.log('\nDry run (read + validate + compare with the catalog) of 100,000 records as one-line and as pretty-printed JSON.');
printTable([await benchDryRun(100_000)]);
