/**
 * The threads of one process (an import's main thread and its index and suggestion workers) take
 * turns to write: a thread asking while another holds the turn goes on only once it is given back.
 */
import test from 'ava';
import { inWriteTurn } from '../../core/catalog/write-turns.ts';
import { PersistentWorker } from '../../core/search/persistent-worker.ts';

const WORKER = new URL('../fixtures/workers/write-turn-worker.ts', import.meta.url);
const HOLDING = 1;
const GIVEN_BACK = 2;

test('a worker thread asking for the write turn while the main thread holds it writes only after the main thread gives it back', async (t) => {
  const worker = new PersistentWorker(WORKER, {});
  t.teardown(() => worker.close());
  await worker.run({});
  // [0]: what the main thread is doing; [1]: what it was doing when the worker got its turn.
  const flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  let answered: Promise<void> | undefined;
  inWriteTurn(() => {
    Atomics.store(flags, 0, HOLDING);
    answered = worker.run({ flags });
    // The worker has this long to take the turn it must not get.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    t.is(Atomics.load(flags, 1), 0, 'the worker wrote while the main thread held the turn');
    Atomics.store(flags, 0, GIVEN_BACK);
  });
  await answered;
  t.is(Atomics.load(flags, 1), GIVEN_BACK);
});

test('a write turn taken again inside itself (a nested transaction) joins the outer one', (t) => {
  t.is(
    inWriteTurn(() => inWriteTurn(() => 'inner')),
    'inner',
  );
});
