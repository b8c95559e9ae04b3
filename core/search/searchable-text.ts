/** A record's text grouped by full-text column, as the schema's `search` metadata assigns it. */
import { fieldMeta, RECORD_FIELDS, type ArchiveRecord, type SearchColumn } from '../schema/record.ts';

export const SEARCH_COLUMNS: readonly SearchColumn[] = ['title', 'names', 'body'];

export function searchableText(record: ArchiveRecord): Record<SearchColumn, string> {
  const text: Record<SearchColumn, string[]> = { title: [], names: [], body: [] };
  for (const name of RECORD_FIELDS) {
    const column = fieldMeta(name).search;
    const value = record[name];
    if (!column || value === undefined) continue;
    text[column].push(Array.isArray(value) ? value.join(' ') : String(value).replaceAll('/', ' '));
  }
  return { title: text.title.join('\n'), names: text.names.join('\n'), body: text.body.join('\n') };
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
