/**
 * Keeps the common terms' posting lists (term-postings.ts) usable for the index as it is now. They
 * come from their file beside the snapshot at the first search or, lacking one of this index, are
 * read in a worker while FTS5 answers alone. They then follow the index through its change log: a
 * seq they hold that was written or removed since is read from FTS5 (posting-matches.ts), records
 * added since too; once too much has changed they are read afresh in the background, at most so
 * often, the old ones answering meanwhile.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BACKGROUND_NICE } from '../../process/lower-thread-priority.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';
import { changedSeqs, followable, readIndexState } from './index-changes.ts';
import type { PostingsView } from './posting-matches.ts';
import { parsePostingsFile, postingsFileOf } from './snapshot-file.ts';
import { runTask } from './snapshot-tasks.ts';
import { INLINE_BELOW } from './snapshot-store.ts';
import { LIST_ABOVE, POSTINGS_BUDGET_BYTES, TermPostings, type TermPostingsParts } from './term-postings.ts';
import { runAside } from './worker-task.ts';

/** Past this many changed seqs the lists are left aside (each is one FTS5 read per query) until read afresh. */
export const CHANGED_LIMIT = 1000;
/** The lists are read afresh once this many changed seqs, or records added past this share of them, have come. */
const STALE_CHANGED = CHANGED_LIMIT / 2;
const STALE_GROWTH = 0.1;
/** As the sort orders (snapshot-store.ts): a read takes a core for seconds at a million records. */
const MIN_INTERVAL_MS = 30_000;
const MAX_SHARE_OF_TIME = 0.1;

export interface PostingOptions {
  /** Terms in this many documents or more are listed (default LIST_ABOVE). */
  above?: number;
  /** What the lists may take (default POSTINGS_BUDGET_BYTES; 0: none, FTS5 answers alone). */
  budgetBytes?: number;
  /** Indexes with fewer records are read on this thread (default INLINE_BELOW). */
  inlineBelow?: number;
}

export class PostingStore {
  readonly #db: Database.Database;
  readonly #catalogFile: string;
  readonly #snapshotFile: string;
  readonly #above: number;
  readonly #budgetBytes: number;
  readonly #inlineBelow: number;
  #postings: TermPostings | undefined;
  /** Seqs the lists hold that changed since they were read, as far as the change log has been read (`#followed`). */
  #changed = new Set<number>();
  #followed = -1;
  #fileRead: Promise<void> | undefined;
  #reading: Promise<void> | undefined;
  #dueAt = 0;

  constructor(db: Database.Database, catalogFile: string, options: PostingOptions = {}) {
    this.#db = db;
    this.#catalogFile = catalogFile;
    this.#snapshotFile = path.join(path.dirname(catalogFile), 'search-snapshot.bin');
    this.#above = options.above ?? LIST_ABOVE;
    this.#budgetBytes = options.budgetBytes ?? POSTINGS_BUDGET_BYTES;
    this.#inlineBelow = options.inlineBelow ?? INLINE_BELOW;
  }

  /**
   * Reads the postings file, the first time, and when it is missing or of another index, starts
   * reading the lists afresh (so an engine's first text search need not be the one that asks).
   */
  async ready(snapshot: FacetSnapshot): Promise<void> {
    if (this.#budgetBytes > 0) await (this.#fileRead ??= this.#readFile(snapshot));
  }

  /**
   * The lists and what changed since they were read, for the index as it is now, or undefined
   * when there are none to use (then asks for them). Call in the read transaction the match runs in.
   */
  view(snapshot: FacetSnapshot): PostingsView | undefined {
    if (this.#budgetBytes <= 0) return undefined;
    const now = readIndexState(this.#db);
    if (this.#postings && followable(this.#postings.state, now)) this.#follow(this.#postings, now.generation);
    else this.#postings = undefined;
    if (!this.#postings || this.#stale(this.#postings, snapshot)) this.#readAfresh(snapshot);
    const postings = this.#postings;
    return postings && this.#changed.size <= CHANGED_LIMIT ? { postings, changed: this.#changed } : undefined;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#fileRead, this.#reading]);
  }

  async #readFile(snapshot: FacetSnapshot): Promise<void> {
    const parts = parsePostingsFile(await readFile(postingsFileOf(this.#snapshotFile)).catch(() => undefined));
    if (parts && !this.#postings) this.#take(parts);
    this.#db.transaction(() => this.view(snapshot))();
  }

  /** Reads the lists afresh: on this thread for a small index, else in a worker, at most so often. */
  #readAfresh(snapshot: FacetSnapshot): void {
    if (this.#reading || Date.now() < this.#dueAt) return;
    // Too few records for any term to be that common: nothing to read.
    if (snapshot.lastSeq() < this.#above) return this.#take({ state: readIndexState(this.#db), lastSeq: snapshot.lastSeq(), unlisted: [], terms: [], groups: [], lists: [] });
    const task = { kind: 'postings' as const, catalogFile: this.#catalogFile, postings: { above: this.#above, budgetBytes: this.#budgetBytes } };
    if (snapshot.lastSeq() < this.#inlineBelow) {
      // Inside the caller's read transaction: the lists are of the state the match reads.
      this.#take(runTask(this.#db, task).postings);
      return;
    }
    const started = Date.now();
    this.#reading = runAside({ ...task, snapshotFile: this.#snapshotFile, nice: BACKGROUND_NICE })
      .then(({ postings }) => this.#take(postings))
      // A failed read leaves FTS5 to answer alone until the next one.
      .catch(() => undefined)
      .finally(() => {
        this.#reading = undefined;
        this.#dueAt = Date.now() + Math.max(MIN_INTERVAL_MS, (Date.now() - started) / MAX_SHARE_OF_TIME);
      });
  }

  /** Notes the seqs the lists hold that the generations up to `generation` changed. */
  #follow(postings: TermPostings, generation: number): void {
    if (generation <= this.#followed) return;
    for (const seq of changedSeqs(this.#db, this.#followed, generation)) if (seq <= postings.lastSeq) this.#changed.add(seq);
    this.#followed = generation;
  }

  #stale(postings: TermPostings, snapshot: FacetSnapshot): boolean {
    return this.#changed.size > STALE_CHANGED || snapshot.lastSeq() - postings.lastSeq > postings.lastSeq * STALE_GROWTH;
  }

  #take(parts: TermPostingsParts): void {
    this.#postings = new TermPostings(parts);
    this.#changed = new Set();
    this.#followed = parts.state.generation;
  }
}
