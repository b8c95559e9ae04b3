/**
 * Where a record stands in the results a visitor opened it from: its position, and the records
 * before and after it, across page boundaries. Built on `searchRecords`, so the results are
 * exactly the ones the visitor saw (same parsing, scope, visibility and view).
 */
import type { Lang } from '../../core/i18n/translate.ts';
import { SearchUnavailableError, type SearchHit, type SearchQuery } from '../../core/search/types.ts';
import { BadRequestError } from '../errors.ts';
import type { QueryParams } from '../params/query-params.ts';
import type { SearchView } from '../search/parse-search-view.ts';
import type { ReturnSearch } from '../search/return-search.ts';
import type { SiteContext } from '../site-context.ts';
import { searchRecords } from './search-records.ts';

export interface Neighbour {
  hit: SearchHit;
  /** The results' page it is listed on. */
  page: number;
}

export interface SearchPlace {
  query: SearchQuery;
  view: SearchView;
  /** Set when the record is among the results of the page it was opened from. */
  position?: { index: number; total: number; exact: boolean; previous?: Neighbour; next?: Neighbour };
}

/**
 * The search `from` describes, and the record's place in it; undefined when that search cannot be
 * run (parameters the visitor edited into nonsense, a collection that is gone, search down): the
 * record page then shows the plain way back, never an error.
 */
export async function locateInSearch(site: Pick<SiteContext, 'catalog' | 'engine' | 'lookups' | 'logger'>, from: ReturnSearch, recordId: string, lang: Lang): Promise<SearchPlace | undefined> {
  const collectionId = from.collectionId;
  if (collectionId !== undefined && !site.lookups.current().collectionById.has(collectionId)) return undefined;
  const scope = collectionId === undefined ? {} : { scope: { collection: collectionId } };
  const search = (params: QueryParams) => searchRecords(site, { params, lang, ...scope });
  try {
    const found = await search(from.params);
    const { query, view, result } = found;
    // The timeline lists periods, not records: there is no order to step through.
    if (view === 'timeline') return { query, view };
    const at = result.hits.findIndex((hit) => hit.record.id === recordId);
    if (at === -1) return { query, view };
    const onPage = async (page: number, pick: 'first' | 'last'): Promise<Neighbour | undefined> => {
      const hits = (await search({ ...from.params, page: [String(page)] })).result.hits;
      const hit = pick === 'first' ? hits[0] : hits.at(-1);
      return hit && { hit, page };
    };
    const before = result.hits[at - 1];
    const after = result.hits[at + 1];
    const previous = before ? { hit: before, page: result.page } : result.page > 1 ? await onPage(result.page - 1, 'last') : undefined;
    const next = after ? { hit: after, page: result.page } : result.page < result.pageCount ? await onPage(result.page + 1, 'first') : undefined;
    return {
      query,
      view,
      position: { index: (result.page - 1) * result.pageSize + at + 1, total: result.total, exact: result.totalIsExact, ...(previous && { previous }), ...(next && { next }) },
    };
  } catch (error) {
    if (error instanceof BadRequestError) return undefined;
    if (error instanceof SearchUnavailableError) {
      site.logger.warn({ err: error, recordId }, 'search unavailable: record page shown without its place in the results');
      return undefined;
    }
    throw error;
  }
}
