/**
 * A full rebuild with zero downtime: load a fresh `<index>_next` with the current settings while
 * searches keep reading the live index, then swap the two atomically and delete the old one.
 * Until the swap, a failure leaves the live index exactly as it was.
 */
import type { EnqueuedTask, Meilisearch } from 'meilisearch';
import type { StoredRecord } from '../../catalog/catalog.ts';
import { chunkDocuments } from './chunk-documents.ts';
import { PRIMARY_KEY, type MeiliDocument } from './document.ts';
import { callMeili, MeiliWriteError, type ErrorContext } from './engine-errors.ts';
import { indexSettings } from './index-settings.ts';
import { waitForTasks } from './wait-tasks.ts';

/** Batches uploaded but not yet indexed: enough for Meilisearch to merge them, few enough to report progress as it goes. */
const MAX_BATCHES_IN_FLIGHT = 4;

export interface RebuildTarget {
  client: Meilisearch;
  context: ErrorContext;
  /** The longest to wait for any one task (settings, a batch, the swap). */
  taskTimeoutMs: number;
}

export interface RebuildHooks {
  /** The document for a record. */
  documentOf: (stored: StoredRecord) => MeiliDocument;
  /** Called with each batch before its documents are made. */
  onBatch?: (records: readonly StoredRecord[]) => void;
  /** Records indexed so far. */
  onProgress?: (done: number) => void;
}

export function nextIndexName(live: string): string {
  return `${live}_next`;
}

/** Replaces the live index (`target.context.index`) with one built from `batches`. */
export async function rebuildBySwap(target: RebuildTarget, batches: Iterable<StoredRecord[]>, hooks: RebuildHooks): Promise<void> {
  const { client, context } = target;
  const live = context.index;
  const next = nextIndexName(live);
  const run = (call: () => Promise<EnqueuedTask>, toleratedCodes: readonly string[] = []) =>
    callMeili(context, call).then((task) => waitForTasks(client, [task], { timeoutMs: target.taskTimeoutMs, toleratedCodes }, context));

  try {
    // Left over by a rebuild that was interrupted.
    await run(() => client.deleteIndex(next), ['index_not_found']);
    await run(() => client.createIndex(next, { primaryKey: PRIMARY_KEY }));
    await run(() => client.index(next).updateSettings(indexSettings()));
    await loadDocuments(target, next, batches, hooks);
    // The swap needs both indexes: on a first rebuild the live one does not exist yet.
    await run(() => client.createIndex(live, { primaryKey: PRIMARY_KEY }), ['index_already_exists']);
    await run(() => client.swapIndexes([{ indexes: [live, next], rename: false }]));
  } catch (error) {
    await callMeili(context, () => client.deleteIndex(next)).catch(() => undefined);
    throw new MeiliWriteError('search.meili.rebuild_failed', { index: live, detail: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  // `next` now holds the old documents. The swap is done, so a failure here is not a failed
  // rebuild: whatever is left is deleted at the start of the next one.
  await run(() => client.deleteIndex(next)).catch(() => undefined);
}

async function loadDocuments({ client, context, taskTimeoutMs }: RebuildTarget, uid: string, batches: Iterable<StoredRecord[]>, hooks: RebuildHooks): Promise<void> {
  const index = client.index(uid);
  const inFlight: { task: EnqueuedTask; count: number }[] = [];
  let done = 0;
  const settleOldest = async () => {
    const { task, count } = inFlight.shift()!;
    await waitForTasks(client, [task], { timeoutMs: taskTimeoutMs }, context);
    hooks.onProgress?.((done += count));
  };
  for (const batch of batches) {
    hooks.onBatch?.(batch);
    for (const chunk of chunkDocuments(batch.map(hooks.documentOf))) {
      inFlight.push({ task: await callMeili(context, () => index.addDocuments(chunk, { primaryKey: PRIMARY_KEY })), count: chunk.length });
      if (inFlight.length > MAX_BATCHES_IN_FLIGHT) await settleOldest();
    }
  }
  while (inFlight.length > 0) await settleOldest();
}
