/**
 * Keeps the suggestion tables in step with the catalog, record by record: applied with every
 * outbox batch (`syncIndex`), so a server never rebuilds suggestions — it reads them as they are.
 * A record's change takes back exactly what it contributed before and adds what it holds now;
 * a shared name (a place, a keyword) stays while any record still holds it, visible from the
 * earliest time any of them is.
 *
 * An import's batches (written by its worker threads) stage their titles' entries in
 * `suggest_staged`, in the order written, and the import merges them in key order once its last
 * batch is in (`mergeStagedSuggestions`): entries inserted a batch at a time into a B-tree keyed
 * by (script, rank, length, key, …) land on every page of it, and each commit wrote each of those
 * pages again. Shared names are few and go in at once.
 */
import Database from 'better-sqlite3';
import type { Catalog, StoredRecord } from '../../catalog/catalog.ts';
import { ownModule } from '../../process/own-modules.ts';
import { PersistentWorker, WORKER_BATCH } from '../persistent-worker.ts';
import { visibleFrom } from '../../catalog/visibility.ts';
import { inWriteTurn } from '../../catalog/write-turns.ts';
import { isChinese, keysOf, NAME_RANK, sourcesOf, TITLE_RANK, type SuggestionKey, type SuggestionSources } from './suggestion-keys.ts';
import { clearSuggestionTables, isBuilt, markBuilt, mergeRecent, mergeStaged } from './suggestion-tables.ts';

/** `record_id` of a shared name's entries, which lead to a search rather than a record. */
const SHARED = '';

/** `suggest_recent` is merged into `suggest_entries` once it holds this many entries. */
const MERGE_AT = 50_000;

const NO_KEYS: ReadonlyMap<string, SuggestionKey[]> = new Map();

/** A batch of changes with their titles' keys, ready for `SuggestionIndex.write`. */
export interface PreparedSuggestions {
  contributions: { id: string; contribution: Contribution }[];
  deletedIds: readonly string[];
  titleKeys: ReadonlyMap<string, SuggestionKey[]>;
}

/** What a record contributed, as `suggest_sources` keeps it. */
interface Contribution extends SuggestionSources {
  visibleFrom: number;
}

/**
 * Runs `fn` with the suggestion index of a catalog file on a connection of its own, closed
 * afterwards (the index is written once per batch of a thousand records: opening costs nothing
 * next to that, and no connection outlives its use).
 */
export function withSuggestionIndex<T>(catalog: Catalog | string, fn: (index: SuggestionIndex) => T): T {
  const db = new Database(typeof catalog === 'string' ? catalog : catalog.file);
  try {
    db.pragma('busy_timeout = 60000');
    return fn(new SuggestionIndex(db));
  } finally {
    db.close();
  }
}

/**
 * Brings the titles an import staged (see above) into the suggestions: at the end of an import,
 * and when an archive opens (an import killed before its end left them).
 */
export function mergeStagedSuggestions(catalog: Catalog | string): void {
  withSuggestionIndex(catalog, (index) => index.mergeStaged());
}

const WRITE_WORKER = ownModule('./suggestion-write-worker.ts', import.meta.url);
/** An import's worker outlives the pause between two of its batches, not the import. */
const WORKER_IDLE_MS = 5000;
const workers = new Map<string, PersistentWorker>();

/**
 * Applies catalog changes to the suggestions of `catalog`'s file: a large batch in a worker thread
 * (one per file, ended when idle), so an import's next batch is prepared meanwhile; while the
 * worker has batches in hand, later ones follow it, in order.
 */
export async function applySuggestions(catalog: Catalog, upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
  const large = upserts.length + deletedIds.length >= WORKER_BATCH;
  const worker = large ? startSuggestionWorker(catalog) : workers.get(catalog.file);
  if (worker && (worker.busy || large)) await worker.run({ upserts, deletedIds });
  else withSuggestionIndex(catalog, (index) => index.apply(upserts, deletedIds));
}

/**
 * The worker thread that writes `catalog`'s suggestions from an import's batches, started now if
 * it is not running (an import starts it before reading its file, so that its start-up overlaps
 * the reading); undefined when batches stay on this thread (`ARCHIVE_WORKER_BATCH=Infinity`).
 */
export function startSuggestionWorker(catalog: Catalog): PersistentWorker | undefined {
  const file = catalog.file;
  let worker = workers.get(file);
  if (!worker && Number.isFinite(WORKER_BATCH)) {
    const started = new PersistentWorker(WRITE_WORKER, { file }, { idleMs: WORKER_IDLE_MS, onExit: () => workers.get(file) === started && workers.delete(file) });
    workers.set(file, (worker = started));
  }
  return worker;
}

export class SuggestionIndex {
  readonly #db: Database.Database;
  readonly #statements;
  /** The shapes in the table, read at the start of every transaction (another process may have added some). */
  readonly #knownShapes = new Set<string>();
  /**
   * Holders gained (or lost, negative) per shared name and visibility within one transaction,
   * written once at its end: a batch of a thousand records holds the same few places thousands of times.
   */
  readonly #nameChanges = new Map<string, { name: string; from: number; change: number }>();
  /** Where new entries go: `suggest_recent`, or during a rebuild its staging table. */
  #addEntry: Database.Statement;
  /** Where titles' entries go: as `#addEntry`, or for an import's batches `suggest_staged`. */
  #addTitleEntry: Database.Statement;
  readonly #stageTitles: boolean;
  /** The keys of the titles being written, found before the write transaction (see `prepare`). */
  #titleKeys: ReadonlyMap<string, SuggestionKey[]> = NO_KEYS;

  /** `stageTitles`: the index of an import's worker thread, whose titles wait in `suggest_staged` for the import's end. */
  constructor(db: Database.Database, options: { stageTitles?: boolean } = {}) {
    this.#db = db;
    this.#statements = {
      sourcesOf: db.prepare<[string], string>('SELECT sources FROM suggest_sources WHERE record_id = ?').pluck(),
      setSources: db.prepare('INSERT OR REPLACE INTO suggest_sources (record_id, sources) VALUES (?, ?)'),
      removeSources: db.prepare('DELETE FROM suggest_sources WHERE record_id = ?'),
      addEntry: db.prepare('INSERT OR REPLACE INTO suggest_recent (script, rank, length, key, text, record_id, visible_from) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      anyStaged: db.prepare<[], number>('SELECT 1 FROM suggest_staged LIMIT 1').pluck(),
      stageEntry: db.prepare('INSERT INTO suggest_staged (script, rank, length, key, text, record_id, visible_from) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      // Staged entries too: an import running in another process may have staged the record's title.
      removeEntry: [
        db.prepare('DELETE FROM suggest_entries WHERE script = ? AND rank = ? AND length = ? AND key = ? AND text = ? AND record_id = ?'),
        db.prepare('DELETE FROM suggest_recent WHERE script = ? AND rank = ? AND length = ? AND key = ? AND text = ? AND record_id = ?'),
        db.prepare('DELETE FROM suggest_staged WHERE script = ? AND rank = ? AND length = ? AND key = ? AND text = ? AND record_id = ?'),
      ],
      recentCount: db.prepare<[], number>('SELECT count(*) FROM suggest_recent').pluck(),
      addShape: db.prepare('INSERT OR IGNORE INTO suggest_shapes (script, rank, length) VALUES (?, ?, ?)'),
      shapes: db.prepare<[], [number, number, number]>('SELECT script, rank, length FROM suggest_shapes').raw(),
      holdName: db.prepare<[string, number, number, number], number>(
        `INSERT INTO suggest_names (text, visible_from, holders) VALUES (?, ?, ?)
         ON CONFLICT (text, visible_from) DO UPDATE SET holders = holders + ? RETURNING holders`,
      ).pluck(),
      releaseName: db.prepare<[number, string, number], number>('UPDATE suggest_names SET holders = holders - ? WHERE text = ? AND visible_from = ? RETURNING holders').pluck(),
      forgetName: db.prepare('DELETE FROM suggest_names WHERE text = ? AND visible_from = ?'),
      nameVisibleFrom: db.prepare<[string], number | null>('SELECT min(visible_from) FROM suggest_names WHERE text = ?').pluck(),
    };
    this.#addEntry = this.#statements.addEntry;
    this.#addTitleEntry = options.stageTitles ? this.#statements.stageEntry : this.#addEntry;
    this.#stageTitles = options.stageTitles ?? false;
  }

  /** Merges the staged titles into `suggest_entries`, in key order, in one transaction (readers see all of them at once). */
  mergeStaged(): void {
    // Nothing staged writes nothing (an archive opened read-only, a small import).
    if (this.#statements.anyStaged.get() === undefined) return;
    const merge = this.#db.transaction(() => mergeStaged(this.#db));
    inWriteTurn(() => merge.immediate());
  }

  /** True when the catalog holds records these tables have never been filled from (a catalog older than them). */
  needsRebuild(): boolean {
    return !isBuilt(this.#db);
  }

  /** Applies catalog changes: records added or replaced, ids removed. Applying twice changes nothing. */
  apply(upserts: readonly StoredRecord[], deletedIds: readonly string[]): void {
    const prepared = this.prepare(upserts, deletedIds);
    const write = this.#db.transaction(() => this.write(prepared));
    inWriteTurn(() => write.immediate());
  }

  /** What `write` needs, worked out before its transaction (the titles' keys: pinyin is costly), so that it holds the lock for the writes alone. */
  prepare(upserts: readonly StoredRecord[], deletedIds: readonly string[]): PreparedSuggestions {
    const contributions = upserts.map((stored) => ({ id: stored.record.id, contribution: contributionOf(stored) }));
    const titleKeys = new Map<string, SuggestionKey[]>();
    for (const { contribution } of contributions) {
      for (const title of contribution.titles) if (!titleKeys.has(title)) titleKeys.set(title, keysOf(title, TITLE_RANK));
    }
    return { contributions, deletedIds, titleKeys };
  }

  /** Writes prepared changes; call inside a write transaction on this index's connection. */
  write({ contributions, deletedIds, titleKeys }: PreparedSuggestions): void {
    this.#titleKeys = titleKeys;
    try {
      this.#readShapes();
      for (const id of deletedIds) this.#replace(id, undefined);
      for (const { id, contribution } of contributions) this.#replace(id, contribution);
      this.#writeNameChanges();
      if (this.#statements.recentCount.get()! >= MERGE_AT) mergeRecent(this.#db);
    } finally {
      this.#titleKeys = NO_KEYS;
    }
  }

  /**
   * Replaces every suggestion with those of `batches`, in one transaction: readers see the old ones
   * until it commits. Entries are gathered unordered, then written into the empty table in key order.
   */
  rebuild(batches: Iterable<StoredRecord[]>): void {
    this.#db
      .transaction(() => {
        clearSuggestionTables(this.#db);
        this.#readShapes();
        this.#db.exec('CREATE TEMP TABLE suggest_staging AS SELECT * FROM suggest_entries WHERE 0');
        this.#addEntry = this.#db.prepare('INSERT INTO temp.suggest_staging (script, rank, length, key, text, record_id, visible_from) VALUES (?, ?, ?, ?, ?, ?, ?)');
        this.#addTitleEntry = this.#addEntry;
        try {
          for (const batch of batches) {
            for (const stored of batch) this.#replace(stored.record.id, contributionOf(stored), false);
            this.#writeNameChanges();
          }
          // A name re-timed during the rebuild was staged twice: the later row (higher rowid) wins.
          this.#db.exec('INSERT OR REPLACE INTO suggest_entries SELECT * FROM temp.suggest_staging ORDER BY script, rank, length, key, text, record_id, rowid');
        } finally {
          this.#addEntry = this.#statements.addEntry;
          this.#addTitleEntry = this.#stageTitles ? this.#statements.stageEntry : this.#addEntry;
          this.#db.exec('DROP TABLE IF EXISTS temp.suggest_staging');
        }
        markBuilt(this.#db);
      })
      .immediate();
  }

  #readShapes(): void {
    this.#nameChanges.clear();
    this.#knownShapes.clear();
    for (const shape of this.#statements.shapes.all()) this.#knownShapes.add(shape.join(':'));
  }

  /** `fresh` undefined removes the record's suggestions. `known` false skips reading what it had (a rebuild). */
  #replace(recordId: string, fresh: Contribution | undefined, known = true): void {
    const storedText = known ? this.#statements.sourcesOf.get(recordId) : undefined;
    const stored = storedText === undefined ? undefined : (JSON.parse(storedText) as Contribution);
    if (stored && fresh && JSON.stringify(stored) === JSON.stringify(fresh)) return;
    if (stored) {
      for (const title of stored.titles) this.#removeEntries(title, TITLE_RANK, recordId);
      for (const name of stored.names) this.#countName(name, stored.visibleFrom, -1);
      if (!fresh) this.#statements.removeSources.run(recordId);
    }
    if (!fresh) return;
    for (const title of fresh.titles) this.#addEntries(title, TITLE_RANK, recordId, fresh.visibleFrom);
    for (const name of fresh.names) this.#countName(name, fresh.visibleFrom, 1);
    this.#statements.setSources.run(recordId, JSON.stringify(fresh));
  }

  #countName(name: string, from: number, change: number): void {
    const key = `${from}\t${name}`;
    const pending = this.#nameChanges.get(key);
    if (pending) pending.change += change;
    else this.#nameChanges.set(key, { name, from, change });
  }

  #writeNameChanges(): void {
    for (const { name, from, change } of this.#nameChanges.values()) {
      if (change > 0) this.#holdName(name, from, change);
      else if (change < 0) this.#releaseName(name, from, -change);
    }
    this.#nameChanges.clear();
  }

  /** `count` more records hold `name`: its entries appear, or become visible sooner. */
  #holdName(name: string, from: number, count: number): void {
    // Records joining others that hold the name with the same visibility change nothing shown.
    if (this.#statements.holdName.get(name, from, count, count) !== count) return;
    const earliest = this.#statements.nameVisibleFrom.get(name)!;
    if (earliest === from) this.#addEntries(name, NAME_RANK, SHARED, from);
  }

  /** `count` records fewer hold `name`: its entries go with the last holder, or become visible later. */
  #releaseName(name: string, from: number, count: number): void {
    if ((this.#statements.releaseName.get(count, name, from) ?? 0) > 0) return;
    this.#statements.forgetName.run(name, from);
    const earliest = this.#statements.nameVisibleFrom.get(name);
    if (earliest === null || earliest === undefined) this.#removeEntries(name, NAME_RANK, SHARED);
    else if (earliest > from) this.#addEntries(name, NAME_RANK, SHARED, earliest);
  }

  /** Adds (or re-times: the key is the same) every entry of `text`. */
  #addEntries(text: string, baseRank: number, recordId: string, from: number): void {
    const script = isChinese(text) ? 1 : 0;
    const keys = (baseRank === TITLE_RANK && this.#titleKeys.get(text)) || keysOf(text, baseRank);
    const add = baseRank === TITLE_RANK ? this.#addTitleEntry : this.#addEntry;
    for (const { key, rank } of keys) {
      add.run(script, rank, text.length, key, text, recordId, from);
      const shape = `${script}:${rank}:${text.length}`;
      if (!this.#knownShapes.has(shape)) {
        this.#statements.addShape.run(script, rank, text.length);
        this.#knownShapes.add(shape);
      }
    }
  }

  #removeEntries(text: string, baseRank: number, recordId: string): void {
    const script = isChinese(text) ? 1 : 0;
    for (const { key, rank } of keysOf(text, baseRank)) {
      for (const remove of this.#statements.removeEntry) remove.run(script, rank, text.length, key, text, recordId);
    }
  }
}

function contributionOf(stored: StoredRecord): Contribution {
  return { ...sourcesOf(stored.record), visibleFrom: visibleFrom(stored.visibility) };
}
