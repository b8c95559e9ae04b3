/**
 * `/api/v1/search` on the fixture archive: the search page's parameters and refusals, bilingual
 * records and facets, and cursor walks that follow `Link: rel="next"` to the last result. Every
 * answer is checked against the OpenAPI document.
 */
import LinkHeader from 'http-link-header';
import request from 'supertest';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { fixtureRecordCount, fullRecordId, hostileRecordId, tangqiBuildingCount } from '../fixtures/site/index.ts';
import { totalOf } from '../site/helpers/html.ts';
import { api, appPath, PUBLIC_ORIGIN, withApiSite, type ApiSite } from './helpers/api-site.ts';
import type { ExecutionContext } from 'ava';

const hiddenId = 'shangtang-river';
const test = withApiSite(async (site) => {
  site.catalog.setVisibility([hiddenId], HIDDEN, { actor: 'cli:curator' });
  await syncIndex(site.catalog, site.engine);
});

interface Body {
  total: number;
  page?: number;
  per_page: number;
  hits: { id: string; record: Record<string, unknown>; highlights: Record<string, Record<string, string>>; links: Record<string, string> }[];
  facets: { key: string; label: Record<string, string>; values: { value: string; label: Record<string, string>; count: number; selected: boolean }[] }[];
  links: { self: string; next?: string; html: string };
  query: Record<string, unknown>;
}

const nextOf = (response: request.Response) => LinkHeader.parse(String(response.headers.link ?? '')).rel('next')[0]?.uri;

/** Every hit of a walk from `url`, following the Link headers, and the pages' sizes. */
async function walk(t: ExecutionContext<ApiSite>, url: string): Promise<{ ids: string[]; pages: number[] }> {
  const ids: string[] = [];
  const pages: number[] = [];
  for (let next: string | undefined = url; next && pages.length < 100; ) {
    const response = await api(t, next);
    t.is(response.status, 200);
    const body = response.body as Body;
    ids.push(...body.hits.map((hit) => hit.id));
    pages.push(body.hits.length);
    t.is(body.links.next, nextOf(response), 'the body and the Link header agree');
    next = nextOf(response) && appPath(nextOf(response)!);
  }
  return { ids, pages };
}

test('a search answers the same hits and total as the search page, with records in both languages', async (t) => {
  const response = await api(t, `/api/v1/search?q=${encodeURIComponent('塘栖')}&type=building`);
  t.is(response.status, 200);
  t.regex(response.headers['content-type'] ?? '', /^application\/json/);
  const body = response.body as Body;
  t.is(body.total, tangqiBuildingCount);
  const page = await request(t.context.app).get(`/search?q=${encodeURIComponent('塘栖')}&type=building`).set('Accept-Language', 'en');
  t.is(totalOf(page.text), body.total);
  t.is(body.hits.length, 20);
  t.deepEqual(body.query.filters, { type: ['building'] });
  t.true(body.hits.every((hit) => (hit.record.type as { key: string }).key === 'building'));
  const facet = body.facets.find((entry) => entry.key === 'type')!;
  t.deepEqual(facet.label, { 'zh-Hans': '类型', en: 'Type' });
  t.like(facet.values.find((value) => value.value === 'building'), { label: { 'zh-Hans': '建筑', en: 'Building' }, selected: true, count: tangqiBuildingCount });
});

test('bilingual fields are language maps and highlights mark the match in the language it is in', async (t) => {
  const body = (await api(t, '/api/v1/search?q=guangji')).body as Body;
  const hit = body.hits.find((candidate) => candidate.id === fullRecordId)!;
  t.like(hit.record, { id: fullRecordId, title: { 'zh-Hans': '广济桥', en: 'Guangji Bridge' }, type: { key: 'bridge', label: { 'zh-Hans': '桥梁', en: 'Bridge' } } });
  t.regex(hit.highlights.title!.en!, /<mark>Guangji<\/mark>/);
  t.is(hit.links.html, `${PUBLIC_ORIGIN}/items/${fullRecordId}`);
  t.is(hit.links.api, `${PUBLIC_ORIGIN}/api/v1/records/${fullRecordId}`);
  t.false('images' in hit.record, 'import paths of photographs stay inside');
});

test('markup in records stays text in the JSON, escaped where it is HTML', async (t) => {
  const response = await api(t, `/api/v1/search?q=${encodeURIComponent('脚本')}`);
  t.false(/<script/i.test(response.text), 'the raw answer holds no markup');
  const hit = (response.body as Body).hits.find((candidate) => candidate.id === hostileRecordId)!;
  t.is((hit.record.title as Record<string, string>)['zh-Hans'], '脚本<script>alert(1)</script>测试');
  t.regex(hit.highlights.title!['zh-Hans']!, /&lt;script&gt;/);
});

test('a cursor walk follows Link rel="next" to the last record, each record exactly once', async (t) => {
  const { ids, pages } = await walk(t, '/api/v1/search?per_page=20&sort=title');
  const expected = fixtureRecordCount - 1; // one record is hidden
  t.is(ids.length, expected);
  t.is(new Set(ids).size, expected);
  t.false(ids.includes(hiddenId));
  t.deepEqual(pages, [20, expected - 20]);
  for (const sort of ['relevance', 'year_asc', 'year_desc']) {
    const filtered = await walk(t, `/api/v1/search?q=${encodeURIComponent('塘栖')}&sort=${sort}&per_page=20`);
    t.is(filtered.ids.length, new Set(filtered.ids).size, sort);
    t.is(filtered.ids.length, ((await api(t, `/api/v1/search?q=${encodeURIComponent('塘栖')}&per_page=100&page=1`)).body as Body).total, sort);
  }
});

test('every link is at the public origin, whatever Host the request names', async (t) => {
  const response = await api(t, '/api/v1/search?per_page=20', { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example' });
  t.false(response.text.includes('evil.example'));
  const body = response.body as Body;
  for (const link of [body.links.self, body.links.next!, body.links.html, ...body.hits.flatMap((hit) => Object.values(hit.links))]) {
    t.true(link.startsWith(`${PUBLIC_ORIGIN}/`), link);
  }
  t.true(String(response.headers.link).startsWith(`<${PUBLIC_ORIGIN}/api/v1/search?`));
  t.regex(String(response.headers.link), /^<[^>]+>; rel="next"$/);
});

test('a page by number answers that page with a next page link, as the site pages', async (t) => {
  const body = (await api(t, '/api/v1/search?page=2&per_page=20')).body as Body;
  t.is(body.page, 2);
  t.is(body.hits.length, fixtureRecordCount - 1 - 20);
  t.is(body.links.next, undefined, 'the last page has no next');
  const first = await api(t, '/api/v1/search?page=1&per_page=20');
  t.is(appPath(nextOf(first)!), '/api/v1/search?page=2&lang=en');
  const past = (await api(t, '/api/v1/search?page=1e9')).body as Body;
  t.deepEqual(past.hits, [], 'a page past the last is empty, not an error');
});

test('the search page\'s bad parameters are the same 400s, as bilingual problem documents', async (t) => {
  for (const [params, code] of [
    ['year_from=MCMXC', 'site.error.bad_year'],
    ['sort=price', 'site.error.bad_sort'],
    ['rights=x', 'site.error.not_filterable'],
    ['bbox=1,2,3', 'site.error.bad_bbox'],
    ['view=gallery', 'site.error.bad_view'],
    ['page=abc', 'site.error.bad_page'],
    ['per_page=lots', 'browse.error.bad_per_page'],
    [`q=${'塘'.repeat(201)}`, 'site.error.text_too_long'],
    ['has_image=maybe', 'site.error.unknown_value'],
    ['year_from=1900&year_to=1800', 'site.error.year_range_reversed'],
  ] as const) {
    const response = await api(t, `/api/v1/search?${params}`, { 'Accept-Language': 'zh' });
    t.is(response.status, 400, params);
    t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
    t.like(response.body, { status: 400, code, language: 'zh-Hans', type: 'about:blank', title: '请求有误' }, params);
    t.is(response.headers['content-language'], 'zh-Hans');
    t.is(response.body.detail, response.body.i18n['zh-Hans'].detail);
    t.true(response.body.i18n.en.detail.length > 0 && response.body.i18n.en.detail !== response.body.detail);
    t.true(String(response.body.instance).startsWith('/api/v1/search?'));
  }
});

test('a huge page size snaps to the largest choice instead of failing', async (t) => {
  const body = (await api(t, '/api/v1/search?per_page=100000')).body as Body;
  t.is(body.per_page, 100);
  t.is(body.query.per_page, 100);
  t.is(body.hits.length, fixtureRecordCount - 1);
});

test('a forged, truncated or foreign cursor is a 400 problem, never a 500', async (t) => {
  const first = await api(t, '/api/v1/search?per_page=20&sort=year_asc');
  const cursor = new URL(nextOf(first)!).searchParams.get('cursor')!;
  const forged = Buffer.from(JSON.stringify({ v: 1, e: 'embedded', q: '0123456789abcdef', a: [1] })).toString('base64url');
  const wrongShape = Buffer.from(JSON.stringify({ v: 1, e: 'embedded', q: JSON.parse(Buffer.from(cursor, 'base64url').toString()).q, a: ['x', 'y'] })).toString('base64url');
  for (const [bad, code] of [
    ['not-a-cursor', 'api.error.bad_cursor'],
    [cursor.slice(0, -5), 'api.error.bad_cursor'],
    ['%00%FF', 'api.error.bad_cursor'],
    ['A'.repeat(5000), 'api.error.bad_cursor'],
    [forged, 'api.error.cursor_of_another_search'],
    [wrongShape, 'api.error.bad_cursor'],
  ] as const) {
    const response = await api(t, `/api/v1/search?per_page=20&sort=year_asc&cursor=${bad}`);
    t.is(response.status, 400, bad.slice(0, 40));
    t.is(response.body.code, code, bad.slice(0, 40));
  }
  // The same cursor with another search, sort or language: it belongs to the first one only.
  for (const other of ['per_page=20&sort=title', 'per_page=50&sort=year_asc', 'per_page=20&sort=year_asc&type=bridge', 'per_page=20&sort=year_asc&lang=zh']) {
    const response = await api(t, `/api/v1/search?${other}&cursor=${cursor}`);
    t.is(response.status, 400, other);
    t.is(response.body.code, 'api.error.cursor_of_another_search', other);
  }
  const both = await api(t, `/api/v1/search?per_page=20&sort=year_asc&page=2&cursor=${cursor}`);
  t.is(both.body.code, 'api.error.page_and_cursor');
});

test('a hidden record is absent from hits, totals and facet counts', async (t) => {
  const body = (await api(t, '/api/v1/search?q=shangtang')).body as Body;
  t.false(body.hits.some((hit) => hit.id === hiddenId));
  const everything = (await api(t, '/api/v1/search?per_page=100')).body as Body;
  t.is(everything.total, fixtureRecordCount - 1);
  t.false(JSON.stringify(everything).includes(`"${hiddenId}"`), 'not even as a related record');
});

test('the located records of a search are GeoJSON, and its errors problem documents', async (t) => {
  const map = await api(t, '/api/search.geojson?q=guangji');
  t.is(map.status, 200);
  t.regex(map.headers['content-type'] ?? '', /^application\/geo\+json/);
  t.true((map.body as { features: unknown[] }).features.length > 0);
  const bad = await api(t, '/api/search.geojson?bbox=1,2,3');
  t.is(bad.status, 400);
  t.is(bad.body.code, 'site.error.bad_bbox');
  const suggestions = await api(t, '/api/suggest?q=guangji');
  t.is(suggestions.status, 200);
});
