/** A record's text grouped by full-text column, as the schema's `search` metadata assigns it. */
import { adminAreaEnglishNames } from '../schema/admin-area-names.ts';
import type { PeriodEntry } from '../schema/periods.ts';
import { fieldMeta, RECORD_FIELDS, type ArchiveRecord, type SearchColumn } from '../schema/record.ts';
import { namedPeriods } from '../schema/reconcile-period.ts';
import { stripDiacritics } from './chinese-text.ts';

export const SEARCH_COLUMNS: readonly SearchColumn[] = ['title', 'names', 'body'];

/** Text whose Chinese is worth spelling in pinyin: names and titles, not descriptions. */
export function pinyinSource(text: Record<SearchColumn, string>): string {
  return `${text.title}\n${text.names}`;
}

export function searchableText(record: ArchiveRecord): Record<SearchColumn, string> {
  const text: Record<SearchColumn, string[]> = { title: [], names: [], body: [] };
  for (const name of RECORD_FIELDS) {
    const column = fieldMeta(name).search;
    const value = record[name];
    if (!column || value === undefined) continue;
    text[column].push(Array.isArray(value) ? value.join(' ') : String(value).replaceAll('/', ' '));
  }
  text.names.push(...namedPeriods(record).flatMap(periodNames), ...adminAreaEnglishNames(record.admin_area));
  return { title: text.title.join('\n'), names: text.names.join('\n'), body: text.body.join('\n') };
}

/**
 * English names a record does not spell out but is known by: its administrative areas (Linping
 * District) and its vocabulary periods (Ming dynasty). Part of `searchableText`'s names; engines
 * that search the record's own fields (Meilisearch) index them in a field of their own.
 */
export function derivedEnglishNames(record: ArchiveRecord): string[] {
  const periods = namedPeriods(record).flatMap(periodNames).filter((name) => !/\p{Script=Han}/u.test(name));
  return [...adminAreaEnglishNames(record.admin_area), ...periods];
}

/** Every name of a period, so 明代, 明朝 and Ming dynasty all find a record dated 明. */
function periodNames(period: PeriodEntry): string[] {
  const dynasty = / dynasty$/.test(period.en) ? [`${period.zh}代`, `${period.zh}朝`] : [];
  return [period.zh, period.en, ...(period.aliases ?? []), ...dynasty];
}

const LATIN_WORD = /[a-z]{3,}/g;

/**
 * The Latin words of a record as written (lower case, accents removed), for typo tolerance and
 * "did you mean": typos are measured against these as well as against the index's stems.
 */
export function latinWordsOf(text: Record<SearchColumn, string>): string[] {
  const words = stripDiacritics(`${text.title}\n${text.names}\n${text.body}`).toLowerCase().match(LATIN_WORD) ?? [];
  return [...new Set(words)];
}

/** Names worth teaching the Chinese segmenter: titles, places, keywords, periods, admin areas. */
export function archiveWordsOf(record: ArchiveRecord): string[] {
  return [
    record.title_zh,
    record.place_zh,
    record.period_zh,
    ...(record.keywords_zh ?? []),
    ...(record.admin_area?.split('/') ?? []),
  ].filter((word): word is string => word !== undefined);
}
