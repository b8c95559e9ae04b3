import test from 'ava';
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type Task } from 'meilisearch';
import { loadConfig } from '../core/config.ts';
import { translate } from '../core/i18n/translate.ts';
import { checkMeiliConfig, isLocalHost } from '../core/search/meilisearch/check-config.ts';
import { assertTaskSucceeded, MeiliUnavailableError, MeiliWriteError, toEngineError } from '../core/search/meilisearch/engine-errors.ts';
import { SearchUnavailableError } from '../core/search/types.ts';

const context = { host: 'http://meili.internal:7700', index: 'records' };

const apiError = (status: number, code: string, message = `${code} happened`) =>
  new MeilisearchApiError(new Response(null, { status }), { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });

test('a refused connection is "search unavailable", naming the host and the network error', (t) => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
  const error = toEngineError(new MeilisearchRequestError('http://meili.internal:7700/multi-search', refused), context);
  t.true(error instanceof SearchUnavailableError);
  t.like(error as MeiliUnavailableError, { messageKey: 'search.meili.unreachable', params: { host: context.host, detail: 'ECONNREFUSED' } });
  t.is((error as Error).message, 'cannot reach Meilisearch at http://meili.internal:7700: ECONNREFUSED');
});

test('a request past its timeout is "search unavailable" with the timeout', (t) => {
  const timedOut = new MeilisearchRequestTimeOutError(5000, { headers: { Authorization: 'Bearer secret' } });
  const error = toEngineError(new MeilisearchRequestError('http://meili.internal:7700/multi-search', timedOut), context);
  t.true(error instanceof SearchUnavailableError);
  t.like(error as MeiliUnavailableError, { messageKey: 'search.meili.timeout', params: { ms: 5000 } });
  t.false((error as Error).message.includes('secret'));
});

test('a missing index, a refused key and a server error are "search unavailable"; a bad request is not disguised', (t) => {
  t.like(toEngineError(apiError(404, 'index_not_found'), context) as MeiliUnavailableError, { messageKey: 'search.meili.index_missing', params: { index: 'records' } });
  t.like(toEngineError(apiError(403, 'invalid_api_key'), context) as MeiliUnavailableError, { messageKey: 'search.meili.key_rejected', params: { code: 'invalid_api_key' } });
  t.like(toEngineError(apiError(401, 'missing_authorization_header'), context) as MeiliUnavailableError, { messageKey: 'search.meili.key_rejected' });
  t.like(toEngineError(apiError(500, 'internal'), context) as MeiliUnavailableError, { messageKey: 'search.meili.server_error' });
  t.like(toEngineError(new SyntaxError('Unexpected token < in JSON'), context) as MeiliUnavailableError, { messageKey: 'search.meili.server_error' });
  const badFilter = apiError(400, 'invalid_search_filter');
  t.is(toEngineError(badFilter, context), badFilter);
  t.false(toEngineError(badFilter, context) instanceof SearchUnavailableError);
});

test('the unavailable messages exist in Chinese and English', (t) => {
  t.is(translate('zh', 'search.meili.index_missing', { index: 'records' }), 'Meilisearch 中还没有索引 “records”；请运行 npm run reindex -- --engine meilisearch');
  t.is(translate('en', 'search.meili.timeout', { host: 'http://h', ms: 5000 }), 'Meilisearch at http://h did not answer within 5,000 ms');
});

const task = (overrides: Partial<Task>): Task =>
  ({ uid: 42, indexUid: 'records', status: 'succeeded', type: 'documentAdditionOrUpdate', enqueuedAt: '', batchUid: 1, canceledBy: null, error: null, duration: null, startedAt: null, finishedAt: null, ...overrides }) as Task;

test('a task that failed or was canceled throws, naming the task and Meilisearch\'s reason', (t) => {
  t.notThrows(() => assertTaskSucceeded(task({})));
  const failed = task({ status: 'failed', error: { code: 'invalid_document_id', message: 'Document identifier `a b` is invalid.', type: 'invalid_request', link: '' } });
  const error = t.throws(() => assertTaskSucceeded(failed), { instanceOf: MeiliWriteError });
  t.is(error.message, 'Meilisearch task 42 (documentAdditionOrUpdate) failed: invalid_document_id: Document identifier `a b` is invalid.');
  t.is(error.task, failed);
  t.throws(() => assertTaskSucceeded(task({ status: 'canceled' })), { instanceOf: MeiliWriteError });
});

test('a failure that leaves things as wanted can be tolerated, and only that one', (t) => {
  const exists = task({ status: 'failed', type: 'indexCreation', error: { code: 'index_already_exists', message: 'exists', type: 'invalid_request', link: '' } });
  t.notThrows(() => assertTaskSucceeded(exists, ['index_already_exists']));
  t.throws(() => assertTaskSucceeded(exists, ['index_not_found']), { instanceOf: MeiliWriteError });
});

const meiliConfig = (env: Record<string, string>) => loadConfig({ ARCHIVE_DATA_DIR: '/tmp/archive-config-test', ...env });
const keysOf = (problems: ReturnType<typeof checkMeiliConfig>) => problems.map((problem) => `${problem.severity} ${problem.key}`);

test('the embedded engine has nothing to check', (t) => {
  t.deepEqual(checkMeiliConfig(meiliConfig({}), 'server'), []);
});

test('the web server refuses to search with the admin key, or with the admin key given as the search key', (t) => {
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_API_KEY: 'admin' }), 'server')), ['error search.config.search_key_missing']);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_API_KEY: 'same', MEILI_SEARCH_KEY: 'same' }), 'server')), [
    'error search.config.same_key',
  ]);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_SEARCH_KEY: 'search' }), 'server')), []);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_SEARCH_KEY: 'search', MEILI_API_KEY: 'admin' }), 'server')), [
    'warning search.config.server_has_admin_key',
  ]);
});

test('ingest and reindex need the admin key to write', (t) => {
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_SEARCH_KEY: 'search' }), 'admin')), ['error search.config.admin_key_missing']);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'https://search.example.org', MEILI_API_KEY: 'admin' }), 'admin')), []);
});

test('no key at all is refused for another machine and only warned about on this one', (t) => {
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'http://10.0.0.5:7700' }), 'server')), ['error search.config.no_key_remote']);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'http://127.0.0.1:7700' }), 'admin')), ['warning search.config.no_key_local']);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'http://localhost:7700' }), 'server')), ['warning search.config.no_key_local']);
});

test('keys sent over plain http to another machine are warned about', (t) => {
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'http://meili.internal:7700', MEILI_SEARCH_KEY: 'search' }), 'server')), ['warning search.config.plain_http_remote']);
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_SEARCH_KEY: 'search' }), 'server')), []);
});

test('choosing Meilisearch without a host is refused', (t) => {
  t.deepEqual(keysOf(checkMeiliConfig(meiliConfig({ ARCHIVE_ENGINE: 'meilisearch' }), 'server')), ['error search.config.host_missing']);
});

test('this machine means loopback names and addresses only', (t) => {
  for (const host of ['http://localhost:7700', 'http://127.0.0.1:7700', 'http://127.8.0.1', 'http://[::1]:7700', 'http://meili.localhost']) t.true(isLocalHost(host), host);
  for (const host of ['http://10.0.0.5:7700', 'https://search.example.org', 'http://localhost.example.org', 'http://0.0.0.0:7700']) t.false(isLocalHost(host), host);
});
