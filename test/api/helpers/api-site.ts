/**
 * The fixture site served at a public origin of its own, with its OpenAPI document loaded, and
 * `api` for a GET whose answer is always checked against that document (openapi-check.ts).
 */
import test, { type ExecutionContext, type TestFn } from 'ava';
import request from 'supertest';
import { openFixtureSite, type FixtureSite } from '../../site/helpers/fixture-site.ts';
import { openApiCheck, type OpenApiCheck } from './openapi-check.ts';

/** Not the address the tests reach the app at: every URL in an answer must start with it. */
export const PUBLIC_ORIGIN = 'https://heritage.example.org/archive';

export interface ApiSite extends FixtureSite {
  openApi: OpenApiCheck;
}

export type ApiTest = TestFn<ApiSite>;

/**
 * The test file's site, opened before its tests (after `prepare` changes its catalog as a
 * curator would) and closed after them.
 */
export function withApiSite(prepare?: (site: FixtureSite) => Promise<void>): ApiTest {
  const typed = test as ApiTest;
  typed.before(async (t) => {
    const site = await openFixtureSite(undefined, { ARCHIVE_PUBLIC_URL: PUBLIC_ORIGIN });
    await prepare?.(site);
    const document = await request(site.app).get('/api/v1/openapi.json');
    if (document.status !== 200) throw new Error(`the OpenAPI document answered ${document.status}`);
    t.context = { ...site, openApi: openApiCheck(document.body) };
  });
  typed.after.always(async (t) => {
    await t.context.close();
  });
  return typed;
}

/** GET `url` from the site's API (in English unless told), checked against the OpenAPI document. */
export async function api(t: ExecutionContext<ApiSite>, url: string, headers: Record<string, string> = {}): Promise<request.Response> {
  const response = await request(t.context.app).get(url).set({ 'Accept-Language': 'en', ...headers });
  t.context.openApi.check(t, url, response);
  return response;
}

/** The URL of `link` for a request to the app: its path and query, without the public origin. */
export function appPath(link: string): string {
  if (!link.startsWith(PUBLIC_ORIGIN)) throw new Error(`${link} is not at the public origin`);
  return link.slice(PUBLIC_ORIGIN.length);
}
