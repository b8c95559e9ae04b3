/**
 * The server applies changes left in the outbox by an import that died between committing a batch
 * and indexing it (kill -9, a crash, Meilisearch down meanwhile is the admin tools' case): within
 * seconds, not only at the next import, the committed records become searchable. A live writer
 * (an import, a reindex) holds the writer lock and syncs its own changes, so the server only
 * drains while nobody holds it, and holds it itself while it does.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import type { Logger } from '../core/log.ts';
import { isIndexOutage } from '../core/search/index-outage.ts';
import { syncIndex } from '../core/search/sync-index.ts';
import type { SearchEngine } from '../core/search/types.ts';

export const DRAIN_INTERVAL_MS = 2_000;
/** Give up taking the lock at once if another writer got it first: that writer syncs. */
const LOCK_PATIENCE_MS = 50;

export interface IndexDrainer {
  stop(): void;
}

export function startIndexDrainer({ catalog, engine, logger }: { catalog: Catalog; engine: SearchEngine; logger: Logger }, intervalMs = DRAIN_INTERVAL_MS): IndexDrainer {
  let busy = false;
  const drain = async () => {
    if (busy || catalog.countPendingChanges() === 0 || catalog.writerLock.holder()) return;
    busy = true;
    let release: (() => void) | undefined;
    try {
      release = await catalog.writerLock.acquire('index-sync', { signal: AbortSignal.timeout(LOCK_PATIENCE_MS) });
      const applied = await syncIndex(catalog, engine);
      if (applied > 0) logger.info({ applied }, 'indexed changes a stopped import had left queued');
    } catch (error) {
      // Someone else took the lock (they will sync), or the engine is out (the queue keeps the changes).
      if ((error as Error).name !== 'AbortError' && (error as Error).name !== 'TimeoutError') {
        logger[isIndexOutage(error) ? 'warn' : 'error']({ err: error }, 'could not index the queued changes; they stay queued');
      }
    } finally {
      release?.();
      busy = false;
    }
  };
  const timer = setInterval(() => void drain(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
