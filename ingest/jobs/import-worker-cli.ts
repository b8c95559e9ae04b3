/**
 * `npm run import-worker`: runs the curators' web imports (dry runs and imports queued on the
 * upload pages) in a process of its own — the one to run with the Meilisearch admin key when the
 * web server holds only the search key. Stops after its current job on SIGINT/SIGTERM.
 */
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import { openArchive } from '../../core/open-archive.ts';
import { runImportWorkerLoop } from './import-worker.ts';
import { lowerProcessPriority } from '../../core/process/lower-thread-priority.ts';

const config = loadConfig();
const logger = createLogger(config, 'import-worker');
const archive = await openArchive(config, 'admin');
// After the archive is open, before any job: every thread of this process (the pool Node started included) below the server.
const unchanged = lowerProcessPriority(config.importNice);
if (unchanged) logger.warn({ nice: config.importNice, reason: unchanged }, 'the import worker runs at the server\'s priority: visitors\' pages compete with it for the CPU');
const loop = runImportWorkerLoop({ catalog: archive.catalog, engine: archive.engine, config, logger });
logger.info({ dataDir: config.dataDir }, 'import worker waiting for jobs');
const stop = () => void loop.stop().then(() => archive.close()).then(() => logger.info('import worker stopped'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
