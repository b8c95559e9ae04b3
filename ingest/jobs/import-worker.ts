/**
 * The import worker: one job at a time, oldest first, from the catalog's jobs table. It runs
 * as a child process of the web server (start-import-worker.ts) or as a process started on its
 * own (`npm run import-worker`, the one that holds the Meilisearch admin key). Imports that were
 * running when a server stopped are queued again when it starts, and uploads left a week without
 * an import are removed.
 */
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';
import { openArchive, type Archive } from '../../core/open-archive.ts';
import { lowerProcessPriority } from '../../core/process/lower-thread-priority.ts';
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

/**
 * Opens the archive as an admin tool, then puts every thread of this process (the pool Node
 * started included) below the server, before any job.
 */
export async function openWorkerArchive(config: Config, logger: Logger): Promise<Archive> {
  const archive = await openArchive(config, 'admin');
  const unchanged = lowerProcessPriority(config.importNice);
  if (unchanged) logger.warn({ nice: config.importNice, reason: unchanged }, 'the import worker runs at the server\'s priority: visitors\' pages compete with it for the CPU');
  return archive;
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
