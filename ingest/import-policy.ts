/**
 * Import modes: what a row does to the record of its id.
 *
 * | mode | id already in the archive | id not in the archive |
 * |---|---|---|
 * | `upsert` (default) | replaced by the row (`--on-existing` may skip or refuse it) | created |
 * | `create` | skipped and reported (or refused, `--on-existing=error`) | created |
 * | `update` | replaced by the row | refused |
 * | `merge` | the row's columns replace those fields; fields it has no column for stay as they are | refused |
 *
 * `merge` is "update without touching unmapped fields": the row is laid over the stored record
 * before validation, so a file of `id,title_en` fixes English titles and blanks nothing. A cell
 * left empty in a column the file does have empties that field, as in every mode.
 */
import type { Catalog, OnExisting, StoredRecord } from '../core/catalog/catalog.ts';
import { toRecordId } from '../core/schema/record-id.ts';
import type { RawRow } from '../core/schema/validate-record.ts';

export const IMPORT_MODES = ['upsert', 'create', 'update', 'merge'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export interface ImportPolicy {
  mode: ImportMode;
  /** What a row does to an existing record (the writer's rule). */
  onExisting: OnExisting;
  /** Rows for ids not in the archive are refused. */
  updateOnly: boolean;
  merge: boolean;
}

export function policyOf(mode: ImportMode = 'upsert', onExisting: OnExisting = 'update'): ImportPolicy {
  switch (mode) {
    case 'upsert':
      return { mode, onExisting, updateOnly: false, merge: false };
    case 'create':
      return { mode, onExisting: onExisting === 'error' ? 'error' : 'skip', updateOnly: false, merge: false };
    case 'update':
      return { mode, onExisting: 'update', updateOnly: true, merge: false };
    case 'merge':
      return { mode, onExisting: 'update', updateOnly: true, merge: true };
  }
}

/** Whether rows need their stored record looked up before validation. */
export function needsStored(policy: ImportPolicy): boolean {
  return policy.updateOnly || policy.merge;
}

/** The stored record a row's id names (the id mapped to a safe slug as validation would), if any. */
export function storedRecordOf(catalog: Catalog, row: RawRow): StoredRecord | undefined {
  const raw = row.id;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  return text === '' ? undefined : catalog.getRecord(toRecordId(text).id);
}

/** The row laid over the stored record: the row's own columns win, even when empty. */
export function mergeOver(stored: StoredRecord, row: RawRow): RawRow {
  return { ...stored.record, ...row };
}
