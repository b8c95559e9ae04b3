/**
 * The threads of one process (an import's main thread and its index and suggestion workers) take
 * turns to write: a thread asking while another holds the turn goes on only once it is given back.
 */
import test from 'ava';
import { inWriteTurn, writeTurnTotals } from '../../core/catalog/write-turns.ts';
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

test.serial('each thread\'s write turns are counted apart, with the time it waited for them and held them; a nested turn counts once', async (t) => {
  const ofThread = (thread: number) => writeTurnTotals().find((totals) => totals.thread === thread) ?? { thread, turns: 0, waitedMs: 0, heldMs: 0 };
  const before = ofThread(0);
  inWriteTurn(() => inWriteTurn(() => undefined));
  const after = ofThread(0);
  t.is(after.turns, before.turns + 1);
  t.true(after.waitedMs >= before.waitedMs && after.heldMs >= before.heldMs);

  const worker = new PersistentWorker(WORKER, {});
  t.teardown(() => worker.close());
  await worker.run({ flags: new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) });
  const others = writeTurnTotals().filter((totals) => totals.thread !== 0);
  t.is(others.length, 1, 'the worker\'s turn is counted under its own thread');
  t.is(others[0]!.turns, 1);
  t.is(ofThread(0).turns, after.turns, 'the main thread\'s count is unchanged');
});
