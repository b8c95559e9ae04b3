/**
 * A record as a row of the import template (templates/records-template.csv), so that an export
 * re-imports unchanged: the template's columns in their fixed order, then the fields added since
 * (`identifier`, `coordinates_source`, `geometry`); lists joined by `;` as the importer splits
 * them, GeoJSON as JSON text, numbers as written.
 */
import { RECORD_FIELDS, TEMPLATE_COLUMNS, type ArchiveRecord, type RecordField } from './record.ts';

export const EXPORT_COLUMNS: readonly RecordField[] = [...TEMPLATE_COLUMNS, ...RECORD_FIELDS.filter((field) => !(TEMPLATE_COLUMNS as readonly string[]).includes(field))];

const LIST_SEPARATOR = ';';

/** Numbers stay numbers, so a CSV writer's formula guard never touches a BCE year or a western longitude. */
export function toTemplateRow(record: ArchiveRecord): Record<RecordField, string | number> {
  const row = {} as Record<RecordField, string | number>;
  for (const field of EXPORT_COLUMNS) {
    const value = record[field];
    row[field] = value === undefined ? '' : typeof value === 'number' ? value : Array.isArray(value) ? value.join(LIST_SEPARATOR) : typeof value === 'object' ? JSON.stringify(value) : value;
  }
  return row;
}

/** The record as a JSON import file's object: its fields in template order, nothing empty. */
export function toTemplateObject(record: ArchiveRecord): Partial<ArchiveRecord> {
  const object: Record<string, unknown> = {};
  for (const field of EXPORT_COLUMNS) if (record[field] !== undefined) object[field] = record[field];
  return object as Partial<ArchiveRecord>;
}
