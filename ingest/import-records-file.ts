/**
 * Imports one record file: check encoding and structure (nothing is written from a broken file),
 * then read → validate → check images → process images → write in batches, each batch one
 * transaction (records and their image links) followed by an index sync. Invalid rows are
 * skipped and reported; valid rows import, with or without their images.
 */
import path from 'node:path';
import type { Catalog, OnExisting, RecordWrite, StoredRecord, WriteAction } from '../core/catalog/catalog.ts';
import { unknownFields, validateRecord } from '../core/schema/validate-record.ts';
import type { RecordFile } from './find-inputs.ts';
import type { IndexStep } from './index-step.ts';
import type { MediaBatchItem, MediaStep } from './media/media-step.ts';
import { assertUtf8 } from './read/check-encoding.ts';
import { readCsv } from './read/read-csv.ts';
import { readJson, readJsonl } from './read/read-json.ts';
import { ImportFileError, type SourceItem } from './read/source-item.ts';
import type { FileSummary, IngestReport } from './report.ts';
import { readVisibilityColumn } from './read-visibility-column.ts';
import { resolveImagePaths } from './resolve-image-paths.ts';

export const BATCH_SIZE = 1000;

export interface ImportOptions {
  catalog: Catalog;
  /** Keeps the search engine in step after each batch; absent on a dry run (nothing is indexed). */
  index?: IndexStep;
  dryRun: boolean;
  onExisting: OnExisting;
  importId?: number;
  report: IngestReport;
  /** The collection the file's folder describes, added to every record's `collections`. */
  collectionId?: string;
  /** Paths in the report are shown relative to this folder. */
  displayRoot: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Processes the records' photographs; without it image paths are only checked. */
  media?: MediaStep;
  /** Filled with the real path of every image a record shows (folders of photographs skip these). */
  referencedImages?: Set<string>;
}

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
  /** Images handled so far out of the image references in the file; absent when it has none. */
  images?: { done: number; total: number };
}

const READERS = { csv: readCsv, json: readJson, jsonl: readJsonl } as const;

/** `items`: rows already read (a folder of photographs); otherwise the file is read. */
export async function importRecordsFile(source: RecordFile, options: ImportOptions, items?: readonly SourceItem[]): Promise<FileSummary> {
  const file = displayPath(source.file, options.displayRoot);
  const summary: FileSummary = { file, rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, unknownColumns: [] };
  options.report.files.push(summary);
  const read = () => (items ? fromList(items) : READERS[source.format](source.file));
  let imageCount = 0;
  try {
    if (!items) await assertUtf8(source.file);
    ({ rows: summary.rows, images: imageCount } = await countRows(read()));
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    summary.refused = error.detail;
    return summary;
  }
  if (summary.rows === 0) {
    summary.refused = { key: 'file.empty', params: { rows: 0 } };
    return summary;
  }

  const seenIds = new Map<string, number>();
  const unknown = new Set<string>();
  let batch: MediaBatchItem[] = [];
  let done = 0;
  let imagesDone = 0;
  let reportedDone = -1;
  const progress = () => {
    reportedDone = done;
    options.onProgress?.({ file, done, total: summary.rows, ...(imageCount > 0 && { images: { done: imagesDone, total: imageCount } }) });
  };
  const flush = async () => {
    await options.media?.prepare(batch, {
      file,
      report: options.report,
      onImageDone: () => {
        imagesDone++;
        progress();
      },
    });
    const actions = await writeBatch(batch, options);
    actions.forEach((action, index) => tally(summary, action, batch[index]!, file, options.report));
    done += batch.length;
    batch = [];
    progress();
  };

  for await (const item of read()) {
    const accepted = recordOf(item, { file, source, options, summary, seenIds, unknown });
    if (accepted) batch.push({ ...accepted, line: item.line });
    else done++;
    if (batch.length >= BATCH_SIZE) await flush();
  }
  // The last line of progress once, even when the file ended on a full batch or on skipped rows.
  if (batch.length > 0) await flush();
  else if (done !== reportedDone) progress();
  // References refused before processing (outside the folder, invalid rows) count as handled.
  if (imagesDone < imageCount) {
    imagesDone = imageCount;
    progress();
  }
  summary.unknownColumns = [...unknown];
  return summary;
}

/** Relative to the working folder when the file is inside it, absolute otherwise. */
export function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

async function countRows(items: AsyncIterable<SourceItem>): Promise<{ rows: number; images: number }> {
  let rows = 0;
  let images = 0;
  for await (const item of items) {
    rows++;
    if ('fields' in item) images += countImageReferences(item.fields.images);
  }
  return { rows, images };
}

function countImageReferences(cell: unknown): number {
  const references = typeof cell === 'string' ? cell.split(';') : Array.isArray(cell) ? cell : [];
  return references.filter((reference) => String(reference).trim() !== '').length;
}

async function* fromList(items: readonly SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
}

interface RowContext {
  file: string;
  source: RecordFile;
  options: ImportOptions;
  summary: FileSummary;
  seenIds: Map<string, number>;
  unknown: Set<string>;
}

/** The row as a valid record ready to write (with its image files), or undefined after reporting why not. */
function recordOf(item: SourceItem, { file, source, options, summary, seenIds, unknown }: RowContext): Omit<MediaBatchItem, 'line'> | undefined {
  const { report } = options;
  if ('problem' in item) {
    summary.failed++;
    report.add({ file, line: item.line, severity: 'error', message: item.problem });
    return undefined;
  }
  for (const name of unknownFields(item.fields)) unknown.add(name);
  const outcome = validateRecord(item.fields);
  const visibility = readVisibilityColumn(item.fields);
  const rawId = item.fields.id;
  const id = outcome.ok ? outcome.record.id : typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  for (const warning of outcome.warnings) report.addFieldProblem(file, item.line, id, 'warning', warning);
  if (!outcome.ok || !visibility.ok) {
    summary.failed++;
    for (const problem of [...(outcome.ok ? [] : outcome.problems), ...(visibility.ok ? [] : [visibility.problem])]) report.addFieldProblem(file, item.line, id, 'error', problem);
    return undefined;
  }
  const record = outcome.record;
  const firstLine = seenIds.get(record.id);
  if (firstLine !== undefined) {
    summary.failed++;
    report.add({ file, line: item.line, id: record.id, severity: 'error', field: 'id', message: { key: 'row.duplicate_in_file', params: { id: record.id, line: firstLine } } });
    return undefined;
  }
  seenIds.set(record.id, item.line);
  if (options.collectionId && !record.collections?.includes(options.collectionId)) {
    record.collections = [...(record.collections ?? []), options.collectionId];
  }
  const state = visibility.visibility ? { visibility: visibility.visibility } : {};
  if (!record.images?.length) return { record, images: [], ...state };
  const images = resolveImagePaths(record.images, source.baseDir);
  for (const message of images.problems) report.add({ file, line: item.line || undefined, id: record.id, severity: 'media', field: 'images', message });
  record.images = images.accepted.length > 0 ? images.accepted : undefined;
  for (const real of images.files) options.referencedImages?.add(real);
  return { record, images: images.accepted.map((reference, index) => ({ reference, file: images.files[index]! })), ...state };
}

async function writeBatch(batch: readonly MediaBatchItem[], options: ImportOptions): Promise<WriteAction[]> {
  // The photographs travel with their record: one transaction, so a record is never visible
  // without its images, nor linked to images it lost; without a media step, links stay as they are.
  const writes: RecordWrite[] = batch.map((item) => ({ record: item.record, ...(item.links && { media: item.links }), ...(item.visibility && { visibility: item.visibility }) }));
  if (writes.length === 0) return [];
  if (options.dryRun) return options.catalog.previewBatch(writes, options.onExisting);
  const stored: StoredRecord[] = [];
  const actions = options.catalog.writeBatch(writes, { importId: options.importId, onExisting: options.onExisting, written: stored });
  await options.index?.afterBatch(stored);
  return actions;
}

function tally(summary: FileSummary, action: WriteAction, item: MediaBatchItem, file: string, report: IngestReport): void {
  const id = item.record.id;
  switch (action) {
    case 'created':
    case 'updated':
    case 'unchanged':
      summary[action]++;
      return;
    case 'skipped':
      summary.unchanged++;
      report.add({ file, line: item.line, id, severity: 'warning', field: 'id', message: { key: 'row.exists_skipped', params: { id } } });
      return;
    case 'refused':
      summary.failed++;
      report.add({ file, line: item.line, id, severity: 'error', field: 'id', message: { key: 'row.exists_error', params: { id } } });
  }
}
