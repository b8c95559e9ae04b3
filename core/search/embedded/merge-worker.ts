/** The worker thread that merges the FTS5 index's segments (merge-segments.ts) off the caller's event loop, niced. */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { lowerThreadPriority } from '../../process/lower-thread-priority.ts';
import type { OnceAnswer } from '../persistent-worker.ts';
import { mergeSegments } from './merge-segments.ts';

const { file, nice } = workerData as { file: string; nice: number };
// Below the thread that started it: visitors' pages and an import's next batch get the CPU first.
lowerThreadPriority(nice);
const db = new Database(file, { fileMustExist: true });
// A step waits for a writer's batch rather than failing; the writer waits at most one step.
db.pragma('busy_timeout = 60000');
try {
  parentPort!.postMessage({ ok: true, result: mergeSegments(db) } satisfies OnceAnswer<number>);
} catch (error) {
  parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies OnceAnswer<number>);
} finally {
  db.close();
}
