/**
 * `npm run ingest -- [file-or-folder …] [--dry-run] [--mode=upsert|create|update|merge]
 * [--on-existing=update|skip|error] [--encoding NAME] [--sheet NAME] [--mapping NAME] [--lang=zh|en]`
 * Exit status (core/cli/exit-codes.ts): 0 everything imported, 1 something was refused (see the
 * report), 2 bad usage, and the runner's statuses for faults (damaged catalog, full disk …).
 */
import path from 'node:path';
import type { OnExisting } from '../core/catalog/catalog.ts';
import { normalizeProfileName } from '../core/catalog/mapping-profiles.ts';
import { writeTurnTotals } from '../core/catalog/write-turns.ts';
import { cliActor } from '../core/cli/cli-actor.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { printable } from '../core/cli/printable.ts';
import { CliFailure } from '../core/cli/cli-failure.ts';
import { runCommand, type CommandContext } from '../core/cli/run-command.ts';
import { classifyFault } from '../core/faults/classify-fault.ts';
import type { NestedMessage } from '../core/i18n/translate.ts';
import { markCurated } from '../core/curated-archive.ts';
import { openArchive } from '../core/open-archive.ts';
import type { MediaSummary } from './media/media-step.ts';
import { IMPORT_MODES, type ImportMode } from './import-policy.ts';
import { lowerProcessPriority } from '../core/process/lower-thread-priority.ts';
import { createProgress } from './progress.ts';
import { mergeIndexAloud } from './merge-index-aloud.ts';
import { listMappings, printEncodings, readOptionsOf } from './read-options-cli.ts';
import type { IngestReport } from './report.ts';
import { runIngest } from './run-ingest.ts';
import { listImports, undoCommand } from './undo-command.ts';
import { writeReport } from './write-report.ts';

const PROBLEMS_SHOWN = 20;
const ON_EXISTING: readonly OnExisting[] = ['update', 'skip', 'error'];

const OPTIONS = {
  'dry-run': { type: 'boolean' },
  undo: { type: 'string' },
  force: { type: 'boolean' },
  imports: { type: 'boolean' },
  'on-existing': { type: 'string', default: 'update', choices: ON_EXISTING },
  mode: { type: 'string', default: 'upsert', choices: IMPORT_MODES },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  mapping: { type: 'string' },
  mappings: { type: 'boolean' },
} as const;

type Cli = CommandContext<typeof OPTIONS>;

async function ingest(cli: Cli): Promise<number> {
  if (cli.values.imports) return listImports(cli);
  if (cli.values.undo !== undefined) {
    if (cli.positionals.length > 0) throw new CliFailure(EXIT.usage, 'undo.with_files');
    return undoCommand(cli, cli.values.undo, cli.values.force ?? false);
  }
  const config = cli.config();
  const log = cli.log();
  const paths = cli.positionals.length > 0 ? cli.positionals : [config.collectionsDir];
  const dryRun = cli.values['dry-run'] ?? false;
  const archive = await openArchive(config);
  if (cli.values.mappings) {
    const status = listMappings(cli, archive.catalog);
    await archive.close();
    return status;
  }
  let read;
  try {
    read = readOptionsOf(cli.values, archive.catalog);
  } catch (error) {
    await archive.close();
    throw error;
  }
  // Before anything else: even if killed now, this archive is the curator's and never gets the demo.
  if (!dryRun) markCurated(archive.catalog);
  // Below the server's priority, as the web imports' worker runs (ARCHIVE_IMPORT_NICE): the writer
  // threads this import starts inherit it, and those Node started before are lowered too (lowerProcessPriority),
  // so on a shared machine visitors' pages go first.
  const unchanged = lowerProcessPriority(config.importNice);
  if (unchanged) log.warn({ nice: config.importNice, reason: unchanged }, 'the import runs at the server\'s priority');
  const progress = createProgress();
  log.info({ paths, dryRun }, 'ingest started');
  try {
    const { report, nothingFound, media, indexOutage } = await runIngest({
      catalog: archive.catalog,
      engine: archive.engine,
      ...(archive.indexOutage && { indexOutage: archive.indexOutage }),
      paths,
      dryRun,
      onExisting: cli.values['on-existing'] as OnExisting,
      mode: cli.values.mode as ImportMode,
      read,
      scratchDir: path.join(config.dataDir, 'scratch'),
      // A file with images shows images done / total: they take the time, its records follow at once.
      onProgress: ({ file, done, total, images }) =>
        images
          ? progress.update(`${cli.text('media.progress')} ${printable(file)}`, images.done, images.total)
          : progress.update(`${cli.text('ingest.progress')} ${printable(file)}`, done, total),
      media: { mediaDir: config.mediaDir, publishOriginals: config.publishOriginals },
      actor: cliActor(),
      ...(cli.values.mapping && { provenance: { profile: normalizeProfileName(cli.values.mapping) ?? cli.values.mapping } }),
      onWaitForWriter: (holder) => cli.printError('catalog.waiting_for_writer', { purpose: holder.purpose, pid: holder.owner.pid, since: holder.since }),
    });
    progress.stop();
    if (nothingFound && report.files.length === 0) {
      cli.printError('ingest.no_input', { paths: paths.join(', ') });
      return EXIT.usage;
    }
    // The summary first: if the disk is full, the report cannot be written but the summary is still seen.
    printEncodings(report, cli);
    printSummary(report, cli, dryRun);
    if (media) printMediaSummary(media, cli, dryRun);
    const written = await writeReport(report, config.reportsDir, { dryRun, catalog: archive.catalog });
    cli.print('ingest.report_written', { path: path.relative(process.cwd(), written.csv) });
    if (report.importId !== undefined) cli.print('ingest.import_id', { id: report.importId });
    // The write turns say how much of the run was the catalog file's serial part, thread by thread (0: this one, the others: index workers).
    const writeTurns = writeTurnTotals().map(({ thread, turns, waitedMs, heldMs }) => ({ thread, turns, waitedMs: Math.round(waitedMs), heldMs: Math.round(heldMs) }));
    log.info({ totals: report.totals(), files: report.files.length, report: written.json, failed: report.hasFailures(), writeTurns }, 'ingest finished');
    // The embedded engine merges its index's segments (in a niced worker; a no-op below 20,000 records), so searches read fewer pieces.
    if (!dryRun && !indexOutage) await mergeIndexAloud(archive.engine, cli, log);
    if (indexOutage) {
      const queued = archive.catalog.countPendingChanges();
      log.warn({ err: indexOutage, queued }, 'search index behind the catalog');
      cli.printError('cli.index_behind', { detail: outageMessage(indexOutage), count: queued });
      return EXIT.indexBehind;
    }
    return report.hasFailures() ? EXIT.refused : EXIT.ok;
  } finally {
    progress.stop();
    await archive.close();
  }
}

/** The engine's own explanation (unreachable, timed out, key refused …) as a message. */
function outageMessage(error: Error): NestedMessage {
  const fault = classifyFault(error);
  return fault ? { key: fault.key, params: fault.params } : { key: 'search.meili.server_error', params: { detail: error.message } };
}

function printSummary(report: IngestReport, cli: Cli, dryRun: boolean): void {
  if (dryRun) cli.print('ingest.dry_run');
  for (const file of report.files) {
    if (file.refused) {
      cli.print('ingest.file_refused', { file: file.file, reason: cli.text(file.refused.key, file.refused.params) });
      continue;
    }
    cli.print('ingest.file_summary', { file: file.file, created: file.created, updated: file.updated, unchanged: file.unchanged, failed: file.failed });
    if (file.unknownColumns.length > 0) cli.print('ingest.unknown_columns', { file: file.file, columns: file.unknownColumns.join(', ') });
  }
  const problems = report.entries.filter((entry) => entry.severity !== 'warning' || report.entries.length <= PROBLEMS_SHOWN);
  if (problems.length > 0) {
    cli.print('ingest.problems_heading', { count: report.entries.length + report.entriesDropped });
    for (const entry of problems.slice(0, PROBLEMS_SHOWN)) {
      const message = { key: entry.message.key, params: entry.message.params };
      console.log(`  ${entry.line ? cli.text('ingest.problem_line', { file: entry.file, line: entry.line, message }) : cli.text('ingest.problem_no_line', { file: entry.file, message })}`);
    }
    const hidden = report.entries.length + report.entriesDropped - Math.min(problems.length, PROBLEMS_SHOWN);
    if (hidden > 0) console.log(`  ${cli.text('ingest.more_problems', { count: hidden })}`);
  }
  const totals = report.totals();
  cli.print('ingest.total_summary', totals);
  if (dryRun && report.emptyingUpdates > 0) cli.print('ingest.emptying_updates', { count: report.emptyingUpdates });
  if (!dryRun && totals.created + totals.updated === 0 && !report.hasFailures()) cli.print('ingest.nothing_changed');
}

function printMediaSummary(media: MediaSummary, cli: Cli, dryRun: boolean): void {
  if (media.processed + media.unchanged + media.checked + media.failed === 0) return;
  if (dryRun) cli.print('media.checked_summary', { checked: media.checked, failed: media.failed });
  else cli.print('media.summary', { ...media });
}

await runCommand({ name: 'ingest', usage: 'ingest.usage', options: OPTIONS, positionals: true }, ingest);
