/**
 * URL query strings, read one way everywhere. Express 5 is told to use `parseQueryString` (see
 * app.ts), so `req.query` is always a flat map of string keys to arrays of strings: `?f[x][y]=1`
 * is the key `f[x][y]`, never a nested object, and `?type=a&type=b` keeps both values in order.
 * Only the parsers in server/params and server/search read it, through `queryParams`.
 */
import type { Request } from 'express';

export type QueryParams = Readonly<Record<string, readonly string[]>>;

/**
 * Parses a raw query string. Malformed percent-escapes are kept as literal text (URLSearchParams
 * never throws), and the result has no prototype, so a `__proto__` key is just a key.
 */
export function parseQueryString(raw: string): QueryParams {
  const params: Record<string, string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(raw)) (params[key] ??= []).push(value);
  return params;
}

/** The request's query as parsed by `parseQueryString`; for parsers only, never for routes. */
export function queryParams(req: Request): QueryParams {
  return req.query as unknown as QueryParams;
}

/**
 * The first value of a scalar parameter. Repeated scalars (`?q=a&q=b`, `?page=1&page=2`) are
 * not an error: a form never sends them, so the first value wins and the page's links and
 * canonical URL then carry only that one, which shows the visitor what was applied.
 */
export function firstValue(params: QueryParams, key: string): string | undefined {
  return params[key]?.[0];
}
