/**
 * The import worker: one job at a time, oldest first, from the catalog's jobs table. It runs
 * beside the web server (a thread of its own, start-import-worker.ts) or as its own process
 * (`npm run import-worker`, the one that holds the Meilisearch admin key). Imports that were
 * running when a server stopped are queued again when it starts, and uploads left a week without
 * an import are removed.
 */
import type { JobSpec, JobParts } from './run-import-job.ts';
import { runImportJob } from './run-import-job.ts';
import { removeStaleUploads, UPLOAD_KEEP_DAYS } from '../uploads/remove-stale-uploads.ts';

/** How often an idle worker looks for a job it was not woken for (one queued by another process). */
const IDLE_POLL_MS = 500;

export interface ImportWorkerLoop {
  /** A job was queued: look now. */
  wake(): void;
  /** Stops after the job it is running (which then shows as interrupted if the process ends first). */
  stop(): Promise<void>;
}

export function runImportWorkerLoop(parts: JobParts): ImportWorkerLoop {
  let stopping = false;
  let woken: (() => void) | undefined;
  const resumed = parts.catalog.jobs.resumeInterrupted();
  if (resumed.length > 0) parts.logger.info({ jobs: resumed }, 'interrupted imports queued again');
  const loop = (async () => {
    const removed = await removeStaleUploads(parts.catalog, parts.config.uploadsDir, new Date(Date.now() - UPLOAD_KEEP_DAYS * 24 * 3600 * 1000));
    if (removed > 0) parts.logger.info({ uploads: removed }, 'uploads never imported removed');
    while (!stopping) {
      const job = parts.catalog.jobs.claimNext();
      if (job) {
        await runImportJob(job as typeof job & { spec: JobSpec }, parts);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        woken = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      woken = undefined;
    }
  })();
  return {
    wake: () => woken?.(),
    async stop() {
      stopping = true;
      woken?.();
      await loop;
    },
  };
}
