/** Runs one snapshot task in a worker thread of its own and resolves with its result. */
import { ownModule } from '../../process/own-modules.ts';
import { runOnceInWorker } from '../persistent-worker.ts';
import { oneAtATime } from './one-at-a-time.ts';
import type { Task, TaskKind, TaskResults } from './snapshot-tasks.ts';

const WORKER = ownModule('./snapshot-worker.ts', import.meta.url);

/**
 * The process's snapshot tasks run one after another. Each worker holds its own copy of the modules
 * (~70 MB) and what its task reads (the orders of 1M records: ~370 MB at their peak); a reload, the
 * orders and the vocabulary at once held all of it together. Waiting costs only freshness: searches
 * keep answering from the state they have meanwhile.
 */
const queue = oneAtATime();

export function runInWorker<K extends TaskKind>(task: Task<K>): Promise<TaskResults[K]> {
  return queue(() => startWorker(task));
}

/**
 * The posting lists' reads queue apart from the others: one takes tens of seconds at a million
 * records and nothing waits for it (FTS5 answers meanwhile), while a sorted page waits for its order.
 */
const asideQueue = oneAtATime();

export function runAside<K extends TaskKind>(task: Task<K>): Promise<TaskResults[K]> {
  return asideQueue(() => startWorker(task));
}

function startWorker<K extends TaskKind>(task: Task<K>): Promise<TaskResults[K]> {
  return runOnceInWorker(WORKER, task, `search snapshot worker (${task.kind})`);
}

/** The buffers of a result's typed arrays, moved to the receiving thread rather than copied. */
export function transferablesOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) transferablesOf(item, found);
  return [...found];
}
