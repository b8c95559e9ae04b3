/**
 * Keeps the embedded engine's in-memory snapshot current without ever stopping the event loop for
 * long: it starts from the snapshot file (or, lacking one, a full load in a worker thread, which
 * writes the file), then follows the index change log a bounded step per search. Anything large —
 * a full reload after a rebuild, the sort orders, the typo vocabulary — is computed in a worker
 * while the previous state keeps serving.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BACKGROUND_NICE } from '../../process/lower-thread-priority.ts';
import { docRowsOf } from './doc-rows.ts';
import { FollowPace } from './follow-pace.ts';
import { FacetSnapshot, type SortKey, type SortOrder } from './facet-snapshot.ts';
import { changedSeqs, followable, readIndexState, type IndexState } from './index-changes.ts';
import { ordersFileOf, parseOrdersFile, parseSnapshotFile, writeSnapshotFile } from './snapshot-file.ts';
import { runTask, type TaskKind, type TaskResults } from './snapshot-tasks.ts';
import { TypoVocabulary } from './typo-vocabulary.ts';
import { runInWorker } from './worker-task.ts';

/**
 * Changed records applied per search while catching up: a few milliseconds at most. Two
 * import batches arrive at a look (2,000 rows took one search 16–23 ms at 60k records, which every
 * visitor queued behind it waited for too), so they are taken in over a few searches.
 */
const CATCH_UP_STEP = 500;
/** Further behind than this, a worker reloads everything instead. */
const RELOAD_BEYOND = 100_000;
/** Orders are recomputed once this share of records came or changed since (records added since are listed last meanwhile). */
const STALE_ORDERS_SHARE = 0.01;
/**
 * A worker's orders take a core for seconds (1M records: ICU collation of every title, twice), and
 * an import makes them stale every few batches: recomputed at most this often, and never more than
 * a tenth of the time, so a live import does not keep a core sorting.
 */
const ORDERS_MIN_INTERVAL_MS = 30_000;
const ORDERS_MAX_SHARE_OF_TIME = 0.1;
const VOCABULARY_MAX_AGE_MS = 60_000;
/** An index this small is read on the spot: a worker thread would cost more than the read. */
export const INLINE_BELOW = 20_000;

export class SnapshotStore {
  readonly #db: Database.Database;
  readonly #catalogFile: string;
  readonly #snapshotFile: string;
  #snapshot: FacetSnapshot | undefined;
  /** The index state the snapshot follows: every change up to its generation is applied or in #pending. */
  #state: IndexState | undefined;
  #pending: number[] = [];
  /** The generation of the snapshot file on disk, if this store wrote or read it. */
  #storedGeneration = -1;
  #firstLoad: Promise<void> | undefined;
  #reload: Promise<void> | undefined;
  #orders: Promise<void> | undefined;
  #ordersBasis = { size: -1, epoch: -1 };
  /** Orders as seqs, for the current snapshot, not placed in it yet. */
  #takenOrders = new Map<SortKey, Int32Array>();
  /** Reads the orders file on the first sorted search (a start needs none of its 24 MB at a million records), see `#deferStoredOrders`. */
  #storedOrders: (() => Promise<void>) | undefined;
  /** When the orders may next be recomputed in the background (see ORDERS_MIN_INTERVAL_MS). */
  #ordersDueAt = 0;
  #vocabulary: { vocabulary: TypoVocabulary; generation: number; at: number } | undefined;
  #vocabularyLoad: Promise<void> | undefined;

  readonly #inlineBelow: number;
  /** When other writers' commits are next taken in (follow-pace.ts). */
  readonly #pace: FollowPace;

  /**
   * @param db the engine's connection; the workers open their own to `catalogFile`.
   * @param inlineBelow indexes with fewer records are read on this thread
   * @param pace how often other writers' commits are taken in
   */
  constructor(db: Database.Database, catalogFile: string, inlineBelow = INLINE_BELOW, pace = new FollowPace()) {
    this.#db = db;
    this.#catalogFile = catalogFile;
    this.#inlineBelow = inlineBelow;
    this.#pace = pace;
    this.#snapshotFile = path.join(path.dirname(catalogFile), 'search-snapshot.bin');
  }

  /** The snapshot, brought up to date as far as one bounded step allows. */
  async current(): Promise<FacetSnapshot> {
    if (!this.#snapshot) await (this.#firstLoad ??= this.#loadFirst().finally(() => (this.#firstLoad = undefined)));
    this.#catchUp();
    // A small index reloads on the spot: no need to serve the previous one meanwhile.
    if (this.#reload && this.#inline()) await this.#reload;
    return this.#snapshot!;
  }

  /** The precomputed order for `key`: computed now if there is none yet, refreshed in the background when stale. */
  async order(key: SortKey): Promise<SortOrder> {
    const snapshot = await this.current();
    await this.#storedOrders?.();
    const changed = Math.max(snapshot.size - this.#ordersBasis.size, snapshot.epoch - this.#ordersBasis.epoch);
    const stale = changed > snapshot.size * STALE_ORDERS_SHARE && (this.#inline() || Date.now() >= this.#ordersDueAt);
    if (!this.#orderOf(snapshot, key) || stale) this.#orders ??= this.#computeOrders().finally(() => (this.#orders = undefined));
    // A small index is sorted on the spot: no need to serve the stale order meanwhile.
    if (!this.#orderOf(snapshot, key) || this.#inline()) await this.#orders;
    return this.#orderOf(this.#snapshot ?? snapshot, key) ?? { ordinals: new Int32Array(0), covers: 0 };
  }

  /** The snapshot's order for `key`, made from the seqs taken for it on its first use since (see `#takeOrders`). */
  #orderOf(snapshot: FacetSnapshot, key: SortKey): SortOrder | undefined {
    const seqs = this.#takenOrders.get(key);
    if (seqs && snapshot === this.#snapshot) {
      snapshot.setOrder(key, seqs);
      this.#takenOrders.delete(key);
    }
    return snapshot.order(key);
  }

  /** The typo vocabulary: read in a worker the first time, refreshed there when the index has moved on. */
  async vocabulary(): Promise<TypoVocabulary> {
    const kept = this.#vocabulary;
    const stale = !kept || (kept.generation !== this.#state?.generation && Date.now() - kept.at > VOCABULARY_MAX_AGE_MS);
    if (stale) this.#vocabularyLoad ??= this.#loadVocabulary().finally(() => (this.#vocabularyLoad = undefined));
    if (!kept) await this.#vocabularyLoad;
    return this.#vocabulary!.vocabulary;
  }

  /** The vocabulary read so far, if any (for callers that cannot wait). */
  loadedVocabulary(): TypoVocabulary | undefined {
    return this.#vocabulary?.vocabulary;
  }

  /** This process wrote to the index (an edit): the next search takes it in, without waiting for the pace. */
  wrote(): void {
    this.#pace.hurry();
  }

  /** The index generation `snapshot` holds in full (it is the current one, every change up to it applied), if it does. */
  completeGeneration(snapshot: FacetSnapshot): number | undefined {
    return snapshot === this.#snapshot && this.#state && this.#pending.length === 0 && !this.#reload ? this.#state.generation : undefined;
  }

  /** The index generation the snapshot has been brought to (some of its changes may still be pending), if it has one. */
  followedGeneration(): number | undefined {
    return this.#state?.generation;
  }

  /** Drops the snapshot (and its file) when this process rebuilt the index: the next search loads afresh. */
  forget(): void {
    this.#snapshot = undefined;
    this.#state = undefined;
    this.#pending = [];
    this.#vocabulary = undefined;
  }

  /** Leaves the snapshot file as current as the snapshot, for the next start. */
  async close(): Promise<void> {
    await Promise.allSettled([this.#firstLoad, this.#reload, this.#orders, this.#vocabularyLoad]);
    if (this.#snapshot && this.#state && this.#pending.length === 0 && this.#state.generation !== this.#storedGeneration && !this.#inline()) {
      writeSnapshotFile(this.#snapshotFile, this.#state, this.#snapshot.parts());
    }
  }

  async #loadFirst(): Promise<void> {
    const state = readIndexState(this.#db);
    const stored = parseSnapshotFile(await readFile(this.#snapshotFile).catch(() => undefined));
    if (stored && followable(stored.state, state)) {
      this.#take(new FacetSnapshot(stored.parts), stored.state);
      this.#storedGeneration = stored.state.generation;
      this.#deferStoredOrders(state);
      return;
    }
    await this.#loadInWorker();
  }

  /**
   * A full load in a worker; the snapshot it replaces keeps serving until it is done. Sorted pages
   * keep the orders they had (from the snapshot replaced, or the orders file), records new to them
   * last, while fresh ones are computed in the background: never a wait of seconds for a sort.
   */
  async #loadInWorker(): Promise<void> {
    const { state, parts } = await this.#run('load');
    const previous = this.#snapshot;
    // Orders taken but not yet used are seqs already: they carry over as they are.
    const carried = previous && { ...Object.fromEntries(this.#takenOrders), ...ordersAsSeqs(previous) };
    this.#take(new FacetSnapshot(parts), state);
    this.#storedGeneration = state.generation;
    // None carried (the orders file was not read yet, or this is the first load): the file's, if it is this index's.
    if (carried && Object.keys(carried).length > 0) this.#takeOrders(carried);
    else this.#deferStoredOrders(state);
  }

  /**
   * The orders file's orders, if they belong to this index, taken on the first sorted search as
   * they would have been now: what changed since counts towards their staleness from this epoch.
   */
  #deferStoredOrders(state: IndexState): void {
    const snapshot = this.#snapshot;
    const epoch = snapshot?.epoch ?? 0;
    let read: Promise<void> | undefined;
    const take = async () => {
      const orders = parseOrdersFile(await readFile(ordersFileOf(this.#snapshotFile)).catch(() => undefined));
      // A snapshot loaded afresh meanwhile has orders of its own coming.
      if (orders?.state.indexId === state.indexId && this.#snapshot === snapshot && this.#storedOrders === readOnce) this.#takeOrders(orders.orders, epoch);
      if (this.#storedOrders === readOnce) this.#storedOrders = undefined;
    };
    const readOnce = () => (read ??= take());
    this.#storedOrders = readOnce;
  }

  #take(snapshot: FacetSnapshot, state: IndexState): void {
    this.#snapshot = snapshot;
    this.#state = state;
    this.#pending = [];
    this.#ordersBasis = { size: -1, epoch: -1 };
    this.#takenOrders = new Map();
    this.#storedOrders = undefined;
  }

  /**
   * One bounded step towards the index as it is now, when the pace says so; a rebuild or a long
   * absence goes to a worker.
   */
  #catchUp(): void {
    if (!this.#pace.due(this.#snapshot!.size, this.#pending.length === 0 && !this.#reload)) return;
    this.#pace.looked(this.#snapshot!.size);
    const { state, seqs } = this.#db.transaction(() => {
      const now = readIndexState(this.#db);
      const mine = this.#state!;
      if (!followable(mine, now)) return { state: now, seqs: undefined };
      return { state: now, seqs: now.generation > mine.generation ? changedSeqs(this.#db, mine.generation, now.generation) : [] };
    })();
    if (!seqs || this.#pending.length + seqs.length > RELOAD_BEYOND) {
      this.#reload ??= this.#loadInWorker().finally(() => (this.#reload = undefined));
      return;
    }
    if (this.#reload) return;
    this.#pending.push(...seqs);
    this.#state = state;
    if (this.#pending.length === 0) return;
    const step = this.#pending.splice(0, CATCH_UP_STEP);
    const rows = docRowsOf(this.#db, step);
    const present = new Set(rows.map((row) => row.seq));
    this.#snapshot!.remove(step.filter((seq) => !present.has(seq)));
    this.#snapshot!.upsert(rows);
  }

  async #computeOrders(): Promise<void> {
    const started = Date.now();
    try {
      const { orders } = await this.#run('orders');
      this.#takeOrders(orders);
    } finally {
      const took = Date.now() - started;
      this.#ordersDueAt = Date.now() + Math.max(ORDERS_MIN_INTERVAL_MS, took / ORDERS_MAX_SHARE_OF_TIME);
    }
  }

  /** Orders as seqs; those placing fewer records than the snapshot has are refreshed once past STALE_ORDERS_SHARE (see `order`). */
  #takeOrders(orders: Partial<Record<SortKey, Int32Array>>, epoch = this.#snapshot?.epoch ?? 0): void {
    const snapshot = this.#snapshot;
    if (!snapshot) return;
    let placed = snapshot.size;
    // Placed in the snapshot on first use (#orderOf): a start places none of the six it does not sort by, a million records each.
    this.#takenOrders = new Map(Object.entries(orders) as [SortKey, Int32Array][]);
    for (const seqs of this.#takenOrders.values()) placed = Math.min(placed, seqs.length);
    this.#ordersBasis = { size: placed, epoch };
  }

  async #loadVocabulary(): Promise<void> {
    const { state, vocabulary } = await this.#run('vocabulary');
    this.#vocabulary = { vocabulary: new TypoVocabulary(vocabulary), generation: state.generation, at: Date.now() };
  }

  /** A task in a worker thread (inline for a small index); below the server's priority when what it replaces keeps serving meanwhile. */
  async #run<K extends Exclude<TaskKind, 'postings'>>(kind: K): Promise<TaskResults[K]> {
    if (this.#inline()) return runTask(this.#db, { kind, catalogFile: this.#catalogFile });
    const replacing = { load: this.#snapshot, orders: this.#ordersBasis.size >= 0 ? this.#snapshot : undefined, vocabulary: this.#vocabulary }[kind];
    return runInWorker({ kind, catalogFile: this.#catalogFile, snapshotFile: this.#snapshotFile, nice: replacing ? BACKGROUND_NICE : 0 }); // work nobody waits for: what it replaces keeps serving
  }

  #inline(): boolean {
    return (this.#db.prepare<[], number | null>('SELECT max(seq) FROM search_docs').pluck().get() ?? 0) < this.#inlineBelow;
  }
}

const SORT_KEYS: SortKey[] = ['title:zh', 'title:en', 'year_asc:zh', 'year_asc:en', 'year_desc:zh', 'year_desc:en'];

/** A snapshot's orders as seqs (the records each places), to carry over to a snapshot loaded afresh. */
function ordersAsSeqs(snapshot: FacetSnapshot): Partial<Record<SortKey, Int32Array>> {
  const orders: Partial<Record<SortKey, Int32Array>> = {};
  for (const key of SORT_KEYS) {
    const order = snapshot.order(key);
    if (order) orders[key] = Int32Array.from(order.ordinals, (ordinal) => snapshot.seqs[ordinal]!);
  }
  return orders;
}
