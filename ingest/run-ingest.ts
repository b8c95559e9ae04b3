/**
 * An ingest run: collections first (so records can join them), then every record file in order,
 * then folders of photographs (whose photographs a record file of the run did not already show).
 * Used by the CLI, by the server's first start, and by tests.
 */
import type { Catalog, OnExisting, WriteAction } from '../core/catalog/catalog.ts';
import type { LockHolder } from '../core/catalog/writer-lock.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { expandArchives, type ExpandedPaths } from './archive/expand-archives.ts';
import { withScratchFolder } from './archive/scratch-folder.ts';
import { findInputs, type PhotoFolder } from './find-inputs.ts';
import type { ImportMode } from './import-policy.ts';
import { createIndexStep } from './index-step.ts';
import { displayPath, importRecordsFile, type ImportOptions } from './import-records-file.ts';
import { appliedColumnsOf, describeImportInput, type ProvenanceInput } from './import-provenance.ts';
import { createMediaStep, readMetadataOfFile, type MediaSettings, type MediaStep, type MediaSummary } from './media/media-step.ts';
import { readPhotoFolder } from './media/read-photo-folder.ts';
import { readCollection } from './read/read-collection.ts';
import { ImportFileError } from './read/source-item.ts';
import { IngestReport } from './report.ts';

export interface IngestOptions {
  catalog: Catalog;
  /** Who runs it, for the history (`cli:alice`, `user:alice`); the import's own id otherwise. */
  actor?: string;
  /** Told when another process is writing to the archive and this run waits for it. */
  onWaitForWriter?: (holder: LockHolder) => void;
  engine?: SearchEngine;
  /** The engine already failed before the run (e.g. when the archive was opened): do not try it. */
  indexOutage?: Error;
  paths: readonly string[];
  dryRun?: boolean;
  onExisting?: OnExisting;
  /** What rows do to existing records and to new ids (import-policy.ts). */
  mode?: ImportMode;
  /** How to read record files: encoding (detected when absent), column mapping, a workbook's sheet. */
  read?: ImportOptions['read'];
  /** Stops the run after the batch being written; the import is then `cancelled` (and can be undone). */
  signal?: AbortSignal;
  /**
   * A folder for the run's scratch space (extracted ZIP archives, a workbook's staged sheets),
   * removed when the run ends. Without it, ZIP archives are refused as an unsupported format.
   */
  scratchDir?: string;
  displayRoot?: string;
  onProgress?: ImportOptions['onProgress'];
  /** Process photographs (derivatives, tiles, metadata); without it image paths are only checked. */
  media?: MediaSettings;
  /** Read each record file whole before writing from it, even one that could be vouched for (see ImportOptions). */
  countFirst?: boolean;
  /** For the import history: the files as the curator sent them (instead of those found here), the saved mapping's name. */
  provenance?: ProvenanceInput['given'];
}

export interface IngestResult {
  report: IngestReport;
  /** Paths that were given but hold nothing importable. */
  nothingFound: boolean;
  /** What happened to the photographs, when `media` was given. */
  media?: MediaSummary;
  /** Why the search engine took no changes: they wait in the outbox for the next sync. */
  indexOutage?: Error;
}

/**
 * Runs one import. A real run (not a dry run) holds the archive's writer lock throughout, so a
 * second import or a reindex waits its turn, and has an import id under which every write is
 * versioned (and can be undone with `ingest --undo`).
 */
export async function runIngest(options: IngestOptions): Promise<IngestResult> {
  const { catalog, dryRun = false } = options;
  const release = dryRun ? undefined : await catalog.writerLock.acquire('import', { onWait: options.onWaitForWriter });
  try {
    if (!options.scratchDir) return await ingestHoldingLock(options, dryRun, undefined);
    return await withScratchFolder(options.scratchDir, (scratch) => ingestHoldingLock(options, dryRun, scratch));
  } finally {
    release?.();
  }
}

async function ingestHoldingLock(options: IngestOptions, dryRun: boolean, scratch: string | undefined): Promise<IngestResult> {
  const { catalog } = options;
  const displayRoot = options.displayRoot ?? process.cwd();
  const report = new IngestReport();
  const archives = await expandArchives(options.paths, scratch);
  for (const refused of archives.refused) report.files.push(refusedFile(refused.file, refused.detail));
  const inputs = await findInputs(archives.paths);
  for (const missing of inputs.missing) report.files.push(refusedFile(missing, { key: 'file.not_found', params: { file: missing } }));
  for (const unsupported of inputs.unsupported) report.files.push(refusedFile(unsupported, { key: 'file.unsupported_format', params: { file: unsupported } }));
  const provenance = dryRun ? undefined : await describeImportInput({ ...options, inputs, displayRoot, fromArchive: (file) => archives.displayOf(file) !== undefined, given: options.provenance });
  const importId = dryRun ? undefined : catalog.startImport(options.paths, options.actor ?? 'system', provenance);
  report.importId = importId;
  try {
    const result = await importInputs(inputs, report, { ...options, dryRun, displayRoot, importId, archives });
    report.cancelled = options.signal?.aborted ?? false;
    if (importId !== undefined) catalog.imports.recordAppliedColumns(importId, appliedColumnsOf(report));
    if (importId !== undefined) catalog.finishImport(importId, report.cancelled ? 'cancelled' : report.hasFailures() ? 'failed' : 'done', report.totals());
    return result;
  } catch (error) {
    // History tells the truth: a run that stopped on an error is not `done`.
    if (importId !== undefined) catalog.finishImport(importId, 'failed', { ...report.totals(), error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

async function importInputs(
  inputs: Awaited<ReturnType<typeof findInputs>>,
  report: IngestReport,
  options: IngestOptions & { dryRun: boolean; displayRoot: string; importId: number | undefined; archives: ExpandedPaths },
): Promise<IngestResult> {
  const { catalog, dryRun, displayRoot, importId, archives } = options;
  const onExisting = options.onExisting ?? 'update';
  const collectionIds = new Map<string, string>();
  for (const file of inputs.collectionFiles) {
    try {
      const collection = await readCollection(file);
      collectionIds.set(file, collection.id);
      const action = dryRun ? catalog.collections.decide(collection, onExisting) : catalog.upsertCollection(collection, { importId, onExisting, ...(options.actor && { actor: options.actor }) });
      reportCollection(report, displayPath(file, displayRoot), collection.id, action);
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      report.files.push(refusedFile(archives.displayOf(file) ?? displayPath(file, displayRoot), error.detail));
    }
  }

  const media = options.media ? await createMediaStep(catalog, options.media, { dryRun }) : undefined;
  const index = !dryRun && options.engine ? createIndexStep(catalog, options.engine, options.indexOutage) : undefined;
  const referencedImages = new Set<string>();
  const importOptions = (collectionFile: string | undefined): ImportOptions => {
    const collectionId = collectionFile ? collectionIds.get(collectionFile) : undefined;
    return {
      catalog,
      index,
      dryRun,
      onExisting,
      importId,
      report,
      displayRoot,
      displayOf: archives.displayOf,
      onProgress: options.onProgress,
      media,
      referencedImages,
      ...(options.mode && { mode: options.mode }),
      ...(options.read && { read: options.read }),
      ...(options.signal && { signal: options.signal }),
      ...(options.countFirst && { countFirst: true }),
      ...(collectionId && { collectionId }),
    };
  };
  for (const source of inputs.recordFiles) {
    if (options.signal?.aborted) break;
    await importRecordsFile(source, importOptions(source.collectionFile));
  }
  for (const folder of inputs.photoFolders) {
    if (options.signal?.aborted) break;
    await importPhotoFolder(folder, importOptions(folder.collectionFile), media);
  }
  await index?.settle();
  const nothingFound = inputs.recordFiles.length === 0 && inputs.collectionFiles.length === 0 && inputs.photoFolders.length === 0;
  return { report, nothingFound, ...(media && { media: media.summary() }), ...(index?.outage && { indexOutage: index.outage }) };
}

async function importPhotoFolder(folder: PhotoFolder, options: ImportOptions, media: MediaStep | undefined): Promise<void> {
  // The rows are read here, so without a sidecar the format is never used; the folder names the rows in the report.
  const source = folder.sidecar ?? { file: folder.folder, format: 'csv' as const, baseDir: folder.folder };
  let items;
  try {
    items = await readPhotoFolder(folder, { skip: options.referencedImages ?? new Set(), metadataOf: media?.metadataOf ?? readMetadataOfFile, ...(options.read && { read: options.read }) });
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    options.report.files.push(refusedFile(options.displayOf?.(source.file) ?? displayPath(source.file, options.displayRoot), error.detail));
    return;
  }
  // Every photograph is already shown by a record file of this run.
  if (items.length > 0) await importRecordsFile(source, options, items);
}

/** A collection already in the archive that `--on-existing` kept as it was is reported like a record would be. */
function reportCollection(report: IngestReport, file: string, id: string, action: WriteAction): void {
  if (action === 'skipped') report.add({ file, id, severity: 'warning', field: 'id', message: { key: 'collection.exists_skipped', params: { id } } });
  if (action === 'refused') report.add({ file, id, severity: 'error', field: 'id', message: { key: 'collection.exists_error', params: { id } } });
}

function refusedFile(file: string, refused: ImportFileError['detail']) {
  return { file, rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, refused, unknownColumns: [] };
}
