/**
 * Every write a curator makes in the browser: under the archive's writer lock, taken without
 * waiting (a web request must not hold the event loop while an import runs: it is told "busy,
 * try again", 503, and nothing changes), then the search index brought along. The catalog is the
 * truth either way: if the engine cannot take the change now (Meilisearch down, or the server
 * holding only a search key), the outbox keeps it for the next sync and the write still stands.
 */
import { syncIndex } from '../../../core/search/sync-index.ts';
import type { SiteContext } from '../../site-context.ts';
import { BusyError } from '../curator-errors.ts';

export interface WriteResult<T> {
  value: T;
  /** False when the search index could not follow yet (it will at the next sync). */
  indexed: boolean;
}

/** Runs `write` under the writer lock (or throws `BusyError` at once), then syncs the search index. */
export async function writeArchive<T>(site: Pick<SiteContext, 'catalog' | 'engine' | 'logger'>, purpose: string, write: () => T): Promise<WriteResult<T>> {
  const taken = site.catalog.writerLock.tryAcquire(purpose);
  if ('holder' in taken) throw new BusyError('curator.error.busy', { purpose: taken.holder.purpose, since: taken.holder.since.slice(0, 19).replace('T', ' ') });
  try {
    const value = write();
    site.logger.info({ purpose }, 'curator change written');
    try {
      await syncIndex(site.catalog, site.engine);
      return { value, indexed: true };
    } catch (error) {
      site.logger.warn({ err: error, purpose }, 'the search index could not follow a curator write; it stays queued');
      return { value, indexed: false };
    }
  } finally {
    taken.release();
  }
}
