/**
 * The import worker's thread: its own catalog connection and engine (openArchive as an admin
 * tool), so that reading, validating, writing and indexing an import never hold the web server's
 * event loop; and at a lower scheduling priority (`ARCHIVE_IMPORT_NICE`), so that on a busy machine
 * the CPU goes to visitors' pages first. Messages: `wake` (a job was queued), `stop`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import { openArchive } from '../../core/open-archive.ts';
import { runImportWorkerLoop } from './import-worker.ts';
import { lowerThreadPriority } from '../../core/process/lower-thread-priority.ts';

const config = (workerData as { config: Config }).config;
const logger = createLogger(config, 'import-worker');
const archive = await openArchive(config, 'admin');
// After the archive is open (so the shared thread pool was started at normal priority), before any job.
const unchanged = lowerThreadPriority(config.importNice);
if (unchanged) logger.warn({ nice: config.importNice, reason: unchanged }, 'the import worker runs at the server\'s priority: visitors\' pages compete with it for the CPU');
const loop = runImportWorkerLoop({ catalog: archive.catalog, engine: archive.engine, config, logger });
parentPort!.on('message', (message: string) => {
  if (message === 'wake') loop.wake();
  if (message === 'stop') {
    void loop
      .stop()
      .then(() => archive.close())
      .then(() => parentPort!.postMessage('stopped'));
  }
});
parentPort!.postMessage('ready');
