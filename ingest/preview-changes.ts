/**
 * A dry run's field-level preview: for every row that would update a record, which fields would
 * change from what to what (core/catalog/diff-states.ts, the history's own diff). Updates that
 * would empty fields the file has no column for are counted: in the default mode a partial file
 * replaces whole records, and the preview says so before anything is written.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { diffStates, type FieldChange } from '../core/catalog/diff-states.ts';
import type { RecordState } from '../core/catalog/record-history.ts';
import type { MediaBatchItem } from './media/media-step.ts';
import type { IngestReport } from './report.ts';

export interface RecordChanges {
  file: string;
  line: number;
  id: string;
  changes: FieldChange[];
  /** Fields this update would empty although the file has no column for them. */
  emptiedUnmapped: string[];
}

/** Adds the changes of each previewed update to the report. */
export function previewChanges(catalog: Catalog, items: readonly MediaBatchItem[], actions: readonly string[], context: { file: string; report: IngestReport; columns: ReadonlySet<string> }): void {
  items.forEach((item, index) => {
    if (actions[index] !== 'updated') return;
    const stored = catalog.getRecord(item.record.id);
    if (!stored) return;
    const before: RecordState = { record: stored.record, visibility: stored.visibility, media: catalog.media.linksOf(stored.record.id) };
    const after: RecordState = {
      record: item.record,
      visibility: item.visibility ?? stored.visibility,
      media: item.links ?? (item.keepLinks ? before.media : item.images.map((image) => ({ hash: '', source: image.reference }))),
    };
    const changes = diffStates(before, after);
    const emptiedUnmapped = changes.filter((change) => change.after === undefined && !context.columns.has(change.field === 'media' ? 'images' : change.field)).map((change) => change.field);
    context.report.addChanges({ file: context.file, line: item.line, id: item.record.id, changes, emptiedUnmapped });
  });
}
