/**
 * The common terms' posting lists answer a text with the records FTS5's own expression finds:
 * the same hits, total and facets whether the lists or FTS5 read them, as read from a worker's
 * file or on the spot, and after records are added, rewritten, withdrawn and deleted since the
 * lists were read (the index moving on under them).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import type Database from 'better-sqlite3';
import type { Catalog } from '../../core/catalog/catalog.ts';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { allDocRows } from '../../core/search/embedded/doc-rows.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { FacetSnapshot } from '../../core/search/embedded/facet-snapshot.ts';
import { toFtsMatch } from '../../core/search/embedded/fts-query.ts';
import { LatinPrefixTerms } from '../../core/search/embedded/latin-prefix-terms.ts';
import { PostingMatcher } from '../../core/search/embedded/posting-matches.ts';
import { PostingStore } from '../../core/search/embedded/posting-store.ts';
import { PrefixTerms } from '../../core/search/embedded/prefix-terms.ts';
import { ordinalsOf } from '../../core/search/embedded/text-matches.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { ArchiveTokenizer } from '../../core/search/tokenizer.ts';
import type { SearchQuery, SearchResult } from '../../core/search/types.ts';
import { addRecords, makeTempDir, openArchiveIn, openIndexedArchive, query } from '../helpers/temp-archive.ts';

const PLACES = ['塘栖', '超山', '临平', '良渚'];
const TYPES = ['bridge', 'site', 'temple', 'seawall'];

/** `count` records from number `first` on: common words (大运河, 良渚文化, stone bridge) in shares from a half to a fifth. */
function records(count: number, first = 0, title = '石拱桥'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, n) => {
    const i = first + n;
    return {
      id: `r${i}`,
      title_zh: `${PLACES[i % 4]}${i % 5 === 0 ? title : '古镇'}${i}号`,
      title_en: `${['Tangqi', 'Chaoshan', 'Linping', 'Liangzhu'][i % 4]} ${i % 5 === 0 ? 'stone bridge' : 'old town'} No. ${i}`,
      description_zh: `${i % 2 ? '位于大运河畔' : '保存较为完好'}，${i % 3 ? '是研究良渚文化的重要实物' : '历经多次修缮'}。`,
      description_en: `${i % 2 ? 'It stands beside the Grand Canal' : 'It is relatively well preserved'}; ${i % 3 ? 'evidence of the Liangzhu culture' : 'repaired several times'}.`,
      type: TYPES[i % 4],
      start_year: 1368 + i,
      end_year: 1400 + i,
      admin_area: `浙江省/杭州市/临平区/${PLACES[i % 4]}街道`,
      collections: `c${i % 3}`,
    };
  });
}

const TEXTS = ['良渚文化', '保存较为完好', '塘栖', '桥', '古', 'bridge', 'stone bridge', 'liang', 'tangqi', 'tang qi', 'grand canal', '大运河', 'culture', '良渚 bridge'];

const QUERIES: SearchQuery[] = [
  ...TEXTS.map((text) => query({ text, pageSize: 100 })),
  query({ text: '良渚文化', filters: { type: ['bridge', 'site'] }, pageSize: 100 }),
  query({ text: '运河', yearFrom: 1380, yearTo: 1400, sort: 'year_desc', pageSize: 10, page: 2 }),
  query({ text: 'liang', lang: 'en', sort: 'title', pageSize: 100 }),
];

/** Terms in three records or more are listed; past five matches the title-first ranking (which reads the lists' matches alone) applies. */
const WITH_LISTS = { postings: { above: 3 }, fullRankLimit: 5, textCacheEntries: 0 } as const;
const FTS5_ONLY = { postings: { budgetBytes: 0 }, fullRankLimit: 5, textCacheEntries: 0 } as const;

function answer(result: SearchResult, asSet: boolean) {
  const ids = result.hits.map((hit) => hit.record.id);
  return { total: result.total, ids: asSet ? ids.sort() : ids, facets: result.facets };
}

/** Every query's answer; with `sortedAsSets`, the hits of year and title sorts as a set. */
async function answers(engine: EmbeddedEngine, sortedAsSets = false): Promise<unknown[]> {
  const all = [];
  for (const q of QUERIES) all.push(answer(await engine.search(q), sortedAsSets && q.sort !== 'relevance'));
  return all;
}

const open = openArchiveIn;

/**
 * Rewrites, withdraws and deletes some records and adds a few others (too few for the lists to be
 * read afresh), as another process (an importer, a curator) would.
 */
async function moveOn(archive: { catalog: Catalog; engine: EmbeddedEngine }): Promise<void> {
  // r1 and r4 lose 大运河 / 保存较为完好 and 良渚文化; r2 gains 石拱桥 and a new word.
  await addRecords(archive, [
    { ...records(1, 1)[0], description_zh: '近年进行了考古发掘。', description_en: 'Excavated in recent years.' },
    { ...records(1, 4)[0], description_zh: '近年进行了考古发掘。' },
    { ...records(1, 2, '石拱桥')[0], title_zh: '临平石拱桥2号', title_en: 'Linping stone bridge No. 2' },
    ...records(3, 40),
  ]);
  archive.catalog.setVisibility(['r6', 'r7'], HIDDEN, { actor: 'test' });
  archive.catalog.deleteRecords(['r9', 'r10', 'r42']);
  await syncIndex(archive.catalog, archive.engine);
}

test('the posting lists find the records FTS5 finds, with the same hits, totals and facets', async (t) => {
  const dir = makeTempDir(t);
  const lists = open(t, dir, WITH_LISTS);
  await addRecords(lists, records(40));
  const fts5 = open(t, dir, FTS5_ONLY);
  t.deepEqual(await answers(lists.engine), await answers(fts5.engine));
});

test('after records are added, rewritten, withdrawn and deleted, the lists read before answer as FTS5 does', async (t) => {
  const dir = makeTempDir(t);
  const server = open(t, dir, WITH_LISTS);
  const importer = open(t, dir, FTS5_ONLY);
  await addRecords(importer, records(40));
  await answers(server.engine); // reads its lists
  await moveOn(importer);
  t.deepEqual(await answers(server.engine), await answers(importer.engine), 'changed by another process');
  await moveOn(server);
  t.deepEqual(await answers(server.engine), await answers(importer.engine), 'changed by the engine itself');
});

test('a large index reads its lists in a worker into a file, which a restarted engine starts from and follows', async (t) => {
  const dir = makeTempDir(t);
  const first = open(t, dir, { ...WITH_LISTS, workerAbove: 0 });
  await addRecords(first, records(40));
  await answers(first.engine);
  await first.engine.close(); // waits for the worker's read
  t.true(existsSync(path.join(dir, 'search-snapshot.bin.postings')));
  const importer = open(t, dir, FTS5_ONLY);
  await moveOn(importer);
  const restarted = open(t, dir, { ...WITH_LISTS, workerAbove: 0 });
  // A large index refreshes its sort orders in the background (SnapshotStore.order): sorted pages are compared as sets.
  t.deepEqual(await answers(restarted.engine, true), await answers(importer.engine, true));
});

/** The lists' own answer to `text` and FTS5's, as snapshot ordinals, on a snapshot of the index as it is. */
function bothAnswers(db: Database.Database, store: PostingStore, text: string) {
  const tokenizer = new ArchiveTokenizer();
  const latin = new LatinPrefixTerms(db);
  const prefixes = new PrefixTerms(db);
  const matcher = new PostingMatcher(db, (phrase) => latin.tokens(phrase));
  return db.transaction(() => {
    const snapshot = new FacetSnapshot();
    for (const rows of allDocRows(db)) snapshot.upsert(rows);
    const clauses = tokenizer.queryClauses(text);
    const lookups = { prefixes: prefixes.lookup(), latinPrefixes: latin.lookup() };
    const matching = toFtsMatch(clauses, false, lookups.prefixes, lookups.latinPrefixes);
    const view = store.view(snapshot);
    const fromLists = view && matcher.match(snapshot, view, { clauses, lookups, matching });
    const fromFts5 = ordinalsOf(snapshot, db.prepare<[string], string | null>("SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH ?").pluck().get(matching) ?? '');
    return { fromLists: fromLists && [...fromLists], fromFts5: [...fromFts5] };
  })();
}

test('the lists answer words, AND of words, one-character prefixes, a pinyin syllable and the archive\'s common names themselves, and leave other phrases of common terms to FTS5', async (t) => {
  const { catalog, engine, db } = await openIndexedArchive(t, records(40), FTS5_ONLY);
  const store = new PostingStore(db, catalog.file, { above: 3 });
  const check = (label: string) => {
    for (const text of ['良渚文化', '保存较为完好', '桥', 'bridge', 'liang', 'culture', '良渚 bridge', '大运河', 'grand canal']) {
      const { fromLists, fromFts5 } = bothAnswers(db, store, text);
      t.truthy(fromLists, `${label}: the lists answer ${text}`);
      t.deepEqual(fromLists, fromFts5, `${label}: ${text}`);
    }
    // Pinyin of several syllables (typed apart or together) is a phrase in the pinyin column, which no list holds.
    for (const text of ['tang qi', 'tangqi']) t.is(bothAnswers(db, store, text).fromLists, undefined, `${label}: FTS5 answers ${text}`);
  };
  check('as read');
  await moveOn({ catalog, engine });
  check('after the index moved on');
});
