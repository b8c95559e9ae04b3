/**
 * Reads and writes the media tables (created by the catalog's migrations); SQL about photographs
 * lives only here. The catalog hands it out as `catalog.media`.
 */
import type Database from 'better-sqlite3';
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';
import type { DerivativeDimensions } from './derivatives.ts';
import type { ImageMetadata } from './image-metadata.ts';

export interface MediaProblem {
  key: MessageKey;
  params?: MessageParams;
}

/** A photograph whose derivatives and tiles are on disk. */
export interface ReadyMedia {
  status: 'ready';
  hash: string;
  pipeline: number;
  /** The sniffed type of the original (jpeg, png, webp, tiff, avif, gif). */
  format: string;
  /** Upright size of the original. */
  width: number;
  height: number;
  bytes: number;
  derivatives: DerivativeDimensions;
  metadata: ImageMetadata;
  /** Where the original was kept: `private` (never served) or `public` (served as `original.<ext>`). */
  original: 'private' | 'public';
}

/** A photograph that was refused or could not be decoded; remembered so a re-import reports it without decoding again. */
export interface FailedMedia {
  status: 'failed';
  hash: string;
  pipeline: number;
  bytes: number;
  problem: MediaProblem;
  metadata: ImageMetadata;
}

export type StoredMedia = ReadyMedia | FailedMedia;

export interface MediaLink {
  hash: string;
  /** The image reference as the import file wrote it. */
  source: string;
}

export interface KnownSource {
  size: number;
  mtimeMs: number;
  hash: string;
}

interface MediaRow {
  hash: string;
  status: 'ready' | 'failed';
  pipeline: number;
  format: string | null;
  width: number | null;
  height: number | null;
  bytes: number;
  derivatives: string | null;
  metadata: string | null;
  problem: string | null;
  original: string | null;
}

export class MediaRepository {
  readonly #db: Database.Database;

  /** Only the catalog makes one, on its own connection. */
  constructor(db: Database.Database) {
    this.#db = db;
  }

  find(hash: string): StoredMedia | undefined {
    const row = this.#db.prepare<[string], MediaRow>('SELECT * FROM media WHERE hash = ?').get(hash);
    return row && toStored(row);
  }

  save(media: StoredMedia): void {
    const ready = media.status === 'ready' ? media : undefined;
    this.#db
      .prepare(
        `INSERT OR REPLACE INTO media (hash, status, pipeline, format, width, height, bytes, derivatives, metadata, problem, original, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        media.hash,
        media.status,
        media.pipeline,
        ready?.format ?? null,
        ready?.width ?? null,
        ready?.height ?? null,
        media.bytes,
        ready ? JSON.stringify(ready.derivatives) : null,
        JSON.stringify(media.metadata),
        media.status === 'failed' ? JSON.stringify(media.problem) : null,
        ready?.original ?? null,
        new Date().toISOString(),
      );
  }

  findSource(file: string): KnownSource | undefined {
    return this.#db
      .prepare<[string], KnownSource>('SELECT size, mtime_ms AS mtimeMs, hash FROM media_sources WHERE path = ?')
      .get(file);
  }

  rememberSource(file: string, source: KnownSource): void {
    this.#db
      .prepare('INSERT OR REPLACE INTO media_sources (path, size, mtime_ms, hash) VALUES (?, ?, ?, ?)')
      .run(file, source.size, source.mtimeMs, source.hash);
  }

  /** Replaces what a record shows; call inside the transaction that writes the record. */
  linkRecord(recordId: string, links: readonly MediaLink[]): void {
    this.#db.prepare('DELETE FROM record_media WHERE record_id = ?').run(recordId);
    const insert = this.#db.prepare('INSERT INTO record_media (record_id, position, hash, source) VALUES (?, ?, ?, ?)');
    links.forEach((link, position) => insert.run(recordId, position, link.hash, link.source));
  }

  /** What a record shows, as written (failed photographs included), in order. */
  linksOf(recordId: string): MediaLink[] {
    return this.#db.prepare<[string], MediaLink>('SELECT hash, source FROM record_media WHERE record_id = ? ORDER BY position').all(recordId);
  }

  /** Every ready photograph some record shows, by hash: the files that must be on disk. */
  linkedReadyHashes(): string[] {
    return this.#db
      .prepare<[], { hash: string }>("SELECT DISTINCT hash FROM record_media JOIN media USING (hash) WHERE status = 'ready' ORDER BY hash")
      .all()
      .map((row) => row.hash);
  }

  /** The ready photographs a record shows, in order. */
  ofRecord(recordId: string): ReadyMedia[] {
    return this.#db
      .prepare<[string], MediaRow>(
        `SELECT media.* FROM record_media JOIN media USING (hash)
         WHERE record_id = ? AND status = 'ready' ORDER BY position`,
      )
      .all(recordId)
      .map(toStored)
      .filter((media): media is ReadyMedia => media.status === 'ready');
  }

  /** The first ready photograph of each record (for thumbnails in result lists). */
  firstOfRecords(recordIds: readonly string[]): Map<string, ReadyMedia> {
    const first = new Map<string, ReadyMedia>();
    if (recordIds.length === 0) return first;
    const rows = this.#db
      .prepare<string[], MediaRow & { record_id: string }>(
        `SELECT record_media.record_id, media.* FROM record_media JOIN media USING (hash)
         WHERE record_id IN (${recordIds.map(() => '?').join(',')}) AND status = 'ready'
         ORDER BY record_id, position`,
      )
      .all(...recordIds);
    for (const row of rows) {
      const media = toStored(row);
      if (!first.has(row.record_id) && media.status === 'ready') first.set(row.record_id, media);
    }
    return first;
  }
}

function toStored(row: MediaRow): StoredMedia {
  const metadata = row.metadata ? (JSON.parse(row.metadata) as ImageMetadata) : {};
  if (row.status === 'failed') {
    return { status: 'failed', hash: row.hash, pipeline: row.pipeline, bytes: row.bytes, metadata, problem: JSON.parse(row.problem ?? '{}') as MediaProblem };
  }
  return {
    status: 'ready',
    hash: row.hash,
    pipeline: row.pipeline,
    format: row.format ?? '',
    width: row.width ?? 0,
    height: row.height ?? 0,
    bytes: row.bytes,
    derivatives: JSON.parse(row.derivatives ?? '{}') as DerivativeDimensions,
    metadata,
    original: row.original === 'public' ? 'public' : 'private',
  };
}
