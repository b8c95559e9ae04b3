/**
 * Whether the catalog file is whole, for `/health`. Counting records is not enough: a damaged
 * page is found only when something reads it, and this process's page cache may never do so (it
 * trusts pages it read before another program overwrote them). So the file's shape is checked
 * on every call (100 bytes, core/faults/check-catalog-file.ts), and SQLite's `quick_check` runs
 * on a fresh read-only connection in a worker thread, off the event loop: started with the server,
 * then refreshed in the background when the file has changed, at most one check at a time and
 * spaced by ten times the last check's duration (so it costs at most a tenth of a core). Nobody
 * waits for it: a million records take 13–40 s to check, and a monitor asking meanwhile is told
 * the check is still running (`pending`), with the shape of the file checked.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CatalogFileError } from '../../core/faults/catalog-file-error.ts';
import { checkCatalogFile } from '../../core/faults/check-catalog-file.ts';
import { BACKGROUND_NICE } from '../../core/process/lower-thread-priority.ts';

export interface CatalogCondition {
  ok: boolean;
  /** What is wrong, in English (for monitors and logs). */
  problem?: string;
  /** True while the first check of the file's pages has not finished (only its shape is known good). */
  pending?: boolean;
}

const MIN_SPACING_MS = 1_000;
const MAX_AGE_MS = 10 * 60_000;
const SHOWN_PROBLEMS = 5;

// CommonJS run in the worker: one read-only connection, one quick_check, the answer, done. On Linux
// setpriority(tid) lowers this thread alone, BACKGROUND_NICE steps below the server's (at most 19),
// as core/process/lower-thread-priority.ts does; elsewhere it keeps the server's priority.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const os = require('node:os');
  const thread = Number(require('node:path').basename(require('node:fs').readlinkSync('/proc/thread-self')));
  os.setPriority(thread, Math.min(19, os.getPriority(thread) + ${BACKGROUND_NICE}));
} catch {}
const Database = require(workerData.driver);
let answer;
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('quick_check(${SHOWN_PROBLEMS})').map((row) => row.quick_check);
    answer = rows.length === 1 && rows[0] === 'ok' ? { ok: true } : { ok: false, problem: rows.join('; ') };
  } finally {
    db.close();
  }
} catch (error) {
  answer = { ok: false, problem: String(error && error.message || error) };
}
parentPort.postMessage(answer);
`;

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

interface CheckResult extends CatalogCondition {
  finishedAt: number;
  durationMs: number;
  /** The file's size and modification time when the check started. */
  stamp: string;
}

export class CatalogCheck {
  readonly #file: string;
  #last: CheckResult | undefined;
  #running: Promise<CheckResult> | undefined;

  /** Starts the first check of the pages at once (the server's start), so that it is done by the time anyone asks. */
  constructor(file: string) {
    this.#file = file;
    void this.#check();
  }

  /** The file's condition as last checked; never waits for a check of its pages. */
  condition(): CatalogCondition {
    try {
      checkCatalogFile(this.#file);
    } catch (error) {
      if (error instanceof CatalogFileError) return { ok: false, problem: error.message };
      throw error;
    }
    const last = this.#last;
    if (!last) return { ok: true, pending: true };
    if (this.#isDue(last)) void this.#check();
    return last.ok ? { ok: true } : { ok: false, problem: last.problem ?? 'quick_check failed' };
  }

  /** Resolves once a check of the pages that is running now (if any) has finished. */
  async settled(): Promise<void> {
    await this.#running;
  }

  #isDue(last: CheckResult): boolean {
    if (this.#running) return false;
    const age = Date.now() - last.finishedAt;
    if (age >= MAX_AGE_MS) return true;
    return age >= Math.max(MIN_SPACING_MS, 10 * last.durationMs) && stampOf(this.#file) !== last.stamp;
  }

  #check(): Promise<CheckResult> {
    this.#running ??= runCheck(this.#file).then((result) => {
      this.#last = result;
      this.#running = undefined;
      return result;
    });
    return this.#running;
  }
}

function runCheck(file: string): Promise<CheckResult> {
  const started = Date.now();
  const stamp = stampOf(file);
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver: DRIVER } });
    const finish = (condition: CatalogCondition) => resolve({ ...condition, finishedAt: Date.now(), durationMs: Date.now() - started, stamp });
    worker.once('message', finish);
    worker.once('error', (error) => finish({ ok: false, problem: error.message }));
    // A health check must never keep the server from shutting down.
    worker.unref();
  });
}

function stampOf(file: string): string {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.size}:${info.mtimeMs}` : 'missing';
}
