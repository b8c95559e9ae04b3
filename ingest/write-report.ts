/** Writes an import report as JSON and CSV; CSV cells that a spreadsheet would run as formulas are neutralised. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { translate } from '../core/i18n/translate.ts';
import type { Catalog } from '../core/catalog/catalog.ts';
import type { IngestReport } from './report.ts';

import { neutraliseFormula } from '../core/csv/neutralise-formula.ts';


/** With `catalog`, the import history remembers the report, so the curators' workspace can show it. */
export async function writeReport(report: IngestReport, directory: string, options: { dryRun: boolean; catalog?: Catalog }): Promise<{ json: string; csv: string }> {
  await mkdir(directory, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = path.join(directory, `ingest-${stamp}${options.dryRun ? '-dry-run' : ''}`);
  const entries = report.entries.map((entry) => ({
    ...entry,
    message_zh: translate('zh', entry.message.key, entry.message.params),
    message_en: translate('en', entry.message.key, entry.message.params),
  }));
  const json = JSON.stringify(
    {
      importId: report.importId ?? null,
      dryRun: options.dryRun,
      ...(report.cancelled && { cancelled: true }),
      totals: report.totals(),
      files: report.files,
      entries,
      entriesNotListed: report.entriesDropped,
      // A dry run's preview: each update field by field (preview-changes.ts).
      ...(options.dryRun && { changes: report.changes, changesNotListed: report.changesDropped, emptyingUpdates: report.emptyingUpdates }),
    },
    null,
    2,
  );
  // A curator who opens only the spreadsheet must also learn why a whole file was not imported.
  const refusedFiles = report.files.flatMap(({ file, refused }) => {
    if (!refused) return [];
    const line = typeof refused.params?.line === 'number' ? refused.params.line : '';
    return [[file, line, '', 'error', '', refused.key, translate('zh', refused.key, refused.params), translate('en', refused.key, refused.params)]];
  });
  const csv = stringify(
    [
      ...refusedFiles,
      ...entries.map((entry) => [entry.file, entry.line ?? '', entry.id ?? '', entry.severity, entry.field ?? '', entry.message.key, entry.message_zh, entry.message_en]),
    ],
    {
      header: true,
      bom: true, // so Excel opens the Chinese text as UTF-8
      columns: ['file', 'line', 'id', 'severity', 'field', 'code', 'message_zh', 'message_en'],
      cast: { string: neutraliseFormula },
    },
  );
  await writeFile(`${base}.json`, json);
  await writeFile(`${base}.csv`, csv);
  if (options.catalog && report.importId !== undefined) options.catalog.imports.attachReport(report.importId, path.basename(base));
  return { json: `${base}.json`, csv: `${base}.csv` };
}
