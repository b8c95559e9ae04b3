/**
 * A request whose client gave up while the server was held by a long task is dropped, not
 * answered: answering every abandoned copy is how a server falls behind for good. The client runs
 * in a worker thread (its own event loop) and the long task waits for the client's signal, so the
 * order of events is fixed without any clock.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import test from 'ava';
import express from 'express';
import { skipAbandonedRequests } from '../../server/middleware/skip-abandoned-requests.ts';

// CommonJS in the worker: ask for /block, and once the server is inside it, send a request and close the
// connection at once (the client gives up), let the server go on, then ask again on a new connection.
const CLIENT = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData.signal);
const ask = (path, onAnswer) => {
  const socket = net.connect(workerData.port, '127.0.0.1', () => socket.write('GET ' + path + ' HTTP/1.1\\r\\nHost: test\\r\\nConnection: close\\r\\n\\r\\n'));
  let text = '';
  socket.on('data', (chunk) => (text += chunk));
  socket.on('end', () => onAnswer(text));
  return socket;
};
ask('/block', () => ask('/page?n=kept', (text) => parentPort.postMessage(text)));
const inside = Atomics.waitAsync(signal, 1, 0);
Promise.resolve(inside.value).then(() => {
  const abandoned = net.connect(workerData.port, '127.0.0.1', () => {
    abandoned.end('GET /page?n=abandoned HTTP/1.1\\r\\nHost: test\\r\\n\\r\\n', () => {
      Atomics.store(signal, 0, 1);
      Atomics.notify(signal, 0);
    });
  });
});
`;

test('a request whose connection closed while the server was busy is never handled, and the next one is', async (t) => {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const handled: string[] = [];
  let skipped = 0;
  const app = express();
  // The long task: holds the event loop until the client has sent its request and closed its connection.
  app.get('/block', (_req, res) => {
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 1);
    Atomics.wait(signal, 0, 0);
    res.send('done');
  });
  app.use(skipAbandonedRequests(() => skipped++));
  app.get('/page', (req, res) => {
    handled.push(String(req.query.n));
    res.send(`page ${String(req.query.n)}`);
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.teardown(() => server.close());
  const client = new Worker(CLIENT, { eval: true, workerData: { port: (server.address() as AddressInfo).port, signal: signal.buffer } });
  const [answer] = (await once(client, 'message')) as [string];
  await client.terminate();
  t.regex(answer, /^HTTP\/1\.1 200 OK/);
  t.true(answer.endsWith('page kept'));
  t.deepEqual(handled, ['kept']);
  t.is(skipped, 1);
});
