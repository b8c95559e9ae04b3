/**
 * The import worker's queue: every dry run and import started in the browser
 * is a job here, run by one worker at a time (ingest/jobs/), surviving the request that made it
 * and the browser closing. The worker writes its progress here; pages read it. A job whose
 * worker died (kill -9, a crash, a restart) is marked `interrupted` — never left `running`.
 */
import type Database from 'better-sqlite3';
import { currentProcess, isAlive, parseIdentity } from './process-identity.ts';

export type JobKind = 'dry_run' | 'import';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';

export interface JobProgress {
  /** What the worker is doing: `reading`, `rows`, `images`, `indexing`, `report`. */
  phase: string;
  file?: string;
  done: number;
  total: number;
  images?: { done: number; total: number };
  /** Rows per second so far. */
  rate?: number;
}

export interface ImportJob<Spec = Record<string, unknown>, Result = Record<string, unknown>> {
  id: number;
  uploadId?: number;
  kind: JobKind;
  status: JobStatus;
  createdAt: string;
  createdBy: string;
  startedAt?: string;
  finishedAt?: string;
  spec: Spec;
  progress?: JobProgress;
  cancelRequested: boolean;
  importId?: number;
  /** The report's base name in the reports folder. */
  report?: string;
  result?: Result;
}

interface JobRow {
  id: number;
  upload_id: number | null;
  kind: JobKind;
  status: JobStatus;
  created_at: string;
  created_by: string;
  started_at: string | null;
  finished_at: string | null;
  owner: string | null;
  spec: string;
  progress: string | null;
  cancel_requested: number;
  import_id: number | null;
  report: string | null;
  result: string | null;
}

/** The `import_jobs` table. */
export class ImportJobs {
  readonly #db: Database.Database;
  readonly #statements;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare("INSERT INTO import_jobs (upload_id, kind, status, created_at, created_by, spec) VALUES (?, ?, 'queued', ?, ?, ?)"),
      get: db.prepare<[number], JobRow>('SELECT * FROM import_jobs WHERE id = ?'),
      ofUpload: db.prepare<[number], JobRow>('SELECT * FROM import_jobs WHERE upload_id = ? ORDER BY id'),
      recent: db.prepare<[number], JobRow>('SELECT * FROM import_jobs ORDER BY id DESC LIMIT ?'),
      next: db.prepare<[], JobRow>("SELECT * FROM import_jobs WHERE status = 'queued' ORDER BY id LIMIT 1"),
      claim: db.prepare("UPDATE import_jobs SET status = 'running', started_at = ?, owner = ? WHERE id = ? AND status = 'queued'"),
      progress: db.prepare("UPDATE import_jobs SET progress = ? WHERE id = ? AND status = 'running'"),
      importId: db.prepare('UPDATE import_jobs SET import_id = ? WHERE id = ?'),
      cancel: db.prepare("UPDATE import_jobs SET cancel_requested = 1 WHERE id = ? AND status IN ('queued', 'running')"),
      cancelQueued: db.prepare("UPDATE import_jobs SET status = 'cancelled', finished_at = ? WHERE id = ? AND status = 'queued'"),
      finish: db.prepare("UPDATE import_jobs SET status = ?, finished_at = ?, report = ?, result = ? WHERE id = ? AND status = 'running'"),
      running: db.prepare<[], JobRow>("SELECT * FROM import_jobs WHERE status = 'running'"),
      interrupt: db.prepare("UPDATE import_jobs SET status = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'"),
      queuedBefore: db.prepare<[number], { n: number }>("SELECT count(*) AS n FROM import_jobs WHERE status = 'queued' AND id < ?"),
      unfinished: db.prepare<[], number>("SELECT count(*) FROM import_jobs WHERE status IN ('queued', 'running')").pluck(),
      unresumed: db.prepare<[], JobRow>("SELECT * FROM import_jobs WHERE status = 'interrupted' AND kind = 'import' AND result IS NULL ORDER BY id"),
      resumed: db.prepare("UPDATE import_jobs SET result = ? WHERE id = ? AND status = 'interrupted' AND result IS NULL"),
    };
  }

  /** Queues a job; returns its id. */
  enqueue(job: { kind: JobKind; uploadId?: number; createdBy: string; spec: object }): number {
    return Number(this.#statements.insert.run(job.uploadId ?? null, job.kind, new Date().toISOString(), job.createdBy, JSON.stringify(job.spec)).lastInsertRowid);
  }

  get<Spec, Result>(id: number): ImportJob<Spec, Result> | undefined {
    const row = this.#statements.get.get(id);
    return row && toJob<Spec, Result>(row);
  }

  /** The upload's jobs, oldest first. */
  ofUpload<Spec = Record<string, unknown>, Result = Record<string, unknown>>(uploadId: number): ImportJob<Spec, Result>[] {
    return this.#statements.ofUpload.all(uploadId).map((row) => toJob<Spec, Result>(row));
  }

  recent(limit: number): ImportJob[] {
    return this.#statements.recent.all(limit).map((row) => toJob<Record<string, unknown>, Record<string, unknown>>(row));
  }

  /** Jobs queued before `id`: how many wait ahead of it. */
  queuedBefore(id: number): number {
    return this.#statements.queuedBefore.get(id)?.n ?? 0;
  }

  /** Jobs queued or running, in any process: while there are some, an import worker has work. */
  unfinished(): number {
    return this.#statements.unfinished.get() ?? 0;
  }

  /** Takes the oldest queued job for this process, or undefined when none waits. */
  claimNext(): ImportJob | undefined {
    return this.#db
      .transaction(() => {
        const row = this.#statements.next.get();
        if (!row) return undefined;
        this.#statements.claim.run(new Date().toISOString(), JSON.stringify(currentProcess()), row.id);
        return toJob<Record<string, unknown>, Record<string, unknown>>(this.#statements.get.get(row.id)!);
      })
      .immediate();
  }

  setProgress(id: number, progress: JobProgress): void {
    this.#statements.progress.run(JSON.stringify(progress), id);
  }

  setImportId(id: number, importId: number): void {
    this.#statements.importId.run(importId, id);
  }

  /** Asks the worker to stop after the batch it is writing; a job still queued is cancelled at once. */
  requestCancel(id: number): void {
    this.#db.transaction(() => {
      this.#statements.cancel.run(id);
      this.#statements.cancelQueued.run(new Date().toISOString(), id);
    })();
  }

  isCancelRequested(id: number): boolean {
    return this.#statements.get.get(id)?.cancel_requested === 1;
  }

  finish(id: number, status: 'done' | 'failed' | 'cancelled' | 'interrupted', outcome: { report?: string; result?: object } = {}): void {
    this.#statements.finish.run(status, new Date().toISOString(), outcome.report ?? null, outcome.result ? JSON.stringify(outcome.result) : null, id);
  }

  /**
   * Interrupted imports not yet started again, each queued again once (re-running an import
   * finishes it: the rows already in come back unchanged); returns the new jobs' ids.
   */
  resumeInterrupted(): number[] {
    return this.#db.transaction(() =>
      this.#statements.unresumed.all().map((row) => {
        const spec = { ...(JSON.parse(row.spec) as Record<string, unknown>), resumes: row.id };
        const id = this.enqueue({ kind: row.kind, ...(row.upload_id !== null && { uploadId: row.upload_id }), createdBy: row.created_by, spec });
        this.#statements.resumed.run(JSON.stringify({ resumedBy: id }), row.id);
        return id;
      }),
    )();
  }

  /** Marks `running` jobs whose worker is gone as `interrupted`; returns them. */
  markInterrupted(): ImportJob[] {
    const dead = this.#statements.running.all().filter((row) => {
      const owner = parseIdentity(row.owner);
      return !owner || !isAlive(owner);
    });
    for (const row of dead) this.#statements.interrupt.run(new Date().toISOString(), row.id);
    return dead.map((row) => toJob<Record<string, unknown>, Record<string, unknown>>({ ...row, status: 'interrupted' }));
  }
}

function toJob<Spec, Result>(row: JobRow): ImportJob<Spec, Result> {
  return {
    id: row.id,
    ...(row.upload_id !== null && { uploadId: row.upload_id }),
    kind: row.kind,
    status: row.status,
    createdAt: row.created_at,
    createdBy: row.created_by,
    ...(row.started_at && { startedAt: row.started_at }),
    ...(row.finished_at && { finishedAt: row.finished_at }),
    spec: JSON.parse(row.spec) as Spec,
    ...(row.progress && { progress: JSON.parse(row.progress) as JobProgress }),
    cancelRequested: row.cancel_requested === 1,
    ...(row.import_id !== null && { importId: row.import_id }),
    ...(row.report && { report: row.report }),
    ...(row.result && { result: JSON.parse(row.result) as Result }),
  };
}
