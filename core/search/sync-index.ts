/**
 * Keeps a search engine, and the suggestion index beside it, in step with the catalog through the
 * `index_queue` outbox.
 */
import type { Catalog, StoredRecord } from '../catalog/catalog.ts';
import { toSecondPrecision } from '../catalog/datestamp.ts';
import { applySuggestions, mergeStagedSuggestions, withSuggestionIndex } from './suggest/suggestion-index.ts';
import { WORKER_BATCH } from './persistent-worker.ts';
import type { SearchEngine } from './types.ts';

const SYNC_BATCH = 1000;

/**
 * Applies every queued catalog change to `engine` and the suggestions, oldest first,
 * acknowledging each batch only after both accepted it: a crash in between means the batch is
 * applied again, which is harmless because applying is idempotent. With `limit`, only the oldest
 * `limit` changes (an import batch just written, while the next one is being written). Returns
 * how many changes were applied.
 */
export async function syncIndex(catalog: Catalog, engine: SearchEngine, justWritten: readonly StoredRecord[] = [], limit = Number.POSITIVE_INFINITY): Promise<number> {
  // Records the caller has just written need not be read back (the common case: an import batch).
  const known = new Map(justWritten.map((stored) => [stored.record.id, stored]));
  let applied = 0;
  let staged = false;
  for (;;) {
    const changes = catalog.pendingChanges(Math.min(SYNC_BATCH, limit - applied));
    if (changes.length === 0) {
      // A batch the worker threads wrote staged its titles' suggestions; an import merges them at its end, a whole sync here.
      if (staged && limit === Number.POSITIVE_INFINITY) mergeStagedSuggestions(catalog);
      return applied;
    }
    staged ||= changes.length >= WORKER_BATCH;
    const wanted = changes.filter((change) => change.op === 'upsert').map((change) => change.recordId);
    const unknown = wanted.filter((id) => !known.has(id));
    const read = new Map(catalog.getRecords(unknown).map((stored) => [stored.record.id, stored]));
    const upserts = wanted.flatMap((id) => known.get(id) ?? read.get(id) ?? []);
    const present = new Set(upserts.map((stored) => stored.record.id));
    const deletedIds = changes.map((change) => change.recordId).filter((id) => !present.has(id));
    await applyToIndexAndSuggestions(catalog, engine, upserts, deletedIds);
    catalog.acknowledgeChanges(changes);
    applied += changes.length;
  }
}

/**
 * Rebuilds the whole index (and the suggestions) from the catalog; changes queued before it
 * started are then done.
 * An import running meanwhile may write a record after the rebuild read past it and sync it to
 * the index being replaced, so records changed since the start are applied again at the end.
 */
export async function reindexAll(catalog: Catalog, engine: SearchEngine, onProgress?: (done: number, total: number) => void): Promise<number> {
  const started = toSecondPrecision(Date.now());
  const total = catalog.countRecords();
  const queuedBefore = catalog.pendingChanges(Number.MAX_SAFE_INTEGER);
  await engine.rebuild(catalog.iterateRecords(), (done) => onProgress?.(done, total));
  withSuggestionIndex(catalog, (suggestions) => suggestions.rebuild(catalog.iterateRecords()));
  catalog.acknowledgeChanges(queuedBefore);
  const changedMeanwhile = catalog.recordsModifiedSince(started);
  if (changedMeanwhile.length > 0) {
    await applyToIndexAndSuggestions(catalog, engine, changedMeanwhile, []);
  }
  return total;
}

/** One transaction for both when the engine's index lives in the catalog file; otherwise both at once (an import's batches are written by worker threads, see their `apply`). */
async function applyToIndexAndSuggestions(catalog: Catalog, engine: SearchEngine, upserts: readonly StoredRecord[], deletedIds: readonly string[]): Promise<void> {
  if (engine.applyWithSuggestions) await engine.applyWithSuggestions(upserts, deletedIds);
  else await Promise.all([engine.apply(upserts, deletedIds), applySuggestions(catalog, upserts, deletedIds)]);
}
