/**
 * What an upload holds, read the way its import will read it (the same readers, encoding choice
 * and column plan): its record files and photographs, the first record file's encoding (and how
 * it was decided), a workbook's sheets, each column's planned field and the first rows decoded —
 * what the curator checks and corrects on the mapping page before the dry run. A file that cannot
 * be read is not an error here: its refusal is shown with whatever was learnt before it.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { PHOTO_EXTENSIONS } from '../../core/media/image-types.ts';
import type { ImportTarget } from '../../core/schema/column-names.ts';
import { findInputs, type RecordFormat } from '../find-inputs.ts';
import type { ColumnPlan } from '../mapping/plan-columns.ts';
import type { EncodingChoice } from '../read/detect-encoding.ts';
import { listSheets, type SheetSummary } from '../read/read-xlsx.ts';
import { openRecordFile } from '../read/record-readers.ts';
import { ImportFileError, type Message } from '../read/source-item.ts';
import { readOptionsOfSettings, type UploadSettings } from './upload-settings.ts';

/** Rows shown decoded on the mapping page. */
const PREVIEW_ROWS = 5;
/** A cell shown on the mapping page is cut to this many characters. */
const PREVIEW_CHARS = 80;

export interface AnalysedColumn {
  header: string;
  target?: ImportTarget;
  how: 'mapping' | 'matched' | 'ignored' | 'unknown';
}

export interface UploadAnalysis {
  /** Record files, relative to the upload's folder with `/`. */
  recordFiles: string[];
  photos: number;
  /** The record file analysed (the first). */
  file?: string;
  format?: RecordFormat;
  encoding?: EncodingChoice;
  sheets?: SheetSummary[];
  columns: AnalysedColumn[];
  /** The first rows, one cell per column (a row that cannot be read: its problem instead). */
  rows: ({ line: number; cells: string[] } | { line: number; problem: Message })[];
  /** Why the file cannot be imported with these settings. */
  refusal?: Message;
}

export async function analyseUpload(folder: string, settings: UploadSettings): Promise<UploadAnalysis> {
  const inputs = await findInputs([folder]);
  const recordFiles = [...inputs.recordFiles.map((source) => source.file), ...inputs.photoFolders.flatMap((photos) => (photos.sidecar ? [photos.sidecar.file] : []))];
  const analysis: UploadAnalysis = { recordFiles: recordFiles.map((file) => relative(folder, file)), photos: await countPhotos(folder), columns: [], rows: [] };
  const source = inputs.recordFiles[0] ?? inputs.photoFolders.find((photos) => photos.sidecar)?.sidecar;
  if (!source) {
    if (analysis.photos === 0) analysis.refusal = { key: 'upload.no_record_file' };
    return analysis;
  }
  analysis.file = relative(folder, source.file);
  analysis.format = source.format;
  let plan: ColumnPlan | undefined;
  try {
    if (source.format === 'xlsx') analysis.sheets = await listSheets(source.file);
    const opened = await openRecordFile(source.file, source.format, { ...readOptionsOfSettings(settings), onPlan: (planned) => (plan ??= planned) });
    if (opened.encoding) analysis.encoding = opened.encoding;
    for await (const item of opened.read()) {
      analysis.rows.push('problem' in item ? item : { line: item.line, cells: (plan?.columns ?? []).map((column) => cellText(item.fields[column.target ?? column.header])) });
      if (analysis.rows.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    analysis.refusal = error.detail;
  }
  analysis.columns = (plan?.columns ?? []).map((column) => ({ header: column.header, how: column.how, ...(column.target && { target: column.target }) }));
  return analysis;
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
}

async function countPhotos(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && PHOTO_EXTENSIONS.has(path.extname(entry.name).slice(1).toLowerCase())).length;
}

function relative(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}
