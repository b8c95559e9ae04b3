/**
 * The embedded engine's large reads, each from one consistent state of the catalog file: a full
 * snapshot load (which also writes the snapshot file), the sort orders (and their file), the typo
 * vocabulary, the common terms' posting lists (and their file). Run in a worker thread for a
 * large index (snapshot-worker.ts), inline for a small one (which needs no file: it loads in
 * milliseconds).
 */
import type Database from 'better-sqlite3';
import { allDocRows } from './doc-rows.ts';
import { FacetSnapshot, type SnapshotParts, type SortKey } from './facet-snapshot.ts';
import { readIndexState, type IndexState } from './index-changes.ts';
import { writeOrdersFile, writePostingsFile, writeSnapshotFile } from './snapshot-file.ts';
import { computeOrders } from './sort-orders.ts';
import { readTermPostings, type TermPostingsParts } from './term-postings.ts';
import { readVocabulary, type VocabularyLists } from './typo-vocabulary.ts';

export interface TaskResults {
  load: { state: IndexState; parts: SnapshotParts };
  orders: { state: IndexState; orders: Record<SortKey, Int32Array> };
  vocabulary: { state: IndexState; vocabulary: VocabularyLists };
  postings: { state: IndexState; postings: TermPostingsParts };
}

export type TaskKind = keyof TaskResults;

export interface Task<K extends TaskKind = TaskKind> {
  kind: K;
  catalogFile: string;
  /** Where the snapshot (and beside it, its orders) are kept for the next start; none for a small index. */
  snapshotFile?: string;
  /** How much lower the worker thread's scheduling priority is (0–19): work nobody waits for, done while the previous state serves. */
  nice?: number;
  /** Postings: terms in this many documents or more are listed, within this many bytes (term-postings.ts). */
  postings?: { above: number; budgetBytes: number };
}

export function runTask<K extends TaskKind>(db: Database.Database, task: Task<K>): TaskResults[K] {
  // One read transaction: what is read and the generation it belongs to come from one state of the file.
  return db.transaction(() => {
    const state = readIndexState(db);
    switch (task.kind) {
      case 'load': {
        const snapshot = new FacetSnapshot();
        for (const rows of allDocRows(db)) snapshot.upsert(rows);
        const parts = snapshot.parts();
        if (task.snapshotFile) writeSnapshotFile(task.snapshotFile, state, parts);
        return { state, parts };
      }
      case 'orders': {
        const orders = computeOrders(db);
        if (task.snapshotFile) writeOrdersFile(task.snapshotFile, state, orders);
        return { state, orders };
      }
      case 'postings': {
        const postings = readTermPostings(db, state, task.postings?.above, task.postings?.budgetBytes);
        if (task.snapshotFile) writePostingsFile(task.snapshotFile, postings);
        return { state, postings };
      }
      default:
        return { state, vocabulary: readVocabulary(db) };
    }
  })() as TaskResults[K];
}
