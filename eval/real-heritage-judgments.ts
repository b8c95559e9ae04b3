/**
 * Judged queries over the real-heritage fixture archive (eval/fixtures/real-heritage/): names from
 * the mainland's lists (全国重点文物保护单位, in simplified characters), Taiwan's 國定古蹟 (in
 * traditional characters) and the UNESCO World Heritage List (English). One class per kind of
 * miss that issue 13 names, so each fix is measured on its own.
 */
import type { Judgment } from './judgments.ts';

export const REAL_HERITAGE_JUDGMENTS: Judgment[] = [
  // Variant characters beyond simplified/traditional (pairs must give identical hit counts)
  { query: '重檐歇山', kind: 'variant', relevant: ['tainan-confucius-temple', 'jinci-temple'] },
  { query: '重簷歇山', kind: 'variant', relevant: ['tainan-confucius-temple', 'jinci-temple'], pair: '重檐歇山' },
  { query: '随着港口淤积', kind: 'variant', relevant: ['lukang-longshan-temple'] },
  { query: '隨著港口淤積', kind: 'variant', relevant: ['lukang-longshan-temple'], pair: '随着港口淤积' },
  { query: '宝箧印经塔', kind: 'variant', relevant: ['leifeng-pagoda-site'] },
  { query: '阿弥陀佛', kind: 'variant', relevant: ['amitabha-inscription-statue', 'feilaifeng-statues'] },
  { query: '阿彌陀佛', kind: 'variant', relevant: ['amitabha-inscription-statue', 'feilaifeng-statues'], pair: '阿弥陀佛' },
  { query: '藏经砖', kind: 'variant', relevant: ['leifeng-pagoda-site'] },
  { query: '虎丘剑池', kind: 'variant', relevant: ['sword-pond-tiger-hill'] },
  { query: '二鲲鯓炮台', kind: 'variant', relevant: ['eternal-golden-castle'] },
  // A slip in an English word whose stem is shorter than the word
  { query: 'Longmen Grotoes', kind: 'typo-surface', relevant: ['longmen-grottoes'] },
  { query: 'Confucius Tempel', kind: 'typo-surface', relevant: ['tainan-confucius-temple', 'qufu-confucius'] },
  { query: 'Dazu Rock Carvnigs', kind: 'typo-surface', relevant: ['dazu-rock-carvings'] },
  { query: 'Imperial Sacrifical Altar', kind: 'typo-surface', relevant: ['temple-of-heaven'] },
  { query: 'inscriptoin Shiping', kind: 'typo-surface', relevant: ['shiping-gong-inscription'] },
  { query: 'Former Residance of Lu Xun', kind: 'typo-surface', relevant: ['lu-xun-residence'] },
  // One word the archive does not have must not empty the page
  { query: 'Mogao Caves murals restoration', kind: 'no-dead-end', relevant: ['mogao-caves'] },
  { query: '乐山大佛 门票', kind: 'no-dead-end', relevant: ['leshan-giant-buddha'] },
  { query: '天一阁 藏书楼 目录', kind: 'no-dead-end', relevant: ['tianyi-pavilion'] },
  { query: 'Fort Zeelandia Dutch history', kind: 'no-dead-end', relevant: ['fort-zeelandia'] },
  { query: 'Guanyin bronze statue Zhengding', kind: 'no-dead-end', relevant: ['longxing-temple'] },
  { query: '应县木塔 照片', kind: 'no-dead-end', relevant: ['fogong-sakyamuni-pagoda'] },
  // Strings that straddle two segmented words
  { query: '寺释迦', kind: 'substring', relevant: ['fogong-sakyamuni-pagoda'] },
  { query: '林家宅', kind: 'substring', relevant: ['wufeng-lin-mansion'] },
  { query: '峰造', kind: 'substring', relevant: ['feilaifeng-statues'] },
  { query: '祭祀区', kind: 'substring', relevant: ['sanxingdui-sacrificial-area'] },
  { query: '塔遗', kind: 'substring', relevant: ['leifeng-pagoda-site'] },
  { query: '王庙内', kind: 'substring', relevant: ['yue-fei-tomb'] },
  // Chinese next to digits
  { query: '2021年度', kind: 'digits', relevant: ['sanxingdui-sacrificial-area'] },
  { query: '2021年度全国十大考古新发现', kind: 'digits', relevant: ['sanxingdui-sacrificial-area'] },
  { query: '兵马俑1号坑', kind: 'digits', relevant: ['terracotta-pit-1'] },
  { query: '5号墓', kind: 'digits', relevant: ['fu-hao-tomb'] },
  { query: '1号墓', kind: 'digits', relevant: ['mawangdui-tombs'] },
  { query: '1974年发现', kind: 'digits', relevant: ['terracotta-pit-1'] },
  // Names outrank scattered characters; spaced pinyin no looser than unspaced
  { query: '李春', kind: 'names', relevant: ['anji-bridge'] },
  { query: '于谦', kind: 'names', relevant: ['yu-qian-tomb'] },
  { query: '岳飞', kind: 'names', relevant: ['yue-fei-tomb'] },
  { query: '秋瑾', kind: 'names', relevant: ['qiu-jin-residence'] },
  { query: '沈葆楨', kind: 'names', relevant: ['eternal-golden-castle', 'hengchun-old-city'] },
  { query: 'Yu Qian', kind: 'names', relevant: ['yu-qian-tomb'] },
  { query: 'yuqian', kind: 'names', relevant: ['yu-qian-tomb'] },
  { query: 'Qiu Jin', kind: 'names', relevant: ['qiu-jin-residence'] },
  // Administrative areas by their English (or pinyin) names
  { query: 'Xihu District', kind: 'admin-en', relevant: ['liuhe-pagoda', 'yue-fei-tomb', 'yu-qian-tomb'] },
  { query: 'Yuecheng District', kind: 'admin-en', relevant: ['lu-xun-residence', 'qiu-jin-residence'] },
  { query: 'Tainan City', kind: 'admin-en', relevant: ['tainan-confucius-temple', 'chihkan-tower'] },
  { query: 'Wanhua District', kind: 'admin-en', relevant: ['bangka-lungshan-temple'] },
  { query: 'Wutai County', kind: 'admin-en', relevant: ['nanchan-temple-hall', 'foguang-temple-east-hall'] },
  { query: 'Dunhuang', kind: 'admin-en', relevant: ['mogao-caves'] },
  { query: 'Ningbo', kind: 'admin-en', relevant: ['tianyi-pavilion', 'baoguo-temple', 'hemudu-site'] },
  { query: 'Shaanxi Province', kind: 'admin-en', relevant: ['terracotta-pit-1', 'nestorian-stele'] },
  { query: 'Kinmen County', kind: 'admin-en', relevant: ['qiu-lianggong-mother-arch'] },
  { query: 'Hangzhou tomb', kind: 'admin-en', relevant: ['yue-fei-tomb', 'yu-qian-tomb'] },
  // A period named in one language only is found and shown in the other
  { query: 'Tang dynasty', kind: 'period-fill', relevant: ['leshan-giant-buddha', 'nanchan-temple-hall'] },
  { query: '唐代', kind: 'period-fill', relevant: ['leshan-giant-buddha', 'nanchan-temple-hall'] },
  { query: 'Qing dynasty temple', kind: 'period-fill', relevant: ['sacrificial-martial-temple', 'lukang-longshan-temple'] },
  { query: '新石器时代', kind: 'period-fill', relevant: ['kuahuqiao-site', 'hemudu-site'] },
  { query: 'Northern Song', kind: 'period-fill', relevant: ['longxing-temple'] },
];
