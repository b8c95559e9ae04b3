/**
 * Themed collections. They follow `--on-existing` like records (a `collection.yml` whose id is
 * already in the archive updates it, is skipped, or is refused), and every change keeps a version
 * with the collection before and after, so an import that replaced a narrative can be undone.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ArchiveCollection } from '../schema/collection.ts';
import { nextDatestamp } from './datestamp.ts';
import type { WriteContext } from './record-history.ts';
import type { OnExisting, WriteAction } from './record-writer.ts';

export interface CollectionVersion {
  collectionId: string;
  versionNo: number;
  at: string;
  actor: string;
  importId?: number;
  before?: ArchiveCollection;
  after?: ArchiveCollection;
}

interface VersionRow {
  collection_id: string;
  version_no: number;
  at: string;
  actor: string;
  import_id: number | null;
  before: string | null;
  after: string | null;
}

export class CollectionStore {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      get: db.prepare<[string], { body: string; content_hash: string; updated_at: string }>('SELECT body, content_hash, updated_at FROM collections WHERE id = ?'),
      list: db.prepare<[], { body: string }>('SELECT body FROM collections ORDER BY position, id'),
      put: db.prepare('INSERT OR REPLACE INTO collections (id, position, body, content_hash, updated_at) VALUES (?, ?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM collections WHERE id = ?'),
      version: db.prepare(
        `INSERT INTO collection_versions (collection_id, version_no, at, actor, import_id, action, before, after)
         VALUES (@id, (SELECT coalesce(max(version_no), 0) + 1 FROM collection_versions WHERE collection_id = @id), @at, @actor, @importId, @action, @before, @after)`,
      ),
      ofImport: db.prepare<[number], VersionRow>('SELECT * FROM collection_versions WHERE import_id = ? ORDER BY version_id'),
      later: db.prepare<[string, number], VersionRow>('SELECT * FROM collection_versions WHERE collection_id = ? AND version_no > ? ORDER BY version_no'),
    };
  }

  get(id: string): ArchiveCollection | undefined {
    const row = this.#statements.get.get(id);
    return row && (JSON.parse(row.body) as ArchiveCollection);
  }

  list(): ArchiveCollection[] {
    return this.#statements.list.all().map((row) => JSON.parse(row.body) as ArchiveCollection);
  }

  /** What `put` would do. */
  decide(collection: ArchiveCollection, onExisting: OnExisting): WriteAction {
    const existing = this.#statements.get.get(collection.id);
    if (!existing) return 'created';
    if (existing.content_hash === hashCollection(collection)) return 'unchanged';
    return onExisting === 'skip' ? 'skipped' : onExisting === 'error' ? 'refused' : 'updated';
  }

  /** Creates or updates a collection with a version; call inside a transaction. */
  put(collection: ArchiveCollection, context: WriteContext & { onExisting?: OnExisting }): WriteAction {
    const action = this.decide(collection, context.onExisting ?? 'update');
    if (action !== 'created' && action !== 'updated') return action;
    const previous = this.#statements.get.get(collection.id);
    const at = nextDatestamp(previous?.updated_at);
    const body = JSON.stringify(collection);
    this.#statements.put.run(collection.id, collection.order, body, hashCollection(collection), at);
    this.#appendVersion(collection.id, at, action, previous ? (JSON.parse(previous.body) as ArchiveCollection) : undefined, collection, context);
    return action;
  }

  /** Puts a collection back as it was before (`undefined`: it did not exist). */
  revert(id: string, before: ArchiveCollection | undefined, context: WriteContext): void {
    if (before) {
      this.put(before, context);
      return;
    }
    const previous = this.#statements.get.get(id);
    if (!previous) return;
    const at = nextDatestamp(previous.updated_at);
    this.#statements.remove.run(id);
    this.#appendVersion(id, at, 'deleted', JSON.parse(previous.body) as ArchiveCollection, undefined, context);
  }

  ofImport(importId: number): CollectionVersion[] {
    return this.#statements.ofImport.all(importId).map(toVersion);
  }

  /** Versions of a collection after `versionNo`. */
  laterThan(id: string, versionNo: number): CollectionVersion[] {
    return this.#statements.later.all(id, versionNo).map(toVersion);
  }

  #appendVersion(id: string, at: string, action: string, before: ArchiveCollection | undefined, after: ArchiveCollection | undefined, context: WriteContext): void {
    this.#statements.version.run({
      id,
      at,
      actor: context.actor,
      importId: context.importId ?? null,
      action,
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
    });
  }
}

function hashCollection(collection: ArchiveCollection): string {
  return createHash('sha256').update(JSON.stringify(collection)).digest('hex');
}

function toVersion(row: VersionRow): CollectionVersion {
  return {
    collectionId: row.collection_id,
    versionNo: row.version_no,
    at: row.at,
    actor: row.actor,
    ...(row.import_id !== null && { importId: row.import_id }),
    ...(row.before !== null && { before: JSON.parse(row.before) as ArchiveCollection }),
    ...(row.after !== null && { after: JSON.parse(row.after) as ArchiveCollection }),
  };
}
