/**
 * `SearchQuery` → Meilisearch search parameters, as a chain of small pure steps (Blacklight's
 * processor chain): each step adds one concern, and each is unit-tested on its own.
 *
 * One search is one multi-search request: the hits query (every filter), plus one counts-only
 * query per facet that has a selection, without that facet's own filter — the multi-select rule:
 * choosing `bridge` still shows how many records the other types have.
 */
import type { Filter, MultiSearchQuery, SearchParams } from 'meilisearch';
import { FACETS, type FacetKey } from '../../schema/facets.ts';
import type { RecordField } from '../../schema/record.ts';
import { CHINESE_SYNONYMS } from '../synonyms.ts';
import type { QueryClause } from '../tokenizer.ts';
import type { SearchQuery } from '../types.ts';
import { DATED_ATTRIBUTE, ENVELOPE_ATTRIBUTES, facetAttribute, PINYIN_ATTRIBUTE, TITLE_SORT_ATTRIBUTES, VISIBLE_FROM_ATTRIBUTE } from './document.ts';
import { walkCountsParams, walkHitsParams, walkPlan } from './cursor-params.ts';
import { decimalLiteral, equalsFilter, integerLiteral } from './filter-syntax.ts';
import { hanQueryText } from './han-tokens.ts';
import { searchableAttributes } from './index-settings.ts';

export interface Translation {
  readonly query: SearchQuery;
  /**
   * The query's clauses as the shared tokenizer makes them (the embedded engine's): every clause
   * must match; its first term is what the person typed, the others its synonyms.
   */
  readonly clauses: readonly QueryClause[];
  /**
   * For public searches (every search without `includeHidden`): the moment, in seconds since the
   * epoch, by which a record must be visible. The engine sets it to now at each search, so an
   * embargo lifts without a reindex.
   */
  readonly visibleBy?: number;
}

export type TranslationStep = (params: SearchParams, translation: Translation) => SearchParams;

/** Private-use characters: record text never needs them, and they are not HTML, so nothing Meilisearch returns can pass as markup. */
export const HIGHLIGHT_PRE_TAG = '\uE000';
export const HIGHLIGHT_POST_TAG = '\uE001';
export const HIGHLIGHTED_ATTRIBUTES: readonly RecordField[] = ['title_zh', 'title_en', 'description_zh', 'description_en'];
const CROPPED_ATTRIBUTES: readonly RecordField[] = ['description_zh', 'description_en'];
/** Descriptions are cropped around their matches only to keep responses small: the snippet is cut by highlight.ts. */
const CROP_WORDS = 40;

const START_YEAR: RecordField = 'start_year';
const END_YEAR: RecordField = 'end_year';

/**
 * The query string: each clause's own term, since the index's synonyms setting supplies the
 * alternatives. Latin words pass as letters, digits and spaces only, so no `"` or `-` operator
 * can come from a query; Chinese terms become tokens (han-tokens.ts), synonym names whole-word
 * tokens so the synonyms apply.
 */
export function meiliQueryText(clauses: readonly QueryClause[]): string {
  return clauses
    .flatMap(([term]) => (term === undefined ? [] : [term.kind === 'han' ? hanQueryText(term.text, CHINESE_SYNONYMS) : latinWords(term.text)]))
    .filter((part) => part.length > 0)
    .join(' ');
}

function latinWords(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Every clause must match, as in the embedded engine. The query is only ever Latin letters,
 * digits and tokens, so it is tokenized as English, like the fields it must meet.
 */
export const addText: TranslationStep = (params, { clauses }) => {
  const q = meiliQueryText(clauses);
  return q.length === 0 ? params : { ...params, q, matchingStrategy: 'all', locales: ['eng'] };
};

/**
 * A query with Chinese in it leaves the pinyin field out. Its terms never need pinyin, and the
 * synonyms setting would otherwise let 塘栖 find its homophones: 塘栖 ↔ `tangqi` is a synonym, and
 * `tangqi` is also the pinyin of 唐奇. (The embedded engine keeps synonyms out of its pinyin column.)
 */
export const addSearchedAttributes: TranslationStep = (params, { clauses }) =>
  clauses.some(([term]) => term?.kind === 'han')
    ? { ...params, attributesToSearchOn: searchableAttributes().filter((name) => name !== PINYIN_ATTRIBUTE) }
    : params;

/** Facets with at least one selected value, in declaration order. */
export function activeFacetKeys(query: SearchQuery): FacetKey[] {
  return FACETS.filter((facet) => (query.filters[facet.key]?.length ?? 0) > 0).map((facet) => facet.key);
}

/** Records visible at `visibleBy` (seconds), or no condition when hidden records may be seen. */
export function visibilityFilter(visibleBy?: number): string[] {
  return visibleBy === undefined ? [] : [`${VISIBLE_FROM_ATTRIBUTE} <= ${integerLiteral(Math.floor(visibleBy))}`];
}

/**
 * The filter in Meilisearch's array form (outer AND, inner OR): one inner list per selected facet,
 * then the year overlap — a record spanning [start, end] overlaps [from, to] when
 * `start <= to AND end >= from`; a record without the year a bound needs is excluded.
 */
export function filterOf(query: SearchQuery, withoutFacet?: FacetKey, visibleBy?: number): Filter | undefined {
  const facets = activeFacetKeys(query)
    .filter((key) => key !== withoutFacet)
    .map((key) => query.filters[key]!.map((value) => equalsFilter(facetAttribute(key), value)));
  const years = [
    ...(query.yearTo === undefined ? [] : [`${START_YEAR} <= ${integerLiteral(query.yearTo)}`]),
    ...(query.yearFrom === undefined ? [] : [`${END_YEAR} >= ${integerLiteral(query.yearFrom)}`]),
  ];
  const filter = [...facets, ...years, ...placeFilters(query), ...visibilityFilter(visibleBy)];
  return filter.length === 0 ? undefined : filter;
}

/**
 * The map box matches envelopes that touch it (so a canal line crossing the box counts, as in
 * the embedded engine); `near` is a radius around the record's point.
 */
function placeFilters({ bbox, near }: SearchQuery): string[] {
  const { south, west, north, east } = ENVELOPE_ATTRIBUTES;
  return [
    ...(bbox
      ? [
          `${south} <= ${decimalLiteral(bbox.north)}`,
          `${north} >= ${decimalLiteral(bbox.south)}`,
          `${west} <= ${decimalLiteral(bbox.east)}`,
          `${east} >= ${decimalLiteral(bbox.west)}`,
        ]
      : []),
    ...(near ? [`_geoRadius(${decimalLiteral(near.lat)}, ${decimalLiteral(near.lon)}, ${Math.round(near.radiusKm * 1000)})`] : []),
  ];
}

export const addFilters: TranslationStep = (params, { query, visibleBy }) => {
  const filter = filterOf(query, undefined, visibleBy);
  return filter === undefined ? params : { ...params, filter };
};

/** Counts for the facets without a selection come with the hits; the others get their own query. */
export const addFacets: TranslationStep = (params, { query }) => {
  const active = activeFacetKeys(query);
  const facets = FACETS.filter((facet) => !active.includes(facet.key)).map((facet) => facetAttribute(facet.key));
  return facets.length === 0 ? params : { ...params, facets };
};

/** `page`/`hitsPerPage` rather than offset/limit: Meilisearch then counts exactly (up to maxTotalHits). */
export const addPaging: TranslationStep = (params, { query }) => ({ ...params, page: query.page, hitsPerPage: query.pageSize });

/** The embedded engine's orders: undated records last for both year sorts, ties by title in the interface language. */
export function sortOf(query: SearchQuery): string[] | undefined {
  const byTitle = `${TITLE_SORT_ATTRIBUTES[query.lang]}:asc`;
  switch (query.sort) {
    case 'relevance':
      return undefined;
    case 'title':
      return [byTitle];
    case 'year_asc':
      return [`${DATED_ATTRIBUTE}:desc`, `${START_YEAR}:asc`, byTitle];
    case 'year_desc':
      return [`${DATED_ATTRIBUTE}:desc`, `${END_YEAR}:desc`, byTitle];
  }
}

export const addSort: TranslationStep = (params, { query }) => {
  const sort = sortOf(query);
  return sort === undefined ? params : { ...params, sort };
};

/** Matches come back between sentinel tags; from-response.ts reads them and never passes Meilisearch's text to a page. */
export const addHighlights: TranslationStep = (params, { clauses }) =>
  clauses.length === 0
    ? params
    : {
        ...params,
        attributesToHighlight: [...HIGHLIGHTED_ATTRIBUTES],
        attributesToCrop: [...CROPPED_ATTRIBUTES],
        cropLength: CROP_WORDS,
        cropMarker: '',
        highlightPreTag: HIGHLIGHT_PRE_TAG,
        highlightPostTag: HIGHLIGHT_POST_TAG,
      };

export const SEARCH_CHAIN: readonly TranslationStep[] = [addText, addSearchedAttributes, addFilters, addFacets, addPaging, addSort, addHighlights];

/** The counts of one selected facet: same text and filters minus its own, no hits. */
export function facetCountParams(translation: Translation, key: FacetKey): SearchParams {
  const filter = filterOf(translation.query, key, translation.visibleBy);
  const text = addSearchedAttributes(addText({}, translation), translation);
  return { ...text, ...(filter === undefined ? {} : { filter }), facets: [facetAttribute(key)], limit: 0 };
}

/** How many records one reading of the query matches (for looser readings, no-dead-ends.ts): no hits, no facets. */
export function readingCountParams(translation: Translation): SearchParams {
  const filter = filterOf(translation.query, undefined, translation.visibleBy);
  const text = addSearchedAttributes(addText({}, translation), translation);
  return { ...text, ...(filter === undefined ? {} : { filter }), limit: 0 };
}

/**
 * The multi-search queries for `query`: hits first, then one per key of `activeFacetKeys(query)`,
 * in that order. A cursor walk puts its counts query between the two.
 */
export function buildSearchRequests(indexUid: string, translation: Translation): MultiSearchQuery[] {
  const hits = SEARCH_CHAIN.reduce<SearchParams>((params, step) => step(params, translation), {});
  const facetQueries = activeFacetKeys(translation.query).map((key) => ({ indexUid, ...facetCountParams(translation, key) }));
  if (!translation.query.cursor) return [{ indexUid, ...hits }, ...facetQueries];
  // A cursor walk: its hits after the position, then the counts of the whole search (cursor-params.ts).
  const plan = walkPlan(translation.query);
  return [{ indexUid, ...walkHitsParams(hits, translation.query, plan) }, { indexUid, ...walkCountsParams(hits) }, ...facetQueries];
}
