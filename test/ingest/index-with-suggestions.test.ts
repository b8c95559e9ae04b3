/**
 * The embedded engine writes an import's index rows and suggestion rows in one transaction
 * (index-and-suggestions.ts) instead of two threads writing each apart: the same imports, updates
 * and undo taken both ways must leave the search tables and the suggestion tables row for row
 * the same, and so answer every search and suggestion alike — and hold what a rebuild from the
 * catalog writes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import Database from 'better-sqlite3';
import type { Catalog } from '../../core/catalog/catalog.ts';
import { Suggester } from '../../core/search/suggest.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { reindexAll, syncIndex } from '../../core/search/sync-index.ts';
import type { SearchEngine, SearchResult } from '../../core/search/types.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { openTempArchive, query } from '../helpers/temp-archive.ts';

/** Over one batch of 1,000, so one batch goes to the worker thread and the rest stays on the calling thread. */
const ROWS = 1300;
const PLACES = ['塘栖', '超山', '临平', '乔司', '崇贤'];

function csv(version: number): string {
  const lines = ['id,title_zh,title_en,description_zh,type,start_year,end_year,admin_area,keywords_zh,keywords_en,place_zh,visibility'];
  for (let n = 0; n < ROWS; n++) {
    // The second version renames a third of the records and moves them elsewhere: suggestions are taken back and added.
    const moved = version > 1 && n % 3 === 0;
    const place = PLACES[(n + (moved ? 2 : 0)) % PLACES.length]!;
    const title = moved ? `${place}古桥第${n}号` : `${place}第${n}号桥`;
    const visibility = n % 11 === 0 ? 'hidden' : 'public';
    lines.push(`sg-${n},${title},${place} Bridge No. ${n},${place}运河沿线的石拱桥。,${n % 3 ? 'bridge' : 'site'},${1000 + (n % 900)},${1900 + (n % 100)},浙江省/杭州市/临平区/${place}镇,运河;桥梁,canal;stone bridge,${place},${visibility}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The engine with its suggestions written apart: the catalog's suggestion thread, as for an engine whose index lives elsewhere. */
function writingApart(engine: SearchEngine): SearchEngine {
  return {
    name: engine.name,
    search: (q) => engine.search(q),
    ping: () => engine.ping(),
    apply: (upserts, deletedIds) => engine.apply(upserts, deletedIds),
    expectBatches: () => engine.expectBatches?.(),
    rebuild: (batches, onProgress) => engine.rebuild(batches, onProgress),
    close: () => engine.close(),
  };
}

const TABLES = [
  'SELECT seq, id, facets, start_year, end_year, title_zh, title_en, visible_from, lat, lon, south, west, north, east FROM search_docs ORDER BY seq',
  'SELECT n, word FROM search_words ORDER BY n',
  'SELECT generation, seq FROM search_changes ORDER BY generation, seq',
  'SELECT * FROM suggest_entries ORDER BY script, rank, length, key, text, record_id',
  'SELECT * FROM suggest_recent ORDER BY script, rank, length, key, text, record_id',
  'SELECT * FROM suggest_shapes ORDER BY script, rank, length',
  'SELECT * FROM suggest_sources ORDER BY record_id',
  'SELECT * FROM suggest_names ORDER BY text, visible_from',
];

/**
 * The tables as a rebuild writes them, which differs from changes applied one by one in form
 * alone: entries all merged, a change log started afresh — and no word or shape (search_words,
 * suggest_shapes) that no record holds any more, where applied changes only ever add them.
 */
const CONTENT = [
  'SELECT seq, id, facets, start_year, end_year, title_zh, title_en, visible_from, lat, lon, south, west, north, east FROM search_docs ORDER BY seq',
  'SELECT * FROM (SELECT * FROM suggest_entries UNION ALL SELECT * FROM suggest_recent) ORDER BY script, rank, length, key, text, record_id',
  'SELECT * FROM suggest_sources ORDER BY record_id',
  'SELECT * FROM suggest_names ORDER BY text, visible_from',
];

/** Every row `queries` read, after the full-text index as every term's place in each column of each record. */
function derivedTables(catalog: Catalog, queries = TABLES): unknown[][] {
  const db = new Database(catalog.file, { readonly: true });
  try {
    db.exec("CREATE VIRTUAL TABLE temp.fts_instances USING fts5vocab(main, search_fts, 'instance')");
    const fts = db.prepare('SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY term, doc, col, offset').all();
    return [fts, ...queries.map((sql) => db.prepare(sql).all())];
  } finally {
    db.close();
  }
}

const QUERIES = [query({ text: '塘栖', pageSize: 50 }), query({ text: '古桥', sort: 'year_desc', pageSize: 50 }), query({ text: 'bridge', lang: 'en', pageSize: 50 }), query({ filters: { type: ['site'] }, pageSize: 50 })];
const PREFIXES: [string, 'zh' | 'en'][] = [['超山', 'zh'], ['tangq', 'zh'], ['chao', 'en'], ['stone', 'en'], ['临平古', 'zh']];

const answer = (result: SearchResult) => ({ total: result.total, ids: result.hits.map((hit) => hit.record.id), facets: result.facets });

async function importTwiceAndUndo(archive: ReturnType<typeof openTempArchive>, engine: SearchEngine) {
  const first = path.join(archive.dir, 'first.csv');
  const second = path.join(archive.dir, 'second.csv');
  writeFileSync(first, csv(1));
  writeFileSync(second, csv(2));
  const imported = await runIngest({ catalog: archive.catalog, engine, paths: [first] });
  const updated = await runIngest({ catalog: archive.catalog, engine, paths: [second] });
  const afterUpdate = await stateOf(archive.catalog, engine);
  archive.catalog.undoImport(updated.report.importId!, { actor: 'test' });
  await syncIndex(archive.catalog, engine);
  return { totals: [imported.report.totals(), updated.report.totals()], afterUpdate, afterUndo: await stateOf(archive.catalog, engine) };
}

async function stateOf(catalog: Catalog, engine: SearchEngine) {
  const suggester = new Suggester(catalog);
  try {
    return {
      tables: derivedTables(catalog),
      search: await Promise.all(QUERIES.map(async (q) => answer(await engine.search(q)))),
      suggestions: PREFIXES.map(([prefix, lang]) => suggester.suggest(prefix, lang)),
    };
  } finally {
    suggester.close();
  }
}

test('an import, its update and its undo leave the same index and suggestions written in one transaction as written apart, and as a rebuild from the catalog writes them', async (t) => {
  const together = openTempArchive(t);
  const apart = openTempArchive(t);
  const one = await importTwiceAndUndo(together, together.engine);
  const two = await importTwiceAndUndo(apart, writingApart(apart.engine));
  t.deepEqual(one.totals, [
    { created: ROWS, updated: 0, unchanged: 0, failed: 0 },
    { created: 0, updated: Math.ceil(ROWS / 3), unchanged: ROWS - Math.ceil(ROWS / 3), failed: 0 },
  ]);
  t.deepEqual(one.totals, two.totals);
  t.deepEqual(one.afterUpdate, two.afterUpdate);
  t.deepEqual(one.afterUndo, two.afterUndo);
  // Not vacuous: the tables hold rows, the searches hits, the prefixes suggestions (the renamed titles' before the undo).
  const [fts, docs, , , , recent, , sources, names] = one.afterUpdate.tables;
  t.true([fts, docs, recent, sources, names].every((rows) => rows!.length > 0));
  t.true(one.afterUpdate.search.every((result) => result.total > 0));
  t.true(one.afterUpdate.suggestions.every((list) => list.length > 0));
  t.deepEqual(one.afterUndo.suggestions.at(-1), [], 'the undo took the renamed titles back');
  t.is(together.catalog.countPendingChanges(), 0);

  // And both are what the rebuild from the catalog (its statements unchanged) writes.
  const written = derivedTables(together.catalog, CONTENT);
  const rebuilder = new EmbeddedEngine(together.catalog);
  t.teardown(() => rebuilder.close());
  await reindexAll(together.catalog, rebuilder);
  t.deepEqual(written, derivedTables(together.catalog, CONTENT));
});
