/**
 * Curators' uploads: the files of one upload live in a folder of the uploads directory until
 * they are imported (or given up); this table says whose they are, what reading them found (the
 * record file, its encoding, a workbook's sheets, the header and first rows, the columns' plan)
 * and what the curator chose on the preview page.
 */
import type Database from 'better-sqlite3';

export type UploadStatus = 'received' | 'ready' | 'refused' | 'imported' | 'removed';

export interface UploadFile {
  /** As sent, without any folder. */
  name: string;
  bytes: number;
  sha256: string;
}

export interface Upload<Analysis = Record<string, unknown>, Settings = Record<string, unknown>> {
  id: number;
  createdAt: string;
  createdBy: string;
  /** The folder's name under the uploads directory. */
  folder: string;
  files: UploadFile[];
  status: UploadStatus;
  analysis?: Analysis;
  settings?: Settings;
  /** Why the upload cannot be imported (a message key and its parameters). */
  refusal?: { key: string; params?: Record<string, unknown> };
}

interface UploadRow {
  id: number;
  created_at: string;
  created_by: string;
  folder: string;
  files: string;
  status: UploadStatus;
  analysis: string | null;
  settings: string | null;
  refusal: string | null;
}

/** The `uploads` table. */
export class UploadStore {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      insert: db.prepare("INSERT INTO uploads (created_at, created_by, folder, files, status) VALUES (?, ?, ?, ?, 'received')"),
      get: db.prepare<[number], UploadRow>('SELECT * FROM uploads WHERE id = ?'),
      recent: db.prepare<[number], UploadRow>('SELECT * FROM uploads ORDER BY id DESC LIMIT ?'),
      analysed: db.prepare("UPDATE uploads SET status = 'ready', analysis = ?, refusal = NULL WHERE id = ?"),
      settings: db.prepare('UPDATE uploads SET settings = ? WHERE id = ?'),
      status: db.prepare('UPDATE uploads SET status = ? WHERE id = ?'),
      stale: db.prepare<[string], UploadRow>(
        `SELECT * FROM uploads WHERE created_at < ? AND status IN ('received', 'ready')
         AND NOT EXISTS (SELECT 1 FROM import_jobs WHERE upload_id = uploads.id AND status IN ('queued', 'running'))`,
      ),
    };
  }

  /** Records an upload whose files are in `folder`; returns its id. */
  add(upload: { createdBy: string; folder: string; files: UploadFile[] }): number {
    return Number(this.#statements.insert.run(new Date().toISOString(), upload.createdBy, upload.folder, JSON.stringify(upload.files)).lastInsertRowid);
  }

  get<Analysis, Settings>(id: number): Upload<Analysis, Settings> | undefined {
    const row = this.#statements.get.get(id);
    return row && toUpload<Analysis, Settings>(row);
  }

  /** The latest uploads, newest first. */
  recent<Analysis, Settings>(limit: number): Upload<Analysis, Settings>[] {
    return this.#statements.recent.all(limit).map((row) => toUpload<Analysis, Settings>(row));
  }

  setAnalysis(id: number, analysis: object): void {
    this.#statements.analysed.run(JSON.stringify(analysis), id);
  }

  setSettings(id: number, settings: object): void {
    this.#statements.settings.run(JSON.stringify(settings), id);
  }

  setStatus(id: number, status: UploadStatus): void {
    this.#statements.status.run(status, id);
  }

  /** Uploads made before `isoTime`, never imported, with no job queued or running. */
  staleBefore<Analysis, Settings>(isoTime: string): Upload<Analysis, Settings>[] {
    return this.#statements.stale.all(isoTime).map((row) => toUpload<Analysis, Settings>(row));
  }
}

function toUpload<Analysis, Settings>(row: UploadRow): Upload<Analysis, Settings> {
  return {
    id: row.id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    folder: row.folder,
    files: JSON.parse(row.files) as UploadFile[],
    status: row.status,
    ...(row.analysis && { analysis: JSON.parse(row.analysis) as Analysis }),
    ...(row.settings && { settings: JSON.parse(row.settings) as Settings }),
    ...(row.refusal && { refusal: JSON.parse(row.refusal) as Upload['refusal'] }),
  };
}
