/**
 * The judged query set over the demo archive (collections/): each query with the records that
 * must appear in its first ten results. `pair` links a simplified query to its traditional twin,
 * whose hit counts must be identical.
 */
export type QueryKind =
  | 'simplified' | 'traditional' | 'pinyin' | 'toned-pinyin' | 'english' | 'mixed' | 'misspelled' | 'two-character' | 'period' | 'place'
  // The classes of issue 13, judged over the real-heritage fixture (eval/real-heritage-judgments.ts)
  | 'variant' | 'typo-surface' | 'no-dead-end' | 'substring' | 'digits' | 'names' | 'admin-en' | 'period-fill';

export interface Judgment {
  query: string;
  kind: QueryKind;
  relevant: string[];
  /** For traditional queries: the simplified query that must give the same number of hits. */
  pair?: string;
}

export const JUDGMENTS: Judgment[] = [
  // Simplified Chinese
  { query: '广济桥', kind: 'simplified', relevant: ['guangji-bridge', 'photo-guangji-bridge-2024'] },
  { query: '玉架山遗址', kind: 'simplified', relevant: ['yujiashan-site'] },
  { query: '鱼鳞石塘', kind: 'simplified', relevant: ['fish-scale-seawall'] },
  { query: '乾隆御碑', kind: 'simplified', relevant: ['qianlong-stele'] },
  { query: '吴昌硕', kind: 'simplified', relevant: ['wu-changshuo-tomb', 'wu-changshuo-memorial-hall'] },
  { query: '良渚玉琮', kind: 'simplified', relevant: ['jade-cong'] },
  { query: '水稻田', kind: 'simplified', relevant: ['maoshan-paddy-fields'] },
  { query: '钱塘江涌潮', kind: 'simplified', relevant: ['qiantang-tidal-bore'] },
  { query: '塘栖古镇', kind: 'simplified', relevant: ['tangqi-old-town'] },
  { query: '上塘河', kind: 'simplified', relevant: ['shangtang-river', 'shangtang-song-culture-belt'] },
  { query: '超山梅花', kind: 'simplified', relevant: ['chaoshan-plum-blossom'] },
  { query: '古海塘', kind: 'simplified', relevant: ['qiantang-north-bank-seawall', 'niujiao-village-seawall', 'linping-ancient-seawall-park'] },
  // Traditional Chinese, each paired with its simplified twin
  { query: '廣濟橋', kind: 'traditional', relevant: ['guangji-bridge', 'photo-guangji-bridge-2024'], pair: '广济桥' },
  { query: '玉架山遺址', kind: 'traditional', relevant: ['yujiashan-site'], pair: '玉架山遗址' },
  { query: '魚鱗石塘', kind: 'traditional', relevant: ['fish-scale-seawall'], pair: '鱼鳞石塘' },
  { query: '乾隆御碑', kind: 'traditional', relevant: ['qianlong-stele'], pair: '乾隆御碑' },
  { query: '吳昌碩', kind: 'traditional', relevant: ['wu-changshuo-tomb', 'wu-changshuo-memorial-hall'], pair: '吴昌硕' },
  { query: '良渚玉琮', kind: 'traditional', relevant: ['jade-cong'], pair: '良渚玉琮' },
  { query: '塘棲古鎮', kind: 'traditional', relevant: ['tangqi-old-town'], pair: '塘栖古镇' },
  { query: '錢塘江湧潮', kind: 'traditional', relevant: ['qiantang-tidal-bore'], pair: '钱塘江涌潮' },
  { query: '超山梅花', kind: 'traditional', relevant: ['chaoshan-plum-blossom'], pair: '超山梅花' },
  { query: '古海塘', kind: 'traditional', relevant: ['qiantang-north-bank-seawall', 'niujiao-village-seawall'], pair: '古海塘' },
  // Full pinyin, with and without spaces
  { query: 'tangqi', kind: 'pinyin', relevant: ['tangqi-old-town', 'guangji-bridge'] },
  { query: 'tang qi', kind: 'pinyin', relevant: ['tangqi-old-town'] },
  { query: 'guangjiqiao', kind: 'pinyin', relevant: ['guangji-bridge'] },
  { query: 'yujiashan', kind: 'pinyin', relevant: ['yujiashan-site', 'yujiashan-ring-moats'] },
  { query: 'chaoshan', kind: 'pinyin', relevant: ['chaoshan', 'chaoshan-plum-blossom'] },
  { query: 'shangtanghe', kind: 'pinyin', relevant: ['shangtang-river'] },
  { query: 'wuchangshuo', kind: 'pinyin', relevant: ['wu-changshuo-tomb'] },
  { query: 'qianlong yubei', kind: 'pinyin', relevant: ['qianlong-stele'] },
  // Pinyin with tone marks
  { query: 'Tángqī', kind: 'toned-pinyin', relevant: ['tangqi-old-town'] },
  { query: 'Guǎngjì qiáo', kind: 'toned-pinyin', relevant: ['guangji-bridge'] },
  { query: 'Yùjiàshān', kind: 'toned-pinyin', relevant: ['yujiashan-site'] },
  { query: 'Chāoshān', kind: 'toned-pinyin', relevant: ['chaoshan'] },
  // English
  { query: 'Guangji Bridge', kind: 'english', relevant: ['guangji-bridge'] },
  { query: 'fish-scale seawall', kind: 'english', relevant: ['fish-scale-seawall'] },
  { query: 'jade cong', kind: 'english', relevant: ['jade-cong'] },
  { query: 'tidal bore', kind: 'english', relevant: ['qiantang-tidal-bore'] },
  { query: 'plum blossom', kind: 'english', relevant: ['chaoshan-plum-blossom'] },
  { query: 'rice paddies', kind: 'english', relevant: ['maoshan-paddy-fields'] },
  { query: 'Grand Canal', kind: 'english', relevant: ['grand-canal-linping', 'hangzhou-tang'] },
  { query: 'seawalls', kind: 'english', relevant: ['earthen-seawall', 'brushwood-seawall'] },
  { query: 'stone plough', kind: 'english', relevant: ['stone-plough'] },
  { query: 'World Heritage', kind: 'english', relevant: ['grand-canal-inscription-2014', 'liangzhu-ancient-city'] },
  // Mixed Chinese and English
  { query: 'Tangqi 枇杷', kind: 'mixed', relevant: ['tangqi-loquat'] },
  { query: '良渚 jade', kind: 'mixed', relevant: ['jade-cong', 'jade-bi'] },
  { query: 'Chaoshan 吴昌硕', kind: 'mixed', relevant: ['wu-changshuo-tomb'] },
  { query: 'seawall 乔司', kind: 'mixed', relevant: ['niujiao-village-seawall'] },
  // Misspelled English
  { query: 'Yujashan', kind: 'misspelled', relevant: ['yujiashan-site'] },
  { query: 'Guangij Bridge', kind: 'misspelled', relevant: ['guangji-bridge'] },
  { query: 'Chaoshen plum', kind: 'misspelled', relevant: ['chaoshan-plum-blossom'] },
  { query: 'granery', kind: 'misspelled', relevant: ['fuyi-granary'] },
  { query: 'Liangzu culture', kind: 'misspelled', relevant: ['jade-cong', 'yujiashan-cemetery'] },
  // Two-character Chinese
  { query: '塘栖', kind: 'two-character', relevant: ['tangqi-old-town', 'guangji-bridge'] },
  { query: '临平', kind: 'two-character', relevant: ['grand-canal-linping', 'linping-hill'] },
  { query: '玉琮', kind: 'two-character', relevant: ['jade-cong'] },
  { query: '黑陶', kind: 'two-character', relevant: ['black-pottery'] },
  { query: '茅山', kind: 'two-character', relevant: ['maoshan-site'] },
  { query: '柴塘', kind: 'two-character', relevant: ['brushwood-seawall'] },
  { query: '河埠', kind: 'two-character', relevant: ['tangqi-canal-landings'] },
  // Periods
  { query: '良渚文化', kind: 'period', relevant: ['yujiashan-cemetery', 'maoshan-paddy-fields'] },
  { query: '明代', kind: 'period', relevant: ['guangji-bridge', 'fangong-seawall'] },
  { query: 'Qing dynasty', kind: 'period', relevant: ['qianlong-stele', 'brushwood-seawall'] },
  { query: '南宋', kind: 'period', relevant: ['banjing-guesthouse'] },
  { query: 'Neolithic', kind: 'period', relevant: ['maoshan-site'] },
  // Places
  { query: '乔司', kind: 'place', relevant: ['niujiao-village-seawall', 'saotan-apron'] },
  { query: '崇贤', kind: 'place', relevant: ['chongxian-lotus-ponds'] },
  { query: '丁山湖', kind: 'place', relevant: ['dingshan-lake'] },
  { query: 'Shuibei', kind: 'place', relevant: ['shuibei-street'] },
  { query: '拱墅区', kind: 'place', relevant: ['gongchen-bridge', 'fuyi-granary'] },
];
