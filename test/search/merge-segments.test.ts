/**
 * After a bulk change the embedded engine merges its FTS5 segments in a worker thread
 * (merge-segments.ts): fewer pieces for every query to read. These tests hold the merged index to
 * the unmerged one: the same records, order, totals and facets; and they check the row total that
 * bm25 reads stays the number of records however often the index is rebuilt.
 */
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { countSegments } from '../../core/search/embedded/merge-segments.ts';
import type { SearchQuery } from '../../core/search/types.ts';
import { addRecords, makeTempDir, query } from '../helpers/temp-archive.ts';

const TOWNS = ['塘栖', '临平', '良渚', '运河'];
const KINDS = ['bridge', 'site', 'building'];
/** 60 records in 6 batches of 10: each batch commits segments of its own. */
const BATCHES = Array.from({ length: 6 }, (_, b) =>
  Array.from({ length: 10 }, (_, j) => {
    const i = b * 10 + j;
    return {
      id: `r${String(i).padStart(2, '0')}`,
      title_zh: `${TOWNS[i % TOWNS.length]}${i % 3 === 0 ? '石拱桥' : '遗址'}${i}号`,
      title_en: `${i % 2 === 0 ? 'Stone bridge' : 'Jade site'} ${i}`,
      description_zh: i % 5 === 0 ? '保存较为完好的良渚文化玉器' : '历经多次修缮',
      description_en: i % 4 === 0 ? 'Liangzhu jade along the Grand Canal' : 'Repaired many times',
      type: KINDS[i % KINDS.length],
      start_year: -3000 + i * 50,
      admin_area: '浙江省/杭州市/临平区',
    };
  }),
);

const QUERIES: SearchQuery[] = [
  query({ text: '塘栖' }),
  query({ text: '桥' }),
  query({ text: '良渚文化' }),
  query({ text: 'grand canal' }),
  query({ text: 'liang', lang: 'en' }),
  query({ text: 'jade', sort: 'year_asc' }),
  query({ text: '遗址', filters: { type: ['site'] }, yearFrom: -3000, yearTo: -1000 }),
  query({ sort: 'title', page: 2, pageSize: 10 }),
];

async function open(t: ExecutionContext) {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  // mergeAbove 0: an archive this small merges too (by default only from 20,000 records).
  const engine = new EmbeddedEngine(catalog, { textCacheEntries: 0, mergeAbove: 0 });
  const db = new Database(catalog.file, { readonly: true });
  t.teardown(async () => {
    db.close();
    await engine.close();
    catalog.close();
  });
  for (const batch of BATCHES) await addRecords({ catalog, engine }, batch);
  return { catalog, engine, db };
}

const segmentsOf = (db: Database.Database) => db.prepare<[], number>('SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get()!;

async function answersOf(engine: EmbeddedEngine) {
  const answers = [];
  for (const q of QUERIES) {
    const { hits, total, facets } = await engine.search(q);
    answers.push({ ids: hits.map((hit) => hit.record.id), total, facets });
  }
  return answers;
}

/** The first varint of FTS5's averages record (rowid 1 of `search_fts_data`): the row total bm25 takes as N. */
function rowTotalOf(db: Database.Database): number {
  const block = db.prepare<[], Buffer>('SELECT block FROM search_fts_data WHERE id = 1').pluck().get()!;
  let value = 0;
  for (const byte of block) {
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) break;
  }
  return value;
}

test('merging the index leaves one segment and every query answers the same records, order, totals and facets', async (t) => {
  const { engine, db } = await open(t);
  t.true(segmentsOf(db) > 1);
  const before = await answersOf(engine);
  t.true(before.every((answer) => answer.total > 0));
  const outcome = await engine.mergeIndex();
  t.true('steps' in outcome && outcome.steps > 0);
  t.is(segmentsOf(db), 1);
  t.deepEqual(await answersOf(engine), before);
});

test('a new engine merges an index it finds in pieces after its first search, and answers as before', async (t) => {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  // The default threshold (20,000 records): the writer leaves these 60 records in pieces.
  const writer = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
  for (const batch of BATCHES) await addRecords({ catalog, engine: writer }, batch);
  const before = await answersOf(writer);
  await writer.close();
  const db = new Database(catalog.file, { readonly: true });
  t.true(countSegments(db) > 1);
  t.is(countSegments(db), segmentsOf(db));
  const reader = new EmbeddedEngine(catalog, { textCacheEntries: 0, mergeAbove: 0 });
  t.deepEqual(await answersOf(reader), before);
  // close waits for the merge the first search started.
  await reader.close();
  t.is(countSegments(db), 1);
  const again = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
  t.deepEqual(await answersOf(again), before);
  await again.close();
  db.close();
  catalog.close();
});

test('a second merge finds nothing left to do', async (t) => {
  const { engine } = await open(t);
  await engine.mergeIndex();
  t.deepEqual(await engine.mergeIndex(), { steps: 0 });
});

test('an index smaller than the merge threshold is left as it is', async (t) => {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  for (const batch of BATCHES.slice(0, 3)) await addRecords({ catalog, engine }, batch);
  t.deepEqual(await engine.mergeIndex(), { steps: 0 });
});

test('the row total bm25 reads stays the number of records however often the index is rebuilt, and a rebuilt index answers as the first one did', async (t) => {
  const { catalog, engine, db } = await open(t);
  t.is(rowTotalOf(db), 60);
  const before = await answersOf(engine);
  // engine.rebuild, not reindexAll: that re-applies the records written in its first second, and a
  // contentless FTS5 table's replace (delete + insert) counts a row again (the limit of contentless_delete tables).
  for (let i = 0; i < 2; i += 1) await engine.rebuild(catalog.iterateRecords());
  await engine.close();
  t.is(rowTotalOf(db), 60);
  const again = new EmbeddedEngine(catalog, { textCacheEntries: 0 });
  t.teardown(() => again.close());
  t.deepEqual(await answersOf(again), before);
});
