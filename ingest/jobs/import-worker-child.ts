/**
 * The import worker as a child process of the web server (start-import-worker.ts): its own
 * catalog connection and engine, so that reading, validating, writing and indexing an import
 * never hold the server's event loop; and every thread of it — V8's garbage collectors and the
 * file-system pool included, which a worker thread shares with the server and cannot lower —
 * below the server's priority (`ARCHIVE_IMPORT_NICE`), so that on a busy machine the CPU goes to
 * visitors' pages first. Messages from the server: `{ config }` first, then `wake` (a job was
 * queued) and `stop`.
 */
import type { Config } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import { openWorkerArchive, runImportWorkerLoop } from './import-worker.ts';

const { config } = await new Promise<{ config: Config }>((resolve) => process.once('message', resolve));
const logger = createLogger(config, 'import-worker');
const archive = await openWorkerArchive(config, logger);
const loop = runImportWorkerLoop({ catalog: archive.catalog, engine: archive.engine, config, logger });
let stopping = false;
process.on('message', (message) => {
  if (message === 'wake') loop.wake();
  if (message === 'stop' && !stopping) {
    stopping = true;
    void loop
      .stop()
      .then(() => archive.close())
      .then(() => process.send!('stopped', () => process.disconnect()));
  }
});
// The server is gone (killed, or crashed): end now rather than work on unwatched. Every batch is
// its own transaction, so the job shows as interrupted and the next server resumes it.
process.once('disconnect', () => stopping || process.exit(1));
// A Ctrl-C or a service manager's SIGTERM reaches the whole process group: the server, which gets
// it too, stops this worker after its current job, as it would a thread of its own.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => {});
process.send!('ready');
