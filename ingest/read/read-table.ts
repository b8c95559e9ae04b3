/**
 * The rows of a table (CSV, TSV, a workbook's sheet) as records' fields: the first row is the
 * header; the first rows after it are read ahead so the column plan can look at their values
 * (plan-columns.ts), then every row is mapped to the fields its columns fill.
 */
import { checkPlan, planColumns, type ColumnPlan } from '../mapping/plan-columns.ts';
import { mapCells } from '../mapping/map-row.ts';
import type { Message, ReadOptions, SourceItem } from './source-item.ts';

export type TableRow = { line: number; cells: unknown[]; warnings?: { column: number; message: Message }[] } | { line: number; problem: Message };

/** Rows read ahead for the plan. */
const SAMPLE_ROWS = 100;

/** `rows` starts with the header row. */
export async function* rowsOfTable(rows: AsyncIterable<TableRow>, options: Pick<ReadOptions, 'mapping' | 'onPlan' | 'countOnly'>): AsyncGenerator<SourceItem> {
  let header: string[] | undefined;
  let plan: ColumnPlan | undefined;
  const ahead: TableRow[] = [];
  const start = () => {
    const planned = planColumns(header!, ahead.flatMap((row) => ('cells' in row ? [row.cells] : [])), options.mapping);
    // Told before the check: a curator mapping the columns must see them even when the plan is refused.
    options.onPlan?.(planned);
    checkPlan(planned);
    plan = options.countOnly ? imagesOnly(planned) : planned;
    return plan;
  };
  for await (const row of rows) {
    if (!header) {
      if ('problem' in row) continue;
      header = row.cells.map((cell) => (cell === undefined || cell === null ? '' : String(cell)));
      continue;
    }
    if ('cells' in row && row.cells.every(isBlank)) continue; // `,,,,` as spreadsheets save blank rows
    if (!plan && ahead.length < SAMPLE_ROWS) {
      ahead.push(row);
      continue;
    }
    if (!plan) {
      const planned = start();
      for (const early of ahead.splice(0)) yield itemOf(planned, early);
    }
    yield itemOf(plan!, row);
  }
  if (!header) return;
  if (!plan) {
    const planned = start();
    for (const early of ahead) yield itemOf(planned, early);
  }
}

function itemOf(plan: ColumnPlan, row: TableRow): SourceItem {
  if ('problem' in row) return row;
  const fields = mapCells(plan, row.cells);
  if (!row.warnings?.length) return { line: row.line, fields };
  const warnings = row.warnings.map(({ column, message }) => ({ field: plan.columns[column]?.target ?? plan.columns[column]?.header ?? '', message }));
  return { line: row.line, fields, warnings };
}

function isBlank(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The plan of a count: the columns of image references alone. */
export function imagesOnly(plan: ColumnPlan): ColumnPlan {
  return { ...plan, columns: plan.columns.filter((column) => column.target === 'images') };
}

/** How many image references a row's fields hold (a cell of `;`-separated paths, or a list). */
export function imageReferencesOf(fields: Readonly<Record<string, unknown>>): number {
  const cell = fields.images;
  const references = typeof cell === 'string' ? cell.split(';') : Array.isArray(cell) ? cell : [];
  return references.filter((reference) => String(reference).trim() !== '').length;
}
