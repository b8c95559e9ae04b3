/**
 * The record form's fields, read from the record schema (every field, in its order), and the two
 * ways between a record and a form: a record's values as the text a curator edits (lists joined by
 * `;`, lines as GeoJSON text), and a posted form as the raw row `validateRecord` reads, exactly as
 * an imported CSV row would be, so the form and an import share one validation and its messages.
 */
import type { ArchiveRecord, RecordField } from '../../../core/schema/record.ts';
import { fieldMeta, RECORD_FIELDS } from '../../../core/schema/record.ts';
import type { RawRow } from '../../../core/schema/validate-record.ts';
import { PROTECTION_LEVELS, RECORD_TYPES, type Vocabulary } from '../../../core/schema/vocabularies.ts';
import type { FormFields } from '../form-fields.ts';

export type Control = 'text' | 'textarea' | 'select' | 'readonly';

/** Long texts get a text area; photographs and where coordinates came from are kept by the import. */
const TEXTAREAS = new Set<RecordField>(['description_zh', 'description_en', 'geometry', 'source']);
const KEPT_FROM_IMPORT = new Set<RecordField>(['images', 'coordinates_source']);
export const VOCABULARY_OF: Partial<Record<RecordField, Vocabulary>> = { type: RECORD_TYPES, protection_level: PROTECTION_LEVELS };

/** `idEditable`: a new record's id is typed in; an existing record's cannot change. */
export function controlOf(field: RecordField, idEditable: boolean): Control {
  if (KEPT_FROM_IMPORT.has(field) || (field === 'id' && !idEditable)) return 'readonly';
  if (VOCABULARY_OF[field]) return 'select';
  return TEXTAREAS.has(field) ? 'textarea' : 'text';
}

/** A record's field as the form shows it. */
export function formValueOf(record: Partial<ArchiveRecord>, field: RecordField): string {
  const value = record[field];
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every field's text, from a stored record (editing) or from what was posted (shown again). */
export function formValuesOf(record: Partial<ArchiveRecord>): Record<RecordField, string> {
  return Object.fromEntries(RECORD_FIELDS.map((field) => [field, formValueOf(record, field)])) as Record<RecordField, string>;
}

/** What was posted; the fields a form cannot change (an existing record's id, what only an import sets) from `stored`. */
export function postedValues(form: FormFields, stored?: ArchiveRecord): Record<RecordField, string> {
  const values = Object.fromEntries(RECORD_FIELDS.map((field) => [field, form[field] ?? ''])) as Record<RecordField, string>;
  for (const field of KEPT_FROM_IMPORT) values[field] = stored ? formValueOf(stored, field) : '';
  if (stored) values.id = stored.id;
  return values;
}

/**
 * The raw row to validate: the posted fields, the record's id (an edit cannot rename it), and
 * what only an import sets kept from the stored record. Coordinates the curator changed are the
 * curator's, no longer the photograph's.
 */
export function rowFromForm(values: Record<RecordField, string>, stored: ArchiveRecord | undefined): RawRow {
  const row: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) {
    if (!KEPT_FROM_IMPORT.has(field)) row[field] = values[field];
  }
  if (stored) {
    row.id = stored.id;
    if (stored.images) row.images = stored.images;
    const moved = formValueOf(stored, 'lat') !== values.lat.trim() || formValueOf(stored, 'lon') !== values.lon.trim();
    if (stored.coordinates_source && !moved) row.coordinates_source = stored.coordinates_source;
  }
  return row;
}

/** Whether the field is one of a language pair (shown with its language). */
export function languageOf(field: RecordField): 'zh' | 'en' | undefined {
  return fieldMeta(field).lang;
}
