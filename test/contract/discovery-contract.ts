/**
 * Discovery: what peers get wrong about Chinese, pinyin and English. Part of the engine contract:
 * every engine runs it (the embedded engine in npm test, Meilisearch in npm run test:meili).
 */
import test, { type ExecutionContext } from 'ava';
import type { SearchResult } from '../../core/search/types.ts';
import { query } from '../helpers/temp-archive.ts';
import { archiveWith, type EngineFactory } from './engine-contract.ts';

const RECORDS: Record<string, unknown>[] = [
  { id: 'guangji-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge', description_zh: '塘栖古镇的七孔石拱桥。', place_zh: '塘栖镇', type: 'bridge' },
  { id: 'tangqi-town', title_zh: '塘栖古镇', description_zh: '运河边的江南古镇。', type: 'site' },
  { id: 'homophone', title_zh: '唐奇墓', description_zh: '一处名称读音相近的墓葬，用于检验同音字。', type: 'tomb' },
  { id: 'yujiashan-site', title_zh: '玉架山遗址', title_en: 'Yujiashan Site', description_en: 'A Liangzhu settlement.', type: 'site' },
  { id: 'seawall-zh-only', title_zh: '钱塘江古海塘', description_zh: '清代修筑的鱼鳞石塘。', type: 'seawall' },
  { id: 'canal-zh-only', title_zh: '大运河临平段', description_zh: '京杭大运河流经临平。', type: 'canal-section' },
  { id: 'canal-en-only', title_en: 'Grand Canal landing', description_en: 'A stone landing on the Grand Canal.', type: 'site' },
  { id: 'traditional-text', title_zh: '廣濟橋碑記', description_zh: '記述塘棲廣濟橋重修的碑文。', type: 'stele' },
  { id: 'tangqi-point', title_en: 'A point in Tangqi', lat: 30.484, lon: 120.19, type: 'site' },
  { id: 'chaoshan-point', title_en: 'A point at Chaoshan', lat: 30.45, lon: 120.23, type: 'landscape' },
  {
    // A line whose points all lie outside the box below, but which crosses it.
    id: 'canal-line',
    title_en: 'A canal section drawn as a line',
    type: 'canal-section',
    geometry: '{"type":"LineString","coordinates":[[120.10,30.40],[120.30,30.62]]}',
  },
];

const ids = (result: SearchResult) => result.hits.map((hit) => hit.record.id).sort();

export function discoveryContract(engineName: string, makeEngine: EngineFactory): void {
  const setup = async (t: ExecutionContext) => (await archiveWith(t, makeEngine, RECORDS)).engine;
  const name = (title: string) => `[${engineName}] ${title}`;

  test(name('simplified and traditional queries give identical hits, whichever script the record uses'), async (t) => {
    const engine = await setup(t);
    for (const [simplified, traditional] of [['塘栖', '塘棲'], ['广济桥', '廣濟橋'], ['碑记', '碑記']] as const) {
      const a = await engine.search(query({ text: simplified }));
      const b = await engine.search(query({ text: traditional }));
      t.deepEqual(ids(b), ids(a), `${simplified} / ${traditional}`);
      t.is(a.total, b.total);
    }
    t.deepEqual(ids(await engine.search(query({ text: '廣濟橋' }))), ['guangji-bridge', 'traditional-text']);
  });

  test(name('pinyin with or without spaces and tone marks finds the Chinese name'), async (t) => {
    const engine = await setup(t);
    for (const text of ['tangqi', 'Tang Qi', 'Tángqī', 'TANGQI']) {
      const found = ids(await engine.search(query({ text })));
      t.true(found.includes('tangqi-town') && found.includes('guangji-bridge'), `${text} → ${found.join(', ')}`);
    }
    t.true(ids(await engine.search(query({ text: 'guangjiqiao' }))).includes('guangji-bridge'));
  });

  test(name('a Chinese query never returns homophones that only sound alike'), async (t) => {
    const engine = await setup(t);
    t.false(ids(await engine.search(query({ text: '塘栖' }))).includes('homophone'));
    t.deepEqual(ids(await engine.search(query({ text: '唐奇' }))), ['homophone']);
  });

  test(name('a longer English word with a typo still finds its record'), async (t) => {
    const engine = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: 'Yujashan' }))), ['yujiashan-site']);
    t.deepEqual(ids(await engine.search(query({ text: 'setlement' }))), ['yujiashan-site']);
  });

  test(name('English words match their other forms'), async (t) => {
    const engine = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: 'bridges' }))), ['guangji-bridge']);
    t.deepEqual(ids(await engine.search(query({ text: 'settlements' }))), ['yujiashan-site']);
  });

  test(name('a map box finds the points inside it and the lines that cross it'), async (t) => {
    const engine = await setup(t);
    const box = { south: 30.47, west: 120.17, north: 30.5, east: 120.21 };
    t.deepEqual(ids(await engine.search(query({ bbox: box }))), ['canal-line', 'tangqi-point']);
  });

  test(name('a radius search finds the points within it'), async (t) => {
    const engine = await setup(t);
    // Tangqi and Chaoshan are about 5 km apart; the line's middle is about 3 km from Tangqi.
    t.deepEqual(ids(await engine.search(query({ near: { lat: 30.484, lon: 120.19, radiusKm: 2 } }))), ['tangqi-point']);
    t.deepEqual(ids(await engine.search(query({ near: { lat: 30.484, lon: 120.19, radiusKm: 8 } }))), ['canal-line', 'chaoshan-point', 'tangqi-point']);
  });

  test(name('key names find their equivalents across Chinese and English'), async (t) => {
    const engine = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: 'seawall' }))), ['seawall-zh-only']);
    t.deepEqual(ids(await engine.search(query({ text: 'Grand Canal' }))), ['canal-en-only', 'canal-zh-only']);
    t.deepEqual(ids(await engine.search(query({ text: '大运河' }))), ['canal-en-only', 'canal-zh-only']);
    t.deepEqual(ids(await engine.search(query({ text: '京杭大运河' }))), ['canal-en-only', 'canal-zh-only']);
  });
}
