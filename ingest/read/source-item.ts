import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import type { RawRow } from '../../core/schema/validate-record.ts';

/** One row read from an import file, or the reason the row could not be read. */
export type SourceItem = { line: number; fields: RawRow } | { line: number; problem: Message };

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

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
