/**
 * A Latin prefix (bridge*, a synonym's {title names body} : "tangqi"*) written out as the index's
 * terms it covers (latin-prefix-terms.ts) must match exactly the records the prefix matches, in
 * every column and in titles alone, also after a write brings a term the earlier list lacked.
 */
import test, { type ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { toFtsMatch } from '../../core/search/embedded/fts-query.ts';
import { LatinPrefixTerms, MAX_LATIN_TERMS } from '../../core/search/embedded/latin-prefix-terms.ts';
import { ArchiveTokenizer } from '../../core/search/tokenizer.ts';
import { addRecords, openIndexedArchive, query } from '../helpers/temp-archive.ts';

/** 24 records: Tangqi in some English titles, 塘栖 (spelt tangqi… in pinyin) in others, bridges, canals. */
const RECORDS = Array.from({ length: 24 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`,
  title_zh: i % 4 === 0 ? `塘栖古镇${i}号` : i % 4 === 1 ? `塘栖石桥${i}号` : `超山遗址${i}号`,
  title_en: i % 3 === 0 ? `Tangqi bridges ${i}` : i % 3 === 1 ? `Liangzhu jade ${i}` : `Record ${i}`,
  description_en: i % 5 === 2 ? 'Boats leave for Tangqi daily.' : i % 2 === 0 ? 'It stands beside the Grand Canal.' : 'A bridgehead of the old canals, near Liangzhu culture sites.',
  type: 'bridge',
  admin_area: '浙江省/杭州市/临平区',
}));

const TEXTS = ['bridge', 'bri', 'tangqi', '塘栖', 'grand canal', 'liang', 'liangzhu culture', 'jade', '良渚文化'];

async function open(t: ExecutionContext, fullRankLimit?: number) {
  const archive = await openIndexedArchive(t, RECORDS, fullRankLimit === undefined ? {} : { fullRankLimit });
  return { ...archive, latin: new LatinPrefixTerms(archive.db) };
}

const rowids = (db: Database.Database, match: string) => db.prepare<[string], number>('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(match);
const clausesOf = (text: string) => new ArchiveTokenizer().queryClauses(text);

function assertSameMatches(t: ExecutionContext, db: Database.Database, latin: LatinPrefixTerms, text: string): string {
  const clauses = clausesOf(text);
  const prefix = toFtsMatch(clauses, false);
  const written = toFtsMatch(clauses, false, undefined, latin.lookup());
  t.deepEqual(rowids(db, written), rowids(db, prefix), text);
  t.deepEqual(rowids(db, `{title} : (${written})`), rowids(db, `{title} : (${prefix})`), `${text} in titles`);
  return written;
}

test('a Latin prefix written out as its terms matches the same records as the prefix, in every column and in titles alone', async (t) => {
  const { db, latin } = await open(t);
  for (const text of TEXTS) {
    const written = assertSameMatches(t, db, latin, text);
    t.true(rowids(db, written).length > 0, `${text} matches something`);
  }
  t.notRegex(toFtsMatch(clausesOf('bridge'), false, undefined, latin.lookup()), /\*/, 'bridge is written as its stem');
  // A synonym keeps its column filter: the pinyin spellings (tangqiguzhen) are not among its terms.
  t.is(toFtsMatch(clausesOf('塘栖'), false, undefined, latin.lookup()), '("塘栖" OR {title names body} : ("tangqi"))');
});

test('the terms come from the index as it is: a word written since is among them', async (t) => {
  const archive = await open(t);
  const before = toFtsMatch(clausesOf('bridge'), false, undefined, archive.latin.lookup());
  await addRecords(archive, [{ id: 'new', title_zh: '新桥', title_en: 'Bridgewater landing', type: 'bridge' }]);
  const after = assertSameMatches(t, archive.db, archive.latin, 'bridge');
  t.not(after, before);
  t.true(archive.db.prepare<[string], number>("SELECT rowid FROM search_fts WHERE search_fts MATCH ?").pluck().all(after).length > 0);
});

test('a prefix that begins more terms than the limit stays a prefix', async (t) => {
  const archive = await open(t);
  const many = Array.from({ length: MAX_LATIN_TERMS + 1 }, (_, i) => ({ id: `m${i}`, title_zh: `多${i}`, title_en: `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`, type: 'bridge' }));
  await addRecords(archive, many);
  t.is(archive.latin.lookup()('zq'), undefined);
  t.is(toFtsMatch(clausesOf('zq'), false, undefined, archive.latin.lookup()), toFtsMatch(clausesOf('zq'), false));
});

test('a broad Latin search lists the title matches first, then the others, as the records say', async (t) => {
  const { engine } = await open(t, 2);
  const result = await engine.search(query({ text: 'tangqi', pageSize: 100, lang: 'en' }));
  const inTitle = RECORDS.filter((record) => record.title_en.startsWith('Tangqi') || record.title_zh.startsWith('塘栖'));
  const elsewhere = RECORDS.filter((record) => !inTitle.includes(record) && record.description_en.includes('Tangqi'));
  t.true(elsewhere.length > 0);
  t.deepEqual(
    result.hits.map((hit) => hit.record.id),
    [...inTitle, ...elsewhere].map((record) => record.id),
  );
  t.is(result.total, inTitle.length + elsewhere.length);
});
