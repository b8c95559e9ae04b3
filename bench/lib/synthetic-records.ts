/**
 * Deterministic synthetic records for benchmarks: Chinese and English text built from the
 * archive's real vocabulary, every facet populated, years across BCE and CE.
 */
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { PROTECTION_LEVELS, RECORD_TYPES } from '../../core/schema/vocabularies.ts';

const PLACES_ZH = ['塘栖', '临平', '超山', '乔司', '崇贤', '运河', '星桥', '南苑', '东湖', '良渚', '仁和', '五杭', '亭趾', '博陆', '丁山湖', '上塘河', '玉架山', '广济桥', '水北街', '钱塘江'];
const PLACES_EN = ['Tangqi', 'Linping', 'Chaoshan', 'Qiaosi', 'Chongxian', 'Yunhe', 'Xingqiao', 'Nanyuan', 'Donghu', 'Liangzhu', 'Renhe', 'Wuhang', 'Tingzhi', 'Bolu', 'Dingshan Lake', 'Shangtang River', 'Yujiashan', 'Guangji Bridge', 'Shuibei Street', 'Qiantang River'];
const TOWNS = ['塘栖镇', '运河街道', '崇贤街道', '乔司街道', '临平街道', '南苑街道', '东湖街道', '星桥街道', '仁和街道', '良渚街道'];
const NOUNS_ZH = ['石拱桥', '古镇', '遗址', '海塘', '寺庙', '碑刻', '玉琮', '玉璧', '黑陶', '河埠', '古井', '牌坊', '民居', '祠堂', '水闸', '码头', '古道', '梅花', '枇杷', '蜜饯'];
const NOUNS_EN = ['stone bridge', 'old town', 'site', 'seawall', 'temple', 'stele', 'jade cong', 'jade bi', 'black pottery', 'landing', 'ancient well', 'archway', 'dwelling', 'ancestral hall', 'sluice', 'wharf', 'old road', 'plum blossom', 'loquat', 'preserved fruit'];
const PHRASES_ZH = ['位于大运河畔', '见证了千百年来的变迁', '是研究良渚文化的重要实物', '保存较为完好', '历经多次修缮', '反映了江南水乡的风貌', '与周边村落关系密切', '近年进行了考古发掘'];
const PHRASES_EN = ['stands beside the Grand Canal', 'has witnessed centuries of change', 'is important evidence of the Liangzhu culture', 'is relatively well preserved', 'has been repaired several times', 'reflects the character of the Jiangnan water towns', 'is closely linked to nearby villages', 'was excavated in recent years'];
const PERIODS: [zh: string, en: string, start: number, end: number][] = [
  ['新石器时代', 'Neolithic', -7000, -2000],
  ['良渚文化', 'Liangzhu culture', -3300, -2300],
  ['春秋', 'Spring and Autumn period', -770, -476],
  ['秦', 'Qin dynasty', -221, -207],
  ['汉', 'Han dynasty', -202, 220],
  ['唐', 'Tang dynasty', 618, 907],
  ['宋', 'Song dynasty', 960, 1279],
  ['元', 'Yuan dynasty', 1271, 1368],
  ['明', 'Ming dynasty', 1368, 1644],
  ['清', 'Qing dynasty', 1644, 1911],
  ['民国', 'Republic of China', 1912, 1949],
];

/** A small, fast, seedable generator (mulberry32), so every run builds the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` records with ids `synthetic-<first>` onwards; the same seed gives the same records. */
export function* syntheticRecords(count: number, seed = 1, first = 0): Generator<ArchiveRecord> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  for (let index = first; index < first + count; index++) {
    const place = Math.floor(next() * PLACES_ZH.length);
    const noun = Math.floor(next() * NOUNS_ZH.length);
    const phrases = [0, 1, 2].map(() => Math.floor(next() * PHRASES_ZH.length));
    const period = next() < 0.85 ? pick(PERIODS) : undefined;
    const town = pick(TOWNS);
    yield {
      id: `synthetic-${index}`,
      title_zh: `${PLACES_ZH[place]}${NOUNS_ZH[noun]}${index}号`,
      title_en: `${PLACES_EN[place]} ${NOUNS_EN[noun]} No. ${index}`,
      description_zh: `${PLACES_ZH[place]}的${NOUNS_ZH[noun]}${phrases.map((p) => PHRASES_ZH[p]).join('，')}。${pick(PLACES_ZH)}一带另有${pick(NOUNS_ZH)}。`,
      description_en: `The ${NOUNS_EN[noun]} of ${PLACES_EN[place]} ${phrases.map((p) => PHRASES_EN[p]).join(', ')}. Another ${pick(NOUNS_EN)} lies near ${pick(PLACES_EN)}.`,
      type: pick(RECORD_TYPES).key,
      ...(period && { period_zh: period[0], period_en: period[1], start_year: period[2], end_year: period[3] }),
      place_zh: PLACES_ZH[place],
      place_en: PLACES_EN[place],
      admin_area: `浙江省/杭州市/临平区/${town}`,
      lat: 30.36 + next() * 0.19,
      lon: 120.1 + next() * 0.3,
      collections: [...new Set([`collection-${Math.floor(next() * 20)}`, ...(next() < 0.3 ? [`collection-${Math.floor(next() * 20)}`] : [])])],
      keywords_zh: [NOUNS_ZH[noun]!, pick(PLACES_ZH)],
      keywords_en: [NOUNS_EN[noun]!, pick(PLACES_EN)],
      protection_level: pick(PROTECTION_LEVELS).key,
      rights: 'CC BY 4.0',
      source: 'synthetic benchmark record',
      ...(next() < 0.4 && { images: [`photos/${index}.jpg`] }),
    };
  }
}
