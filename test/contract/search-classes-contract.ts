/**
 * The search classes of issue 13, part of the engine contract (the embedded engine in npm test,
 * Meilisearch in npm run test:meili): variant characters, Chinese next to digits, names that must
 * outrank scattered characters, spaced pinyin, substrings across word edges. Real names from
 * heritage lists (see eval/fixtures/real-heritage/).
 */
import test, { type ExecutionContext } from 'ava';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { query } from '../helpers/temp-archive.ts';
import { archiveWith, type EngineFactory } from './engine-contract.ts';

const RECORDS: Record<string, unknown>[] = [
  { id: 'tainan-confucius-temple', title_zh: '臺南孔子廟', title_en: 'Tainan Confucius Temple', description_zh: '大成殿為重簷歇山頂。', admin_area: '臺南市/中西區', type: 'temple' },
  { id: 'longmen-grottoes', title_zh: '龙门石窟', title_en: 'Longmen Grottoes', type: 'site' },
  { id: 'dazu-rock-carvings', title_zh: '大足石刻', title_en: 'Dazu Rock Carvings', type: 'site' },
  { id: 'shiping-gong-inscription', title_zh: '始平公造像记', title_en: 'Inscription for the Statue Made for Duke Shiping', type: 'stele' },
  { id: 'jinci-temple', title_zh: '晋祠', description_zh: '圣母殿为北宋所建，重檐歇山顶。', type: 'temple' },
  { id: 'lukang-longshan-temple', title_zh: '鹿港龍山寺', description_zh: '隨著鹿港港口淤積而漸趨沒落。', type: 'temple' },
  { id: 'leifeng-pagoda-site', title_zh: '雷峰塔遗址', keywords_zh: '寳篋印經塔;藏經塼', type: 'site' },
  { id: 'amitabha-statue', title_zh: '阿彌陁佛造像', type: 'artifact' },
  { id: 'sanxingdui', title_zh: '三星堆遗址祭祀区', description_zh: '入选2021年度全国十大考古新发现。', type: 'site' },
  { id: 'terracotta-pit-1', title_zh: '秦始皇陵兵马俑1号坑', description_zh: '1974年发现。', type: 'site' },
  { id: 'anji-bridge', title_zh: '安济桥', description_zh: '隋代工匠李春设计建造的敞肩石拱桥。', type: 'bridge' },
  { id: 'hangu-pass', title_zh: '函谷关遗址', description_zh: '相传春秋末年老子（李耳）在此著《道德经》。', type: 'site' },
  { id: 'yu-qian-tomb', title_zh: '于谦墓', description_zh: '明代兵部尚书于谦的墓。', type: 'tomb' },
  { id: 'hongdou-villa', title_zh: '红豆山庄遗址', description_zh: '位于常熟白茆，钱谦益与柳如是曾居于此。', type: 'site' },
  { id: 'liuhe-pagoda', title_zh: '六和塔', place_zh: '钱塘江畔', admin_area: '浙江省/杭州市/西湖区', type: 'building' },
  { id: 'fogong-pagoda', title_zh: '佛宫寺释迦塔', description_zh: '俗称应县木塔。', type: 'building' },
];

const ids = (result: SearchResult) => result.hits.map((hit) => hit.record.id);
const sortedIds = (result: SearchResult) => ids(result).sort();

export function searchClassesContract(engineName: string, makeEngine: EngineFactory): void {
  const setup = async (t: ExecutionContext) => (await archiveWith(t, makeEngine, RECORDS)).engine;
  const name = (title: string) => `[${engineName}] ${title}`;

  test(name('variant forms beyond simplified and traditional find each other, with identical hits'), async (t) => {
    const engine = await setup(t);
    for (const [one, other] of [['重檐歇山', '重簷歇山'], ['随着', '隨著'], ['宝箧印经塔', '寳篋印經塔'], ['阿弥陀佛', '阿彌陁佛'], ['藏经砖', '藏經塼']] as const) {
      const a = await engine.search(query({ text: one }));
      const b = await engine.search(query({ text: other }));
      t.true(a.total > 0, one);
      t.deepEqual(sortedIds(a), sortedIds(b), `${one} / ${other}`);
    }
    t.deepEqual(sortedIds(await engine.search(query({ text: '重檐' }))), ['jinci-temple', 'tainan-confucius-temple']);
  });

  test(name('a variant form is marked in the highlight of a query written in the standard form'), async (t) => {
    const engine = await setup(t);
    const [hit] = (await engine.search(query({ text: '阿弥陀佛' }))).hits;
    t.is(hit?.highlights.title_zh, '<mark>阿彌陁佛</mark>造像');
  });

  test(name('a slip in an English word whose stem is shorter than the word still finds it'), async (t) => {
    const engine = await setup(t);
    // tempel, grotoes, carvnigs and inscriptoin each stem unlike their word: one edit from the word, more from its stem.
    t.deepEqual(ids(await engine.search(query({ text: 'Confucius Tempel', lang: 'en' }))), ['tainan-confucius-temple']);
    t.deepEqual(ids(await engine.search(query({ text: 'Longmen Grotoes', lang: 'en' }))), ['longmen-grottoes']);
    t.deepEqual(ids(await engine.search(query({ text: 'carvnigs', lang: 'en' }))), ['dazu-rock-carvings']);
    t.deepEqual(ids(await engine.search(query({ text: 'inscriptoin', lang: 'en' }))), ['shiping-gong-inscription']);
  });

  test(name('when no record has every word, the records with the most of them answer, naming the word left out'), async (t) => {
    const engine = await setup(t);
    const english = await engine.search(query({ text: 'Longmen Grottoes sculptures', lang: 'en' }));
    t.deepEqual(ids(english), ['longmen-grottoes']);
    t.deepEqual(english.looser, { kept: ['longmen', 'grottoes'], dropped: ['sculptures'] });
    const chinese = await engine.search(query({ text: '应县木塔 照片' }));
    t.deepEqual(ids(chinese), ['fogong-pagoda']);
    t.deepEqual(chinese.looser?.dropped, ['照片']);
    const strict = await engine.search(query({ text: 'Longmen Grottoes', lang: 'en' }));
    t.is(strict.looser, undefined, 'a query whose words all match is answered as it is');
    t.is(strict.suggestion, undefined);
  });

  test(name('a word one slip from a word of the archive gets a "did you mean" that finds records'), async (t) => {
    const engine = await setup(t);
    const chinese = await engine.search(query({ text: '安积桥' }));
    t.is(chinese.total, 0);
    t.is(chinese.suggestion, '安济桥');
    t.deepEqual(ids(await engine.search(query({ text: chinese.suggestion! }))), ['anji-bridge']);
    const latin = await engine.search(query({ text: 'Dazu Rocj', lang: 'en' }));
    t.is(latin.suggestion, 'Dazu rock');
    t.deepEqual(ids(latin), ['dazu-rock-carvings'], 'and meanwhile the words that do match answer');
    t.is((await engine.search(query({ text: 'zzzzqqq' }))).suggestion, undefined, 'nothing near: no suggestion');
  });

  test(name('administrative areas are found by their English names, generated or established'), async (t) => {
    const engine = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: 'Xihu District', lang: 'en' }))), ['liuhe-pagoda']);
    t.deepEqual(ids(await engine.search(query({ text: 'Hangzhou', lang: 'en' }))), ['liuhe-pagoda']);
    t.deepEqual(ids(await engine.search(query({ text: 'West Central District', lang: 'en' }))), ['tainan-confucius-temple']);
    t.is((await engine.search(query({ text: 'Xihu District', lang: 'en' }))).looser, undefined, 'every word matched');
  });

  test(name('a hidden record never shows through a notice or a suggestion'), async (t) => {
    const { catalog, engine } = await archiveWith(t, makeEngine, RECORDS);
    catalog.setVisibility(['anji-bridge'], HIDDEN, { actor: 'cli:test' });
    await syncIndex(catalog, engine);
    const typo = await engine.search(query({ text: '安积桥' }));
    t.is(typo.total, 0);
    t.is(typo.suggestion, undefined, 'its title is not suggested');
    const looser = await engine.search(query({ text: '李春 敞肩' }));
    t.deepEqual(ids(looser), []);
    t.is(looser.looser, undefined, 'no reading that only it matches');
  });

  test(name('text mixing digits and Chinese finds the record that holds it verbatim'), async (t) => {
    const engine = await setup(t);
    t.deepEqual(ids(await engine.search(query({ text: '2021年度' }))), ['sanxingdui']);
    t.deepEqual(ids(await engine.search(query({ text: '2021年度全国十大考古新发现' }))), ['sanxingdui']);
    t.deepEqual(ids(await engine.search(query({ text: '兵马俑1号坑' }))), ['terracotta-pit-1']);
    t.deepEqual(ids(await engine.search(query({ text: '1974年发现' }))), ['terracotta-pit-1']);
  });

  test(name('a two-character name finds the records holding it, not records with its characters in other words'), async (t) => {
    const engine = await setup(t);
    // 李春 is not 李耳 + 春秋; 于谦 is not 位于 + 钱谦益.
    t.deepEqual(ids(await engine.search(query({ text: '李春' }))), ['anji-bridge']);
    t.deepEqual(ids(await engine.search(query({ text: '于谦' }))), ['yu-qian-tomb']);
  });

  test(name('spaced pinyin matches no more loosely than the same syllables typed together'), async (t) => {
    const engine = await setup(t);
    const spaced = sortedIds(await engine.search(query({ text: 'Yu Qian', lang: 'en' })));
    const joined = sortedIds(await engine.search(query({ text: 'yuqian', lang: 'en' })));
    t.deepEqual(spaced, ['yu-qian-tomb']);
    t.deepEqual(spaced, joined);
  });

  test(name('every string of two or more characters of a title finds it, also across word edges'), async (t) => {
    const engine = await setup(t);
    const title = '佛宫寺释迦塔';
    for (let length = 2; length <= 4; length++) {
      for (let start = 0; start + length <= title.length; start++) {
        const text = title.slice(start, start + length);
        t.deepEqual(ids(await engine.search(query({ text }))), ['fogong-pagoda'], text);
      }
    }
  });
}
