/** The worker thread that runs one snapshot task (snapshot-tasks.ts) off the server's event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { lowerThreadPriority } from '../../process/lower-thread-priority.ts';
import { runTask, type Task } from './snapshot-tasks.ts';
import { transferablesOf } from './worker-task.ts';

const task = workerData as Task;
// Below the server's own thread, so that visitors' pages get the CPU first (a no-op elsewhere than Linux).
if (task.nice) lowerThreadPriority(task.nice);
const db = new Database(task.catalogFile, { readonly: true, fileMustExist: true });
try {
  const result = runTask(db, task);
  parentPort!.postMessage({ ok: true, result }, transferablesOf(result));
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
