/**
 * One reader per record format, and the one way to open a record file: a text file's encoding is
 * chosen first (detect-encoding.ts; a curator's choice wins), then it is read as often as the
 * import needs (it counts the rows, then imports them) with the same encoding and mapping.
 */
import type { RecordFormat } from '../find-inputs.ts';
import { chooseEncoding, type EncodingChoice } from './detect-encoding.ts';
import { explainGivenEncoding } from './explain-given-encoding.ts';
import type { ColumnPlan } from '../mapping/plan-columns.ts';
import { mapCells } from '../mapping/map-row.ts';
import { readCsv, readTsv } from './read-csv.ts';
import { imageReferencesOf, imagesOnly } from './read-table.ts';
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
   * (vouch-delimited.ts: a UTF-8 CSV or TSV); undefined when it must be read whole first. With the
   * file's plan, also the image references its rows hold (as `count` would find them).
   */
  vouch(plan?: ColumnPlan): Promise<{ rows: number; images: number } | undefined>;
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
  const vouch = async (plan?: ColumnPlan) => {
    if (!delimiter || encoding?.encoding !== 'utf-8') return undefined;
    const imagesPlan = plan && imagesOnly(plan);
    let images = 0;
    const onRow = (cells: readonly (string | undefined)[]) => (images += imageReferencesOf(mapCells(imagesPlan!, cells)));
    const rows = await vouchDelimited(file, delimiter, imagesPlan && { columns: imagesPlan.columns.map((column) => column.index), onRow });
    return rows === undefined ? undefined : { rows, images };
  };
  return { ...(encoding && { encoding }), read: () => readWith(readOptions), count: () => readWith({ ...readOptions, countOnly: true }), vouch };
}
