/**
 * The one search pipeline behind every output — pages, the JSON API, GeoJSON, exports, IIIF
 * collections: parse the URL parameters → the engine → paging rules → thumbnails → lookups.
 * Public callers see only what the public may see; curators ask with `audience: 'curator'`.
 */
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { MAX_PAGE_SIZE, WALK_START, type SearchCursor, type SearchQuery, type SearchResult } from '../../core/search/types.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { withPublicRelations } from './public-relations.ts';
import { thumbnailsOfRecords } from '../media/present-thumbnail.ts';
import type { ThumbnailView } from '../media/present-thumbnail.ts';
import type { QueryParams } from '../params/query-params.ts';
import { parseSearchQuery } from '../search/parse-search-query.ts';
import { parseSearchView, type SearchView } from '../search/parse-search-view.ts';
import { queryForView, searchLocated } from '../search/search-for-view.ts';
import { atPage } from '../search/search-url.ts';
import type { SiteContext } from '../site-context.ts';

export type Audience = 'public' | 'curator';

export interface SearchRequest {
  params: QueryParams;
  lang: Lang;
  audience?: Audience;
  /** A page that fixes a facet (a collection page): the URL cannot widen or change it. */
  scope?: { collection: string };
  /**
   * A cursor walk (the JSON API): given the parsed search, the engine position to continue after
   * (`WALK_START` to begin); the result then carries `next`. The timeline has no pages to walk.
   */
  continueFrom?: (query: SearchQuery, view: SearchView) => SearchCursor;
}

export interface SearchOutcome {
  /** What the visitor asked for, as links and the canonical URL should carry it. */
  query: SearchQuery;
  view: SearchView;
  result: SearchResult;
  /** Set when the page asked for lies past the last: the page to send the visitor to instead. */
  pastLastPage?: number;
  thumbnails: Map<string, ThumbnailView>;
  lookups: Lookups;
}

/** @throws BadRequestError for parameters the visitor can correct; SearchUnavailableError when the engine is down. */
export async function searchRecords(site: Pick<SiteContext, 'catalog' | 'engine' | 'lookups'>, request: SearchRequest): Promise<SearchOutcome> {
  const view = parseSearchView(request.params);
  const parsed = parseSearchQuery(request.params, request.lang);
  const scoped = request.scope ? { ...parsed, filters: { ...parsed.filters, collection: [request.scope.collection] } } : parsed;
  // The timeline shows the whole result set: it has no pages.
  const query: SearchQuery = { ...(view === 'timeline' ? atPage(scoped, 1) : scoped), ...(request.audience === 'curator' && { includeHidden: true }) };
  const cursor = view === 'timeline' ? undefined : request.continueFrom?.(query, view);
  const result = await site.engine.search(queryForView(cursor ? { ...query, cursor } : query, view));
  const pastLastPage = !cursor && query.page > 1 && query.page > result.pageCount ? Math.max(1, result.pageCount) : undefined;
  return {
    query,
    view,
    result,
    ...(pastLastPage !== undefined && { pastLastPage }),
    thumbnails: thumbnailsOfRecords(site.catalog, result.hits.map((hit) => hit.record), request.lang),
    lookups: site.lookups.current(),
  };
}

/**
 * The located records of a search (its map), page after page of the engine's largest page, up to
 * `maximum`; `result.total` is how many there are in all.
 */
export async function searchLocatedRecords(site: Pick<SiteContext, 'engine'>, request: SearchRequest, maximum: number): Promise<SearchResult> {
  const query = parseSearchQuery(request.params, request.lang);
  return searchLocated(site.engine, { ...query, ...(request.audience === 'curator' && { includeHidden: true }) }, maximum);
}

/** Records per step of a walk: the engine's largest page. */
const WALK_PAGE = MAX_PAGE_SIZE;

/**
 * Every public record of a search, a page at a time, by a cursor walk to its last result (no page cap):
 * what exports stream. The parameters are parsed before the first page is asked for, so a bad
 * one is a 400 before any byte is sent.
 */
export function walkRecords(site: Pick<SiteContext, 'engine' | 'catalog'>, request: Pick<SearchRequest, 'params' | 'lang'>): AsyncGenerator<ArchiveRecord[]> {
  const query: SearchQuery = { ...parseSearchQuery(request.params, request.lang), pageSize: WALK_PAGE };
  return (async function* walk() {
    let cursor: SearchCursor | undefined = WALK_START;
    while (cursor) {
      const result: SearchResult = await site.engine.search({ ...query, cursor });
      const records = result.hits.map((hit) => hit.record);
      // The public never learns a hidden record's id from another record's relations.
      if (records.length > 0) yield withPublicRelations(site.catalog, records);
      cursor = result.next;
    }
  })();
}
