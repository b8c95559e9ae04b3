/**
 * The optional `visibility` column of an import file (core/schema/record.ts CATALOG_COLUMNS):
 * `public`, `hidden` or an embargo date. An empty or missing cell keeps the record's visibility.
 */
import { parseVisibility, type Visibility } from '../core/catalog/visibility.ts';
import { describeReceived, type FieldProblem } from '../core/schema/problems.ts';
import type { RawRow } from '../core/schema/validate-record.ts';

export type VisibilityCell = { ok: true; visibility?: Visibility } | { ok: false; problem: FieldProblem };

export function readVisibilityColumn(row: RawRow): VisibilityCell {
  const raw = row.visibility;
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true };
  const parsed = typeof raw === 'string' ? parseVisibility(raw) : { ok: false as const };
  return parsed.ok ? { ok: true, visibility: parsed.visibility } : { ok: false, problem: { field: 'visibility', code: 'bad_visibility', received: describeReceived(raw) } };
}
