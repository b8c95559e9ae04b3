/**
 * The only reader of Meilisearch's search responses: multi-search results → the common
 * `SearchResult` shape. Highlights are made by highlight.ts from the record's own text, as in the
 * embedded engine; Meilisearch's `_formatted` text is only read for which words it marked
 * between the sentinel tags (typo-tolerant matches the query terms alone would miss), never shown.
 */
import type { FacetDistribution, Hit, MultiSearchResult } from 'meilisearch';
import { FACETS, type FacetKey } from '../../schema/facets.ts';
import { toSearchForm } from '../han-variants/fold-han-variants.ts';
import { highlightsOf } from '../highlight.ts';
import { termsOf, type QueryTerm } from '../tokenizer.ts';
import { InvalidCursorError, type FacetCounts, type FacetValueCount, type SearchHit, type SearchResult } from '../types.ts';
import { nextCursor, walkPlan } from './cursor-params.ts';
import { facetAttribute, fromDocument } from './document.ts';
import { LISTED_FACET_VALUES, MAX_TOTAL_HITS } from './index-settings.ts';
import { activeFacetKeys, HIGHLIGHT_POST_TAG, HIGHLIGHT_PRE_TAG, HIGHLIGHTED_ATTRIBUTES, type Translation } from './search-params.ts';

const MARKED = new RegExp(`${HIGHLIGHT_PRE_TAG}([^${HIGHLIGHT_PRE_TAG}${HIGHLIGHT_POST_TAG}]+)${HIGHLIGHT_POST_TAG}`, 'gu');
const HAN = /\p{Script=Han}/u;

type Response = Pick<MultiSearchResult<Record<string, unknown>>, 'hits' | 'totalHits' | 'facetDistribution'>;

/**
 * @param responses in the order `buildSearchRequests` made the queries: hits first, then one per
 *   selected facet.
 */
export function fromMeiliResponses({ query, clauses }: Translation, responses: readonly Response[]): SearchResult {
  // Every term, synonyms included, is marked, as in the embedded engine.
  const terms = termsOf(clauses);
  // A cursor walk's counts come from its own query, after the hits query (buildSearchRequests).
  const walking = query.cursor !== undefined;
  const [first, ...rest] = responses;
  const main = walking ? rest[0] : first;
  const facetResponses = walking ? rest.slice(1) : rest;
  if (!first || !main) throw new Error('Meilisearch returned no results for the hits query');
  const active = activeFacetKeys(query);
  const distributionOf = (key: FacetKey): FacetDistribution | undefined =>
    active.includes(key) ? facetResponses[active.indexOf(key)]?.facetDistribution : main.facetDistribution;
  const total = main.totalHits ?? 0;
  const plan = walking ? walkPlan(query) : undefined;
  if (plan?.mode === 'offset' && plan.offset > 0 && total >= MAX_TOTAL_HITS) {
    throw new InvalidCursorError('the results grew past what Meilisearch ranks since the walk began: start it again');
  }
  const next = plan && nextCursor(query, plan, first.hits);
  return {
    hits: (walking ? first.hits.slice(0, query.pageSize) : first.hits).map((hit) => hitOf(hit, terms)),
    total,
    // Meilisearch stops counting at maxTotalHits: a total that reached it may be larger.
    totalIsExact: total < MAX_TOTAL_HITS,
    page: query.page,
    pageSize: query.pageSize,
    pageCount: Math.ceil(total / query.pageSize),
    facets: FACETS.map((facet) => facetCounts(facet.key, distributionOf(facet.key)?.[facetAttribute(facet.key)] ?? {}, query.filters[facet.key] ?? [])),
    ...(next && { next }),
  };
}

/** How many records a counts-only query (`limit: 0`) matched. */
export function countOf(response: Pick<MultiSearchResult<Record<string, unknown>>, 'totalHits' | 'estimatedTotalHits'>): number {
  return response.totalHits ?? response.estimatedTotalHits ?? 0;
}

/** Most frequent first (ties by value); selected values are always listed, with 0 when nothing has them. */
export function facetCounts(key: FacetKey, counts: Readonly<Record<string, number>>, selected: readonly string[]): FacetCounts {
  const chosen = new Set(selected);
  const values: FacetValueCount[] = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count, selected: chosen.has(value) }));
  for (const value of chosen) {
    if (!Object.hasOwn(counts, value)) values.push({ value, count: 0, selected: true });
  }
  values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { key, values: values.filter((entry, rank) => rank < LISTED_FACET_VALUES || entry.selected) };
}

/** The words Meilisearch marked in one `_formatted` value. */
export function markedWords(formatted: unknown): string[] {
  if (typeof formatted !== 'string') return [];
  return [...formatted.matchAll(MARKED)].map((match) => match[1]!.trim()).filter((word) => word.length > 0);
}

/** The query's terms plus whatever else Meilisearch matched in this hit (a typo, a synonym). */
export function highlightTerms(hit: Hit<Record<string, unknown>>, terms: readonly QueryTerm[]): QueryTerm[] {
  const formatted = hit._formatted ?? {};
  const words = HIGHLIGHTED_ATTRIBUTES.flatMap((name) => markedWords(formatted[name]));
  const extra = words.map((word): QueryTerm => {
    const text = word.normalize('NFKC').toLowerCase();
    return HAN.test(text) ? { kind: 'han', text: toSearchForm(text) } : { kind: 'latin', text };
  });
  const byKey = new Map([...terms, ...extra].map((term) => [`${term.kind}:${term.text}`, term]));
  return [...byKey.values()];
}

function hitOf(hit: Hit<Record<string, unknown>>, terms: readonly QueryTerm[]): SearchHit {
  const record = fromDocument(hit);
  const marks = terms.length > 0 ? highlightTerms(hit, terms) : [];
  return { record, highlights: highlightsOf(record, marks) };
}
