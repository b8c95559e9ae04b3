/**
 * The objects of a JSON or JSONL file as records' fields. Keys are mapped like a table's columns
 * (plan-columns.ts), each the first time it is met, with the values of the first objects to look
 * at (a bilingual field's language may depend on them). Objects need not share their keys.
 */
import type { ColumnMapping } from '../../core/schema/column-mapping.ts';
import { mapObject } from '../mapping/map-row.ts';
import { planColumns, type ColumnPlan, type PlannedColumn } from '../mapping/plan-columns.ts';
import type { ReadOptions, SourceItem } from './source-item.ts';

const SAMPLE_OBJECTS = 100;

/** `items` hold the objects as parsed (their own keys). */
export async function* rowsOfObjects(items: AsyncIterable<SourceItem>, options: Pick<ReadOptions, 'mapping' | 'onPlan'>): AsyncGenerator<SourceItem> {
  const ahead: SourceItem[] = [];
  let mapper: KeyMapper | undefined;
  for await (const item of items) {
    if (!mapper && ahead.length < SAMPLE_OBJECTS) {
      ahead.push(item);
      continue;
    }
    mapper ??= startMapper(ahead, options);
    for (const early of ahead.splice(0)) yield mapper.map(early);
    yield mapper.map(item);
  }
  mapper ??= startMapper(ahead, options);
  for (const early of ahead) yield mapper.map(early);
}

interface KeyMapper {
  map(item: SourceItem): SourceItem;
}

function startMapper(sample: readonly SourceItem[], options: Pick<ReadOptions, 'mapping' | 'onPlan'>): KeyMapper {
  const objects = sample.flatMap((item) => ('fields' in item ? [item.fields] : []));
  const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
  const plan = planColumns(keys, objects.map((object) => keys.map((key) => object[key])), options.mapping);
  options.onPlan?.(plan);
  const byKey = new Map(plan.columns.map((column) => [column.header, column]));
  const targetOf = (key: string): PlannedColumn => {
    let column = byKey.get(key);
    if (!column) {
      column = planKey(key, options.mapping);
      byKey.set(key, column);
    }
    return column;
  };
  return { map: (item) => ('fields' in item ? { ...item, fields: mapObject(targetOf, plan.separator, item.fields) } : item) };
}

function planKey(key: string, mapping: ColumnMapping | undefined): PlannedColumn {
  const plan: ColumnPlan = planColumns([key], [], mapping);
  return plan.columns[0]!;
}
