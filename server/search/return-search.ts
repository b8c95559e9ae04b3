/**
 * The search or collection a visitor opened a record from, carried in the record's URL as
 * `from=<the results' address>` (`/items/x?from=%2Fsearch%3Fq%3D…%26page%3D2`): no session, so
 * every record page stays a plain, cacheable address. Only this site's own search and collection
 * addresses are accepted, as paths: an absolute URL, `//host`, or any other path is ignored (the
 * record is still shown, with the plain way back), so `from` can never send anyone elsewhere.
 */
import { firstValue, parseQueryString, type QueryParams } from '../params/query-params.ts';

export interface ReturnSearch {
  /** `/search` or `/collections/<id>`. */
  path: string;
  /** The collection, when the results were a collection's. */
  collectionId?: string;
  /** Its parameters, for `searchRecords`, without `lang` (the visitor's own) or another `from`. */
  params: QueryParams;
  /** The results' address again, as this site writes it: the way back even when search is down. */
  href: string;
}

/** Longer than any address the site writes (a query is at most 200 characters, 20 values a facet). */
const MAX_FROM_LENGTH = 4000;
/** Only a path is accepted: resolved against this, anything that leaves it is refused. */
const OWN_ORIGIN = 'http://archive.invalid';
const COLLECTION_PATH = /^\/collections\/([^/]+)$/;

/** The `from` of a record page's parameters, or undefined when it is missing or not one of ours. */
export function parseReturnSearch(params: QueryParams): ReturnSearch | undefined {
  const raw = firstValue(params, 'from');
  if (!raw || raw.length > MAX_FROM_LENGTH || !raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return undefined;
  let url: URL;
  try {
    url = new URL(raw, OWN_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== OWN_ORIGIN) return undefined;
  const collection = url.pathname.match(COLLECTION_PATH);
  if (url.pathname !== '/search' && !collection) return undefined;
  const { lang: _lang, from: _from, ...rest } = parseQueryString(url.search.slice(1));
  const searchParams: QueryParams = Object.assign(Object.create(null) as object, rest);
  let collectionId: string | undefined;
  try {
    collectionId = collection ? decodeURIComponent(collection[1]!) : undefined;
  } catch {
    return undefined;
  }
  const search = new URLSearchParams(Object.entries(searchParams).flatMap(([key, values]) => values.map((value) => [key, value]))).toString();
  return { path: url.pathname, ...(collectionId !== undefined && { collectionId }), params: searchParams, href: search ? `${url.pathname}?${search}` : url.pathname };
}

/** `href` (a record's address) carrying `resultsHref` as the way back. */
export function withReturn(href: string, resultsHref: string): string {
  return `${href}?from=${encodeURIComponent(resultsHref)}`;
}
