/**
 * How an API search pages, parsed at the edge: by `page` number (as the site does, up to the
 * 10,000th hit), or — without `page` — as a cursor walk from the start or from `cursor`, which
 * reaches the last result of any search. Both at once is a 400.
 */
import { WALK_START, type SearchCursor, type SearchQuery } from '../../core/search/types.ts';
import { BadRequestError } from '../errors.ts';
import { firstValue, type QueryParams } from '../params/query-params.ts';
import type { SearchView } from '../search/parse-search-view.ts';
import { openCursor } from './cursor-token.ts';

export interface WalkRequest {
  /** The request asked for a page by number. */
  paged: boolean;
  /** The cursor it continues from, as sent. */
  cursor?: string;
  /** For a walk: the engine position to continue after, once the search itself is parsed. */
  continueFrom?: (query: SearchQuery, view: SearchView) => SearchCursor;
}

export function parseWalk(params: QueryParams, engine: string): WalkRequest {
  const cursor = firstValue(params, 'cursor')?.trim();
  const page = firstValue(params, 'page')?.trim();
  if (cursor && page) throw new BadRequestError('api.error.page_and_cursor');
  if (page) return { paged: true };
  return { paged: false, ...(cursor && { cursor }), continueFrom: (query, view) => (cursor ? openCursor(cursor, { engine, query, view }) : WALK_START) };
}
