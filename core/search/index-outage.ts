import { MeiliWriteError } from './meilisearch/engine-errors.ts';
import { SearchUnavailableError } from './types.ts';

/**
 * A failure of the search engine, not of the catalog (down, slow, refusing its key, a task that
 * failed): the changes stay queued in the outbox and nothing is lost, so a writer may go on and
 * leave them for the next sync.
 */
export function isIndexOutage(error: unknown): error is Error {
  return error instanceof SearchUnavailableError || error instanceof MeiliWriteError;
}
