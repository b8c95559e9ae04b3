/** The workspace's record search: every record, hidden and embargoed ones too, with its visibility. */
import type { StoredRecord } from '../../../core/catalog/catalog.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import type { SearchOutcome } from '../../services/search-records.ts';
import { presentPagination } from '../../present/present-pagination.ts';
import { recordTitle } from '../../present/localize.ts';
import { typeLabel } from '../../present/record-summary.ts';
import { presentVisibility } from './present-visibility.ts';

/** The workspace address of a record (and of its parts: `/edit`, `/history` …). */
export function curatorRecordHref(id: string, tail = ''): string {
  return `/curator/records/${encodeURIComponent(id)}${tail}`;
}

/** The workspace’s search page: each hit with its id, type, visibility and last change. */
export function presentRecordList(outcome: SearchOutcome, stored: ReadonlyMap<string, StoredRecord>, lang: Lang, canCreate: boolean) {
  const { query, result } = outcome;
  const from = (result.page - 1) * result.pageSize + 1;
  return {
    text: query.text,
    canCreate,
    summary:
      result.total === 0
        ? translate(lang, 'curator.records.none')
        : translate(lang, 'curator.records.summary', { total: result.total, from, to: from + result.hits.length - 1 }),
    rows: result.hits.map(({ record }) => {
      const held = stored.get(record.id);
      return {
        href: curatorRecordHref(record.id),
        id: record.id,
        title: recordTitle(record, lang),
        type: typeLabel(record, lang) ?? '',
        visibility: held && presentVisibility(held.visibility, lang),
        modified: held?.modified.slice(0, 10) ?? '',
      };
    }),
    pagination: presentPagination(result, { path: '/curator', query, lang, lookups: outcome.lookups, url: {} }),
  };
}
