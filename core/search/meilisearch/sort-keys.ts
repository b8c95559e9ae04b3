/**
 * Title sort keys as plain strings, because Meilisearch sorts strings by their UTF-8 bytes. They
 * follow the embedded engine's ICU collators: English case- and accent-insensitive with numbers
 * in numeric order; Chinese by pinyin (`zh-Hans-u-co-pinyin`), syllable by syllable.
 */
import { pinyin } from 'pinyin-pro';
import type { Lang } from '../../i18n/translate.ts';
import type { ArchiveRecord } from '../../schema/record.ts';

/** Wide enough for any number in a title (years, catalogue numbers), so `2` sorts before `10`. */
const NUMBER_WIDTH = 12;
/**
 * ICU's pinyin collation puts Han before other scripts, so a record with only an English title
 * follows every Chinese title in Chinese order; the root collation (English) does the opposite,
 * which byte order already gives.
 */
const HAN_FIRST = '0 ';
const OTHER_SCRIPTS_AFTER = '1 ';

/** Lowercase, accents removed, numbers zero-padded, spaces collapsed: `Tángqī No. 2` → `tangqi no. 000000000002`. */
export function latinSortKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.padStart(NUMBER_WIDTH, '0'))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Syllables with tone numbers, separated by spaces: 古海塘 → `gu3 hai3 tang2`. A space sorts
 * before any letter or digit, so `gu3 …` precedes `guang3 …` as 古 precedes 广 in pinyin order.
 */
export function pinyinSortKey(text: string): string {
  return pinyin(text, { toneType: 'num', type: 'all', nonZh: 'consecutive', v: true })
    .map((item) => (item.isZh ? item.pinyin : latinSortKey(item.origin)))
    .filter((part) => part.length > 0)
    .join(' ');
}

/** The key a record sorts by when titles are ordered for `lang`, falling back to the other title. */
export function titleSortKey(record: ArchiveRecord, lang: Lang): string {
  if (lang === 'en') return latinSortKey(record.title_en ?? record.title_zh ?? '');
  if (record.title_zh) return HAN_FIRST + pinyinSortKey(record.title_zh);
  return OTHER_SCRIPTS_AFTER + latinSortKey(record.title_en ?? '');
}
