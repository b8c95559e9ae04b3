import test from 'ava';
import { createPool } from '../../ingest/media/image-pool.ts';

test('the pool never runs more tasks at once than its size, and runs every task', async (t) => {
  const pool = createPool(2);
  let running = 0;
  let highest = 0;
  const releases: (() => void)[] = [];
  const tasks = Array.from({ length: 7 }, (_, index) =>
    pool.run(async () => {
      running++;
      highest = Math.max(highest, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return index;
    }),
  );
  // Release whatever is waiting until every task has finished.
  while (releases.length > 0 || running > 0) {
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()?.();
  }
  t.deepEqual(await Promise.all(tasks), [0, 1, 2, 3, 4, 5, 6]);
  t.is(highest, 2);
});

test('a failing task frees its place in the pool', async (t) => {
  const pool = createPool(1);
  await t.throwsAsync(pool.run(() => Promise.reject(new Error('decoder failed'))), { message: 'decoder failed' });
  t.is(await pool.run(async () => 'next'), 'next');
});

test('a pool size that is not a positive integer is refused', (t) => {
  t.throws(() => createPool(0), { message: 'Expected positive integer for pool size but received 0' });
});
