/**
 * A text matching more records than bm25 is worth computing for (the full-rank limit, 20,000 by
 * default; 5 here) ranks the records whose title matches first, then the others, each group in
 * catalog order — whichever way the page is reached: by page number, by cursor, after a filter.
 */
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import type { SearchQuery } from '../../core/search/types.ts';
import { addRecords, makeTempDir, query } from '../helpers/temp-archive.ts';

const TYPES = ['bridge', 'site', 'temple'];

/**
 * 45 records, all in 临平区: 40 hold 古桥 (in the title of every third, in the description of the
 * others), 5 do not; every fourth title names 临平.
 */
const RECORDS = Array.from({ length: 45 }, (_, i) => {
  const place = i % 4 === 0 ? '临平' : '塘栖';
  return {
    id: `r${String(i).padStart(2, '0')}`,
    title_zh: i >= 40 ? `${place}梅花${i}号` : i % 3 === 0 ? `${place}古桥${i}号` : `${place}遗址${i}号`,
    title_en: `Record ${i}`,
    description_zh: i >= 40 || i % 3 === 0 ? '历经多次修缮' : '附近有一座古桥',
    type: TYPES[i % 3],
    admin_area: '浙江省/杭州市/临平区',
  };
});

async function open(t: ExecutionContext) {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  const engine = new EmbeddedEngine(catalog, { fullRankLimit: 5 });
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  await addRecords({ catalog, engine }, RECORDS);
  return { catalog, engine };
}

const setup = async (t: ExecutionContext) => (await open(t)).engine;

/** The expected order: records whose title holds every one of `words` first, then the rest, each as written into the catalog. */
function titleFirst(records: typeof RECORDS, words: string[]): string[] {
  const inTitle = records.filter((record) => words.every((word) => record.title_zh.includes(word)));
  return [...inTitle, ...records.filter((record) => !inTitle.includes(record))].map((record) => record.id);
}

const holding = (word: string) => RECORDS.filter((record) => record.title_zh.includes(word) || record.description_zh.includes(word));
const BRIDGES = titleFirst(holding('古桥'), ['古桥']);

const ids = (hits: { record: { id: string } }[]) => hits.map((hit) => hit.record.id);

test('a text matching more records than the full-rank limit lists title matches first, then the others, in catalog order', async (t) => {
  const engine = await setup(t);
  const result = await engine.search(query({ text: '古桥', pageSize: 100 }));
  t.is(result.total, 40);
  t.deepEqual(ids(result.hits), BRIDGES);
});

test('pages of a broad text follow the same order, across the end of the title matches', async (t) => {
  const engine = await setup(t);
  const pages = [];
  for (let page = 1; page <= 6; page++) pages.push(...ids((await engine.search(query({ text: '古桥', page, pageSize: 7 }))).hits));
  t.deepEqual(pages, BRIDGES);
});

test('a cursor walk over a broad text returns the same order as its pages', async (t) => {
  const engine = await setup(t);
  const walked: string[] = [];
  let cursor: SearchQuery['cursor'] = { after: [] };
  while (cursor) {
    const page = await engine.search(query({ text: '古桥', pageSize: 4, cursor }));
    walked.push(...ids(page.hits));
    cursor = page.next;
  }
  t.deepEqual(walked, BRIDGES);
});

test('a filter on a broad text keeps the order among the records that pass it', async (t) => {
  const engine = await setup(t);
  const result = await engine.search(query({ text: '古桥', filters: { type: ['bridge', 'site'] }, pageSize: 100 }));
  t.deepEqual(ids(result.hits), titleFirst(holding('古桥').filter((record) => record.type !== 'temple'), ['古桥']));
});

test('a term every record holds matches them all, in title-first order, with the counts of browsing everything', async (t) => {
  const engine = await setup(t);
  const everyRecord = titleFirst(RECORDS, ['临平']);
  for (const text of ['临平', '临']) {
    const result = await engine.search(query({ text, pageSize: 100 }));
    t.is(result.total, RECORDS.length, text);
    t.deepEqual(ids(result.hits), everyRecord, text);
    t.deepEqual(result.facets, (await engine.search(query({ pageSize: 100 }))).facets, `${text}: the facets of browsing everything`);
  }
  const filtered = await engine.search(query({ text: '临平', filters: { type: ['temple'] }, pageSize: 100 }));
  t.deepEqual(ids(filtered.hits), titleFirst(RECORDS.filter((record) => record.type === 'temple'), ['临平']));
});

test('a term every record holds, beside another, matches what the other matches, titles holding both first', async (t) => {
  const engine = await setup(t);
  const result = await engine.search(query({ text: '临平 古桥', pageSize: 100 }));
  t.is(result.total, 40);
  t.deepEqual(ids(result.hits), titleFirst(holding('古桥'), ['临平', '古桥']));
});

test('a term held by every record no longer matches them all once a record without it is added', async (t) => {
  const archive = await open(t);
  t.is((await archive.engine.search(query({ text: '临平' }))).total, RECORDS.length);
  await addRecords(archive, [{ id: 'elsewhere', title_zh: '西湖断桥', title_en: 'Broken Bridge', admin_area: '浙江省/杭州市/西湖区' }]);
  const result = await archive.engine.search(query({ text: '临平', pageSize: 100 }));
  t.is(result.total, RECORDS.length);
  t.false(ids(result.hits).includes('elsewhere'));
});
