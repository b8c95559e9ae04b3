/**
 * Exports of any search — CSV (UTF-8 with a BOM, so Excel reads the Chinese; formula cells
 * neutralised), JSON and JSON Lines — in the import template's form, so an export re-imports.
 * Streamed from a cursor walk over the whole result set: the first bytes leave at once and
 * memory stays flat whatever the number of records.
 */
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseFormula } from '../../core/csv/neutralise-formula.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { EXPORT_COLUMNS, toTemplateObject, toTemplateRow } from '../../core/schema/template-row.ts';

export const EXPORT_FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** The export of `pages` (each a page of the walk) as a byte stream in `format`. */
export function exportStream(pages: AsyncIterable<readonly ArchiveRecord[]>, format: ExportFormat): Readable {
  switch (format) {
    case 'csv': {
      const rows = Readable.from(flatten(pages, toTemplateRow));
      return rows.pipe(stringify({ header: true, bom: true, columns: [...EXPORT_COLUMNS], cast: { string: neutraliseFormula } }));
    }
    case 'json':
      return Readable.from(jsonArray(pages));
    case 'jsonl':
      return Readable.from(flatten(pages, (record) => `${JSON.stringify(toTemplateObject(record))}\n`));
  }
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
