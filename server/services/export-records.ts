/**
 * Exports of any search — CSV (UTF-8 with a BOM, so Excel reads the Chinese; formula cells
 * neutralised), XLSX, JSON and JSON Lines — in the import template's form, so an export re-imports.
 * Streamed from a cursor walk over the whole result set: the first bytes leave at once and
 * memory stays flat whatever the number of records.
 */
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from '../../core/csv/neutralise-formula.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { EXPORT_COLUMNS, toTemplateObject, toTemplateRow } from '../../core/schema/template-row.ts';

export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** csv-stringify's options for the template as CSV: a BOM so Excel reads the Chinese, formula cells neutralised. */
export const TEMPLATE_CSV_OPTIONS = { header: true, bom: true, columns: [...EXPORT_COLUMNS], cast: { string: neutraliseFormula } };

/** The export of `pages` (each a page of the walk) as a byte stream in `format`. */
export function exportStream(pages: AsyncIterable<readonly ArchiveRecord[]>, format: ExportFormat): Readable {
  switch (format) {
    case 'csv': {
      const rows = Readable.from(flatten(pages, toTemplateRow));
      return rows.pipe(stringify(TEMPLATE_CSV_OPTIONS));
    }
    case 'json':
      return Readable.from(jsonArray(pages));
    case 'jsonl':
      return Readable.from(flatten(pages, (record) => `${JSON.stringify(toTemplateObject(record))}\n`));
    case 'xlsx':
      return workbookStream(pages);
  }
}

/**
 * One sheet, the template's columns, a row committed as soon as it is written (exceljs's streaming
 * writer, inline strings), so memory stays flat; the zip entry of the sheet still leaves only once
 * it is complete (100k records: the first byte after ~49 s), which is why CSV is the format for
 * large exports. A cell that reads like a formula is stored as text: a spreadsheet shows it and
 * never runs it, so it needs no guard. exceljs (~25 MB) is loaded by the first XLSX export.
 */
function workbookStream(pages: AsyncIterable<readonly ArchiveRecord[]>): Readable {
  const output = new PassThrough();
  (async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('records');
    sheet.addRow([...EXPORT_COLUMNS]).commit();
    for await (const record of flatten(pages, toTemplateRow)) sheet.addRow(EXPORT_COLUMNS.map((column) => record[column])).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return output;
}

async function* flatten<T>(pages: AsyncIterable<readonly ArchiveRecord[]>, shape: (record: ArchiveRecord) => T): AsyncGenerator<T> {
  for await (const page of pages) for (const record of page) yield shape(record);
}

async function* jsonArray(pages: AsyncIterable<readonly ArchiveRecord[]>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const page of pages) {
    for (const record of page) {
      yield `${first ? '\n' : ',\n'}${JSON.stringify(toTemplateObject(record))}`;
      first = false;
    }
  }
  yield first ? ']\n' : '\n]\n';
}
