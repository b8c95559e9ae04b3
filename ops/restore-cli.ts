/**
 * `npm run restore -- SRC`: a backup into the empty data directory `ARCHIVE_DATA_DIR`, verified
 * (checksums, `PRAGMA integrity_check`, row counts against the manifest) before it is kept.
 * Exit status (core/cli/exit-codes.ts): 0 restored and verified, 1 refused (nothing changed),
 * 2 bad usage.
 */
import path from 'node:path';
import { restoreBackup } from '../core/backup/restore-backup.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { runCommand } from '../core/cli/run-command.ts';
import { loadConfig } from '../core/config.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import { createLogger } from '../core/log.ts';
import { createProgress } from '../ingest/progress.ts';
import { abortOnInterrupt, folderArgument, INTERRUPTED, megabyteProgress, printRefusal } from './command-output.ts';

const PROGRESS_LABELS: Record<'verify' | 'copy' | 'check', MessageKey> = {
  verify: 'restore.progress_verify',
  copy: 'restore.progress_copy',
  check: 'restore.progress_check',
};

await runCommand({ name: 'restore', usage: 'restore.usage', options: {}, positionals: true }, async (cli) => {
  const source = folderArgument(cli, { missing: 'restore.missing_source', tooMany: 'restore.too_many_arguments', usage: 'restore.usage' });
  if (source === undefined) return EXIT.usage;
  // Not cli.config(): a failing command opens its log in the configured data directory, and
  // this one must leave that directory as empty as it found it.
  const config = loadConfig();
  const progress = createProgress();
  const signal = abortOnInterrupt();
  const showBytes = megabyteProgress(progress);
  const started = Date.now();
  try {
    const manifest = await restoreBackup({
      source,
      dataDir: config.dataDir,
      signal,
      onProgress: (stage, done, total) => showBytes(cli.text(PROGRESS_LABELS[stage]), done, total),
    });
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    cli.print('restore.done', {
      src: path.resolve(source),
      dir: config.dataDir,
      records: manifest.catalog.tables.records,
      files: manifest.folders.media.files.length,
      tables: Object.keys(manifest.catalog.tables).length,
      seconds: seconds.toFixed(1),
    });
    cli.print('restore.next_step');
    // Only now: the data directory had to be empty, and a refusal leaves it so.
    createLogger(config, 'restore', 'file').info({ source: path.resolve(source), tables: manifest.catalog.tables, seconds }, 'restore finished');
    return EXIT.ok;
  } catch (error) {
    progress.stop();
    if (signal.aborted) {
      cli.printError('restore.interrupted', { dir: config.dataDir });
      return INTERRUPTED;
    }
    return printRefusal(cli, error);
  }
});
