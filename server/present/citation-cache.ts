/**
 * The record page's formatted citations, kept per record state: formatting three styles through
 * citation-js costs ~13 ms of the event loop per page (a third of the server's main thread on a
 * busy record-page load), and a record's citations change only when the record does.
 */
import { LRUCache } from 'lru-cache';
import { cslOfRecord, formatCitation, type CitationContext, type CitationStyle } from '../../core/cite/cite-record.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

/** A record's citation in a style (for one record in one context). */
export type CitationInStyle = (style: CitationStyle) => string;
/** A record's citations in a context: each style formatted when first asked. */
export type CitationsOf = (record: ArchiveRecord, context: CitationContext) => CitationInStyle;

/** Citations formatted afresh every time. */
export const formatCitations: CitationsOf = (record, context) => (style) => formatCitation(record, style, context);

/** Records whose citations are kept: a few hundred bytes each, so about 1 MB in all. */
const KEPT_RECORDS = 1000;

/**
 * A `CitationsOf` that keeps what it formatted. The key is the CSL items the citations are made
 * from (both languages: title, dates, URL, archive name, the day of access), so any change that
 * would change a citation — an edit, a new `modified` datestamp, the next day — misses the cache
 * instead of serving a stale text, and nothing needs to invalidate it. The key is made once per
 * record asked, for all its styles.
 */
export function createCitationCache(max = KEPT_RECORDS): CitationsOf {
  const kept = new LRUCache<string, Map<CitationStyle, string>>({ max });
  return (record, context) => {
    // One access date for the key and the text, even at midnight.
    const fixed = { ...context, accessed: context.accessed ?? new Date() };
    const key = JSON.stringify([cslOfRecord(record, 'zh', fixed), cslOfRecord(record, 'en', fixed)]);
    let styles = kept.get(key);
    if (!styles) kept.set(key, (styles = new Map()));
    const texts = styles;
    return (style) => {
      let text = texts.get(style);
      if (text === undefined) texts.set(style, (text = formatCitation(record, style, fixed)));
      return text;
    };
  };
}
