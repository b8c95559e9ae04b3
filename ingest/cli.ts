/**
 * `npm run ingest -- [file-or-folder …] [--dry-run] [--on-existing=update|skip|error] [--lang=zh|en]`
 * Exit status: 0 everything imported, 1 something was refused (see the report), 2 bad usage.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { OnExisting } from '../core/catalog/catalog.ts';
import { loadConfig } from '../core/config.ts';
import { langFromLocale, translate, type Lang } from '../core/i18n/translate.ts';
import { createLogger } from '../core/log.ts';
import { openArchive } from '../core/open-archive.ts';
import type { MediaSummary } from './media/media-step.ts';
import { createProgress } from './progress.ts';
import type { IngestReport } from './report.ts';
import { runIngest } from './run-ingest.ts';
import { writeReport } from './write-report.ts';

const PROBLEMS_SHOWN = 20;
const ON_EXISTING: readonly OnExisting[] = ['update', 'skip', 'error'];

async function main(argv: string[]): Promise<number> {
  let lang: Lang = langFromLocale(process.env.LC_ALL ?? process.env.LANG);
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'on-existing': { type: 'string', default: 'update' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (args.values.lang) lang = langFromLocale(args.values.lang);
    if (!ON_EXISTING.includes(args.values['on-existing'] as OnExisting)) throw new Error(`--on-existing must be one of ${ON_EXISTING.join(', ')}`);
  } catch (error) {
    console.error(translate(lang, 'ingest.bad_option', { detail: (error as Error).message }));
    console.error(translate(lang, 'ingest.usage'));
    return 2;
  }
  if (args.values.help) {
    console.log(translate(lang, 'ingest.usage'));
    return 0;
  }

  const config = loadConfig();
  const log = createLogger(config, 'ingest', 'file');
  const paths = args.positionals.length > 0 ? args.positionals : [config.collectionsDir];
  const dryRun = args.values['dry-run'];
  const archive = await openArchive(config);
  const progress = createProgress();
  log.info({ paths, dryRun }, 'ingest started');
  try {
    const { report, nothingFound, media } = await runIngest({
      catalog: archive.catalog,
      engine: archive.engine,
      paths,
      dryRun,
      onExisting: args.values['on-existing'] as OnExisting,
      // A file with images shows images done / total: they take the time, its records follow at once.
      onProgress: ({ file, done, total, images }) =>
        images
          ? progress.update(`${translate(lang, 'media.progress')} ${file}`, images.done, images.total)
          : progress.update(`${translate(lang, 'ingest.progress')} ${file}`, done, total),
      media: { mediaDir: config.mediaDir, publishOriginals: config.publishOriginals },
    });
    progress.stop();
    if (nothingFound && report.files.length === 0) {
      console.error(translate(lang, 'ingest.no_input', { paths: paths.join(', ') }));
      return 2;
    }
    const written = await writeReport(report, config.reportsDir, { dryRun });
    printSummary(report, lang, dryRun);
    if (media) printMediaSummary(media, lang, dryRun);
    console.log(translate(lang, 'ingest.report_written', { path: path.relative(process.cwd(), written.csv) }));
    log.info({ totals: report.totals(), files: report.files.length, report: written.json, failed: report.hasFailures() }, 'ingest finished');
    return report.hasFailures() ? 1 : 0;
  } finally {
    progress.stop();
    await archive.close();
  }
}

function printSummary(report: IngestReport, lang: Lang, dryRun: boolean): void {
  if (dryRun) console.log(translate(lang, 'ingest.dry_run'));
  for (const file of report.files) {
    if (file.refused) {
      console.log(translate(lang, 'ingest.file_refused', { file: file.file, reason: translate(lang, file.refused.key, file.refused.params) }));
      continue;
    }
    console.log(translate(lang, 'ingest.file_summary', { file: file.file, created: file.created, updated: file.updated, unchanged: file.unchanged, failed: file.failed }));
    if (file.unknownColumns.length > 0) console.log(translate(lang, 'ingest.unknown_columns', { file: file.file, columns: file.unknownColumns.join(', ') }));
  }
  const problems = report.entries.filter((entry) => entry.severity !== 'warning' || report.entries.length <= PROBLEMS_SHOWN);
  if (problems.length > 0) {
    console.log(translate(lang, 'ingest.problems_heading', { count: report.entries.length + report.entriesDropped }));
    for (const entry of problems.slice(0, PROBLEMS_SHOWN)) {
      console.log(`  ${translate(lang, 'ingest.problem_line', { file: entry.file, line: entry.line ?? '-', message: printable(report.render(entry, lang)) })}`);
    }
    const hidden = report.entries.length + report.entriesDropped - Math.min(problems.length, PROBLEMS_SHOWN);
    if (hidden > 0) console.log(`  ${translate(lang, 'ingest.more_problems', { count: hidden })}`);
  }
  const totals = report.totals();
  console.log(translate(lang, 'ingest.total_summary', totals));
  if (!dryRun && totals.created + totals.updated === 0 && !report.hasFailures()) console.log(translate(lang, 'ingest.nothing_changed'));
}

function printMediaSummary(media: MediaSummary, lang: Lang, dryRun: boolean): void {
  if (media.processed + media.unchanged + media.checked + media.failed === 0) return;
  console.log(dryRun ? translate(lang, 'media.checked_summary', { checked: media.checked, failed: media.failed }) : translate(lang, 'media.summary', { ...media }));
}

/** Control characters from a hostile file must not drive the curator's terminal or break a problem onto two lines. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}

process.exitCode = await main(process.argv.slice(2));
