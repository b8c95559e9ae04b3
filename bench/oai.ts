/**
 * `npm run bench:oai [-- --records=100000 --pages=30]`: OAI-PMH on a synthetic archive (1% of its
 * records withdrawn after being public, 0.5% deleted, twenty collections), served over real HTTP.
 * Per-page latency of ListIdentifiers and ListRecords at the start, middle and end of the list
 * (resumption tokens carry a keyset position, so depth should not matter), the first page (which
 * counts the list once for completeListSize) and a set's pages, next to baselines measured in the
 * same run on the same file:
 *  1. the catalog's change feed alone for the same page (the floor: what is left is presenting
 *     and writing XML), and the same page asked with the list's own window rather than one
 *     narrowed to the cursor (what the narrowing saves);
 *  2. the same page by OFFSET, the way a naive server pages (grows with depth);
 *  3. `catalog.changes.count()` (the index alone), next to `countPublic()`, the count a first
 *     page pays (it reads the rows, so hidden records are not counted);
 *  4. for a set of ten records changed last, the feed's own page of it (filtered in SQLite) and
 *     the same records found by reading every change into JavaScript and filtering there.
 * With `--harvest`, a whole ListIdentifiers harvest (and ListRecords up to 200,000 records) as a
 * harvester runs it, page after page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { pino } from 'pino';
import { Catalog } from '../core/catalog/catalog.ts';
import { HIDDEN } from '../core/catalog/visibility.ts';
import { loadConfig } from '../core/config.ts';
import { EmbeddedEngine } from '../core/search/embedded/embedded-engine.ts';
import type { ArchiveRecord } from '../core/schema/record.ts';
import { createApp } from '../server/app.ts';
import { encodeToken } from '../server/oai/resumption-token.ts';
import { tokenKeySource } from '../server/oai/token-key.ts';
import { median, percentile, printTable, timeMs } from './lib/stats.ts';
import { syntheticRecords } from './lib/synthetic-records.ts';

const { values } = parseArgs({ options: { records: { type: 'string', default: '100000' }, pages: { type: 'string', default: '30' }, harvest: { type: 'boolean', default: false } } });
const RECORDS = Number(values.records);
const SAMPLES = Number(values.pages);
const PAGE = 100;
const silent = pino({ level: 'silent' });

const root = mkdtempSync(path.join(tmpdir(), 'bench-oai-'));
try {
  const config = loadConfig({ ARCHIVE_DATA_DIR: root, LOG_LEVEL: 'silent' });
  console.log(`building ${RECORDS.toLocaleString('en')} records… (load average ${loadavg()[0]!.toFixed(1)})`);
  const buildMs = await timeMs(() => buildArchive(config.catalogFile));
  console.log(`built in ${(buildMs / 1000).toFixed(1)} s`);
  const catalog = Catalog.open(config.catalogFile);
  const engine = new EmbeddedEngine(catalog);
  const app = createApp({ config, catalog, engine, logger: silent });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oai`;
  const key = tokenKeySource(catalog, silent)();
  const raw = new Database(config.catalogFile, { readonly: true });
  const total = catalog.changes.count({});
  // Depths among the records (positionAt reads the records table): the end is the last page of records.
  const recordCount = raw.prepare<[], { n: number }>('SELECT count(*) AS n FROM records').get()!.n;
  const depths = { start: 0, middle: Math.floor(recordCount / 2), end: Math.max(0, recordCount - PAGE) };

  const rows: Record<string, string | number>[] = [];
  const row = (what: string, samples: number[], baseline?: number) =>
    rows.push({ what, 'p50 ms': median(samples).toFixed(1), 'p95 ms': percentile(samples, 95).toFixed(1), 'vs feed p50': baseline ? `${(median(samples) / baseline).toFixed(1)}×` : '' });

  const countSamples = await repeat(5, () => catalog.changes.count({}));
  const publicCountSamples = await repeat(5, () => catalog.changes.countPublic({}));
  row('baseline: changes.count() of the whole list (index only)', countSamples);
  row('changes.countPublic() of the whole list, what a first page counts', publicCountSamples);
  for (const [name, depth] of Object.entries(depths)) {
    const after = depth === 0 ? undefined : positionAt(raw, depth);
    // What the OAI layer asks (its window narrowed to the cursor, see harvest-items.ts), and the same page asked with the list's own window.
    const feed = await repeat(SAMPLES, () => catalog.changes.page(after ? { from: after.datestamp } : {}, PAGE + 1, after));
    const wideFeed = await repeat(Math.min(SAMPLES, 10), () => catalog.changes.page({}, PAGE + 1, after));
    const offset = await repeat(Math.min(SAMPLES, 10), () => raw.prepare('SELECT * FROM records ORDER BY datestamp, id LIMIT ? OFFSET ?').all(PAGE, depth));
    const token = after && encodeToken({ verb: 'ListIdentifiers', conditions: { metadataPrefix: 'oai_dc' }, after, cursor: depth, size: total }, key);
    const recordsToken = after && encodeToken({ verb: 'ListRecords', conditions: { metadataPrefix: 'oai_dc' }, after, cursor: depth, size: total }, key);
    const identifiers = await repeat(SAMPLES, () => get(base, token ? `verb=ListIdentifiers&resumptionToken=${encodeURIComponent(token)}` : 'verb=ListIdentifiers&metadataPrefix=oai_dc'));
    const records = await repeat(SAMPLES, () => get(base, recordsToken ? `verb=ListRecords&resumptionToken=${encodeURIComponent(recordsToken)}` : 'verb=ListRecords&metadataPrefix=oai_dc'));
    const floor = median(feed);
    row(`baseline: change feed page at the ${name} (${depth.toLocaleString('en')})`, feed, floor);
    row(`baseline: OFFSET page at the ${name}`, offset, floor);
    if (after) row(`change feed page at the ${name}, window from the list's start`, wideFeed, floor);
    row(`ListIdentifiers page at the ${name}${depth === 0 ? ' (counts the list)' : ''}`, identifiers, floor);
    row(`ListRecords page at the ${name}${depth === 0 ? ' (counts the list)' : ''}`, records, floor);
  }
  const setFirst = await repeat(SAMPLES, () => get(base, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection-3'));
  row('ListIdentifiers, first page of a set holding ~7% of records', setFirst);
  // The worst case of filtering the feed by set: ten records, written last, so the scan crosses every change.
  const tinySet = await repeat(3, () => get(base, 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=tiny'));
  const tinyFeed = await repeat(3, () => catalog.changes.page({ collection: 'tiny' }, PAGE + 1));
  const tinyInJs = await repeat(3, () => filterFeedInJavaScript(catalog, 'tiny'));
  row('baseline: the change feed page of that set, filtered in SQLite', tinyFeed);
  row('baseline: that set found by reading the whole feed and filtering in JavaScript', tinyInJs);
  row('ListIdentifiers, a set of 10 records changed last (scans every change)', tinySet);
  printTable(rows);

  if (values.harvest) {
    const harvests: Record<string, string | number>[] = [];
    for (const verb of ['ListIdentifiers', 'ListRecords'] as const) {
      if (verb === 'ListRecords' && RECORDS > 200_000) continue;
      const pageTimes: number[] = [];
      let items = 0;
      const wallMs = await timeMs(async () => {
        let query = `verb=${verb}&metadataPrefix=oai_dc`;
        for (;;) {
          let text = '';
          pageTimes.push(await timeMs(async () => (text = await get(base, query))));
          items += (text.match(/<header/g) ?? []).length;
          const token = /<resumptionToken[^>]*>([^<]+)</.exec(text)?.[1];
          if (!token) break;
          query = `verb=${verb}&resumptionToken=${encodeURIComponent(token)}`;
        }
      });
      harvests.push({ harvest: verb, items: items.toLocaleString('en'), pages: pageTimes.length, seconds: (wallMs / 1000).toFixed(1), 'items/s': Math.round(items / (wallMs / 1000)), 'page p50 ms': median(pageTimes).toFixed(1), 'page p95 ms': percentile(pageTimes, 95).toFixed(1) });
    }
    printTable(harvests);
  }
  console.log(`(load average ${loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
  raw.close();
  await new Promise((resolve) => server.close(resolve));
  await engine.close();
  catalog.close();
} finally {
  rmSync(root, { recursive: true, force: true });
}

async function buildArchive(file: string): Promise<void> {
  const catalog = Catalog.open(file);
  for (let index = 0; index < 20; index++) catalog.upsertCollection({ id: `collection-${index}`, order: index, title_zh: `专题${index}号`, title_en: `Collection ${index}` });
  let batch: ArchiveRecord[] = [];
  let written = 0;
  for (const record of syntheticRecords(RECORDS)) {
    batch.push(record);
    if (batch.length < 5000 && written + batch.length < RECORDS) continue;
    catalog.writeBatch(batch);
    written += batch.length;
    batch = [];
    if (written % 100_000 === 0) process.stdout.write(`  ${written.toLocaleString('en')}\n`);
  }
  const ids = (step: number, offset: number) => Array.from({ length: Math.floor(RECORDS / step) }, (_, n) => `synthetic-${n * step + offset}`);
  catalog.setVisibility(ids(100, 1), HIDDEN, { actor: 'bench' });
  catalog.deleteRecords(ids(200, 2), { actor: 'bench' });
  catalog.upsertCollection({ id: 'tiny', order: 99, title_zh: '小专题', title_en: 'A small collection' });
  catalog.writeBatch(catalog.getRecords(ids(Math.floor(RECORDS / 10), 3).slice(0, 10)).map((stored) => ({ ...stored.record, collections: ['tiny'] })));
  catalog.close();
}

/** A set's records as a feed without a collection filter finds them: every change read into JavaScript and tested there. */
function filterFeedInJavaScript(catalog: Catalog, collection: string): number {
  let found = 0;
  let after: { datestamp: string; id: string } | undefined;
  for (;;) {
    const batch = catalog.changes.page({}, 4096, after);
    found += batch.filter((entry) => entry.kind === 'record' && entry.stored.record.collections?.includes(collection)).length;
    if (batch.length < 4096) return found;
    after = { datestamp: batch.at(-1)!.datestamp, id: batch.at(-1)!.id };
  }
}

/** The (datestamp, id) of the change at `depth`, read once by OFFSET to set the benchmark up. */
function positionAt(db: Database.Database, depth: number): { datestamp: string; id: string } {
  return db.prepare<[number], { datestamp: string; id: string }>('SELECT datestamp, id FROM records ORDER BY datestamp, id LIMIT 1 OFFSET ?').get(depth - 1)!;
}

async function get(base: string, query: string): Promise<string> {
  const response = await fetch(`${base}?${query}`);
  if (response.status !== 200) throw new Error(`${query}: HTTP ${response.status}`);
  return response.text();
}

async function repeat(times: number, run: () => unknown): Promise<number[]> {
  await run();
  const samples: number[] = [];
  for (let n = 0; n < times; n++) samples.push(await timeMs(run));
  return samples;
}
