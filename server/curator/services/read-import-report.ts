/**
 * The report an import wrote, read from the reports folder by the name the import history keeps
 * (never a path from the request). Undefined when the import kept none (one made before reports
 * were remembered, a dry run) or the file is gone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportEntry } from '../../../core/catalog/import-log.ts';
import type { ReportFile } from '../present/present-imports.ts';

/** The report file's path for `extension`, if the import has one and its name is a plain file name. */
export function reportPath(reportsDir: string, entry: Pick<ImportEntry, 'report'>, extension: 'json' | 'csv'): string | undefined {
  if (!entry.report || entry.report !== path.basename(entry.report) || entry.report.startsWith('.')) return undefined;
  return path.join(reportsDir, `${entry.report}.${extension}`);
}

/** The import’s report, parsed; undefined when it has none. */
export async function readImportReport(reportsDir: string, entry: Pick<ImportEntry, 'report'>): Promise<ReportFile | undefined> {
  const file = reportPath(reportsDir, entry, 'json');
  if (!file) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ReportFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
