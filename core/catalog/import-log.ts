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

/** A file an import read: as the curator knows it (an upload's file as sent, a path given to the CLI). */
export interface ImportedFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** A column as the import applied it: the field it filled, and whether the curator chose that or it matched by name. */
export interface AppliedColumn {
  header: string;
  target?: string;
  how: 'mapping' | 'matched' | 'ignored' | 'unknown';
}

/**
 * What an import read and how: its files with their sha256 (so a curator can tell which version
 * of a spreadsheet went in), the mapping it was given (a saved profile's name and/or the columns
 * chosen), the encoding forced and the mode; and, once it ends, each record file's columns as
 * they were applied (chosen or matched by name).
 */
export interface ImportProvenance {
  files: ImportedFile[];
  mapping?: { profile?: string; columns: Record<string, string | null>; separator: string };
  encoding?: string;
  mode?: string;
  applied?: { file: string; columns: AppliedColumn[] }[];
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
  /** Absent for imports made before it was recorded. */
  provenance?: ImportProvenance;
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
  provenance: string | null;
}

export class ImportLog {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  start(sources: readonly string[], actor: string, provenance?: ImportProvenance): number {
    const result = this.#db
      .prepare("INSERT INTO imports (started_at, sources, status, owner, actor, provenance) VALUES (?, ?, 'running', ?, ?, ?)")
      .run(new Date().toISOString(), JSON.stringify(sources), JSON.stringify(currentProcess()), actor, provenance ? JSON.stringify(provenance) : null);
    return Number(result.lastInsertRowid);
  }

  /** Adds each record file's columns as the import applied them (known only once the files were read). */
  recordAppliedColumns(importId: number, applied: NonNullable<ImportProvenance['applied']>): void {
    const entry = this.get(importId);
    if (!entry) return;
    const provenance: ImportProvenance = { ...(entry.provenance ?? { files: [] }), applied };
    this.#db.prepare('UPDATE imports SET provenance = ? WHERE id = ?').run(JSON.stringify(provenance), importId);
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
    ...(row.provenance && { provenance: JSON.parse(row.provenance) as ImportProvenance }),
  };
}
