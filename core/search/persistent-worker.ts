/**
 * A worker thread kept for a stream of tasks, one at a time, in order (an import's batches), each
 * answered with `{ ok: true }` or `{ ok: false, message, code }` (see `answerTasks`). The module
 * is one of the archive's own (`ownModule`), started from its source or its build.
 */
import { parentPort, Worker } from 'node:worker_threads';
import { workerBootstrap } from '../process/own-modules.ts';

/**
 * Changes applied in one go from this many on are an import's batch (an import writes 1,000 at a
 * time; a curator's edit is one): the index and the suggestions take those in worker threads.
 * `ARCHIVE_WORKER_BATCH=Infinity` keeps everything on the calling thread (bench:ingest's baseline).
 */
export const WORKER_BATCH = Number(process.env.ARCHIVE_WORKER_BATCH ?? 500);

/** How long a thread with `idleMs` waits for its first task before it ends. */
const FIRST_TASK_WAIT_MS = 60_000;

type Answer = { ok: true } | { ok: false; message: string; code?: string };

export interface PersistentWorkerOptions {
  /** Ends the thread after this long without a task (it holds a tokenizer's dictionaries: tens of MB). */
  idleMs?: number;
  /** Called once the thread ends or starts closing, for whatever reason, so its owner starts a new one when needed. */
  onExit?: () => void;
}

export class PersistentWorker {
  readonly #worker: Worker;
  readonly #waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  readonly #idleMs: number | undefined;
  readonly #onExit: (() => void) | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  /** Why the thread ended, once it has: later tasks fail at once instead of waiting forever. */
  #ended: Error | undefined;

  constructor(moduleUrl: URL, workerData: unknown, options: PersistentWorkerOptions = {}) {
    this.#idleMs = options.idleMs;
    this.#onExit = options.onExit;
    this.#worker = ownModuleWorker(moduleUrl, workerData);
    this.#worker.on('message', (message: Answer) => {
      const waiting = this.#waiting.shift();
      if (message.ok) waiting?.resolve();
      // The code is what callers tell a full disk or a corrupt catalog by (core/faults).
      else waiting?.reject(Object.assign(new Error(message.message), message.code === undefined ? {} : { code: message.code }));
    });
    this.#worker.on('error', (error) => this.#end(error));
    this.#worker.on('exit', (code) => this.#end(new Error(`worker ended with exit code ${code}`)));
    // An idle worker never keeps the process alive, and one started for tasks that never came ends
    // too — later, as a count of a large file may come before its first task.
    this.#idle(this.#idleMs === undefined ? undefined : Math.max(this.#idleMs, FIRST_TASK_WAIT_MS));
  }

  /** True while tasks sent are not yet answered: a caller keeps its order by sending the next one here too. */
  get busy(): boolean {
    return this.#waiting.length > 0;
  }

  /** Sends one task; resolves when the worker reports it done. */
  run(task: unknown): Promise<void> {
    if (this.#ended) return Promise.reject(this.#ended);
    clearTimeout(this.#idleTimer);
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ resolve: () => resolve(), reject });
      this.#worker.ref();
      this.#worker.postMessage(task);
    }).finally(() => this.#waiting.length === 0 && this.#idle());
  }

  async close(): Promise<void> {
    clearTimeout(this.#idleTimer);
    // Ended from now on: a task sent while it stops would never be answered.
    this.#end(new Error('worker closed'));
    await this.#worker.terminate();
  }

  #idle(idleMs = this.#idleMs): void {
    // A thread that ended, or is being closed, keeps its hold on the process until it is gone: a
    // close rejects the task in hand, and the process must not find its event loop empty (and end
    // with its top-level await unsettled, exit 13) while the thread still finishes a write.
    if (this.#ended) return;
    this.#worker.unref();
    if (idleMs === undefined) return;
    this.#idleTimer = setTimeout(() => void this.close(), idleMs);
    this.#idleTimer.unref();
  }

  #end(error: Error): void {
    if (!this.#ended) {
      this.#ended = error;
      this.#onExit?.();
    }
    for (const waiting of this.#waiting.splice(0)) waiting.reject(error);
  }
}

/** A worker thread running one of the archive's modules (`ownModule`), as source or built. */
function ownModuleWorker(moduleUrl: URL, workerData: unknown): Worker {
  return new Worker(workerBootstrap(moduleUrl), { eval: true, workerData });
}

/** What a worker doing one task answers: its result, or why it failed. */
export type OnceAnswer<T> = { ok: true; result: T } | { ok: false; message: string };

/**
 * Runs a TypeScript worker module that does one task and answers once (`OnceAnswer`); resolves
 * with its result, rejects with its failure, an error, or an exit before it answered (`label`
 * names the worker in those messages).
 */
export function runOnceInWorker<T>(moduleUrl: URL, workerData: unknown, label: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = ownModuleWorker(moduleUrl, workerData);
    let settled = false;
    worker.once('message', (message: OnceAnswer<T>) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(`${label}: ${message.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${label} ended with exit code ${code}`));
    });
  });
}

/**
 * The worker's side: runs `handle` for each task, in order, and answers each with its outcome,
 * keeping an error's code (`SQLITE_FULL`, `ENOSPC` …) so the caller reports it as it would have
 * reported it on its own thread.
 */
export function answerTasks<T>(handle: (task: T) => void): void {
  parentPort!.on('message', (task: T) => {
    let answer: Answer = { ok: true };
    try {
      handle(task);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      answer = { ok: false, message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' && { code }) };
    }
    parentPort!.postMessage(answer);
  });
}
