/**
 * An ingest run: collections first (so records can join them), then every record file in order,
 * then folders of photographs (whose photographs a record file of the run did not already show).
 * Used by the CLI, by the server's first start, and by tests.
 */
import type { Catalog, OnExisting } from '../core/catalog/catalog.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { findInputs, type PhotoFolder } from './find-inputs.ts';
import { displayPath, importRecordsFile, type ImportOptions } from './import-records-file.ts';
import { createMediaStep, readMetadataOfFile, type MediaSettings, type MediaStep, type MediaSummary } from './media/media-step.ts';
import { readPhotoFolder } from './media/read-photo-folder.ts';
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
  /** Process photographs (derivatives, tiles, metadata); without it image paths are only checked. */
  media?: MediaSettings;
}

export interface IngestResult {
  report: IngestReport;
  /** Paths that were given but hold nothing importable. */
  nothingFound: boolean;
  /** What happened to the photographs, when `media` was given. */
  media?: MediaSummary;
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

  const media = options.media ? await createMediaStep(catalog, options.media, { dryRun }) : undefined;
  const referencedImages = new Set<string>();
  const importId = dryRun ? undefined : catalog.startImport(options.paths);
  const importOptions = (collectionFile: string | undefined): ImportOptions => {
    const collectionId = collectionFile ? collectionIds.get(collectionFile) : undefined;
    return {
      catalog,
      engine: dryRun ? undefined : options.engine,
      dryRun,
      onExisting: options.onExisting ?? 'update',
      importId,
      report,
      displayRoot,
      onProgress: options.onProgress,
      media,
      referencedImages,
      ...(collectionId && { collectionId }),
    };
  };
  try {
    for (const source of inputs.recordFiles) await importRecordsFile(source, importOptions(source.collectionFile));
    for (const folder of inputs.photoFolders) await importPhotoFolder(folder, importOptions(folder.collectionFile), media);
  } finally {
    if (importId !== undefined) catalog.finishImport(importId, report.hasFailures() ? 'failed' : 'done', report.totals());
  }
  const nothingFound = inputs.recordFiles.length === 0 && inputs.collectionFiles.length === 0 && inputs.photoFolders.length === 0;
  return { report, nothingFound, ...(media && { media: media.summary() }) };
}

async function importPhotoFolder(folder: PhotoFolder, options: ImportOptions, media: MediaStep | undefined): Promise<void> {
  // The rows are read here, so without a sidecar the format is never used; the folder names the rows in the report.
  const source = folder.sidecar ?? { file: folder.folder, format: 'csv' as const, baseDir: folder.folder };
  let items;
  try {
    items = await readPhotoFolder(folder, { skip: options.referencedImages ?? new Set(), metadataOf: media?.metadataOf ?? readMetadataOfFile });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    options.report.files.push(refusedFile(displayPath(source.file, options.displayRoot), error.detail));
    return;
  }
  // Every photograph is already shown by a record file of this run.
  if (items.length > 0) await importRecordsFile(source, options, items);
}

function refusedFile(file: string, refused: ImportFileError['detail']) {
  return { file, rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, refused, unknownColumns: [] };
}
