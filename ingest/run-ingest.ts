/**
 * An ingest run: collections first (so records can join them), then every record file in order.
 * Used by the CLI, by the server's first start, and by tests.
 */
import type { Catalog, OnExisting } from '../core/catalog/catalog.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { findInputs } from './find-inputs.ts';
import { displayPath, importRecordsFile, type ImportOptions } from './import-records-file.ts';
import { readCollection } from './read/read-collection.ts';
import { ImportFileError } from './read/source-item.ts';
import { IngestReport } from './report.ts';

export interface IngestOptions {
  catalog: Catalog;
  engine?: SearchEngine;
  paths: readonly string[];
  dryRun?: boolean;
  onExisting?: OnExisting;
  displayRoot?: string;
  onProgress?: ImportOptions['onProgress'];
}

export interface IngestResult {
  report: IngestReport;
  /** Paths that were given but hold nothing importable. */
  nothingFound: boolean;
}

export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const { catalog, dryRun = false } = options;
  const displayRoot = options.displayRoot ?? process.cwd();
  const report = new IngestReport();
  const inputs = await findInputs(options.paths);
  for (const missing of inputs.missing) report.files.push(refusedFile(missing, { key: 'file.not_found', params: { file: missing } }));
  for (const unsupported of inputs.unsupported) report.files.push(refusedFile(unsupported, { key: 'file.unsupported_format', params: { file: unsupported } }));

  const collectionIds = new Map<string, string>();
  for (const file of inputs.collectionFiles) {
    try {
      const collection = await readCollection(file);
      collectionIds.set(file, collection.id);
      if (!dryRun) catalog.upsertCollection(collection);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      report.files.push(refusedFile(displayPath(file, displayRoot), error.detail));
    }
  }

  const importId = dryRun ? undefined : catalog.startImport(options.paths);
  try {
    for (const source of inputs.recordFiles) {
      const collectionId = source.collectionFile ? collectionIds.get(source.collectionFile) : undefined;
      await importRecordsFile(source, {
        catalog,
        engine: dryRun ? undefined : options.engine,
        dryRun,
        onExisting: options.onExisting ?? 'update',
        importId,
        report,
        displayRoot,
        onProgress: options.onProgress,
        ...(collectionId && { collectionId }),
      });
    }
  } finally {
    if (importId !== undefined) catalog.finishImport(importId, report.hasFailures() ? 'failed' : 'done', report.totals());
  }
  return { report, nothingFound: inputs.recordFiles.length === 0 && inputs.collectionFiles.length === 0 };
}

function refusedFile(file: string, refused: ImportFileError['detail']) {
  return { file, rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, refused, unknownColumns: [] };
}
