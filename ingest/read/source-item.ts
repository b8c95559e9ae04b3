import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import type { ColumnMapping } from '../../core/schema/column-mapping.ts';
import type { RawRow } from '../../core/schema/validate-record.ts';
import type { ColumnPlan } from '../mapping/plan-columns.ts';
import type { TextEncoding } from './text-encodings.ts';

/**
 * One row read from an import file, or the reason the row could not be read. `warnings` are
 * what reading changed in the row (a spreadsheet formula replaced by its value).
 */
export type SourceItem = { line: number; fields: RawRow; warnings?: { field: string; message: Message }[] } | { line: number; problem: Message };

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** How to read a record file: its encoding, the curator's column mapping, the sheet of a workbook. */
export interface ReadOptions {
  encoding?: TextEncoding;
  mapping?: ColumnMapping;
  /** A workbook's sheet by name; the first sheet with an id column when absent. */
  sheet?: string;
  /** Told the columns' plan once the header (and the first rows) are read. */
  onPlan?: (plan: ColumnPlan) => void;
  /**
   * The rows are only counted (an import's first pass, which also proves the file readable whole):
   * a table's rows then carry their `images` field alone, the rest of their cells left unmapped.
   */
  countOnly?: boolean;
}

export type RecordReader = (file: string, options: ReadOptions) => AsyncGenerator<SourceItem>;

/** The whole file is unusable (encoding, broken structure); nothing from it is imported. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  constructor(readonly detail: Message) {
    super(detail.key);
  }
}

/** Largest import file read whole (JSON arrays); CSV and JSONL are streamed and have no limit. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;
/** Largest single record, in characters. */
export const MAX_RECORD_CHARS = 1_000_000;
/** A record is flat: object → list → string. Anything deeper is not a record. */
export const MAX_JSON_DEPTH = 8;
