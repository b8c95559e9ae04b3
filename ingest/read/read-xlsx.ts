/**
 * Reads a sheet of an XLSX workbook (exceljs, streamed) as a table: the sheet the curator chose,
 * or the first whose header has an id column. The workbook's ZIP is checked first (read-zip.ts),
 * and a workbook of more cells than the limit is refused: a sheet that large goes as CSV.
 *
 * A formula never runs and is never stored: the cell's last computed value (what the curator saw)
 * is read, with a warning; a formula without a saved value refuses its row, as does an error
 * value (`#N/A`). Dates become `YYYY-MM-DD`, rich text its plain text, a link its text.
 *
 * exceljs reads a reordered copy of the workbook (reorder-workbook.ts), made in a folder of its
 * own that is removed when reading ends, however it ends: no temporary file is left behind.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { IMPORT_LIMITS } from '../archive/import-limits.ts';
import { openZip } from '../archive/read-zip.ts';
import { writeReorderedWorkbook } from '../archive/reorder-workbook.ts';
import { matchColumn } from '../mapping/match-column.ts';
import { headerKey } from '../../core/schema/column-mapping.ts';
import { rowsOfTable, type TableRow } from './read-table.ts';
import { ImportFileError, type Message, type ReadOptions, type SourceItem } from './source-item.ts';

export interface SheetSummary {
  name: string;
  /** Rows below the header. */
  rows: number;
  hasIdColumn: boolean;
}

type CellValue = ExcelJS.CellValue;
type Converted = { value: unknown; warning?: Message } | { problem: Message };

export function readXlsx(file: string, options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  return rowsOfTable(readSheet(file, options), options);
}

/** Every sheet of the workbook with its size (the preview's sheet picker). */
export async function listSheets(file: string): Promise<SheetSummary[]> {
  const sheets: SheetSummary[] = [];
  const counter = cellCounter();
  for await (const sheet of openWorkbook(file)) {
    let header: unknown[] | undefined;
    let rows = 0;
    for await (const row of sheet) {
      const cells = cellsOf(row);
      counter.add(cells);
      if (!header) header = cells;
      else rows++;
    }
    sheets.push({ name: sheetName(sheet), rows, hasIdColumn: header !== undefined && hasIdColumn(header) });
  }
  return sheets;
}

async function* readSheet(file: string, options: ReadOptions): AsyncGenerator<TableRow> {
  const counter = cellCounter();
  const names: string[] = [];
  let found = false;
  for await (const sheet of openWorkbook(file)) {
    const name = sheetName(sheet);
    names.push(name);
    const wanted = options.sheet === undefined ? undefined : headerKey(options.sheet) === headerKey(name);
    let reading = false;
    let decided = found || wanted === false;
    for await (const row of sheet) {
      const cells = cellsOf(row);
      counter.add(cells);
      if (!decided) {
        decided = true;
        reading = wanted === true || (wanted === undefined && hasIdColumn(cells));
        found ||= reading;
      }
      if (reading) yield tableRowOf(row.number, cells);
    }
  }
  if (found) return;
  if (options.sheet !== undefined) throw new ImportFileError({ key: 'file.no_such_sheet', params: { sheet: options.sheet, sheets: names.join(', ') } });
  throw new ImportFileError({ key: 'file.no_sheet_with_id', params: { sheets: names.join(', ') } });
}

async function* openWorkbook(file: string): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader> {
  if ((await stat(file)).size > IMPORT_LIMITS.workbookBytes) throw new ImportFileError({ key: 'file.too_large', params: { maximum: `${IMPORT_LIMITS.workbookBytes / 1024 / 1024} MB` } });
  const { zip, entries } = await openZip(file, IMPORT_LIMITS.workbookZip).catch((error: unknown) => {
    throw error instanceof ImportFileError && error.detail.key === 'archive.unreadable' ? new ImportFileError({ key: 'file.not_xlsx' }) : error;
  });
  const folder = await mkdtemp(path.join(tmpdir(), 'archive-workbook-'));
  try {
    if (!entries.some((entry) => entry.name === 'xl/workbook.xml')) throw new ImportFileError({ key: 'file.not_xlsx' });
    const ordered = path.join(folder, 'workbook.xlsx');
    await writeReorderedWorkbook(zip, entries, ordered).catch(() => {
      throw new ImportFileError({ key: 'file.not_xlsx' });
    });
    // Loaded here, not with the importer: a CSV or JSON import never needs its ~16 MB and half a second.
    const { default: excel } = await import('exceljs');
    const reader = new excel.stream.xlsx.WorkbookReader(ordered, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' });
    try {
      yield* reader;
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError({ key: 'file.not_xlsx' });
    }
  } finally {
    zip.close();
    await rm(folder, { recursive: true, force: true });
  }
}

function tableRowOf(line: number, cells: readonly CellValue[]): TableRow {
  const values: unknown[] = [];
  const warnings: { column: number; message: Message }[] = [];
  for (const [column, cell] of cells.entries()) {
    const converted = convert(cell);
    if ('problem' in converted) return { line, problem: { ...converted.problem, params: { ...converted.problem.params, column: column + 1 } } };
    values.push(converted.value);
    if (converted.warning) warnings.push({ column, message: converted.warning });
  }
  return warnings.length > 0 ? { line, cells: values, warnings } : { line, cells: values };
}

/** A cell's value as an import file's cell: text, a number, or nothing. */
function convert(cell: CellValue): Converted {
  if (cell === null || cell === undefined) return { value: undefined };
  if (typeof cell === 'string' || typeof cell === 'number') return { value: cell };
  if (typeof cell === 'boolean') return { value: String(cell) };
  if (cell instanceof Date) return { value: formatDate(cell) };
  if ('richText' in cell) return { value: cell.richText.map((part) => part.text).join('') };
  if ('error' in cell) return { problem: { key: 'row.cell_error', params: { error: String(cell.error) } } };
  if ('formula' in cell || 'sharedFormula' in cell) {
    const result = (cell as { result?: CellValue }).result;
    if (result === undefined || result === null) return { problem: { key: 'row.formula_without_value' } };
    const value = convert(result as CellValue);
    return 'problem' in value ? value : { value: value.value, warning: { key: 'row.formula_value' } };
  }
  if ('text' in cell) return convert((cell as { text: CellValue }).text);
  return { value: undefined };
}

function formatDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function cellsOf(row: ExcelJS.Row): CellValue[] {
  // exceljs counts columns from 1: `values[0]` is always empty.
  return (row.values as CellValue[]).slice(1);
}

function hasIdColumn(header: readonly unknown[]): boolean {
  return header.some((cell) => typeof cell === 'string' && matchColumn(cell, []) === 'id');
}

function sheetName(sheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  return (sheet as unknown as { name: string }).name;
}

function cellCounter() {
  let cells = 0;
  return {
    add(row: readonly CellValue[]) {
      for (const cell of row) if (cell !== null && cell !== undefined) cells++;
      if (cells > IMPORT_LIMITS.workbookCells) throw new ImportFileError({ key: 'file.too_many_cells', params: { maximum: IMPORT_LIMITS.workbookCells } });
    },
  };
}
