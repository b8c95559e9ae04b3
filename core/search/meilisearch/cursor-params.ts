/**
 * Cursor walks in Meilisearch, as pure steps. Meilisearch ranks at most `maxTotalHits`
 * documents per search, so an offset can never reach past the first 10,000 hits. A walk instead
 * resumes after a position by filtering on the sort keys of its last hit (keyset paging), with
 * the catalog seq as the last key so the order is total:
 *
 *   title                 sort [title:asc, seq:asc]                     position [title key, seq]
 *   year_asc / year_desc  sort [dated:desc, year, title:asc, seq:asc]   position [dated, year, title key, seq]
 *   relevance, browsing   sort [seq:asc]                                position ['seq', seq]
 *   relevance with text   Meilisearch's ranking, by offset              position ['offset', hits so far]
 *
 * Relevance has no key a filter can compare, so a relevance walk over text pages by offset
 * while its result set fits under maxTotalHits; a larger one is walked in catalog order from its
 * first page on (`walkInCatalogOrder`), the only order that then reaches every hit. Title keys are
 * compared as strings, which Meilisearch filters can do from v1.15.
 *
 * A walk's hits query carries no facets; one counts query beside it (the search without the
 * position) gives the total and the facet counts every page of the walk shows.
 */
import type { Filter, SearchParams } from 'meilisearch';
import type { ArchiveRecord } from '../../schema/record.ts';
import { InvalidCursorError, type CursorKey, type SearchCursor, type SearchQuery } from '../types.ts';
import { DATED_ATTRIBUTE, fromDocument, SEQ_ATTRIBUTE, TITLE_SORT_ATTRIBUTES, titleSortValue } from './document.ts';
import { quoteFilterValue, integerLiteral } from './filter-syntax.ts';
import { MAX_TOTAL_HITS } from './index-settings.ts';

export type WalkPlan = { mode: 'offset'; offset: number } | { mode: 'keyset'; keys: readonly CursorKey[] };

const OFFSET = 'offset';
const SEQ = 'seq';

/** How the walk of `query` (which has a cursor) continues; throws `InvalidCursorError` for a position it could not have made. */
export function walkPlan(query: SearchQuery): WalkPlan {
  const after = query.cursor?.after ?? [];
  if (query.sort === 'relevance') {
    const [mode, value] = after;
    if (after.length === 0) return query.text.trim() ? { mode: 'offset', offset: 0 } : { mode: 'keyset', keys: [] };
    if (after.length === 2 && mode === SEQ && isSeq(value!)) return { mode: 'keyset', keys: [value!] };
    if (after.length === 2 && mode === OFFSET && query.text.trim() && isSeq(value!) && (value as number) < MAX_TOTAL_HITS) return { mode: 'offset', offset: value as number };
    throw invalid();
  }
  if (after.length === 0) return { mode: 'keyset', keys: [] };
  if (query.sort === 'title') {
    if (after.length === 2 && typeof after[0] === 'string' && isSeq(after[1]!)) return { mode: 'keyset', keys: after };
    throw invalid();
  }
  const [dated, year, title, seq] = after;
  const datedOk = (dated === 1 && Number.isSafeInteger(year)) || (dated === 0 && year === null);
  if (after.length === 4 && datedOk && typeof title === 'string' && isSeq(seq!)) return { mode: 'keyset', keys: after };
  throw invalid();
}

/** The walk over text that must go on in catalog order: its result set is larger than Meilisearch ranks. */
export function walkInCatalogOrder(query: SearchQuery): SearchQuery {
  return { ...query, cursor: { after: [SEQ, 0] } };
}

/** Whether the first page of a relevance walk over text showed a result set too large to page by offset. */
export function mustWalkInCatalogOrder(plan: WalkPlan, total: number): boolean {
  return plan.mode === 'offset' && plan.offset === 0 && total >= MAX_TOTAL_HITS;
}

/** The order a keyset walk follows: the sort's own keys, then the seq. */
export function walkSort(query: SearchQuery): string[] {
  const title = `${TITLE_SORT_ATTRIBUTES[query.lang]}:asc`;
  const seq = `${SEQ_ATTRIBUTE}:asc`;
  switch (query.sort) {
    case 'relevance':
      return [seq];
    case 'title':
      return [title, seq];
    case 'year_asc':
      return [`${DATED_ATTRIBUTE}:desc`, 'start_year:asc', title, seq];
    case 'year_desc':
      return [`${DATED_ATTRIBUTE}:desc`, 'end_year:desc', title, seq];
  }
}

/**
 * The documents after `keys` in `walkSort(query)` order, as one filter expression (ANDed with
 * the search's own filters); undefined at the start of a walk.
 */
export function positionFilter(query: SearchQuery, keys: readonly CursorKey[]): string | undefined {
  if (keys.length === 0) return undefined;
  const seq = SEQ_ATTRIBUTE;
  if (query.sort === 'relevance') return `${seq} > ${integerLiteral(keys[0] as number)}`;
  const title = TITLE_SORT_ATTRIBUTES[query.lang];
  const afterTitle = (key: CursorKey, seqKey: CursorKey) => {
    const quoted = quoteFilterValue(key as string);
    return `${title} > ${quoted} OR (${title} = ${quoted} AND ${seq} > ${integerLiteral(seqKey as number)})`;
  };
  if (query.sort === 'title') return afterTitle(keys[0]!, keys[1]!);
  const [dated, year, titleKey, seqKey] = keys;
  if (dated === 0) return `${DATED_ATTRIBUTE} = 0 AND (${afterTitle(titleKey!, seqKey!)})`;
  const [field, later] = query.sort === 'year_asc' ? ['start_year', '>'] : ['end_year', '<'];
  const same = `${DATED_ATTRIBUTE} = 1 AND ${field} = ${integerLiteral(year as number)}`;
  return `(${DATED_ATTRIBUTE} = 1 AND ${field} ${later} ${integerLiteral(year as number)}) OR (${same} AND (${afterTitle(titleKey!, seqKey!)})) OR ${DATED_ATTRIBUTE} = 0`;
}

/**
 * The hits query of a walk: `base` (text, filters, highlights of the ordinary chain, without its
 * paging, sort and facets) narrowed to what follows the position, one hit more than the page so
 * the response tells whether a next page exists.
 */
export function walkHitsParams(base: SearchParams, query: SearchQuery, plan: WalkPlan): SearchParams {
  const { page: _page, hitsPerPage: _hitsPerPage, facets: _facets, sort: _sort, ...params } = base;
  const limit = query.pageSize + 1;
  if (plan.mode === 'offset') return { ...params, offset: plan.offset, limit };
  const position = positionFilter(query, plan.keys);
  const filter: Filter | undefined = position === undefined ? params.filter : [...asArray(params.filter), position];
  return { ...params, ...(filter !== undefined && { filter }), sort: walkSort(query), offset: 0, limit };
}

/** The total and facet counts of the walk's search: exact up to maxTotalHits, no hits. */
export function walkCountsParams(base: SearchParams): SearchParams {
  const { attributesToHighlight: _h, attributesToCrop: _c, cropLength: _l, cropMarker: _m, highlightPreTag: _pre, highlightPostTag: _post, sort: _sort, ...params } = base;
  return { ...params, page: 1, hitsPerPage: 0 };
}

/** Where the walk goes on after `hits` (the hits query's response), or undefined when it has ended. */
export function nextCursor(query: SearchQuery, plan: WalkPlan, hits: readonly Record<string, unknown>[]): SearchCursor | undefined {
  if (hits.length <= query.pageSize) return undefined;
  if (plan.mode === 'offset') {
    const offset = plan.offset + query.pageSize;
    // Past maxTotalHits Meilisearch returns nothing: the results grew since the walk began.
    return offset < MAX_TOTAL_HITS ? { after: [OFFSET, offset] } : undefined;
  }
  return { after: positionOf(query, hits[query.pageSize - 1]!) };
}

/** A hit's keys in `walkSort(query)` order, computed as toDocument computed them. */
export function positionOf(query: SearchQuery, hit: Record<string, unknown>): CursorKey[] {
  const seq = hit[SEQ_ATTRIBUTE];
  if (!isSeq(seq as CursorKey)) throw new Error(`Meilisearch returned a hit without ${SEQ_ATTRIBUTE}: reindex to add it`);
  if (query.sort === 'relevance') return [SEQ, seq as number];
  const record: ArchiveRecord = fromDocument(hit);
  const title = titleSortValue(record, query.lang);
  if (query.sort === 'title') return [title, seq as number];
  const year = query.sort === 'year_asc' ? record.start_year : record.end_year;
  return record.start_year === undefined ? [0, null, title, seq as number] : [1, year!, title, seq as number];
}

function asArray(filter: Filter | undefined): (string | string[])[] {
  if (filter === undefined) return [];
  return typeof filter === 'string' ? [filter] : [...filter];
}

function isSeq(key: CursorKey): boolean {
  return Number.isSafeInteger(key) && (key as number) >= 0;
}

function invalid(): InvalidCursorError {
  return new InvalidCursorError('the cursor does not fit this search in Meilisearch');
}
