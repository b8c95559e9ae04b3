/**
 * Reads the import template's CSV as a stream of rows keyed by column name. Header problems and
 * broken quoting refuse the whole file; a row with the wrong number of columns is skipped and
 * reported (its cells cannot be trusted to be in the right columns).
 */
import { createReadStream } from 'node:fs';
import { CsvError, parse } from 'csv-parse';
import { ImportFileError, MAX_RECORD_CHARS, type SourceItem } from './source-item.ts';

const OTHER_DELIMITERS = [';', '\t', '|'];

export async function* readCsv(file: string): AsyncGenerator<SourceItem> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_CHARS }),
  );
  let header: string[] | undefined;
  let lastLine = 0;
  try {
    for await (const { record: cells, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines - cells.reduce((newlines, cell) => newlines + countNewlines(cell), 0);
      lastLine = info.lines;
      if (!header) {
        header = checkHeader(cells);
        continue;
      }
      if (cells.length !== header.length) {
        yield { line, problem: { key: 'row.wrong_column_count', params: { found: cells.length, expected: header.length } } };
        continue;
      }
      yield { line, fields: Object.fromEntries(header.map((name, index) => [name, cells[index]])) };
    }
  } catch (error) {
    throw error instanceof CsvError ? fileErrorOf(error, lastLine + 1) : error;
  }
}

function checkHeader(cells: string[]): string[] {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  if (!names.includes('id')) {
    const delimiter = names.length === 1 ? OTHER_DELIMITERS.find((candidate) => names[0]!.includes(candidate)) : undefined;
    throw new ImportFileError(delimiter ? { key: 'file.wrong_delimiter', params: { delimiter: delimiter === '\t' ? 'Tab' : delimiter } } : { key: 'file.no_id_column' });
  }
  const repeated = names.find((name, index) => name !== '' && names.indexOf(name) !== index);
  if (repeated) throw new ImportFileError({ key: 'file.duplicate_column', params: { column: repeated } });
  return names;
}

function fileErrorOf(error: CsvError, recordStartLine: number): ImportFileError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError({ key: 'file.unterminated_quote', params: { line: recordStartLine } });
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError({ key: 'file.record_too_large', params: { line: recordStartLine, maximum: MAX_RECORD_CHARS } });
    default:
      return new ImportFileError({ key: 'file.csv_malformed', params: { line: recordStartLine, detail: error.message } });
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
