/** The worker thread that runs one snapshot task (snapshot-tasks.ts) off the server's event loop. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { runTask, type Task } from './snapshot-tasks.ts';
import { transferablesOf } from './worker-task.ts';

const task = workerData as Task;
const db = new Database(task.catalogFile, { readonly: true, fileMustExist: true });
try {
  const result = runTask(db, task);
  parentPort!.postMessage({ ok: true, result }, transferablesOf(result));
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  db.close();
}
