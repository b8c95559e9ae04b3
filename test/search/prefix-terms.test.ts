/**
 * A one-character query is a prefix on the index's terms; read a page at a time (title matches
 * first, title-first.ts) it is written out as the OR of the terms it covers (prefix-terms.ts).
 * These tests hold the written-out form to the prefix: the same records, in the same order, also
 * after a write that adds a term the list read before did not have.
 */
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { toFtsMatch } from '../../core/search/embedded/fts-query.ts';
import { MAX_EXPANDED_TERMS, PrefixTerms } from '../../core/search/embedded/prefix-terms.ts';
import { ArchiveTokenizer } from '../../core/search/tokenizer.ts';
import { addRecords, openIndexedArchive, query } from '../helpers/temp-archive.ts';

/** 30 records: 桥 in every title but in different words (石桥, 桥头, 古桥 …), in some descriptions only. */
const PLACES = ['石', '古', '廊', '拱', '木', '平'];
const RECORDS = Array.from({ length: 30 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`,
  title_zh: i % 3 === 0 ? `塘栖${PLACES[i % PLACES.length]}桥${i}号` : `塘栖遗址${i}号`,
  title_en: `Record ${i}`,
  description_zh: i % 2 === 0 ? '附近有桥头堡' : '历经多次修缮',
  type: 'bridge',
  admin_area: '浙江省/杭州市/临平区',
}));

async function open(t: ExecutionContext) {
  // A full-rank limit of 5 ranks 桥's matches title first, as a broad text in a large archive is.
  const archive = await openIndexedArchive(t, RECORDS, { fullRankLimit: 5 });
  return { ...archive, prefixes: new PrefixTerms(archive.db) };
}

const rowids = (db: Database.Database, match: string) => db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(match);
const clausesOf = (text: string) => new ArchiveTokenizer().queryClauses(text);

test('a one-character prefix written out as its terms matches the same records as the prefix, in every column and in titles alone', async (t) => {
  const { db, prefixes } = await open(t);
  for (const text of ['桥', '塘', '临', '修缮 桥']) {
    const clauses = clausesOf(text);
    const prefix = toFtsMatch(clauses, false);
    const written = toFtsMatch(clauses, false, prefixes.lookup());
    t.not(written, prefix, `${text} is written out`);
    t.deepEqual(rowids(db, written), rowids(db, prefix), text);
    t.deepEqual(rowids(db, `{title} : (${written})`), rowids(db, `{title} : (${prefix})`), `${text} in titles`);
  }
});

test('the terms of a character come from the index as it is: a record written since adds the terms it brings', async (t) => {
  const archive = await open(t);
  const before = archive.prefixes.of('桥').terms;
  t.false(before.includes('桥廊'));
  await addRecords(archive, [{ id: 'new', title_zh: '桥廊新建', title_en: 'New', type: 'bridge' }]);
  t.true(archive.prefixes.of('桥').terms.includes('桥廊'));
  const clauses = clausesOf('桥');
  t.deepEqual(rowids(archive.db, `{title} : (${toFtsMatch(clauses, false, archive.prefixes.lookup())})`), rowids(archive.db, `{title} : (${toFtsMatch(clauses, false)})`));
});

test('a broad one-character search lists the title matches first, then the others, also for a record written after the first search', async (t) => {
  const archive = await open(t);
  const titleFirst = (records: { id: string; title_zh: string }[]) => [...records.filter((r) => r.title_zh.includes('桥')), ...records.filter((r) => !r.title_zh.includes('桥'))].map((r) => r.id);
  const holding = RECORDS.filter((record) => record.title_zh.includes('桥') || record.description_zh.includes('桥'));
  const ids = async () => (await archive.engine.search(query({ text: '桥', pageSize: 100 }))).hits.map((hit) => hit.record.id);
  t.deepEqual(await ids(), titleFirst(holding));
  await addRecords(archive, [{ id: 'r99', title_zh: '桥廊新建', title_en: 'New', type: 'bridge' }]);
  t.deepEqual(await ids(), titleFirst([...holding, { id: 'r99', title_zh: '桥廊新建' }]));
});

test('a character that begins more terms than the limit stays a prefix', async (t) => {
  const archive = await open(t);
  const many = Array.from({ length: MAX_EXPANDED_TERMS + 1 }, (_, i) => ({ id: `m${i}`, title_zh: `桥${String.fromCodePoint(0x4e00 + i)}`, title_en: `Many ${i}`, type: 'bridge' }));
  await addRecords(archive, many);
  t.true(archive.prefixes.of('桥').terms.length > MAX_EXPANDED_TERMS);
  t.is(archive.prefixes.lookup()('桥'), undefined);
  t.is(toFtsMatch(clausesOf('桥'), false, archive.prefixes.lookup()), toFtsMatch(clausesOf('桥'), false));
});

test('a whole match writes a prefix out only with a list already read in the index state now', async (t) => {
  const archive = await open(t);
  t.is(archive.prefixes.known()('塘'), undefined);
  const read = archive.prefixes.of('塘').terms;
  t.deepEqual(archive.prefixes.known()('塘'), read);
  await addRecords(archive, [{ id: 'new', title_zh: '塘路新建', title_en: 'New', type: 'bridge' }]);
  t.is(archive.prefixes.known()('塘'), undefined);
});
