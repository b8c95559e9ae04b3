/**
 * Reads the import template's CSV as a stream of rows keyed by column name. Header problems and
 * broken quoting refuse the whole file; a row with the wrong number of columns is skipped and
 * reported (its cells cannot be trusted to be in the right columns).
 */
import { CsvError, parse, type Info } from 'csv-parse';
import type { NestedMessage } from '../../core/i18n/translate.ts';
import { openText } from './open-text.ts';
import { rowsOfTable, type TableRow } from './read-table.ts';
import { ImportFileError, MAX_RECORD_CHARS, type ReadOptions, type SourceItem } from './source-item.ts';

/** Any line ending, even mixed in one file (a header saved by Excel, rows added in an editor). */
const LINE_BREAKS = ['\r\n', '\n', '\r'];

type ParseInfo = Pick<Info, 'lines' | 'empty_lines'>;

export function readCsv(file: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  return rowsOfTable(readDelimited(file, ',', options), options);
}

/** Tab-separated values (`.tsv`; Excel's "Unicode text" is UTF-16 TSV). */
export function readTsv(file: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  return rowsOfTable(readDelimited(file, '\t', options), options);
}

async function* readDelimited(file: string, delimiter: string, options: ReadOptions): AsyncGenerator<TableRow> {
  const lines = new LineTracker();
  // Lines are tracked as csv-parse meets each record: a stream error can overtake records it
  // has parsed but not yet handed over, and the failing record's line must still be right.
  const recordLines: number[] = [];
  const text = openText(file, options.encoding);
  const parser = text.pipe(
    parse({
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      record_delimiter: LINE_BREAKS,
      on_record: (cells, info) => {
        recordLines.push(lines.recordStart(cells, info));
        return cells;
      },
    }),
  );
  // pipe() does not pass errors along: a decoding refusal must end the rows with that refusal.
  text.on('error', (error) => parser.destroy(error));
  let columns: number | undefined;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const line = recordLines.shift()!;
      if (columns === undefined) {
        columns = cells.length;
        yield { line, cells };
        continue;
      }
      // A row of empty cells (`,,,,` as spreadsheets save blank rows) is a blank line, whatever its length.
      if (cells.length !== columns && !cells.every((cell) => cell.trim() === '')) {
        yield { line, problem: { key: 'row.wrong_column_count', params: { found: cells.length, expected: columns } } };
        continue;
      }
      yield { line, cells };
    }
  } catch (error) {
    throw error instanceof CsvError ? fileErrorOf(error, lines.nextRecordStart(error as CsvError & Partial<ParseInfo>)) : error;
  }
}

/**
 * The line on which each record starts, as an editor numbers lines. csv-parse's `info.lines`
 * counts `\r` and `\n` inside a quoted cell separately, so every CRLF inside a cell would push
 * all later line numbers one further.
 */
class LineTracker {
  #overCounted = 0;
  #lastEnd = 0;
  #lastEmptyLines = 0;

  recordStart(cells: readonly string[], info: ParseInfo): number {
    let breaks = 0;
    for (const cell of cells) {
      // Nearly every cell is one line: skip the counting unless there is a break to count.
      if (!cell.includes('\n') && !cell.includes('\r')) continue;
      breaks += countMatches(cell, /\r\n|\r|\n/g);
      this.#overCounted += countMatches(cell, /\r\n/g);
    }
    this.#lastEnd = info.lines - this.#overCounted;
    this.#lastEmptyLines = info.empty_lines;
    return this.#lastEnd - breaks;
  }

  /** Where the record that failed to parse starts: after the last good one and any blank lines. */
  nextRecordStart(error: Partial<ParseInfo>): number {
    const blankLines = typeof error.empty_lines === 'number' ? error.empty_lines - this.#lastEmptyLines : 0;
    return this.#lastEnd + 1 + blankLines;
  }
}

function fileErrorOf(error: CsvError, recordStartLine: number): ImportFileError {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError({ key: 'file.unterminated_quote', params: { line: recordStartLine } });
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError({ key: 'file.record_too_large', params: { line: recordStartLine, maximum: MAX_RECORD_CHARS } });
    default:
      return new ImportFileError({ key: 'file.csv_malformed', params: { line: recordStartLine, detail: csvReasonOf(error) } });
  }
}

/** csv-parse's reason in the archive's words (its own message is English only). */
function csvReasonOf(error: CsvError): NestedMessage {
  switch (error.code as string) {
    case 'INVALID_OPENING_QUOTE':
      return { key: 'csv.quote_inside_cell' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { key: 'csv.text_after_quote' };
    default:
      return { key: 'csv.unreadable', params: { code: error.code } };
  }
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
