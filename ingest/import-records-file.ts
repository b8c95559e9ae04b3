/**
 * Imports one record file: choose its encoding and read its header (nothing is written from a
 * file that cannot be read whole), then read → map columns → validate → check images → process
 * images → write in batches, each batch one transaction (records and their image links) followed
 * by an index sync. Invalid rows are skipped and reported; valid rows import, with or without
 * their images. A dry run goes the same way and previews each update field by field instead of
 * writing. A cancelled run stops after the batch it is writing.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog, OnExisting, RecordWrite, StoredRecord, WriteAction } from '../core/catalog/catalog.ts';
import type { ColumnMapping } from '../core/schema/column-mapping.ts';
import type { RecordFile } from './find-inputs.ts';
import type { IndexStep } from './index-step.ts';
import type { ColumnPlan } from './mapping/plan-columns.ts';
import { policyOf, type ImportMode } from './import-policy.ts';
import type { MediaBatchItem, MediaStep } from './media/media-step.ts';
import { prepareRow, type RowContext } from './prepare-row.ts';
import { previewChanges } from './preview-changes.ts';
import { openRecordFile, type OpenedRecordFile } from './read/record-readers.ts';
import { imageReferencesOf } from './read/read-table.ts';
import { ImportFileError, type SourceItem } from './read/source-item.ts';
import type { TextEncoding } from './read/text-encodings.ts';
import type { FileSummary, IngestReport } from './report.ts';

export const BATCH_SIZE = 1000;
/**
 * A file from this size on has its writer threads started before its rows are counted: its
 * batches almost surely go to them (the template's rows are under 1 KB, and a batch of 500 goes),
 * and their start-up then overlaps the count. A wrong guess costs threads that end when idle.
 */
const EXPECT_BATCHES_BYTES = 512 * 1024;

export interface ImportOptions {
  catalog: Catalog;
  /** Keeps the search engine in step after each batch; absent on a dry run (nothing is indexed). */
  index?: IndexStep;
  dryRun: boolean;
  onExisting: OnExisting;
  /** What rows do to existing records and to ids not in the archive (import-policy.ts); `upsert` by default. */
  mode?: ImportMode;
  /** How to read the file: its encoding (detected when absent), the curator's column mapping, a workbook's sheet. */
  read?: { encoding?: TextEncoding; mapping?: ColumnMapping; sheet?: string };
  /** Stops the run after the batch being written. */
  signal?: AbortSignal;
  importId?: number;
  report: IngestReport;
  /** The collection the file's folder describes, added to every record's `collections`. */
  collectionId?: string;
  /** Paths in the report are shown relative to this folder. */
  displayRoot: string;
  /** A name for files that came out of an archive (`archive.zip/records.csv`). */
  displayOf?: (file: string) => string | undefined;
  onProgress?: (progress: ImportProgress) => void;
  /** Processes the records' photographs; without it image paths are only checked. */
  media?: MediaStep;
  /** Filled with the real path of every image a record shows (folders of photographs skip these). */
  referencedImages?: Set<string>;
  /** Read the whole file once before writing, even a file that could be vouched for (vouch-delimited.ts): tests compare both ways. */
  countFirst?: boolean;
}

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
  /** Images handled so far out of the image references in the file; absent when it has none. */
  images?: { done: number; total: number };
}

/** `items`: rows already read (a folder of photographs); otherwise the file is read. */
export async function importRecordsFile(source: RecordFile, options: ImportOptions, items?: readonly SourceItem[]): Promise<FileSummary> {
  const file = options.displayOf?.(source.file) ?? displayPath(source.file, options.displayRoot);
  const summary: FileSummary = { file, rows: 0, created: 0, updated: 0, unchanged: 0, failed: 0, unknownColumns: [] };
  options.report.files.push(summary);
  let read = () => fromList(items ?? []);
  let count = read;
  let opened: OpenedRecordFile | undefined;
  let plan: ColumnPlan | undefined;
  let imageCount = 0;
  /** The rows were counted without a parse (vouch-delimited.ts): images are counted, if the file has a column of them, before the first write. */
  let vouched = false;
  try {
    if (!items) {
      const onPlan = (planned: ColumnPlan) => {
        plan = planned;
        summary.columns = planned.columns.map(({ header, target, how }) => ({ header, how, ...(target && { target }) }));
      };
      opened = await openRecordFile(source.file, source.format, { ...options.read, onPlan });
      if (opened.encoding) summary.encoding = opened.encoding;
      read = opened.read;
      count = opened.count;
      if ((await stat(source.file)).size >= EXPECT_BATCHES_BYTES) options.index?.expectBatches();
      // A file of no rows goes the long way, which names why.
      const counted = options.countFirst ? undefined : await opened.vouch();
      if (counted?.rows) [summary.rows, vouched] = [counted.rows, true];
    }
    if (!vouched) ({ rows: summary.rows, images: imageCount } = await countRows(count()));
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    summary.refused = error.detail;
    return summary;
  }
  if (summary.rows === 0) {
    summary.refused = { key: 'file.empty', params: { rows: 0 } };
    return summary;
  }

  const policy = policyOf(options.mode, options.onExisting);
  const context: RowContext = {
    file,
    source,
    catalog: options.catalog,
    policy,
    report: options.report,
    summary,
    seenIds: new Map(),
    unknown: new Set(),
    columns: new Set(),
    ...(options.collectionId && { collectionId: options.collectionId }),
    ...(options.referencedImages && { referencedImages: options.referencedImages }),
  };
  const writeOptions = { ...options, onExisting: policy.onExisting };
  let batch: MediaBatchItem[] = [];
  let done = 0;
  let imagesDone = 0;
  let reportedDone = -1;
  const progress = () => {
    reportedDone = done;
    options.onProgress?.({ file, done, total: summary.rows, ...(imageCount > 0 && { images: { done: imagesDone, total: imageCount } }) });
  };
  let imagesCounted = !vouched;
  const flush = async () => {
    if (!imagesCounted) {
      // The plan is known once the first rows are read: a file with an images column (the template has one) is scanned again for their count.
      imagesCounted = true;
      if (plan?.columns.some((column) => column.target === 'images')) imageCount = (await opened?.vouch(plan))?.images ?? (await countRows(count())).images;
    }
    await options.media?.prepare(batch, {
      file,
      report: options.report,
      onImageDone: () => {
        imagesDone++;
        progress();
      },
    });
    const actions = await writeBatch(batch, writeOptions);
    if (options.dryRun) previewChanges(options.catalog, batch, actions, { file, report: options.report, columns: context.columns });
    actions.forEach((action, index) => tally(summary, action, batch[index]!, file, options.report));
    done += batch.length;
    batch = [];
    progress();
  };

  try {
    for await (const item of read()) {
      const accepted = prepareRow(item, context);
      if (accepted) batch.push({ ...accepted, line: item.line });
      else done++;
      if (batch.length >= BATCH_SIZE) await flush();
      if (options.signal?.aborted) break;
    }
  } catch (error) {
    // Only a vouched file gets here readable in part: its header refused (before any row is written).
    if (!(error instanceof ImportFileError) || !vouched) throw error;
    summary.refused = error.detail;
    summary.rows = 0;
    return summary;
  }
  summary.unknownColumns = [...context.unknown];
  if (options.signal?.aborted) {
    // Whole batches only: the rows read into the next batch are not written.
    summary.cancelled = true;
    return summary;
  }
  // The last line of progress once, even when the file ended on a full batch or on skipped rows.
  if (batch.length > 0) await flush();
  else if (done !== reportedDone) progress();
  // A vouched count is the rows readCsv gives; should it ever differ, the report says what was read.
  if (vouched && summary.rows !== done) {
    summary.rows = done;
    progress();
  }
  // References refused before processing (outside the folder, invalid rows) count as handled.
  if (imagesDone < imageCount) {
    imagesDone = imageCount;
    progress();
  }
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
    if ('fields' in item) images += imageReferencesOf(item.fields);
  }
  return { rows, images };
}

async function* fromList(items: readonly SourceItem[]): AsyncGenerator<SourceItem> {
  yield* items;
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
