/**
 * `npm run import-worker`: runs the curators' web imports (dry runs and imports queued on the
 * upload pages) in a process of its own — the one to run with the Meilisearch admin key when the
 * web server holds only the search key. Stops after its current job on SIGINT/SIGTERM.
 */
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/log.ts';
import { openWorkerArchive, runImportWorkerLoop } from './import-worker.ts';

const config = loadConfig();
const logger = createLogger(config, 'import-worker');
const archive = await openWorkerArchive(config, logger);
const loop = runImportWorkerLoop({ catalog: archive.catalog, engine: archive.engine, config, logger });
logger.info({ dataDir: config.dataDir }, 'import worker waiting for jobs');
const stop = () => void loop.stop().then(() => archive.close()).then(() => logger.info('import worker stopped'));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
