/** Synthetic records as an import file, for the benchmarks that run a real ingest. */
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { TEMPLATE_COLUMNS, type ArchiveRecord } from '../../core/schema/record.ts';
import { syntheticRecords } from './synthetic-records.ts';

/** A CSV in the import template's columns; images are left out (bench:media measures photographs). */
export async function writeSyntheticCsv(file: string, rows: number, seed: number, first = 0): Promise<void> {
  const csv = stringify({ header: true, columns: [...TEMPLATE_COLUMNS] });
  const out = csv.pipe(createWriteStream(file));
  for (const record of syntheticRecords(rows, seed, first)) {
    const cells = TEMPLATE_COLUMNS.map((name) => cell(name === 'images' ? undefined : record[name as keyof ArchiveRecord]));
    if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
  }
  csv.end();
  await finished(out);
}

const cell = (value: unknown) => (value === undefined ? '' : Array.isArray(value) ? value.join(';') : String(value));
