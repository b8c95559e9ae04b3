/**
 * The import history: every import has an id, the process that ran it, its sources, totals and
 * outcome. An import whose process died (kill -9, a crash) is marked `interrupted` the next time
 * the archive opens, never left `running`; it can be undone like any other.
 */
import type Database from 'better-sqlite3';
import { currentProcess, isAlive, parseIdentity } from './process-identity.ts';

export type ImportStatus = 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted' | 'undone';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Why the run stopped, when it stopped on an error rather than at its end. */
  error?: string;
}

export interface ImportEntry {
  id: number;
  startedAt: string;
  finishedAt?: string;
  sources: string[];
  status: ImportStatus;
  summary?: ImportSummary;
  actor?: string;
  undoneAt?: string;
  /** The report's file name in the reports folder. */
  report?: string;
}

interface ImportRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  sources: string;
  status: ImportStatus;
  summary: string | null;
  owner: string | null;
  actor: string | null;
  undone_at: string | null;
  report: string | null;
}

export class ImportLog {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  start(sources: readonly string[], actor: string): number {
    const result = this.#db
      .prepare("INSERT INTO imports (started_at, sources, status, owner, actor) VALUES (?, ?, 'running', ?, ?)")
      .run(new Date().toISOString(), JSON.stringify(sources), JSON.stringify(currentProcess()), actor);
    return Number(result.lastInsertRowid);
  }

  finish(importId: number, status: 'done' | 'failed' | 'cancelled', summary: ImportSummary): void {
    this.#db
      .prepare("UPDATE imports SET finished_at = ?, status = ?, summary = ? WHERE id = ? AND status = 'running'")
      .run(new Date().toISOString(), status, JSON.stringify(summary), importId);
  }

  markUndone(importId: number): void {
    this.#db.prepare("UPDATE imports SET status = 'undone', undone_at = ? WHERE id = ?").run(new Date().toISOString(), importId);
  }

  /** Remembers the report an import wrote (its file name in the reports folder). */
  attachReport(importId: number, fileName: string): void {
    this.#db.prepare('UPDATE imports SET report = ? WHERE id = ?').run(fileName, importId);
  }

  /** Newest first, older than `beforeId` when given (the next page of the history). */
  page(limit: number, beforeId?: number): ImportEntry[] {
    return this.#db
      .prepare<[number, number], ImportRow>('SELECT * FROM imports WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(beforeId ?? Number.MAX_SAFE_INTEGER, limit)
      .map(toEntry);
  }

  get(importId: number): ImportEntry | undefined {
    const row = this.#db.prepare<[number], ImportRow>('SELECT * FROM imports WHERE id = ?').get(importId);
    return row && toEntry(row);
  }

  /** Newest first. */
  list(limit = 50): ImportEntry[] {
    return this.#db.prepare<[number], ImportRow>('SELECT * FROM imports ORDER BY id DESC LIMIT ?').all(limit).map(toEntry);
  }

  /** Marks `running` imports whose process is gone as `interrupted`; returns their ids. */
  markInterrupted(): number[] {
    const running = this.#db.prepare<[], ImportRow>("SELECT * FROM imports WHERE status = 'running'").all();
    const dead = running.filter((row) => {
      const owner = parseIdentity(row.owner);
      return !owner || !isAlive(owner);
    });
    // A killed run never wrote its totals: its versions tell what it committed.
    const mark = this.#db.prepare(
      `UPDATE imports SET status = 'interrupted', finished_at = ?, summary = (
         SELECT json_object('created', count(*) FILTER (WHERE action = 'created'), 'updated', count(*) FILTER (WHERE action IN ('updated', 'visibility')),
                            'unchanged', 0, 'failed', 0)
         FROM record_versions WHERE import_id = imports.id)
       WHERE id = ? AND status = 'running'`,
    );
    for (const row of dead) mark.run(new Date().toISOString(), row.id);
    return dead.map((row) => row.id);
  }
}

function toEntry(row: ImportRow): ImportEntry {
  return {
    id: row.id,
    startedAt: row.started_at,
    ...(row.finished_at && { finishedAt: row.finished_at }),
    sources: JSON.parse(row.sources) as string[],
    status: row.status,
    ...(row.summary && { summary: JSON.parse(row.summary) as ImportSummary }),
    ...(row.actor && { actor: row.actor }),
    ...(row.undone_at && { undoneAt: row.undone_at }),
    ...(row.report && { report: row.report }),
  };
}
