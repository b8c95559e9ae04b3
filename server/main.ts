/**
 * `npm start`: serves the archive in ARCHIVE_DATA_DIR on PORT (default 3000), importing the demo
 * collections first when the archive is empty. Logs JSON lines; closes cleanly on SIGINT/SIGTERM.
 */
import type { AddressInfo } from 'node:net';
import { EXIT } from '../core/cli/exit-codes.ts';
import { loadConfig } from '../core/config.ts';
import { classifyFault, type FaultScene } from '../core/faults/classify-fault.ts';
import { langFromLocale, translate } from '../core/i18n/translate.ts';
import { createLogger, type Logger } from '../core/log.ts';
import { openArchive } from '../core/open-archive.ts';
import { createApp } from './app.ts';
import { startIndexDrainer } from './drain-index-queue.ts';
import { ingestDemoIfEmpty } from './first-run.ts';
import { runImportWorkerOnDemand, type OnDemandImportWorker } from './import-worker-on-demand.ts';
import { warnAboutMissingMedia } from './health/find-missing-media.ts';

const FORCED_EXIT_MS = 10_000;
const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    return stopWith(error, {});
  }
  const logger = createLogger(config, 'site');
  let archive;
  try {
    // The server searches with the search-only key; index writes are the admin tools' job.
    archive = await openArchive(config, 'server');
    for (const warning of archive.warnings) logger.warn({ problem: warning.key }, translate('en', warning.key, warning.params));
    if (config.engine === 'embedded') {
      await ingestDemoIfEmpty({ ...archive, collectionsDir: config.collectionsDir, reportsDir: config.reportsDir, mediaDir: config.mediaDir, logger });
    } else if (archive.catalog.countRecords() === 0) {
      logger.warn('the archive is empty: import records with `npm run ingest` (it holds the Meilisearch admin key)');
    }
  } catch (error) {
    // Nothing of the archive may keep the process alive after it failed to start.
    await archive?.close().catch(() => undefined);
    return stopWith(error, { catalogFile: config.catalogFile, dataDir: config.dataDir }, logger);
  }
  const app = createApp({ config, catalog: archive.catalog, engine: archive.engine, logger });
  void warnAboutMissingMedia(archive.catalog, config.mediaDir, logger);
  // With Meilisearch the server holds only a search key: the next import or reindex syncs instead.
  const drainer = config.engine === 'embedded' ? startIndexDrainer({ ...archive, logger }) : undefined;
  // Web imports run in a child process below the server's priority, started when one is queued, so pages keep being served
  // while one runs. With Meilisearch the server holds only a search key: `npm run import-worker`
  // (given the admin key) runs them.
  let worker: OnDemandImportWorker | undefined;
  if (config.engine === 'embedded') worker = await runImportWorkerOnDemand(config, archive.catalog, archive.engine, logger);
  else logger.info('web imports wait for `npm run import-worker`, which holds the Meilisearch admin key');

  // Express 5 hands a failure to listen (a port in use, one not allowed) to this callback.
  const server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      drainer?.stop();
      const code = (error as NodeJS.ErrnoException).code;
      const key = code === 'EADDRINUSE' ? 'cli.port_in_use' : 'cli.cannot_listen';
      const params = { port: String(config.port), host: config.host, detail: error.message };
      logger.fatal({ err: error }, translate('en', key, params));
      console.error(translate(langFromLocale(process.env.LC_ALL || process.env.LANG), key, params));
      void archive.close().finally(() => process.exit(EXIT.usage));
      return;
    }
    const { port } = server.address() as AddressInfo;
    const host = LOCAL_HOSTS.has(config.host) ? 'localhost' : config.host;
    logger.info({ url: `http://${host}:${port}`, host: config.host, port, dataDir: config.dataDir, records: archive.catalog.countRecords() }, 'listening');
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    drainer?.stop();
    server.close(() => {
      // A job still running shows as interrupted and is queued again at the next start.
      void Promise.resolve(worker?.stop())
        .then(() => archive.close())
        .then(() => logger.info('closed'));
    });
    // Keep-alive connections would hold close() open until they time out.
    server.closeIdleConnections();
    // The process then ends on its own once the log is flushed; this is only a backstop.
    setTimeout(() => process.exit(0), FORCED_EXIT_MS).unref();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

/**
 * A damaged catalog, a read-only or full data directory, a bad variable: one line for the operator
 * in their language (and one log line), the fault's exit status, never a stack trace.
 */
function stopWith(error: unknown, scene: FaultScene, logger?: Logger): void {
  const fault = classifyFault(error, scene);
  if (!fault) throw error;
  logger?.fatal({ fault: fault.key }, translate('en', fault.key, fault.params));
  console.error(translate(langFromLocale(process.env.LC_ALL || process.env.LANG), fault.key, fault.params));
  process.exitCode = fault.exitCode;
}

await main();
