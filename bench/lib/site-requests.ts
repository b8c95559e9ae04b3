/**
 * What the HTTP benchmarks ask a synthetic archive (bench/lib/synthetic-records.ts): searches of
 * every kind (text, facets, years, sorts, pages), record pages and search-box suggestions, rotated
 * so that no figure measures one cached answer.
 */

/** 24 searches: Chinese, pinyin and English text, facets, years, every sort, deep pages. */
export const SEARCH_PATHS = [
  'q=塘栖', 'q=临平', 'q=运河', 'q=良渚文化', 'q=石拱桥', 'q=古镇&type=bridge&type=site', 'q=遗址&year_from=-3000&year_to=-2000',
  'q=bridge', 'q=grand+canal', 'q=jade&sort=year_asc', 'q=梅花&sort=title', 'q=保存较为完好&page=3', '', 'collection=collection-3',
  'year_from=-221&year_to=220&sort=year_desc', 'sort=title&page=50', 'type=temple&protection_level=national', 'q=tangqi',
  'has_image=yes&period=明', 'admin_area=浙江省/杭州市/临平区/塘栖镇', 'q=水北街+民居', 'q=钱塘江&type=seawall', 'q=ancient+well&page=2',
  'q=上塘河&year_from=公元前221年',
].map((query) => (query ? `/search?${new URLSearchParams(query).toString()}` : '/search'));

/** Prefixes as people type them: one character, pinyin, English, Chinese words. */
const SUGGEST_PREFIXES = ['塘', '塘栖', 'tang', 'tangqi', '临', 'lin', 'guangji', 'bri', 's', '运河', 'yun', '良渚', 'liangzhu', 'jade', '古', 'q', '钱塘', 'shang', '梅', 'old'];

export const SUGGEST_PATHS = SUGGEST_PREFIXES.map((prefix) => `/api/suggest?${new URLSearchParams({ q: prefix }).toString()}`);

/** `count` record pages spread over the first `size` synthetic records. */
export function recordPaths(size: number, count = 500): string[] {
  return Array.from({ length: count }, (_, i) => `/items/synthetic-${(i * 7919) % size}`);
}
