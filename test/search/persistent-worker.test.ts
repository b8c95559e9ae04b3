/**
 * The worker threads an import's batches are indexed in: tasks run in order, a failure reaches the
 * caller with its code (how a full disk is told from a bug), and a thread that has ended never
 * leaves a task waiting.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { PersistentWorker } from '../../core/search/persistent-worker.ts';

const TASK_WORKER = new URL('../fixtures/workers/task-worker.ts', import.meta.url);

test('tasks run one after another in the order sent, and a failure keeps its message and its code', async (t) => {
  const worker = new PersistentWorker(TASK_WORKER, {});
  t.teardown(() => worker.close());
  const done = await Promise.all([worker.run({ n: 1 }), worker.run({ n: 2 }), worker.run({ n: 3 })]);
  t.deepEqual(done, [undefined, undefined, undefined]);
  const error = await t.throwsAsync(worker.run({ n: 4, fail: 'SQLITE_FULL' }));
  t.is(error?.message, 'task 4 failed after 1,2,3,4');
  t.is((error as Error & { code?: string }).code, 'SQLITE_FULL');
  t.false(worker.busy);
});

test('a task sent to a closed thread fails at once, and its owner is told the thread ended', async (t) => {
  let ended = 0;
  const worker = new PersistentWorker(TASK_WORKER, {}, { onExit: () => ended++ });
  await worker.run({ n: 1 });
  await worker.close();
  await t.throwsAsync(worker.run({ n: 2 }), { message: 'worker closed' });
  t.is(ended, 1);
});

test('a thread left idle ends by itself and tells its owner, so the next import starts a new one', async (t) => {
  let ended!: () => void;
  const exited = new Promise<void>((resolve) => (ended = resolve));
  const worker = new PersistentWorker(TASK_WORKER, {}, { idleMs: 20, onExit: () => ended() });
  await worker.run({ n: 1 });
  // The idle timer and the idle thread never keep a process alive (by design): this does, meanwhile.
  const keepAlive = setInterval(() => undefined, 1000);
  t.teardown(() => clearInterval(keepAlive));
  await exited;
  await t.throwsAsync(worker.run({ n: 2 }), { message: 'worker closed' });
});

test('a command that closes a thread busy with a task waits for the thread to end, and the task in hand fails as closed', (t) => {
  // In a process of its own: a process whose event loop empties while the thread still ends would stop at once, its work unfinished (exit 13).
  const script = fileURLToPath(new URL('../fixtures/workers/close-while-busy.ts', import.meta.url));
  t.is(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' }).trim(), 'closed; the task in hand: worker closed');
});
