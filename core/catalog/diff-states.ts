/**
 * What changed between two states of a record, field by field: the history shows it, the
 * curator's workspace compares any two versions with it, an update's dry run previews it.
 */
import { RECORD_FIELDS, type RecordField } from '../schema/record.ts';
import type { RecordState } from './record-history.ts';
import { formatVisibility } from './visibility.ts';

export interface FieldChange {
  /** A record field, or `visibility` / `media` for those parts of the state. */
  field: RecordField | 'visibility' | 'media';
  before?: string;
  after?: string;
}

/** The fields whose values differ, in schema order; an absent state has every field empty. */
export function diffStates(before: RecordState | undefined, after: RecordState | undefined): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: FieldChange['field'], a: string | undefined, b: string | undefined) => {
    if (a !== b) changes.push({ field, ...(a !== undefined && { before: a }), ...(b !== undefined && { after: b }) });
  };
  for (const field of RECORD_FIELDS) add(field, shown(before?.record[field]), shown(after?.record[field]));
  add('visibility', before && formatVisibility(before.visibility), after && formatVisibility(after.visibility));
  add('media', before && mediaText(before), after && mediaText(after));
  return changes;
}

function shown(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function mediaText(state: RecordState): string | undefined {
  return state.media.length === 0 ? undefined : state.media.map((link) => link.source).join('; ');
}
