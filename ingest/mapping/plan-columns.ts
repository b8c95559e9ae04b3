/**
 * Which field each column of a file fills: the curator's mapping first (a saved profile, the
 * preview page's choices), then the declared names (match-column.ts); the rest are unknown,
 * listed in the report and never assigned. A plan that cannot import anything safely — no id
 * column, a header written twice, two columns for one field — refuses the whole file.
 */
import { DEFAULT_LIST_SEPARATOR, headerKey, type ColumnMapping } from '../../core/schema/column-mapping.ts';
import type { ImportTarget } from '../../core/schema/column-names.ts';
import { ImportFileError } from '../read/source-item.ts';
import { matchColumn } from './match-column.ts';

export interface PlannedColumn {
  index: number;
  /** As written in the file (trimmed). */
  header: string;
  target?: ImportTarget;
  /** `mapping`: the curator chose; `matched`: by name; `ignored`: the curator left it out; `unknown`: no field. */
  how: 'mapping' | 'matched' | 'ignored' | 'unknown';
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  separator: string;
}

const OTHER_DELIMITERS = [';', '\t', '|'];

/**
 * @param samples the first rows' cells, in header order (a bilingual field's language may depend on them)
 */
export function planColumns(header: readonly string[], samples: readonly (readonly unknown[])[], mapping?: ColumnMapping): ColumnPlan {
  const chosen = new Map(Object.entries(mapping?.columns ?? {}).map(([name, target]) => [headerKey(name), target]));
  const columns = header.map((written, index): PlannedColumn => {
    const name = written.trim();
    const key = headerKey(name);
    if (chosen.has(key)) {
      const target = chosen.get(key);
      return target ? { index, header: name, target, how: 'mapping' } : { index, header: name, how: 'ignored' };
    }
    const target = name === '' ? undefined : matchColumn(name, samples.map((row) => row[index]));
    return target ? { index, header: name, target, how: 'matched' } : { index, header: name, how: name === '' ? 'ignored' : 'unknown' };
  });
  return { columns, separator: mapping?.separator ?? DEFAULT_LIST_SEPARATOR };
}

/** @throws ImportFileError when the plan cannot import the file safely */
export function checkPlan(plan: ColumnPlan): void {
  const seen = new Map<string, PlannedColumn>();
  for (const column of plan.columns) {
    if (column.header === '') continue;
    const key = headerKey(column.header);
    if (seen.has(key)) throw new ImportFileError({ key: 'file.duplicate_column', params: { column: column.header } });
    seen.set(key, column);
  }
  const byTarget = new Map<ImportTarget, PlannedColumn>();
  for (const column of plan.columns) {
    if (!column.target) continue;
    const first = byTarget.get(column.target);
    if (first) throw new ImportFileError({ key: 'file.columns_same_field', params: { first: first.header, second: column.header, field: column.target } });
    byTarget.set(column.target, column);
  }
  if (byTarget.has('id')) return;
  const headers = plan.columns.map((column) => column.header);
  const delimiter = headers.length === 1 ? OTHER_DELIMITERS.find((candidate) => headers[0]!.includes(candidate)) : undefined;
  throw new ImportFileError(delimiter ? { key: 'file.wrong_delimiter', params: { delimiter: delimiter === '\t' ? 'Tab' : delimiter } } : { key: 'file.no_id_column' });
}

/** Headers no field was found for (listed in the report; their cells are never assigned). */
export function unknownColumns(plan: ColumnPlan): string[] {
  return plan.columns.filter((column) => column.how === 'unknown').map((column) => column.header);
}
