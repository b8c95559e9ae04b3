/**
 * One row of a file as the validator reads it: each planned column's cell under its field's
 * name, nothing from unknown or ignored columns. List cells split on the plan's separator; a
 * spreadsheet cell that an export neutralised (`'=…`, `'-3300`) gets its own text back.
 */
import { restoreFormula } from '../../core/csv/neutralise-formula.ts';
import { DEFAULT_LIST_SEPARATOR } from '../../core/schema/column-mapping.ts';
import type { ImportTarget } from '../../core/schema/column-names.ts';
import { fieldMeta, RECORD_FIELDS, type RecordField } from '../../core/schema/record.ts';
import type { ColumnPlan, PlannedColumn } from './plan-columns.ts';

const LIST_FIELDS = new Set<ImportTarget>(RECORD_FIELDS.filter((field: RecordField) => fieldMeta(field).kind === 'list'));

/** The cells of a table row (CSV, TSV, a sheet) under their fields' names. */
export function mapCells(plan: ColumnPlan, cells: readonly unknown[]): Record<string, unknown> {
  const fields = unknownOnly();
  for (const column of plan.columns) {
    const cell = cells[column.index];
    if (column.target) fields[column.target] = typeof cell === 'string' ? splitList(column.target, restoreFormula(cell), plan.separator) : cell;
    else if (column.how === 'unknown') fields[column.header] = cell;
  }
  return fields;
}

/**
 * A JSON object's values under their fields' names (values keep their JSON types). Objects of
 * one file may name a field differently (`title_zh` here, `题名` there); one naming it twice is
 * read by its first key.
 */
export function mapObject(targetOf: (key: string) => PlannedColumn, separator: string, object: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const fields = unknownOnly();
  for (const [key, value] of Object.entries(object)) {
    const column = targetOf(key);
    if (column.target) {
      if (!Object.hasOwn(fields, column.target)) fields[column.target] = typeof value === 'string' ? splitList(column.target, value, separator) : value;
    } else if (column.how === 'unknown') fields[key] = value;
  }
  return fields;
}

/**
 * Unknown columns travel under their own names, so the report lists them (validate-record.ts
 * ignores them). A name such as `__proto__` must stay a plain key: no prototype to set.
 */
function unknownOnly(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}

function splitList(target: ImportTarget, cell: string, separator: string): string | string[] {
  return separator !== DEFAULT_LIST_SEPARATOR && LIST_FIELDS.has(target) ? cell.split(separator) : cell;
}
