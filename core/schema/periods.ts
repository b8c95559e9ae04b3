/**
 * The period vocabulary: Chinese periods and dynasties with their conventional year spans
 * (negative = BCE). Records may name a period, give years, or both; `reconcilePeriod` fills in
 * whichever is missing. Spans follow the standard chronology (夏商周断代工程 for the early
 * dynasties); prehistoric cultures are given their commonly cited ranges.
 */
import type { VocabularyEntry } from './vocabularies.ts';

export interface PeriodEntry extends VocabularyEntry {
  readonly start: number;
  /** For a period still going on, the latest year the schema allows. */
  readonly end: number;
  /** Still going on: its end is no year a record should be given. */
  readonly ongoing?: boolean;
}

export const PERIODS = [
  { key: 'neolithic', zh: '新石器时代', en: 'Neolithic', start: -10000, end: -2000, aliases: ['新石器'] },
  { key: 'majiabang', zh: '马家浜文化', en: 'Majiabang culture', start: -5000, end: -4000 },
  { key: 'songze', zh: '崧泽文化', en: 'Songze culture', start: -4000, end: -3300 },
  { key: 'liangzhu', zh: '良渚文化', en: 'Liangzhu culture', start: -3300, end: -2300, aliases: ['良渚'] },
  { key: 'guangfulin', zh: '广富林文化', en: 'Guangfulin culture', start: -2300, end: -1900 },
  { key: 'xia', zh: '夏', en: 'Xia dynasty', start: -2070, end: -1600 },
  { key: 'shang', zh: '商', en: 'Shang dynasty', start: -1600, end: -1046 },
  { key: 'western-zhou', zh: '西周', en: 'Western Zhou', start: -1046, end: -771 },
  { key: 'spring-and-autumn', zh: '春秋', en: 'Spring and Autumn period', start: -770, end: -476 },
  { key: 'warring-states', zh: '战国', en: 'Warring States period', start: -475, end: -221 },
  { key: 'qin', zh: '秦', en: 'Qin dynasty', start: -221, end: -207 },
  { key: 'han', zh: '汉', en: 'Han dynasty', start: -202, end: 220 },
  { key: 'three-kingdoms', zh: '三国', en: 'Three Kingdoms', start: 220, end: 280 },
  { key: 'jin', zh: '晋', en: 'Jin dynasty', start: 266, end: 420 },
  { key: 'southern-and-northern', zh: '南北朝', en: 'Southern and Northern dynasties', start: 420, end: 589 },
  { key: 'sui', zh: '隋', en: 'Sui dynasty', start: 581, end: 618 },
  { key: 'tang', zh: '唐', en: 'Tang dynasty', start: 618, end: 907 },
  { key: 'five-dynasties', zh: '五代十国', en: 'Five Dynasties and Ten Kingdoms', start: 907, end: 979, aliases: ['五代'] },
  { key: 'wuyue', zh: '五代吴越', en: 'Wuyue kingdom (Five Dynasties)', start: 907, end: 978, aliases: ['吴越', '吴越国', 'Wuyue'] },
  { key: 'northern-song', zh: '北宋', en: 'Northern Song dynasty', start: 960, end: 1127 },
  { key: 'song', zh: '宋', en: 'Song dynasty', start: 960, end: 1279 },
  { key: 'southern-song', zh: '南宋', en: 'Southern Song dynasty', start: 1127, end: 1279 },
  { key: 'yuan', zh: '元', en: 'Yuan dynasty', start: 1271, end: 1368 },
  { key: 'ming', zh: '明', en: 'Ming dynasty', start: 1368, end: 1644 },
  { key: 'qing', zh: '清', en: 'Qing dynasty', start: 1644, end: 1911 },
  { key: 'republic', zh: '民国', en: 'Republic of China', start: 1912, end: 1949, aliases: ['中华民国', 'Republican period'] },
  { key: 'prc', zh: '中华人民共和国', en: "People's Republic of China", start: 1949, end: 2100, ongoing: true, aliases: ['新中国', '现代', 'PRC', 'modern'] },
] as const satisfies readonly PeriodEntry[];

export type PeriodKey = (typeof PERIODS)[number]['key'];

/** Separators between periods in one cell: 明、清 / 明清 is handled by the splitter below. */
const PERIOD_LIST_SEPARATORS = /\s*(?:、|,|，|;|；|\/|—|–|-|至|到|\bto\b|\band\b|&)\s*/i;
const ZH_SUFFIXES = /(?:时代|时期|王朝|朝|代|国)$/;
const EN_SUFFIXES = /\s+(?:dynasty|dynasties|period|era|culture)$/i;

const byName = new Map<string, PeriodEntry>();
for (const period of PERIODS as readonly PeriodEntry[]) {
  for (const name of [period.key, period.zh, period.en, ...(period.aliases ?? [])]) byName.set(normalizeName(name), period);
}

function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(EN_SUFFIXES, '').replace(/[\s_-]+/g, ' ');
}

/** The vocabulary entry a period name refers to (明, 明代, 明朝, Ming, Ming dynasty …), or undefined. */
export function matchPeriod(name: string): PeriodEntry | undefined {
  const normalized = normalizeName(name);
  return byName.get(normalized) ?? byName.get(normalized.replace(ZH_SUFFIXES, ''));
}

/**
 * Every period a cell names: `明、清`, `明清`, `Ming and Qing dynasties`. Unknown names are left
 * out; an empty result means the cell is not (only) vocabulary.
 */
export function matchPeriods(cell: string): PeriodEntry[] {
  let periods = matchedCells.get(cell);
  if (!periods) {
    if (matchedCells.size >= MAX_CACHED_CELLS) matchedCells.clear();
    periods = matchUncached(cell);
    matchedCells.set(cell, periods);
  }
  return periods;
}

/** Period cells repeat across an archive (明, 清, 良渚文化 …); each is matched once. */
const matchedCells = new Map<string, PeriodEntry[]>();
const MAX_CACHED_CELLS = 10_000;

function matchUncached(cell: string): PeriodEntry[] {
  const whole = matchPeriod(cell);
  if (whole) return [whole];
  const parts = cell.split(PERIOD_LIST_SEPARATORS).filter(Boolean);
  const split = parts.length > 1 ? parts : [...cell.trim()].length === 2 ? [...cell.trim()] : [];
  const matched = split.map(matchPeriod);
  return matched.every((period) => period !== undefined) ? (matched as PeriodEntry[]) : [];
}

/** The narrowest period whose span contains [start, end], or undefined. */
export function periodContaining(start: number, end: number): PeriodEntry | undefined {
  return (PERIODS as readonly PeriodEntry[])
    .filter((period) => period.start <= start && end <= period.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

/** Chronological position of a period key, for ordering facets and timelines. */
export function periodOrder(key: string): number {
  const index = PERIODS.findIndex((period) => period.key === key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}
