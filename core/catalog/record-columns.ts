/** Record fields as catalog columns: how each field kind is stored and read back. */
import { fieldMeta, RECORD_FIELDS, type ArchiveRecord, type FieldKind, type RecordField } from '../schema/record.ts';

const SQL_TYPES: Record<FieldKind, string> = {
  id: 'TEXT',
  text: 'TEXT',
  vocabulary: 'TEXT',
  hierarchy: 'TEXT',
  list: 'TEXT', // a JSON array
  year: 'INTEGER',
  latitude: 'REAL',
  longitude: 'REAL',
  geometry: 'TEXT', // GeoJSON
};

/** Every record field but `id`, which the base table declares. */
export const DATA_COLUMNS = RECORD_FIELDS.filter((name) => name !== 'id');

export function sqlTypeOf(name: RecordField): string {
  return SQL_TYPES[fieldMeta(name).kind];
}

export type RecordRow = Record<string, string | number | null>;

export function recordToRow(record: ArchiveRecord): RecordRow {
  const row: RecordRow = {};
  for (const name of RECORD_FIELDS) {
    const value = record[name];
    row[name] = value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return row;
}

export function rowToRecord(row: RecordRow): ArchiveRecord {
  const record: Record<string, unknown> = {};
  for (const name of RECORD_FIELDS) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    const kind = fieldMeta(name).kind;
    record[name] = kind === 'list' || kind === 'geometry' ? JSON.parse(String(value)) : value;
  }
  return record as ArchiveRecord;
}
