/**
 * English names for administrative areas (浙江省 › 杭州市 › 临平区 › 塘栖镇): the pinyin of the name
 * with its level translated (临平区 → Linping District, 塘栖镇 → Tangqi Town), or the established
 * name where one exists (杭州市 → Hangzhou, 陕西省 → Shaanxi Province, 鹿港鎮 → Lukang Township).
 * Shown in the English interface and searchable in both engines.
 */
import { pinyinSyllables, toSimplified } from '../search/chinese-text.ts';
import { HIERARCHY_SEPARATOR } from './facets.ts';

/** Level suffixes, longest first so 自治区 wins over 区. */
const LEVEL_SUFFIXES: readonly (readonly [zh: string, en: string])[] = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['街道', 'Subdistrict'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['镇', 'Town'],
  ['乡', 'Township'],
  ['村', 'Village'],
  ['盟', 'League'],
  ['旗', 'Banner'],
];

/**
 * Established names that pinyin and the suffix table would not give, keyed by the simplified
 * Chinese name: municipalities and capitals known without their level, provinces that pinyin
 * cannot tell apart (陕西 and 山西), autonomous regions, and Taiwan's names in their own
 * romanisation (Taipei, Kaohsiung, Lukang), with its 鎮 and 鄉 both Townships.
 */
export const ADMIN_AREA_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  北京市: 'Beijing',
  上海市: 'Shanghai',
  天津市: 'Tianjin',
  重庆市: 'Chongqing',
  杭州市: 'Hangzhou',
  临平区: 'Linping District',
  陕西省: 'Shaanxi Province',
  内蒙古自治区: 'Inner Mongolia Autonomous Region',
  广西壮族自治区: 'Guangxi Zhuang Autonomous Region',
  宁夏回族自治区: 'Ningxia Hui Autonomous Region',
  新疆维吾尔自治区: 'Xinjiang Uygur Autonomous Region',
  西藏自治区: 'Tibet Autonomous Region',
  香港特别行政区: 'Hong Kong SAR',
  澳门特别行政区: 'Macao SAR',
  锡林郭勒盟: 'Xilingol League',
  台湾省: 'Taiwan',
  台北市: 'Taipei City',
  新北市: 'New Taipei City',
  台中市: 'Taichung City',
  台南市: 'Tainan City',
  高雄市: 'Kaohsiung City',
  基隆市: 'Keelung City',
  新竹市: 'Hsinchu City',
  新竹县: 'Hsinchu County',
  嘉义市: 'Chiayi City',
  嘉义县: 'Chiayi County',
  彰化县: 'Changhua County',
  云林县: 'Yunlin County',
  屏东县: 'Pingtung County',
  宜兰县: 'Yilan County',
  花莲县: 'Hualien County',
  台东县: 'Taitung County',
  苗栗县: 'Miaoli County',
  南投县: 'Nantou County',
  金门县: 'Kinmen County',
  连江县: 'Lienchiang County',
  澎湖县: 'Penghu County',
  马公市: 'Magong City',
  鹿港镇: 'Lukang Township',
  北港镇: 'Beigang Township',
  恒春镇: 'Hengchun Township',
  金城镇: 'Jincheng Township',
  淡水区: 'Tamsui District',
  中西区: 'West Central District',
};

/** The English name of one level: 临平区 → Linping District. */
export function adminAreaEnglishName(level: string): string {
  const name = toSimplified(level.normalize('NFKC').trim());
  const override = ADMIN_AREA_NAME_OVERRIDES[name];
  if (override) return override;
  const suffix = LEVEL_SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  const stem = suffix ? name.slice(0, -suffix[0].length) : name;
  const spelled = romanize(stem);
  if (!spelled) return level;
  return suffix ? `${spelled} ${suffix[1]}` : spelled;
}

/** Paths repeat across an archive (every record of a town has the same one); each is spelled once. */
const namesOfPath = new Map<string, string[]>();
const MAX_CACHED_PATHS = 10_000;

/** Every level of a path in English, most general first. */
export function adminAreaEnglishNames(path: string | undefined): string[] {
  if (!path) return [];
  let names = namesOfPath.get(path);
  if (!names) {
    if (namesOfPath.size >= MAX_CACHED_PATHS) namesOfPath.clear();
    names = path.split(HIERARCHY_SEPARATOR).filter(Boolean).map(adminAreaEnglishName);
    namesOfPath.set(path, names);
  }
  return [...names];
}

/**
 * Hanyu pinyin written as one word, capitalised, with an apostrophe where a syllable starting with
 * a, o or e would run into the one before (西安 → Xi'an); empty when the name has no Chinese.
 */
function romanize(name: string): string {
  const syllables = pinyinSyllables(name);
  if (syllables.length === 0) return '';
  const word = syllables.map((syllable, i) => (i > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}
