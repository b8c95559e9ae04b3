/**
 * The record page's formatted citations, kept per record state: formatting three styles through
 * citation-js costs ~13 ms of the event loop per page (a third of the server's main thread on a
 * busy record-page load), and a record's citations change only when the record does.
 */
import { LRUCache } from 'lru-cache';
import { cslOfRecord, formatCitation, type CitationContext, type CitationStyle } from '../../core/cite/cite-record.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

/** Formats a record's citation in a style, or answers the one formatted from the same inputs before. */
export type FormatCitation = (record: ArchiveRecord, style: CitationStyle, context: CitationContext) => string;

/** Records whose citations are kept: a few hundred bytes each, so about 1 MB in all. */
const KEPT_RECORDS = 1000;

/**
 * A `formatCitation` that keeps what it formatted. The key is the CSL items the citations are
 * made from (both languages: title, dates, URL, archive name, the day of access), so any change
 * that would change a citation — an edit, a new `modified` datestamp, the next day — misses the
 * cache instead of serving a stale text, and nothing needs to invalidate it.
 */
export function createCitationCache(max = KEPT_RECORDS): FormatCitation {
  const kept = new LRUCache<string, Map<CitationStyle, string>>({ max });
  return (record, style, context) => {
    // One access date for the key and the text, even at midnight.
    const fixed = { ...context, accessed: context.accessed ?? new Date() };
    const key = JSON.stringify([cslOfRecord(record, 'zh', fixed), cslOfRecord(record, 'en', fixed)]);
    let styles = kept.get(key);
    if (!styles) kept.set(key, (styles = new Map()));
    let text = styles.get(style);
    if (text === undefined) styles.set(style, (text = formatCitation(record, style, fixed)));
    return text;
  };
}
