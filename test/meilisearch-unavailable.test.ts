/**
 * The Meilisearch engine when no Meilisearch answers. Nothing here imitates Meilisearch: a closed
 * port refuses the connection, and a socket that accepts and never replies stands for a hung server.
 */
import test, { type ExecutionContext } from 'ava';
import net, { type AddressInfo } from 'node:net';
import { MeiliUnavailableError } from '../core/search/meilisearch/engine-errors.ts';
import { MeilisearchEngine } from '../core/search/meilisearch/meilisearch-engine.ts';
import { SearchUnavailableError } from '../core/search/types.ts';
import { query } from './helpers/temp-archive.ts';

const REQUEST_TIMEOUT_MS = 300;

async function listen(t: ExecutionContext, onConnection: (socket: net.Socket) => void = () => {}): Promise<{ host: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => {
    for (const socket of sockets) socket.destroy();
    server.close();
  });
  return { host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const engineAt = (host: string) =>
  new MeilisearchEngine({ host, index: 'records', searchKey: 'search-key', timeouts: { searchRequestMs: REQUEST_TIMEOUT_MS, writeRequestMs: REQUEST_TIMEOUT_MS } });

test('a search while Meilisearch is down fails at once with SearchUnavailableError', async (t) => {
  const engine = engineAt(await closedPort());
  const error = await t.throwsAsync(engine.search(query({ text: '塘栖' })), { instanceOf: SearchUnavailableError });
  t.is((error as MeiliUnavailableError).messageKey, 'search.meili.unreachable');
  t.regex(error.message, /ECONNREFUSED/);
});

test('a search against a server that never answers fails after the request timeout instead of hanging', async (t) => {
  const { host } = await listen(t);
  const engine = engineAt(host);
  const started = Date.now();
  const error = await t.throwsAsync(engine.search(query()), { instanceOf: SearchUnavailableError });
  const elapsed = Date.now() - started;
  t.is((error as MeiliUnavailableError).messageKey, 'search.meili.timeout');
  t.true(elapsed >= REQUEST_TIMEOUT_MS - 50 && elapsed < REQUEST_TIMEOUT_MS + 2000, `took ${elapsed} ms`);
});

test('the health check reports the problem instead of throwing', async (t) => {
  const health = await engineAt(await closedPort()).ping();
  t.false(health.ok);
  t.regex(health.detail ?? '', /^cannot reach Meilisearch at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/);
});

test('every call makes its own connection, so the engine needs no restart once the server is back', async (t) => {
  const { host, connections } = await listen(t);
  const engine = engineAt(host);
  await t.throwsAsync(engine.search(query()), { instanceOf: SearchUnavailableError });
  const afterFirst = connections();
  t.true(afterFirst >= 1);
  await t.throwsAsync(engine.search(query()), { instanceOf: SearchUnavailableError });
  t.true(connections() > afterFirst, 'the second search connected again');
});

test('a write while Meilisearch is down fails, so the catalog keeps the change queued', async (t) => {
  const engine = engineAt(await closedPort());
  const stored = { seq: 1, record: { id: 'guangji-bridge', title_zh: '广济桥' }, modified: '2024-01-01T00:00:00Z', visibility: { state: 'public' as const } };
  await t.throwsAsync(engine.apply([stored], []), { instanceOf: SearchUnavailableError });
  await t.throwsAsync(engine.apply([], ['guangji-bridge']), { instanceOf: SearchUnavailableError });
});
