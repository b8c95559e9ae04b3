/**
 * The inverse of parse-search-query.ts: a `SearchQuery` written back as a URL, with the same keys,
 * so every state of a search (and every link that changes it) is a plain shareable address.
 * Defaults are left out (`sort=relevance`, `page=1`, `per_page=20`, `view=list`) and the language never goes in:
 * it is the visitor's, remembered in a cookie.
 */
import { FACETS, type FacetKey } from '../../core/schema/facets.ts';
import { DEFAULT_PAGE_SIZE, type SearchQuery } from '../../core/search/types.ts';
import { PAGE_SIZES } from './parse-search-query.ts';
import type { SearchView } from './parse-search-view.ts';

export interface SearchUrlOptions {
  /** Facets fixed by the page itself (a collection page's collection), never written. */
  fixed?: readonly FacetKey[];
  /** The view the links stay in; `list` (the default) is not written. */
  view?: SearchView;
}

/** `path?q=…&type=…&year_from=…&bbox=…&near=…&sort=…&page=…&per_page=…&view=…` for `query`. */
export function searchHref(path: string, query: SearchQuery, options: SearchUrlOptions = {}): string {
  const params = new URLSearchParams();
  if (query.text) params.append('q', query.text);
  for (const facet of FACETS) {
    if (options.fixed?.includes(facet.key)) continue;
    for (const value of query.filters[facet.key] ?? []) params.append(facet.key, value);
  }
  if (query.yearFrom !== undefined) params.append('year_from', String(query.yearFrom));
  if (query.yearTo !== undefined) params.append('year_to', String(query.yearTo));
  if (query.bbox) params.append('bbox', [query.bbox.south, query.bbox.west, query.bbox.north, query.bbox.east].join(','));
  if (query.near) params.append('near', [query.near.lat, query.near.lon, query.near.radiusKm].join(','));
  if (query.sort !== 'relevance') params.append('sort', query.sort);
  if (query.page > 1) params.append('page', String(query.page));
  // Only a visitor's choice is written: an engine-only size (the timeline's 1) is no address.
  if (query.pageSize !== DEFAULT_PAGE_SIZE && (PAGE_SIZES as readonly number[]).includes(query.pageSize)) params.append('per_page', String(query.pageSize));
  if (options.view && options.view !== 'list') params.append('view', options.view);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The same search with `value` added to or removed from the facet `key`, from page 1. */
export function toggleFilter(query: SearchQuery, key: FacetKey, value: string): SearchQuery {
  const current = query.filters[key] ?? [];
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...query.filters, [key]: values };
  if (values.length === 0) delete filters[key];
  return { ...query, filters, page: 1 };
}

/** The same search with `value` as the facet's only value, from page 1. */
export function withOnlyValue(query: SearchQuery, key: FacetKey, value: string): SearchQuery {
  return { ...query, filters: { ...query.filters, [key]: [value] }, page: 1 };
}

/** The same search with none of the facet's values, from page 1. */
export function withoutFacet(query: SearchQuery, key: FacetKey): SearchQuery {
  const { [key]: _dropped, ...filters } = query.filters;
  return { ...query, filters, page: 1 };
}

export function withoutBbox(query: SearchQuery): SearchQuery {
  const { bbox: _bbox, ...rest } = query;
  return { ...rest, page: 1 };
}

export function withoutNear(query: SearchQuery): SearchQuery {
  const { near: _near, ...rest } = query;
  return { ...rest, page: 1 };
}

export function withoutYears(query: SearchQuery): SearchQuery {
  const { yearFrom: _from, yearTo: _to, ...rest } = query;
  return { ...rest, page: 1 };
}

export function withoutText(query: SearchQuery): SearchQuery {
  return { ...query, text: '', page: 1 };
}

/** Only the text: every filter, the year range and the map area removed. */
export function withoutFilters(query: SearchQuery): SearchQuery {
  return { ...withoutNear(withoutBbox(withoutYears(query))), filters: {} };
}

export function atPage(query: SearchQuery, page: number): SearchQuery {
  return { ...query, page };
}
