/** In-process imports into a temp archive, and the report seen as plain rows to compare. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ExecutionContext } from 'ava';
import { parse } from 'csv-parse/sync';
import type { OnExisting } from '../../../core/catalog/catalog.ts';
import type { ImportMode } from '../../../ingest/import-policy.ts';
import type { IngestOptions } from '../../../ingest/run-ingest.ts';
import type { ReportEntry } from '../../../ingest/report.ts';
import { runIngest } from '../../../ingest/run-ingest.ts';
import { writeReport } from '../../../ingest/write-report.ts';
import { openTempArchive, type TempArchive } from '../../helpers/temp-archive.ts';
import { catalogRows } from '../../helpers/catalog-sql.ts';

export interface ImportOptions {
  dryRun?: boolean;
  onExisting?: OnExisting;
  mode?: ImportMode;
  read?: IngestOptions['read'];
  scratchDir?: string;
}

/** Imports `paths` with report paths shown relative to the archive's temp folder (or absolute). */
export async function importPaths(archive: TempArchive, paths: readonly string[], options: ImportOptions = {}) {
  const { report } = await runIngest({ catalog: archive.catalog, engine: archive.engine, paths, displayRoot: archive.dir, ...options });
  return report;
}

/** A temp archive plus a working folder inside it for generated import files. */
export function openWorkspace(t: ExecutionContext) {
  const archive = openTempArchive(t);
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(archive.dir, name);
    writeFileSync(file, content);
    return file;
  };
  const copy = (source: string, name = path.basename(source)) => {
    const target = path.join(archive.dir, name);
    cpSync(source, target, { recursive: true });
    return target;
  };
  return { ...archive, write, copy };
}

/** An entry as `line field code`, the way a curator reads the report. */
export function describeEntry(entry: ReportEntry): string {
  return [entry.line ?? '-', entry.field ?? '-', entry.message.key].join(' ');
}

export function storedIds(archive: TempArchive): string[] {
  return catalogRows<{ id: string }>(archive.catalog, 'SELECT id FROM records ORDER BY id').map((row) => row.id);
}

/** Writes the report as the CLI does, then reads the CSV back strictly. */
export async function writtenReport(archive: TempArchive, report: Awaited<ReturnType<typeof importPaths>>) {
  const reportsDir = path.join(archive.dir, 'reports');
  const written = await writeReport(report, reportsDir, { dryRun: false });
  const csvText = readFileSync(written.csv, 'utf8');
  const [header, ...rows] = parse(csvText, { bom: true }) as string[][];
  const csvRows = rows.map((cells) => Object.fromEntries(header!.map((name, index) => [name, cells[index]!])));
  return { csvText, csvRows, json: JSON.parse(readFileSync(written.json, 'utf8')) as { entries: ReportEntry[] } };
}
