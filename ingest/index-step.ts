/**
 * The index step of an import: after each batch is committed, the search engine is brought up to
 * date from the outbox. If the engine cannot take the changes (Meilisearch down, slow, refusing
 * its key), the import goes on — the catalog is the source of truth and the outbox keeps every
 * change — and stops trying for the rest of the run, so a dead engine costs one timeout, not one
 * per batch. The run then ends saying how many changes wait for the next sync.
 */
import type { Catalog, StoredRecord } from '../core/catalog/catalog.ts';
import { isIndexOutage } from '../core/search/index-outage.ts';
import { mergeStagedSuggestions, startSuggestionWorker } from '../core/search/suggest/suggestion-index.ts';
import { syncIndex } from '../core/search/sync-index.ts';
import type { SearchEngine } from '../core/search/types.ts';

export interface IndexStep {
  /**
   * Starts applying the queued changes (the batch just written among them) unless the engine is
   * out, after the previous batch's are applied: one batch is indexed while the next is written.
   */
  afterBatch(written: readonly StoredRecord[]): Promise<void>;
  /** A file of many rows is about to be read: the threads that write its batches start meanwhile. */
  expectBatches(): void;
  /** Waits until every batch handed over is applied (or the engine went out), then brings in the titles' suggestions they staged. */
  settle(): Promise<void>;
  /** Why the engine took no more changes, once it failed. */
  readonly outage: Error | undefined;
}

export function createIndexStep(catalog: Catalog, engine: SearchEngine, outage?: Error): IndexStep {
  let stopped = outage;
  let inFlight: Promise<void> = Promise.resolve();
  const sync = async (written: readonly StoredRecord[], limit: number) => {
    try {
      await syncIndex(catalog, engine, written, limit);
    } catch (error) {
      if (!isIndexOutage(error)) throw error;
      stopped = error;
    }
  };
  return {
    async afterBatch(written) {
      await inFlight;
      if (stopped) return;
      // The changes queued now, this batch's last: the next batch's are left for the next call.
      inFlight = sync(written, catalog.countPendingChanges());
      // A failure surfaces at the next batch or at `settle`, never as an unhandled rejection.
      inFlight.catch(() => undefined);
    },
    expectBatches() {
      if (stopped) return;
      engine.expectBatches?.();
      // An engine that writes the suggestions with its index needs no thread of their own.
      if (!engine.applyWithSuggestions) startSuggestionWorker(catalog);
    },
    async settle() {
      await inFlight;
      // Whatever the engine did: the suggestion tables live in the catalog file.
      mergeStagedSuggestions(catalog);
    },
    get outage() {
      return stopped;
    },
  };
}
