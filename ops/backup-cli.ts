/**
 * `npm run backup -- DEST`: a consistent copy of the archive in `ARCHIVE_DATA_DIR` (catalog,
 * media store, import reports) with a manifest, safe while the server serves and an import writes.
 * Exit status (core/cli/exit-codes.ts): 0 written, 1 refused (nothing written), 2 bad usage,
 * 4 the catalog is damaged (nothing written).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBackup } from '../core/backup/create-backup.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { runCommand } from '../core/cli/run-command.ts';
import { PROJECT_ROOT } from '../core/config.ts';
import { checkCatalogFile } from '../core/faults/check-catalog-file.ts';
import { createProgress } from '../ingest/progress.ts';
import { abortOnInterrupt, folderArgument, INTERRUPTED, megabyteProgress, megabytes, printRefusal } from './command-output.ts';

await runCommand({ name: 'backup', usage: 'backup.usage', options: {}, positionals: true }, async (cli) => {
  const destination = folderArgument(cli, { missing: 'backup.missing_destination', tooMany: 'backup.too_many_arguments', usage: 'backup.usage' });
  if (destination === undefined) return EXIT.usage;
  const config = cli.config();
  // An empty, truncated or non-SQLite catalog ends the command as every command reports it (exit 4).
  checkCatalogFile(config.catalogFile);
  const progress = createProgress();
  const signal = abortOnInterrupt();
  const showBytes = megabyteProgress(progress);
  const started = Date.now();
  try {
    const manifest = await createBackup({
      dataDir: config.dataDir,
      destination,
      software: softwareOf(),
      signal,
      onProgress: (stage, done, total) =>
        stage === 'catalog'
          ? showBytes(cli.text('backup.progress_catalog'), done, total)
          : progress.update(cli.text('backup.progress_files'), done, total),
    });
    progress.stop();
    const seconds = (Date.now() - started) / 1000;
    const files = manifest.folders.media.files.length;
    const bytes = manifest.catalog.bytes + manifest.folders.media.bytes + manifest.folders.reports.bytes;
    cli.print('backup.done', {
      dest: path.resolve(destination),
      records: manifest.catalog.tables.records,
      tables: Object.keys(manifest.catalog.tables).length,
      files,
      size: `${megabytes(bytes)} MB`,
      seconds: seconds.toFixed(1),
    });
    cli.log().info({ destination: path.resolve(destination), tables: manifest.catalog.tables, mediaFiles: files, bytes, seconds }, 'backup finished');
    return EXIT.ok;
  } catch (error) {
    progress.stop();
    if (signal.aborted) {
      cli.printError('backup.interrupted', { dest: path.resolve(destination) });
      return INTERRUPTED;
    }
    return printRefusal(cli, error);
  }
});

/** Which release wrote the backup, for the manifest. */
function softwareOf(): { name: string; version: string } {
  const { name, version } = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name, version };
}
