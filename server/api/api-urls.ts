/**
 * Every absolute URL the JSON API writes, at the archive's public origin (`config.publicOrigin`),
 * never at the Host a request named.
 */
import type { SearchQuery } from '../../core/search/types.ts';
import { collectionHref } from '../present/collection-text.ts';
import { searchHref, type SearchUrlOptions } from '../search/search-url.ts';

export const API_V1 = '/api/v1';

export function recordApiUrl(origin: string, id: string): string {
  return `${origin}${API_V1}/records/${encodeURIComponent(id)}`;
}

export function collectionApiUrl(origin: string, id: string): string {
  return `${origin}${API_V1}/collections/${encodeURIComponent(id)}`;
}

export function collectionPageUrl(origin: string, id: string): string {
  return `${origin}${collectionHref(id)}`;
}


/**
 * `origin` + `path` with the search's own parameters (search-url.ts), then `extra` (a cursor, the
 * language): the same keys a request sends, so every link is an address a client can follow.
 */
export function searchUrl(origin: string, path: string, query: SearchQuery, options: SearchUrlOptions = {}, extra: Record<string, string> = {}): string {
  const href = searchHref(path, query, options);
  const params = new URLSearchParams(extra);
  const tail = params.toString();
  if (!tail) return `${origin}${href}`;
  return `${origin}${href}${href.includes('?') ? '&' : '?'}${tail}`;
}
