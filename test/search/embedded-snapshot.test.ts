/**
 * The embedded engine's in-memory snapshot follows the index change by change, starts from its
 * file, and loads large indexes in a worker thread: whatever path it took, every answer is the one
 * a freshly loaded engine gives.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { reindexAll } from '../../core/search/sync-index.ts';
import type { SearchQuery, SearchResult } from '../../core/search/types.ts';
import { addRecords, makeTempDir, openArchiveIn, query } from '../helpers/temp-archive.ts';

const TYPES = ['bridge', 'site', 'temple', 'seawall'];
const PLACES = ['塘栖', '超山', '临平', '乔司'];

/** `count` varied records from number `first` on. */
function records(count: number, first = 0, title = '古桥'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => {
    const i = first + n;
    return {
      id: `r${i}`,
      title_zh: `${PLACES[i % 4]}${title}${i}号`,
      title_en: `${['Tangqi', 'Chaoshan', 'Linping', 'Qiaosi'][i % 4]} record ${i}`,
      description_zh: i % 3 === 0 ? '位于大运河畔' : '历经多次修缮',
      type: TYPES[i % 4],
      start_year: 1368 + i,
      end_year: 1400 + i,
      admin_area: `浙江省/杭州市/临平区/${PLACES[i % 4]}镇`,
      collections: `c${i % 5}`,
      keywords_en: i % 2 ? 'stone bridge' : 'old town',
    };
  });
}

const QUERIES: SearchQuery[] = [
  query({ pageSize: 100 }),
  query({ text: '塘栖', pageSize: 100 }),
  query({ text: '运河', filters: { type: ['bridge', 'site'] }, pageSize: 100 }),
  query({ text: 'stone', lang: 'en', pageSize: 100 }),
  query({ filters: { collection: ['c2'] }, sort: 'year_desc', pageSize: 100 }),
  query({ yearFrom: 1380, yearTo: 1420, sort: 'title', pageSize: 100 }),
  query({ text: '古桥', sort: 'year_asc', page: 2, pageSize: 10 }),
];

/**
 * What a query answers that must not depend on how the engine got its snapshot. Relevance ranks
 * may drift a little when kept scores are extended (text-matches.ts), so those hits are compared as a set.
 */
function answer(q: SearchQuery, result: SearchResult) {
  const ids = result.hits.map((hit) => hit.record.id);
  return { total: result.total, ids: q.text && q.sort === 'relevance' ? ids.sort() : ids, facets: result.facets };
}

const hitIds = (result: SearchResult) => result.hits.map((hit) => hit.record.id);

async function answers(engine: EmbeddedEngine): Promise<unknown[]> {
  return Promise.all(QUERIES.map(async (q) => answer(q, await engine.search(q))));
}

/** The same but for the hits of year and title sorts: a large index refreshes those orders in the background (SnapshotStore.order). */
async function sameRecords(engine: EmbeddedEngine): Promise<unknown[]> {
  return (await answers(engine)).map((value, i) => {
    const { ids, ...rest } = value as { ids: string[] };
    return QUERIES[i]!.sort === 'relevance' ? value : rest;
  });
}

const open = openArchiveIn;

/** A fresh engine on the same file, as after a restart with no snapshot file to start from. */
async function freshAnswers(t: ExecutionContext, dir: string): Promise<unknown[]> {
  const { engine } = open(t, dir, { workerAbove: Number.MAX_SAFE_INTEGER });
  return answers(engine);
}

test('a server following another process\'s additions, changes and deletions answers as a freshly loaded engine', async (t) => {
  const dir = makeTempDir(t);
  const server = open(t, dir);
  const importer = open(t, dir);
  await addRecords(importer, records(60));
  await answers(server.engine); // fills its kept results, which the additions must extend
  await addRecords(importer, records(4, 60));
  t.deepEqual(await answers(server.engine), await freshAnswers(t, dir), 'after a few additions (kept results extended)');
  await addRecords(importer, records(30, 64));
  t.deepEqual(await answers(server.engine), await freshAnswers(t, dir), 'after many additions');
  await addRecords(importer, [...records(5, 10, '石桥'), ...records(3, 90)]);
  importer.catalog.deleteRecords(['r3', 'r41', 'r93']);
  await addRecords(importer, []);
  t.deepEqual(await answers(server.engine), await freshAnswers(t, dir), 'after changes and deletions');
});

test('a restarted engine starts from the snapshot file and follows what changed while it was stopped', async (t) => {
  const dir = makeTempDir(t);
  const first = open(t, dir, { workerAbove: 0 });
  await addRecords(first, records(50));
  await answers(first.engine);
  await first.engine.close();
  t.true(existsSync(path.join(dir, 'search-snapshot.bin')));
  const importer = open(t, dir);
  await addRecords(importer, [...records(10, 50), ...records(5, 0, '石桥')]);
  const restarted = open(t, dir, { workerAbove: 0 });
  const fresh = open(t, dir);
  t.deepEqual(await sameRecords(restarted.engine), await sameRecords(fresh.engine));
});

test('a snapshot file that is damaged or belongs to an index since rebuilt is ignored', async (t) => {
  const dir = makeTempDir(t);
  const first = open(t, dir, { workerAbove: 0 });
  await addRecords(first, records(30));
  await answers(first.engine);
  await first.engine.close();
  // Another process rebuilds the index: a new index, whatever the old file says.
  const rebuilder = open(t, dir);
  await reindexAll(rebuilder.catalog, rebuilder.engine);
  const afterRebuild = open(t, dir, { workerAbove: 0 });
  t.deepEqual(await answers(afterRebuild.engine), await freshAnswers(t, dir));
  writeFileSync(path.join(dir, 'search-snapshot.bin'), 'HASNAP01 not a snapshot');
  const afterDamage = open(t, dir, { workerAbove: 0 });
  t.deepEqual(await answers(afterDamage.engine), await freshAnswers(t, dir));
});

test('an engine loading afresh (no snapshot file) takes the sort orders from their file instead of computing them again', async (t) => {
  const dir = makeTempDir(t);
  const first = open(t, dir, { workerAbove: 0 });
  await addRecords(first, records(40));
  await first.engine.search(query({ sort: 'title' }));
  await first.engine.close();
  const ordersFile = path.join(dir, 'search-snapshot.bin.orders');
  const written = statSync(ordersFile).mtimeMs;
  rmSync(path.join(dir, 'search-snapshot.bin'));
  const restarted = open(t, dir, { workerAbove: 0 });
  const fresh = open(t, dir);
  for (const sort of ['title', 'year_asc', 'year_desc'] as const) {
    const q = query({ sort, pageSize: 100 });
    t.deepEqual(hitIds(await restarted.engine.search(q)), hitIds(await fresh.engine.search(q)), sort);
  }
  t.is(statSync(ordersFile).mtimeMs, written, 'the orders file was not computed and written again');
});

test('a large index is loaded, sorted and its vocabulary read in a worker thread while the event loop keeps turning', async (t) => {
  const dir = makeTempDir(t);
  const writer = open(t, dir);
  await addRecords(writer, records(60));
  const server = open(t, dir, { workerAbove: 0 });
  let turns = 0;
  const ticking = setInterval(() => turns++, 1);
  // A sorted query and a misspelt word: the snapshot, the orders and the vocabulary all come from a worker.
  const result = await server.engine.search(query({ text: 'chaoshen', lang: 'en', sort: 'title', pageSize: 100 })).finally(() => clearInterval(ticking));
  t.true(turns > 0, 'timers ran while the worker read');
  t.is(result.total, 15);
  t.deepEqual(await answers(server.engine), await freshAnswers(t, dir));
});

test('while another process rewrites the index, searches answer from the previous one, then from the new one', async (t) => {
  const dir = makeTempDir(t);
  const server = open(t, dir);
  const rebuilder = open(t, dir);
  await addRecords(rebuilder, records(20));
  t.is((await server.engine.search(query({ text: '古桥' }))).total, 20);
  // A rebuild in progress in another process: its transaction has emptied the index, not committed.
  const other = new Database(path.join(dir, 'catalog.db'));
  other.exec('BEGIN IMMEDIATE; DELETE FROM search_docs; DELETE FROM search_fts;');
  t.is((await server.engine.search(query({ text: '古桥' }))).total, 20);
  const starting = new EmbeddedEngine(rebuilder.catalog);
  t.teardown(() => starting.close());
  t.is((await starting.search(query({ text: '古桥' }))).total, 20, 'an engine starting meanwhile sees the committed index');
  other.exec('ROLLBACK');
  other.close();
  rebuilder.catalog.deleteRecords(records(15).map((row) => String(row.id)));
  await reindexAll(rebuilder.catalog, rebuilder.engine);
  t.is((await server.engine.search(query({ text: '古桥' }))).total, 5);
});

test('a kept relevance match is extended with the added records\' own bm25 scores: they rank among the kept ones as in a freshly loaded engine', async (t) => {
  const dir = makeTempDir(t);
  const server = open(t, dir);
  const importer = open(t, dir);
  await addRecords(importer, records(60)); // 运河 only in the descriptions of every third record
  const canal = query({ text: '运河', pageSize: 100 });
  const before = hitIds(await server.engine.search(canal));
  t.is(before.length, 20);
  await addRecords(importer, records(5, 60, '运河桥')); // 运河 in the title: these rank first
  const extended = hitIds(await server.engine.search(canal));
  const { engine: fresh } = open(t, dir, { workerAbove: Number.MAX_SAFE_INTEGER });
  const added = ['r60', 'r61', 'r62', 'r63', 'r64'];
  t.deepEqual(extended.slice(0, 5).sort(), added, 'the added title matches rank above every kept description match');
  t.deepEqual(extended.slice(0, 5), hitIds(await fresh.search(canal)).slice(0, 5), 'and in the order a fresh engine gives them');
  t.deepEqual(extended.slice(5).sort(), [...before].sort());
});
