/** Snapshot tasks run one at a time (core/search/embedded/one-at-a-time.ts): a job starts only once the one before it settled. */
import test from 'ava';
import { oneAtATime } from '../../core/search/embedded/one-at-a-time.ts';

/** Lets every pending promise reaction run (one turn of the event loop; no clock involved). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A job whose start is recorded and whose end the test decides. */
function heldJob(started: string[], name: string) {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => ((finish = resolve), (fail = reject)));
  return { run: () => (started.push(name), done), finish: () => finish(name), fail: () => fail(new Error(`${name} failed`)) };
}

test('a job given while another runs starts only once that one has settled, even when it failed, and in the order given', async (t) => {
  const queue = oneAtATime();
  const started: string[] = [];
  const [reload, orders, vocabulary] = ['reload', 'orders', 'vocabulary'].map((name) => heldJob(started, name));
  const results = [queue(reload!.run), queue(orders!.run), queue(vocabulary!.run)];
  await settle();
  t.deepEqual(started, ['reload']);
  reload!.fail();
  await t.throwsAsync(results[0]!, { message: 'reload failed' });
  await settle();
  t.deepEqual(started, ['reload', 'orders']);
  orders!.finish();
  t.is(await results[1], 'orders');
  await settle();
  t.deepEqual(started, ['reload', 'orders', 'vocabulary']);
  vocabulary!.finish();
  t.is(await results[2], 'vocabulary');
});
