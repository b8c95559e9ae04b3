/**
 * One reader per record format, and the one way to open a record file: a text file's encoding is
 * chosen first (detect-encoding.ts; a curator's choice wins), then it is read as often as the
 * import needs (it counts the rows, then imports them) with the same encoding and mapping.
 */
import type { RecordFormat } from '../find-inputs.ts';
import { chooseEncoding, type EncodingChoice } from './detect-encoding.ts';
import { explainGivenEncoding } from './explain-given-encoding.ts';
import { readCsv, readTsv } from './read-csv.ts';
import { vouchDelimited } from './vouch-delimited.ts';
import { readJson, readJsonl } from './read-json.ts';
import { readXlsx } from './read-xlsx.ts';
import type { ReadOptions, RecordReader, SourceItem } from './source-item.ts';
import type { TextEncoding } from './text-encodings.ts';

export const READERS: Record<RecordFormat, RecordReader> = { csv: readCsv, tsv: readTsv, json: readJson, jsonl: readJsonl, xlsx: readXlsx };

export interface OpenedRecordFile {
  /** How the text was decoded; absent for a workbook. */
  encoding?: EncodingChoice;
  read(): AsyncGenerator<SourceItem>;
  /** The rows as `read` gives them, for counting: a table's rows with their `images` field alone (see `countOnly`). */
  count(): AsyncGenerator<SourceItem>;
  /**
   * The rows counted without parsing, when the file can be vouched for as readable whole
   * (vouch-delimited.ts: a UTF-8 CSV or TSV); undefined when it must be read whole first.
   */
  vouch(): Promise<number | undefined>;
}

const DELIMITERS: Partial<Record<RecordFormat, ',' | '\t'>> = { csv: ',', tsv: '\t' };

/** @throws ImportFileError when the file's encoding cannot be read */
export async function openRecordFile(file: string, format: RecordFormat, options: Omit<ReadOptions, 'encoding'> & { encoding?: TextEncoding }): Promise<OpenedRecordFile> {
  const encoding = format === 'xlsx' ? undefined : await chooseEncoding(file, options.encoding);
  const readOptions: ReadOptions = { ...options, ...(encoding && { encoding: encoding.encoding }) };
  const readWith = (rowOptions: ReadOptions) => {
    const items = READERS[format](file, rowOptions);
    return encoding?.how === 'given' ? explainGivenEncoding(file, encoding.encoding, items) : items;
  };
  const delimiter = DELIMITERS[format];
  const vouch = async () => (delimiter && encoding?.encoding === 'utf-8' ? vouchDelimited(file, delimiter) : undefined);
  return { ...(encoding && { encoding }), read: () => readWith(readOptions), count: () => readWith({ ...readOptions, countOnly: true }), vouch };
}
