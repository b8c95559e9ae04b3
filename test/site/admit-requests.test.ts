/**
 * Requests are let in one per turn of the event loop, so a connection made while the server is
 * busy is taken in before the next waiting request runs; a request whose client gave up while the
 * server was held by a long task is dropped, not answered: answering every abandoned copy is how a
 * server falls behind for good. The clients run in a worker thread (their own event loop) and the
 * long tasks wait for the client's signal, so the order of events is fixed without any clock.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import test from 'ava';
import express from 'express';
import { admitRequests } from '../../server/middleware/admit-requests.ts';

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
  app.use(admitRequests(() => skipped++));
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

// CommonJS in the worker: three connections (a, b, c) answered once, so the server holds them; then
// /hold on c, and while the server is inside it, /first on a and /second on b, so both wait together;
// while the server is inside /first, a new connection d is made (the kernel completes it, the server
// has yet to take it in).
const TURN_CLIENT = `
const net = require('node:net');
const { parentPort, workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData.signal);
const connect = () => new Promise((resolve) => { const socket = net.connect(workerData.port, '127.0.0.1', () => resolve(socket)); });
const ask = (socket, path) => new Promise((resolve) => {
  let text = '';
  const onData = (chunk) => { text += chunk; if (text.endsWith('.')) { socket.off('data', onData); resolve(text); } };
  socket.on('data', onData);
  socket.write('GET ' + path + ' HTTP/1.1\\r\\nHost: test\\r\\n\\r\\n');
});
const when = (index) => Promise.resolve(Atomics.waitAsync(signal, index, 0).value);
const tell = (index) => { Atomics.store(signal, index, 1); Atomics.notify(signal, index); };
(async () => {
  const [a, b, c] = await Promise.all([connect(), connect(), connect()]);
  await Promise.all([a, b, c].map((socket) => ask(socket, '/page?n=warm')));
  const held = ask(c, '/hold');
  await when(1);
  const answers = Promise.all([ask(a, '/first'), ask(b, '/second')]);
  await new Promise((resolve) => b.write('', resolve));
  tell(0);
  await when(2);
  await connect();
  tell(3);
  await held;
  parentPort.postMessage(await answers);
})();
`;

test('a connection made while a request runs is taken in before the next waiting request begins', async (t) => {
  const signal = new Int32Array(new SharedArrayBuffer(16));
  let connections = 0;
  let connectionsAtSecond = -1;
  const app = express();
  app.use(admitRequests());
  app.get('/page', (_req, res) => res.send('page.'));
  // Holds the event loop until /first and /second have both been sent.
  app.get('/hold', (_req, res) => {
    Atomics.store(signal, 1, 1);
    Atomics.notify(signal, 1);
    Atomics.wait(signal, 0, 0);
    res.send('held.');
  });
  // Holds the event loop until the client's new connection is made.
  app.get('/first', (_req, res) => {
    Atomics.store(signal, 2, 1);
    Atomics.notify(signal, 2);
    Atomics.wait(signal, 3, 0);
    res.send('first.');
  });
  app.get('/second', (_req, res) => {
    connectionsAtSecond = connections;
    res.send('second.');
  });
  const server = app.listen(0, '127.0.0.1');
  server.on('connection', () => connections++);
  await once(server, 'listening');
  t.teardown(() => server.closeAllConnections());
  t.teardown(() => server.close());
  const client = new Worker(TURN_CLIENT, { eval: true, workerData: { port: (server.address() as AddressInfo).port, signal: signal.buffer } });
  const [answers] = (await once(client, 'message')) as [string[]];
  await client.terminate();
  t.true(answers[0]!.endsWith('first.') && answers[1]!.endsWith('second.'));
  t.is(connectionsAtSecond, 4, 'the fourth connection was taken in between /first and /second');
});
