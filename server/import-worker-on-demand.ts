/**
 * The web imports' worker process (ingest/jobs), started when a job is queued and ended once no job
 * has been queued or running for a while. An idle worker still holds its own copy of the archive's
 * modules, a catalog connection and the jieba dictionary — about 165 MB that a server answering
 * visitors between imports does not need (measured at 100k records: 478 MB with it, 315 MB without).
 *
 * Once no job is left, the server's engine merges what the imports left of its index in pieces
 * (`mergeIndex`: niced, in a worker thread, a step at a time), as a CLI import merges its own: a
 * web import commits a batch at a time, each batch adds FTS5 segments, and every query reads every
 * segment until the next server start would merge them.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/log.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { startImportWorker, type ImportWorker } from '../ingest/jobs/start-import-worker.ts';
import { removeStaleUploads, UPLOAD_KEEP_DAYS } from '../ingest/uploads/remove-stale-uploads.ts';

/** How often the server looks for a queued job (as often as an idle worker looks itself). */
const POLL_MS = 500;
/** An import's dry run, its import and the next upload usually follow within this: one worker serves them all. */
const IDLE_MS = 30_000;

export interface OnDemandImportWorker {
  /** True while the worker is up (or starting). */
  running(): boolean;
  /** Lets a running job finish, then ends the worker and the polling. */
  stop(): Promise<void>;
}

export interface OnDemandOptions {
  pollMs?: number;
  idleMs?: number;
}

/**
 * Resumes interrupted imports and removes stale uploads now (as the worker would when it starts),
 * then keeps a worker up exactly while there are jobs, and has `engine` merge its index each time
 * the last of them has finished.
 */
export async function runImportWorkerOnDemand(config: Config, catalog: Catalog, engine: Pick<SearchEngine, 'mergeIndex'>, logger: Logger, options: OnDemandOptions = {}): Promise<OnDemandImportWorker> {
  const { pollMs = POLL_MS, idleMs = IDLE_MS } = options;
  const resumed = catalog.jobs.resumeInterrupted();
  if (resumed.length > 0) logger.info({ jobs: resumed }, 'interrupted imports queued again');
  // Left for the next start if the folder cannot be removed now: serving the archive matters more.
  await removeStaleUploads(catalog, config.uploadsDir, new Date(Date.now() - UPLOAD_KEEP_DAYS * 24 * 3600 * 1000)).then(
    (removed) => removed > 0 && logger.info({ uploads: removed }, 'uploads never imported removed'),
    (error: unknown) => logger.warn({ err: error }, 'stale uploads could not be removed; the next start tries again'),
  );

  let worker: ImportWorker | undefined;
  /** A start or a stop under way: the next look waits for it, so there is never more than one worker. */
  let changing: Promise<void> | undefined;
  let lastBusy = Date.now();
  let stopped = false;
  /** Jobs were queued or running at the last look: when none are left, the index they wrote is merged. */
  let busy = false;

  const look = () => {
    if (changing || stopped) return;
    if (worker && !worker.alive()) worker = undefined; // ended by itself (it said why): a job waiting starts another
    const unfinished = catalog.jobs.unfinished() > 0;
    if (busy && !unfinished) void mergeIndex();
    busy = unfinished;
    if (unfinished) {
      lastBusy = Date.now();
      if (!worker) changing = start();
    } else if (worker && Date.now() - lastBusy >= idleMs) {
      changing = end();
    }
  };
  // A dry run wrote nothing: the engine finds its index in one piece and starts no merge.
  const mergeIndex = async () => {
    const outcome = await engine.mergeIndex?.();
    if (outcome && 'error' in outcome) logger.warn({ merge: outcome }, 'the search index could not be merged after the imports; the next server start tries again');
    else if (outcome && outcome.steps > 0) logger.info({ merge: outcome }, 'search index merged after the imports');
  };
  const start = async () => {
    try {
      worker = await startImportWorker(config, logger);
      logger.info({ pid: worker.pid }, 'import worker started');
    } catch (error) {
      // The next look tries again; meanwhile the jobs wait in the queue.
      logger.error({ err: error }, 'the import worker could not start');
    } finally {
      changing = undefined;
    }
  };
  const end = async () => {
    const ending = worker!;
    worker = undefined;
    try {
      await ending.stop();
      logger.info('import worker ended: no job left');
    } finally {
      changing = undefined;
    }
  };

  const timer = setInterval(look, pollMs);
  timer.unref();
  look();
  return {
    running: () => worker !== undefined || changing !== undefined,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await changing;
      await worker?.stop();
      worker = undefined;
    },
  };
}
