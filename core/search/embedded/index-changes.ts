/**
 * The embedded index's change log: every write of the index (an import batch, an edit) records
 * which seqs it touched under the generation it created, so a reader in another process (the
 * server during an import) updates its in-memory snapshot by those rows alone instead of reloading
 * a million. The log keeps the last KEPT_GENERATIONS; a reader further behind, or one that saw a
 * rebuild, loads afresh.
 */
import type Database from 'better-sqlite3';

/** A thousand import batches of a thousand records: a server that was down for a million changes reloads. */
const KEPT_GENERATIONS = 1000;

export interface IndexState {
  generation: number;
  /** The log holds every change of the generations after this one. */
  logStart: number;
  /** Changes with every rebuild: a snapshot of another index is never followed. */
  indexId: string;
}

export function readIndexState(db: Database.Database): IndexState {
  const meta = new Map(indexStateStatement(db).all().map((row) => [row.key, row.value]));
  return { generation: Number(meta.get('embedded_generation') ?? 0), logStart: Number(meta.get('embedded_log_start') ?? 0), indexId: meta.get('embedded_index_id') ?? '' };
}

/** Prepared once per connection: the state is read on every search (SnapshotStore, IndexStateMap). */
const stateStatements = new WeakMap<Database.Database, Database.Statement<[], { key: string; value: string }>>();

function indexStateStatement(db: Database.Database): Database.Statement<[], { key: string; value: string }> {
  let statement = stateStatements.get(db);
  if (!statement) stateStatements.set(db, (statement = db.prepare("SELECT key, value FROM meta WHERE key IN ('embedded_generation', 'embedded_log_start', 'embedded_index_id')")));
  return statement;
}

/**
 * What a reader has learnt from the index's vocabulary (prefix terms, title verdicts), kept for one
 * state of the index (its id and generation) and forgotten when the index moves on — or, given
 * `followed` (the generation the reader's snapshot has been brought to), when the snapshot does:
 * what the index holds beyond it is in no result yet, and an import moves the index on at every
 * batch, each time sending every query back to FTS5's vocabulary (at 60k records, a fiftieth of
 * the server's time during a web import).
 */
export class IndexStateMap<V> extends Map<string, V> {
  readonly #followed: (() => number | undefined) | undefined;
  #state = '';

  constructor(followed?: () => number | undefined) {
    super();
    this.#followed = followed;
  }

  /** Empties the map if the index (or the snapshot followed) has changed since the last call; call it within the read transaction that uses what it holds. */
  follow(db: Database.Database): this {
    const { indexId, generation } = readIndexState(db);
    const state = `${indexId}:${this.#followed?.() ?? generation}`;
    if (state !== this.#state) {
      this.#state = state;
      this.clear();
    }
    return this;
  }
}

/** True when what was read at `taken` (a snapshot, posting lists) can be brought to `now` through the change log. */
export function followable(taken: IndexState, now: IndexState): boolean {
  return taken.indexId === now.indexId && taken.generation >= now.logStart && taken.generation <= now.generation;
}

/** The seqs changed by the generations after `after`, up to `upTo`. */
export function changedSeqs(db: Database.Database, after: number, upTo: number): number[] {
  return db.prepare<[number, number], number>('SELECT DISTINCT seq FROM search_changes WHERE generation > ? AND generation <= ?').pluck().all(after, upTo);
}

/**
 * Starts the next generation (inside the writer's transaction), logging the seqs it touches.
 * Returns the new generation.
 */
export function logChanges(db: Database.Database, seqs: Iterable<number>): number {
  const generation = db.prepare<[], number>("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'embedded_generation' RETURNING CAST(value AS INTEGER)").pluck().get()!;
  // One statement for the batch: a thousand single-row inserts cost more than the rows.
  db.prepare('INSERT INTO search_changes (generation, seq) SELECT ?, value FROM json_each(?)').run(generation, JSON.stringify([...new Set(seqs)]));
  const oldest = generation - KEPT_GENERATIONS;
  if (oldest > 0 && generation % 100 === 0) {
    db.prepare('DELETE FROM search_changes WHERE generation <= ?').run(oldest);
    db.prepare("UPDATE meta SET value = ? WHERE key = 'embedded_log_start' AND CAST(value AS INTEGER) < ?").run(String(oldest), oldest);
  }
  return generation;
}

/** After a rebuild (inside its transaction): a new index, whose log starts empty. */
export function restartChanges(db: Database.Database): void {
  const generation = db.prepare<[], number>("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'embedded_generation' RETURNING CAST(value AS INTEGER)").pluck().get()!;
  db.exec('DELETE FROM search_changes');
  const set = db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  set.run('embedded_log_start', String(generation));
  set.run('embedded_index_id', crypto.randomUUID());
}
