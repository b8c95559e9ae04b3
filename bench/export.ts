/**
 * `npm run bench:export [-- 100000]`: the export of a whole archive through the real app over
 * HTTP, downloaded by curl (CSV, JSON Lines and XLSX: time to the first byte, rows/s, the server's peak
 * memory) next to, in the same run,
 * a bare csv-stringify of the same records read straight from the catalog — the cost of the walk,
 * the HTTP stream and the template form over writing the CSV itself.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { pino } from 'pino';
import { loadConfig } from '../core/config.ts';
import { EXPORT_COLUMNS, toTemplateRow } from '../core/schema/template-row.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { createApp } from '../server/app.ts';
import { TEMPLATE_CSV_OPTIONS } from '../server/services/export-records.ts';
import { openBenchCatalog } from './lib/bench-catalog.ts';
import { mb, printTable, trackPeakRss } from './lib/stats.ts';

const run = promisify(execFile);
const size = Number(process.argv[2] ?? 100_000);
const { catalog, dir } = await openBenchCatalog(size);
const engine = new EmbeddedEngine(catalog);
if (engine.needsRebuild()) {
  console.log('building the search index (once) …');
  await reindexAll(catalog, engine);
}
const config = loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent' });
const server = createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) }).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
// One search first: the engine's snapshot is loaded before anything is timed.
await fetch(`${origin}/search?q=%E4%B8%B4%E5%B9%B3`).then((response) => response.arrayBuffer());

interface Run {
  what: string;
  rows: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  peakRss: number;
}

/**
 * Downloads `url` with curl in its own process, so the client's work does not share this
 * process's event loop (or its memory figure) with the server: first byte and total as curl saw
 * them, rows counted by the archive (every public record).
 */
async function exportOver(url: string, what: string): Promise<Run> {
  const peak = trackPeakRss();
  const { stdout } = await run('curl', ['-sS', '-o', '/dev/null', '-w', '%{time_starttransfer} %{time_total} %{size_download}', url]);
  const [firstByte, total, bytes] = stdout.trim().split(' ').map(Number) as [number, number, number];
  return { what, rows: catalog.countRecords({ publicOnly: true }), firstByteMs: firstByte * 1000, totalMs: total * 1000, bytes, peakRss: peak.stop() };
}

/** The baseline: the same records, read from the catalog in order, through csv-stringify alone. */
async function bareCsvStringify(): Promise<Run> {
  const peak = trackPeakRss();
  const started = performance.now();
  let firstByteMs = 0;
  let bytes = 0;
  let rows = 0;
  const records = Readable.from(
    (function* () {
      for (const batch of catalog.iterateRecords(1000)) {
        for (const stored of batch) {
          rows++;
          yield toTemplateRow(stored.record);
        }
      }
    })(),
  );
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += chunk.byteLength;
      done();
    },
  });
  await pipeline(records, stringify(TEMPLATE_CSV_OPTIONS), sink);
  return { what: 'bare csv-stringify (baseline)', rows, firstByteMs, totalMs: performance.now() - started, bytes, peakRss: peak.stop() };
}

const runs = [
  await bareCsvStringify(),
  // The first export after a start also orders the result set for the walk; later ones reuse it.
  await exportOver(`${origin}/export.csv`, 'CSV export over HTTP, first'),
  await exportOver(`${origin}/export.csv`, 'CSV export over HTTP, again'),
  await exportOver(`${origin}/export.jsonl`, 'JSON Lines export over HTTP'),
  await exportOver(`${origin}/export.xlsx`, 'XLSX export over HTTP'),
];
const baseline = runs[0]!;
console.log(`\nexport of ${size.toLocaleString('en')} records (the whole archive), ${new Date().toISOString()}`);
printTable(
  runs.map((run) => ({
    what: run.what,
    rows: run.rows.toLocaleString('en'),
    'first byte': `${run.firstByteMs.toFixed(0)} ms`,
    total: `${(run.totalMs / 1000).toFixed(1)} s`,
    'rows/s': Math.round(run.rows / (run.totalMs / 1000)).toLocaleString('en'),
    'vs baseline': `${(run.totalMs / baseline.totalMs).toFixed(2)}×`,
    size: mb(run.bytes),
    'peak RSS': mb(run.peakRss),
  })),
);
server.close();
await engine.close();
catalog.close();
