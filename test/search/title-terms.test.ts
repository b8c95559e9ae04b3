/**
 * A broad text whose terms are in no title (title-terms.ts) skips reading title matches: the
 * vocabulary's "no" must give what the read would have — no title match, so the matches in
 * catalog order — and must follow the index, so a title written since that holds the text counts.
 */
import test, { type ExecutionContext } from 'ava';
import { LatinPrefixTerms } from '../../core/search/embedded/latin-prefix-terms.ts';
import { mayMatchTitles, TitleTerms } from '../../core/search/embedded/title-terms.ts';
import { ArchiveTokenizer } from '../../core/search/tokenizer.ts';
import { addRecords, openIndexedArchive, query } from '../helpers/temp-archive.ts';

/** 20 records: 保存较为完好 and "well preserved" in every other description, never in a title; 古桥 in some titles. */
const RECORDS = Array.from({ length: 20 }, (_, i) => ({
  id: `r${String(i).padStart(2, '0')}`,
  title_zh: i % 3 === 0 ? `塘栖古桥${i}号` : `超山遗址${i}号`,
  title_en: i % 3 === 0 ? `Tangqi old bridge ${i}` : `Chaoshan site ${i}`,
  description_zh: i % 2 === 0 ? '保存较为完好，附近有古桥。' : '历经多次修缮。',
  description_en: i % 2 === 0 ? 'It is well preserved.' : 'It has been repaired.',
  type: 'bridge',
  admin_area: '浙江省/杭州市/临平区',
}));

async function open(t: ExecutionContext) {
  // A full-rank limit of 3 ranks these texts title first, as a broad text in a large archive is.
  return openIndexedArchive(t, RECORDS, { fullRankLimit: 3 });
}

const clausesOf = (text: string) => new ArchiveTokenizer().queryClauses(text);
const ids = (hits: { record: { id: string } }[]) => hits.map((hit) => hit.record.id);

test('the vocabulary says no title can match a text only descriptions hold, and one may match a text some title holds', async (t) => {
  const { db } = await open(t);
  const titles = new TitleTerms(db);
  const latin = new LatinPrefixTerms(db);
  const may = (text: string) => db.transaction(() => mayMatchTitles(clausesOf(text), titles.lookup(), latin.lookup()))();
  for (const text of ['保存较为完好', '完好', 'preserved', 'well preserved']) t.false(may(text), text);
  for (const text of ['古桥', '塘栖 古桥', 'bridge', 'old bridge', '桥']) t.true(may(text), text);
});

test('a broad text in no title lists its matches in catalog order, as reading the titles would', async (t) => {
  const { engine } = await open(t);
  const holding = RECORDS.filter((record) => record.description_zh.includes('保存较为完好')).map((record) => record.id);
  for (const text of ['保存较为完好', 'preserved']) {
    const result = await engine.search(query({ text, pageSize: 100 }));
    t.is(result.total, holding.length, text);
    t.deepEqual(ids(result.hits), holding, text);
  }
  // Beside a text some titles hold, the titles holding both would come first: here none does.
  const both = await engine.search(query({ text: '古桥 保存较为完好', pageSize: 100 }));
  t.deepEqual(ids(both.hits), holding);
});

test('a title written since that holds the text ranks first', async (t) => {
  const archive = await open(t);
  await archive.engine.search(query({ text: '保存较为完好' }));
  await addRecords(archive, [{ id: 'new', title_zh: '保存较为完好的石桥', title_en: 'Well preserved bridge', type: 'bridge' }]);
  const holding = RECORDS.filter((record) => record.description_zh.includes('保存较为完好')).map((record) => record.id);
  for (const text of ['保存较为完好', 'preserved']) {
    const result = await archive.engine.search(query({ text, pageSize: 100 }));
    t.deepEqual(ids(result.hits), ['new', ...holding], text);
  }
});

test('given the generation a snapshot follows, verdicts and Latin phrases are read again when it moves on, not at each commit beyond it', async (t) => {
  const archive = await open(t);
  const snapshot = { generation: 1 };
  const titles = new TitleTerms(archive.db, () => snapshot.generation);
  const latin = new LatinPrefixTerms(archive.db, () => snapshot.generation);
  const may = (text: string) => archive.db.transaction(() => mayMatchTitles(clausesOf(text), titles.lookup(), latin.lookup()))();
  t.false(may('保存较为完好'));
  t.false(may('preserv'));
  // An import's commit the snapshot has not taken in yet: its record is in no result.
  await addRecords(archive, [{ id: 'new', title_zh: '保存较为完好的石桥', title_en: 'Preservation bridge', type: 'bridge' }]);
  t.false(may('保存较为完好'), 'the verdict of the state followed');
  t.false(may('preserv'));
  snapshot.generation += 1;
  t.true(may('保存较为完好'), 'read again once the snapshot has moved on');
  t.true(may('preserv'));
});
