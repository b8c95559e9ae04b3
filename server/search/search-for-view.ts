/**
 * What each view asks the engine. The list asks for the page of hits; the timeline only for the
 * facet counts (its periods); the map for the records that have a place, which a box around the
 * whole globe selects in both engines (a record without a place has no envelope to touch it).
 */
import type { Envelope } from '../../core/schema/geometry.ts';
import { MAX_PAGE_SIZE, type SearchEngine, type SearchQuery, type SearchResult } from '../../core/search/types.ts';
import type { SearchView } from './parse-search-view.ts';

export const WHOLE_GLOBE: Envelope = Object.freeze({ south: -90, west: -180, north: 90, east: 180 });

/** The engine query behind `view` of the visitor's `query` (whose URL stays as it was). */
export function queryForView(query: SearchQuery, view: SearchView): SearchQuery {
  switch (view) {
    case 'list':
      return query;
    case 'timeline':
      return { ...query, page: 1, pageSize: 1 };
    case 'map':
      return onlyLocated(query);
  }
}

/** `query` narrowed to records with a place (its own map area, if it has one, already does that). */
export function onlyLocated(query: SearchQuery): SearchQuery {
  return query.bbox ? query : { ...query, bbox: WHOLE_GLOBE };
}

/**
 * The located records of `query`, page after page of the engine's largest page, up to `maximum`;
 * the result's `total` is how many there are in all.
 */
export async function searchLocated(engine: SearchEngine, query: SearchQuery, maximum: number): Promise<SearchResult> {
  const located = { ...onlyLocated(query), pageSize: MAX_PAGE_SIZE };
  const first = await engine.search({ ...located, page: 1 });
  const hits = [...first.hits];
  for (let page = 2; page <= first.pageCount && hits.length < maximum; page++) {
    hits.push(...(await engine.search({ ...located, page })).hits);
  }
  return { ...first, hits: hits.slice(0, maximum) };
}
