/**
 * Two editors, one record: when a save is refused because someone saved the record while this
 * editor had it open, the form comes back as a three-way merge of what the editor opened, what
 * they typed and what is stored now. A field only the other person changed takes their value
 * (so saving the form again never silently puts the old value back); a field only this editor
 * changed keeps their input; a field both changed differently keeps this editor's input and is
 * named as a clash, with the other value shown beside it, for the editor to decide.
 */
import { RECORD_FIELDS, type ArchiveRecord, type RecordField } from '../../../core/schema/record.ts';
import { formValueOf } from '../present/record-form-fields.ts';

export interface FieldClash {
  field: RecordField;
  /** The value stored now, as the form shows it. */
  theirs: string;
}

export interface MergedEdit {
  values: Record<RecordField, string>;
  clashes: FieldClash[];
}

/** Form text compared as a browser sends it back: text areas arrive with CRLF, fields may gain spaces. */
function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();
}

/**
 * Merges `mine` (the posted form) with `latest` (stored now), field by field, against `opened`
 * (the record as the form was opened; undefined when that version is unknown, in which case every
 * field that differs is a clash and the editor's input is kept).
 */
export function mergeEdit(opened: ArchiveRecord | undefined, latest: ArchiveRecord, mine: Readonly<Record<RecordField, string>>): MergedEdit {
  const values = { ...mine };
  const clashes: FieldClash[] = [];
  for (const field of RECORD_FIELDS) {
    const theirs = formValueOf(latest, field);
    if (sameText(mine[field], theirs)) continue;
    const base = opened && formValueOf(opened, field);
    if (base !== undefined && sameText(mine[field], base)) values[field] = theirs;
    else if (base === undefined || !sameText(theirs, base)) clashes.push({ field, theirs });
  }
  return { values, clashes };
}
