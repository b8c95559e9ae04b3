/** A record as the catalog holds it: the record itself plus what the catalog knows about it. */
import type { ArchiveRecord } from '../schema/record.ts';
import { rowToRecord, type RecordRow } from './record-columns.ts';
import type { Visibility, VisibilityState } from './visibility.ts';

export interface StoredRecord {
  /** The catalog's integer key; search indexes refer to records by it. */
  seq: number;
  record: ArchiveRecord;
  /** When the record last really changed (UTC, second precision); never moves backwards. */
  modified: string;
  visibility: Visibility;
}

export function toStored(row: RecordRow): StoredRecord {
  return { seq: Number(row.seq), record: rowToRecord(row), modified: String(row.modified), visibility: visibilityOfRow(row) };
}

export function visibilityOfRow(row: { visibility?: unknown; embargo_until?: unknown }): Visibility {
  const state = (row.visibility ?? 'public') as VisibilityState;
  return state === 'embargoed' ? { state, until: String(row.embargo_until) } : { state };
}
