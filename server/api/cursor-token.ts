/**
 * The `cursor` parameter of a cursor walk: an engine's position (`SearchCursor`) sealed for the
 * client as base64url JSON with a version, the engine's name and a fingerprint of the search it
 * belongs to. Opening one checks all three and the shape, so a cursor from another search,
 * another engine or another release, a truncated or edited one, is a clean 400 (the engine then
 * checks that the position fits its order). A cursor holds nothing secret — only where the walk
 * stands in a public result set — so it is validated rather than signed.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { SearchCursor, SearchQuery } from '../../core/search/types.ts';
import { BadRequestError } from '../errors.ts';
import { searchHref } from '../search/search-url.ts';
import type { SearchView } from '../search/parse-search-view.ts';

const VERSION = 1;
/** Longer than any position (a title of 500 Chinese characters and a few numbers, in base64). */
export const MAX_CURSOR_LENGTH = 4096;

const sealedSchema = z.strictObject({
  v: z.literal(VERSION),
  e: z.string().max(40),
  q: z.string().regex(/^[0-9a-f]{16}$/),
  a: z.array(z.union([z.string().max(1000), z.number(), z.null()])).max(8),
});

export interface WalkContext {
  engine: string;
  query: SearchQuery;
  view: SearchView;
}

/**
 * What a cursor is bound to: the search as its URL writes it (text, filters, years, place, sort,
 * page size, view) and its language, which orders titles; not the page or the cursor.
 */
export function searchFingerprint({ query, view }: Pick<WalkContext, 'query' | 'view'>): string {
  const canonical = `${searchHref('', { ...query, page: 1 }, { view })} ${query.lang} ${query.pageSize}`;
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function sealCursor(cursor: SearchCursor, context: WalkContext): string {
  const sealed: z.infer<typeof sealedSchema> = { v: VERSION, e: context.engine, q: searchFingerprint(context), a: [...cursor.after] };
  return Buffer.from(JSON.stringify(sealed)).toString('base64url');
}

/** The position a `cursor` parameter stands for; throws `BadRequestError` when it is not one of this search's. */
export function openCursor(token: string, context: WalkContext): SearchCursor {
  const refuse = () => new BadRequestError('api.error.bad_cursor');
  if (token.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) throw refuse();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  const sealed = sealedSchema.safeParse(decoded);
  if (!sealed.success || sealed.data.e !== context.engine) throw refuse();
  if (sealed.data.q !== searchFingerprint(context)) throw new BadRequestError('api.error.cursor_of_another_search');
  return { after: sealed.data.a };
}
