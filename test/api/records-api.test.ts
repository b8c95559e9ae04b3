/**
 * `/api/v1/records/:id`, `/api/v1/collections[/:id]`, the OpenAPI document itself, CORS and
 * content negotiation. The fixture archive has a withdrawn and a deleted record, both related to
 * the full record. Every answer is checked against the OpenAPI document.
 */
import request from 'supertest';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { API_PATHS } from '../../server/api/openapi-document.ts';
import { bceRecordId, chineseOnlyCollectionId, englishOnlyRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { api, appPath, PUBLIC_ORIGIN, withApiSite } from './helpers/api-site.ts';
import { appRoutes, asOpenApiPath } from './helpers/app-routes.ts';

const hiddenId = 'shangtang-river';
const deletedId = 'html-trap';
/** Embargoed long past the test's run: public only from 2099. */
const embargoedId = englishOnlyRecordId;
const curator = { actor: 'cli:curator' };

const test = withApiSite(async (site) => {
  site.catalog.setVisibility([hiddenId], HIDDEN, curator);
  site.catalog.setVisibility([embargoedId], { state: 'embargoed', until: '2099-01-01T00:00:00Z' }, curator);
  site.catalog.deleteRecords([deletedId], { reason: 'a test record', ...curator });
  await syncIndex(site.catalog, site.engine);
});

test('a record answers its published fields in both languages, its collections, history and statements', async (t) => {
  const response = await api(t, `/api/v1/records/${fullRecordId}`);
  t.is(response.status, 200);
  const body = response.body;
  t.like(body.record, { id: fullRecordId, title: { 'zh-Hans': '广济桥', en: 'Guangji Bridge' } });
  t.is(body.links.html, `${PUBLIC_ORIGIN}/items/${fullRecordId}`);
  t.true(body.collections.some((collection: { id: string }) => collection.id === 'grand-canal'));
  const title = body.metadata.find((statement: { dc?: string }) => statement.dc === 'title');
  t.deepEqual(title.label, { 'zh-Hans': '题名', en: 'Title' });
  t.deepEqual(title.values, [{ value: '广济桥', language: 'zh-Hans' }, { value: 'Guangji Bridge', language: 'en' }]);
  t.true(body.history.versions >= 1);
});

test('a related record that is hidden or deleted is never named', async (t) => {
  const body = (await api(t, `/api/v1/records/${fullRecordId}`)).body;
  const text = JSON.stringify(body);
  t.false(text.includes(hiddenId), 'the hidden record');
  t.false(text.includes(deletedId), 'the deleted record');
  for (const related of body.related) t.is((await api(t, appPath(related.links.api))).status, 200, related.id);
});

test('a BCE record keeps its years as negative integers', async (t) => {
  const body = (await api(t, `/api/v1/records/${bceRecordId}`)).body;
  t.like(body.record, { start_year: -3300, end_year: -2300 });
  const years = body.metadata.find((statement: { dc?: string; fields: string[] }) => statement.fields.includes('start_year'));
  t.deepEqual(years.values.map((value: { language: string }) => value.language), ['zh-Hans', 'en']);
});

test('a hidden or embargoed record is a 404 like an unknown id; a deleted one a 410 with when it was deleted', async (t) => {
  const unknown = await api(t, '/api/v1/records/never-was-here');
  t.is(unknown.status, 404);
  for (const id of [hiddenId, embargoedId]) {
    const response = await api(t, `/api/v1/records/${id}`);
    t.is(response.status, 404, id);
    t.deepEqual({ ...response.body, instance: '' }, { ...unknown.body, instance: '' }, `nothing tells ${id} apart from an unknown id`);
  }
  const search = await api(t, `/api/v1/search?q=${encodeURIComponent('English-only record')}&per_page=100`);
  t.false(search.text.includes(embargoedId), 'nor does a search name the embargoed record');
  const gone = await api(t, `/api/v1/records/${deletedId}`, { 'Accept-Language': 'zh' });
  t.is(gone.status, 410);
  t.like(gone.body, { status: 410, code: 'site.error.record_gone', title: '记录已删除', language: 'zh-Hans' });
  t.regex(gone.body.deleted_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  t.is(gone.body.i18n.en.title, 'Record deleted');
  t.false(JSON.stringify(gone.body).includes('a test record'), 'the curator\'s reason stays internal');
});

test('ids no record could have are 404 problems, never 500s', async (t) => {
  for (const id of ['..%2f..%2fetc%2fpasswd', 'a'.repeat(5000), encodeURIComponent('塘栖 古镇'), '%E0%A4%A', encodeURIComponent('<script>')]) {
    const response = await api(t, `/api/v1/records/${id}`);
    t.true([400, 404].includes(response.status), `${id.slice(0, 30)} → ${response.status}`);
    t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
  }
});

test('the collections list every collection with both titles, counts and links', async (t) => {
  const body = (await api(t, '/api/v1/collections')).body;
  const ids = body.collections.map((collection: { id: string }) => collection.id);
  t.true(ids.includes('grand-canal') && ids.includes(chineseOnlyCollectionId));
  const chineseOnly = body.collections.find((collection: { id: string }) => collection.id === chineseOnlyCollectionId);
  t.deepEqual(Object.keys(chineseOnly.title), ['zh-Hans'], 'a title in one language only is not invented in the other');
  t.true(chineseOnly.record_count > 0);
  const records = await api(t, appPath(chineseOnly.links.records));
  t.is(records.body.total, chineseOnly.record_count, 'its records link finds as many as it counts');
});

test('a collection answers itself and a search of its records that the collection parameter cannot widen', async (t) => {
  const response = await api(t, `/api/v1/collections/${chineseOnlyCollectionId}?collection=grand-canal&per_page=20`);
  t.is(response.status, 200);
  const body = response.body;
  t.is(body.collection.id, chineseOnlyCollectionId);
  t.is(body.total, body.collection.record_count);
  t.deepEqual(body.query.filters.collection, [chineseOnlyCollectionId]);
  if (body.links.next) t.false(body.links.next.includes('collection='), 'the fixed collection is in the path, not the query');
  t.is((await api(t, '/api/v1/collections/no-such-collection')).status, 404);
});

test('every /api route of the app is in the OpenAPI document, and every documented path is a route', async (t) => {
  const routes = appRoutes(t.context.app).filter((route) => route.path.startsWith('/api/'));
  t.true(routes.length >= API_PATHS.length);
  for (const route of routes) {
    t.is(route.method, 'GET', `${route.path} is read-only`);
    t.true(API_PATHS.includes(asOpenApiPath(route.path)), `${route.method} ${route.path} is not documented`);
  }
  for (const path of API_PATHS) t.true(routes.some((route) => asOpenApiPath(route.path) === path), `${path} is documented but not routed`);
});

test('the OpenAPI document describes every facet, sort and page size the search parser declares', async (t) => {
  const document = (await api(t, '/api/v1/openapi.json')).body;
  t.is(document.openapi, '3.1.0');
  t.deepEqual(document.servers, [{ url: PUBLIC_ORIGIN }]);
  const parameters = document.paths['/api/v1/search'].get.parameters as { name: string; schema: { enum?: string[]; examples?: number[] } }[];
  const byName = new Map(parameters.map((parameter) => [parameter.name, parameter]));
  const { FACET_KEYS } = await import('../../core/schema/facets.ts');
  const { SORTS } = await import('../../core/search/types.ts');
  const { PAGE_SIZES } = await import('../../server/search/parse-search-query.ts');
  for (const key of FACET_KEYS) t.true(byName.has(key), key);
  t.deepEqual(byName.get('sort')!.schema.enum, [...SORTS]);
  t.deepEqual(byName.get('per_page')!.schema.examples, [...PAGE_SIZES]);
  t.truthy(document.components.schemas.Record.properties.title, 'the record schema comes from the record declaration');
});

test('CORS is open for GET, and a preflight is answered without a body', async (t) => {
  const get = await api(t, '/api/v1/collections', { Origin: 'https://researcher.example' });
  t.is(get.headers['access-control-allow-origin'], '*');
  t.regex(String(get.headers['access-control-expose-headers']), /Link/);
  const preflight = await request(t.context.app)
    .options('/api/v1/search')
    .set({ Origin: 'https://researcher.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept-language' });
  t.is(preflight.status, 204);
  t.is(preflight.headers['access-control-allow-origin'], '*');
  t.regex(String(preflight.headers['access-control-allow-methods']), /GET/);
  t.false(/POST|PUT|DELETE/.test(String(preflight.headers['access-control-allow-methods'])));
  t.is(preflight.text, '');
  const page = await request(t.context.app).get('/search').set('Origin', 'https://researcher.example');
  t.is(page.headers['access-control-allow-origin'], undefined, 'pages are not opened to other origins');
});

test('an Accept header asking for a format the API does not have is a 406 problem document', async (t) => {
  for (const [url, accept] of [
    ['/api/v1/search', 'application/xml'],
    ['/api/v1/records/guangji-bridge', 'text/csv'],
    ['/api/v1/collections', 'image/png'],
    ['/api/search.geojson', 'application/xml'],
    ['/api/suggest?q=a', 'text/html'],
  ] as const) {
    const response = await api(t, url, { Accept: accept, 'Accept-Language': 'zh' });
    t.is(response.status, 406, `${url} ${accept}`);
    t.is(response.body.code, 'api.error.not_acceptable');
    t.regex(response.body.detail, /application\/(geo\+)?json/);
  }
  for (const accept of ['application/json', '*/*', 'application/*', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']) {
    t.is((await api(t, '/api/v1/collections', { Accept: accept })).status, 200, accept);
  }
});

test('a write method at an API address is a 405 problem document naming GET and HEAD; at no address a 404', async (t) => {
  const app = request(t.context.app);
  for (const [method, url] of [
    ['post', '/api/v1/search?q=x'],
    ['put', `/api/v1/records/${fullRecordId}`],
    ['delete', `/api/v1/records/${fullRecordId}`],
    ['patch', '/api/v1/collections/grand-canal'],
    ['post', '/api/suggest'],
  ] as const) {
    const response = await app[method](url).set('Accept-Language', 'zh').send({ title_zh: '改' });
    t.is(response.status, 405, `${method} ${url}`);
    t.is(response.headers.allow, 'GET, HEAD');
    t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
    t.like(response.body, { status: 405, code: 'api.error.method_not_allowed', title: '不接受这种请求方法', language: 'zh-Hans' });
    t.regex(response.body.i18n.en.detail, new RegExp(`does not take ${method.toUpperCase()}`));
    t.context.openApi.checkProblem(t, response.body);
  }
  t.is((await api(t, `/api/v1/records/${fullRecordId}`)).status, 200, 'the record is unchanged and still read');
  t.is((await app.post('/api/v1/nothing-here')).status, 404);
});

test('an unknown /api address is a 404 problem document in the request\'s language', async (t) => {
  const response = await request(t.context.app).get('/api/v1/nothing-here').set('Accept-Language', 'zh');
  t.is(response.status, 404);
  t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
  t.like(response.body, { status: 404, title: '找不到页面', language: 'zh-Hans', code: 'site.error.not_found' });
  t.is(response.body.i18n.en.detail, 'There is no page at this address.');
});
