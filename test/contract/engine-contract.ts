/**
 * The search-engine contract: the same specification, run against every engine. The embedded
 * engine runs it in `npm test`; Meilisearch runs it in `npm run test:meili` against a real server.
 */
import test, { type ExecutionContext } from 'ava';
import path from 'node:path';
import { Catalog } from '../../core/catalog/catalog.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import type { SearchEngine, SearchResult } from '../../core/search/types.ts';
import { addRecords, makeTempDir, query } from '../helpers/temp-archive.ts';
import { CONTRACT_RECORDS } from './contract-records.ts';

export type EngineFactory = (t: ExecutionContext, catalog: Catalog) => Promise<SearchEngine>;

const ids = (result: SearchResult) => result.hits.map((hit) => hit.record.id);
const sortedIds = (result: SearchResult) => ids(result).sort();
const facet = (result: SearchResult, key: string) => Object.fromEntries(result.facets.find((f) => f.key === key)!.values.map((v) => [v.value, v.count]));

/** A fresh catalog file and engine holding `records`, closed when the test ends. */
export async function archiveWith(t: ExecutionContext, makeEngine: EngineFactory, records: Record<string, unknown>[]) {
  const catalog = Catalog.open(path.join(makeTempDir(t), 'catalog.db'));
  const engine = await makeEngine(t, catalog);
  t.teardown(async () => {
    await engine.close();
    catalog.close();
  });
  await addRecords({ catalog, engine }, records);
  return { catalog, engine };
}

export function engineContract(engineName: string, makeEngine: EngineFactory): void {
  const setup = (t: ExecutionContext) => archiveWith(t, makeEngine, CONTRACT_RECORDS);
  const name = (title: string) => `[${engineName}] ${title}`;

  test(name('browsing with no text returns every record and its total'), async (t) => {
    const { engine } = await setup(t);
    const result = await engine.search(query({ pageSize: 100 }));
    t.is(result.total, CONTRACT_RECORDS.length);
    t.is(result.hits.length, CONTRACT_RECORDS.length);
    t.true(result.totalIsExact);
  });

  test(name('a 2-character Chinese query finds the record that contains it'), async (t) => {
    const { engine } = await setup(t);
    t.deepEqual(sortedIds(await engine.search(query({ text: '广济' }))), ['guangji-bridge']);
    // 塘栖 is in one description and in another record's administrative area.
    t.deepEqual(sortedIds(await engine.search(query({ text: '塘栖' }))), ['chaoshan-plum', 'guangji-bridge']);
    t.deepEqual(sortedIds(await engine.search(query({ text: '环壕' }))), ['yujiashan-site']);
    // 临平 stands in every record's administrative area (临平区) except the one without an area.
    t.is((await engine.search(query({ text: '临平' }))).total, CONTRACT_RECORDS.length - 1);
  });

  test(name('every 2-character substring of a Chinese description finds its record'), async (t) => {
    const { engine } = await setup(t);
    const text = '良渚文化的环壕聚落遗址';
    for (let i = 0; i + 2 <= text.length; i++) {
      const found = ids(await engine.search(query({ text: text.slice(i, i + 2), pageSize: 100 })));
      t.true(found.includes('yujiashan-site'), `"${text.slice(i, i + 2)}" should find yujiashan-site`);
    }
  });

  test(name('a Chinese phrase without spaces matches its words wherever they stand in the record'), async (t) => {
    const { engine } = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: '塘栖广济桥' }))), ['guangji-bridge']);
    t.deepEqual(ids(await engine.search(query({ text: '玉架山遗址' }))), ['yujiashan-site']);
  });

  test(name('English is case-folded and matches word prefixes'), async (t) => {
    const { engine } = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: 'BRIDGE' }))), ['guangji-bridge']);
    t.deepEqual(ids(await engine.search(query({ text: 'bridg', lang: 'en' }))), ['guangji-bridge']);
    t.deepEqual(sortedIds(await engine.search(query({ text: 'liangzhu culture' }))), ['jade-cong', 'yujiashan-site']);
  });

  test(name('a query that matches nothing returns no hits and zero counts'), async (t) => {
    const { engine } = await setup(t);
    const result = await engine.search(query({ text: 'zzzzqqq' }));
    t.is(result.total, 0);
    t.deepEqual(result.hits, []);
    t.is(result.pageCount, 0);
  });

  test(name('facets count every declared field over the matching records'), async (t) => {
    const { engine } = await setup(t);
    const result = await engine.search(query());
    t.deepEqual(result.facets.map((f) => f.key), ['collection', 'type', 'period', 'admin_area', 'protection_level', 'has_image']);
    t.is(facet(result, 'collection')['grand-canal'], 3);
    t.is(facet(result, 'type')['bridge'], 1);
    t.is(facet(result, 'period')['liangzhu'], 2, 'periods of the vocabulary are counted by key');
    t.is(facet(result, 'admin_area')['浙江省/杭州市/临平区'], 6);
    t.is(facet(result, 'admin_area')['浙江省/杭州市/临平区/塘栖镇'], 2);
    t.is(facet(result, 'protection_level')['world-heritage'], 1);
    t.is(facet(result, 'has_image')['no'], CONTRACT_RECORDS.length);
  });

  test(name('values of one facet are OR-ed, facets are AND-ed, and a facet counts as if its own filter were off'), async (t) => {
    const { engine } = await setup(t);
    const either = await engine.search(query({ filters: { type: ['bridge', 'site'] } }));
    t.deepEqual(sortedIds(either), ['guangji-bridge', 'yujiashan-site']);
    t.is(facet(either, 'type')['seawall'], 1, 'other types keep their counts');
    t.true(either.facets.find((f) => f.key === 'type')!.values.find((v) => v.value === 'bridge')!.selected);
    const both = await engine.search(query({ filters: { type: ['bridge', 'site'], collection: ['grand-canal'] } }));
    t.deepEqual(ids(both), ['guangji-bridge']);
  });

  test(name('a facet value containing quotes, backslashes, OR or a newline selects only itself'), async (t) => {
    const { engine } = await setup(t);
    for (const value of ['grand-canal" OR type = "bridge', 'grand-canal\\', '\\" OR "1" = "1', 'OR', 'grand-canal\n']) {
      const result = await engine.search(query({ filters: { collection: [value] } }));
      t.is(result.total, 0, JSON.stringify(value));
      const selected = result.facets.find((f) => f.key === 'collection')!.values.filter((v) => v.selected);
      t.deepEqual(selected, [{ value, count: 0, selected: true }], JSON.stringify(value));
    }
  });

  test(name('filtering on an administrative level finds everything below it'), async (t) => {
    const { engine } = await setup(t);
    const result = await engine.search(query({ filters: { admin_area: ['浙江省/杭州市/临平区/塘栖镇'] } }));
    t.deepEqual(sortedIds(result), ['chaoshan-plum', 'guangji-bridge']);
  });

  test(name('a year range finds records whose span overlaps it, across BCE and CE'), async (t) => {
    const { engine } = await setup(t);
    t.deepEqual(sortedIds(await engine.search(query({ yearFrom: -3000, yearTo: -2500 }))), ['jade-cong', 'yujiashan-site']);
    t.deepEqual(sortedIds(await engine.search(query({ yearFrom: -250, yearTo: 100 }))), ['shangtang-river']);
    t.deepEqual(sortedIds(await engine.search(query({ yearFrom: 1644, yearTo: 1644 }))), ['ancient-seawall', 'guangji-bridge']);
    t.deepEqual(sortedIds(await engine.search(query({ yearFrom: 1900 }))), ['ancient-seawall']);
    t.deepEqual(sortedIds(await engine.search(query({ yearTo: -3000 }))), ['jade-cong', 'yujiashan-site']);
  });

  test(name('sorting by year puts BCE before CE and undated records last'), async (t) => {
    const { engine } = await setup(t);
    const ascending = ids(await engine.search(query({ sort: 'year_asc' })));
    t.deepEqual(ascending.slice(0, 5), ['jade-cong', 'yujiashan-site', 'shangtang-river', 'guangji-bridge', 'ancient-seawall']);
    const descending = ids(await engine.search(query({ sort: 'year_desc' })));
    t.deepEqual(descending.slice(0, 3), ['ancient-seawall', 'guangji-bridge', 'shangtang-river']);
    t.deepEqual(descending.slice(5).sort(), ['chaoshan-plum', 'html-trap']);
  });

  test(name('sorting by title follows the interface language'), async (t) => {
    const { engine } = await setup(t);
    const english = ids(await engine.search(query({ sort: 'title', lang: 'en' })));
    t.deepEqual(english.slice(0, 3), ['ancient-seawall', 'chaoshan-plum', 'guangji-bridge']);
    const chinese = ids(await engine.search(query({ sort: 'title', lang: 'zh' })));
    // Pinyin order: 超 chāo, 古 gǔ, 广 guǎng
    t.deepEqual(chinese.slice(0, 3), ['chaoshan-plum', 'ancient-seawall', 'guangji-bridge']);
  });

  test(name('pages partition the results'), async (t) => {
    const { engine } = await setup(t);
    const first = await engine.search(query({ pageSize: 3, page: 1, sort: 'year_asc' }));
    const third = await engine.search(query({ pageSize: 3, page: 3, sort: 'year_asc' }));
    t.is(first.pageCount, 3);
    t.is(first.hits.length, 3);
    t.is(third.hits.length, 1);
    const all = [first, await engine.search(query({ pageSize: 3, page: 2, sort: 'year_asc' })), third].flatMap(ids);
    t.is(new Set(all).size, CONTRACT_RECORDS.length);
  });

  test(name('highlights escape markup from records and mark only the match'), async (t) => {
    const { engine } = await setup(t);
    const [hit] = (await engine.search(query({ text: 'markup' }))).hits;
    t.truthy(hit);
    t.is(hit!.highlights.title_en, '<mark>Markup</mark> &lt;img src=x onerror=alert(1)&gt; record');
    t.false(JSON.stringify(hit!.highlights).includes('<script'));
    t.false(JSON.stringify(hit!.highlights).includes('<img'));
    const [chinese] = (await engine.search(query({ text: '脚本' }))).hits;
    t.is(chinese!.highlights.title_zh, '<mark>脚本</mark>&lt;script&gt;alert(1)&lt;/script&gt;测试');
  });

  test(name('an updated record is found by its new text and no longer by its old'), async (t) => {
    const archive = await setup(t);
    await addRecords(archive, [{ ...CONTRACT_RECORDS[4], title_zh: '超山十里梅园', description_zh: '赏梅胜地。' }]);
    t.deepEqual(ids(await archive.engine.search(query({ text: '梅园' }))), ['chaoshan-plum']);
    t.deepEqual(ids(await archive.engine.search(query({ text: '闻名' }))), []);
    t.is((await archive.engine.search(query())).total, CONTRACT_RECORDS.length);
  });

  test(name('a deleted record disappears from hits and facet counts'), async (t) => {
    const { catalog, engine } = await setup(t);
    catalog.deleteRecords(['guangji-bridge']);
    await syncIndex(catalog, engine);
    const result = await engine.search(query({ text: '广济' }));
    t.is(result.total, 0);
    t.is(facet(await engine.search(query()), 'type')['bridge'], undefined);
  });

  test(name('a rebuild from the catalog gives the same answers'), async (t) => {
    const { catalog, engine } = await setup(t);
    const before = await engine.search(query({ text: '临平' }));
    await engine.rebuild(catalog.iterateRecords(2));
    const after = await engine.search(query({ text: '临平' }));
    t.deepEqual(sortedIds(after), sortedIds(before));
    t.is((await engine.search(query())).total, CONTRACT_RECORDS.length);
  });

  test(name('searches issued during a rebuild are answered with the whole archive'), async (t) => {
    const { catalog, engine } = await setup(t);
    const rebuilding = engine.rebuild(catalog.iterateRecords(1));
    const during = await Promise.all([1, 2, 3].map(() => engine.search(query())));
    await rebuilding;
    for (const result of during) t.is(result.total, CONTRACT_RECORDS.length);
  });

  test(name('the engine answers a health check'), async (t) => {
    const { engine } = await setup(t);
    t.true((await engine.ping()).ok);
  });
}
