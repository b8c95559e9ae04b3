/**
 * One row read from a file, made ready to write or reported: the import mode's rule for its id
 * (import-policy.ts), validation, the file's `visibility` column, repeated ids, the collection of
 * its folder, and its image references (checked against the import folder; a reference the
 * record already shows keeps its photograph when the file is not in this import).
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { unknownFields, validateRecord } from '../core/schema/validate-record.ts';
import type { RecordFile } from './find-inputs.ts';
import { mergeOver, needsStored, storedRecordOf, type ImportPolicy } from './import-policy.ts';
import type { MediaBatchItem } from './media/media-step.ts';
import type { SourceItem } from './read/source-item.ts';
import type { FileSummary, IngestReport } from './report.ts';
import { readVisibilityColumn } from './read-visibility-column.ts';
import { resolveImagePaths } from './resolve-image-paths.ts';

export interface RowContext {
  file: string;
  source: RecordFile;
  catalog: Catalog;
  policy: ImportPolicy;
  report: IngestReport;
  summary: FileSummary;
  collectionId?: string;
  seenIds: Map<string, number>;
  unknown: Set<string>;
  /** Every field some row of the file gives (a dry run's preview tells emptied fields from them). */
  columns: Set<string>;
  referencedImages?: Set<string>;
}

/** The row as a valid record ready to write (with its image files), or undefined after reporting why not. */
export function prepareRow(item: SourceItem, context: RowContext): Omit<MediaBatchItem, 'line'> | undefined {
  const { file, report, summary, policy } = context;
  if ('problem' in item) {
    summary.failed++;
    report.add({ file, line: item.line, severity: 'error', message: item.problem });
    return undefined;
  }
  for (const name of unknownFields(item.fields)) context.unknown.add(name);
  for (const name of Object.keys(item.fields)) context.columns.add(name);
  for (const warning of item.warnings ?? []) report.add({ file, line: item.line, severity: 'warning', field: warning.field, message: warning.message });
  const stored = needsStored(policy) ? storedRecordOf(context.catalog, item.fields) : undefined;
  if (policy.updateOnly && !stored) {
    summary.failed++;
    const id = typeof item.fields.id === 'string' || typeof item.fields.id === 'number' ? String(item.fields.id).trim() : undefined;
    report.add({ file, line: item.line, id, severity: 'error', field: 'id', message: { key: 'row.not_in_archive', params: { id: id ?? '' } } });
    return undefined;
  }
  const keepImages = policy.merge && stored !== undefined && !Object.hasOwn(item.fields, 'images');
  const fields = policy.merge && stored ? mergeOver(stored, item.fields) : item.fields;
  const outcome = validateRecord(fields);
  const visibility = readVisibilityColumn(fields);
  const rawId = fields.id;
  const id = outcome.ok ? outcome.record.id : typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : undefined;
  for (const warning of outcome.warnings) report.addFieldProblem(file, item.line, id, 'warning', warning);
  if (!outcome.ok || !visibility.ok) {
    summary.failed++;
    for (const problem of [...(outcome.ok ? [] : outcome.problems), ...(visibility.ok ? [] : [visibility.problem])]) report.addFieldProblem(file, item.line, id, 'error', problem);
    return undefined;
  }
  const record = outcome.record;
  const firstLine = context.seenIds.get(record.id);
  if (firstLine !== undefined) {
    summary.failed++;
    report.add({ file, line: item.line, id: record.id, severity: 'error', field: 'id', message: { key: 'row.duplicate_in_file', params: { id: record.id, line: firstLine } } });
    return undefined;
  }
  context.seenIds.set(record.id, item.line);
  if (context.collectionId && !record.collections?.includes(context.collectionId)) {
    record.collections = [...(record.collections ?? []), context.collectionId];
  }
  const state = visibility.visibility ? { visibility: visibility.visibility } : {};
  if (keepImages) return { record, images: [], keepLinks: true, ...state };
  if (!record.images?.length) return { record, images: [], ...state };
  const images = resolveImagePaths(record.images, context.source.baseDir);
  const missing = new Set(images.problems.filter((problem) => problem.key === 'media.not_found').map((problem) => String(problem.params?.path)));
  const shown = missing.size > 0 ? context.catalog.media.linksOf(record.id) : [];
  const kept = new Map(shown.filter((link) => missing.has(link.source)).map((link) => [link.source, link]));
  for (const message of images.problems) {
    if (!kept.has(String(message.params?.path))) report.add({ file, line: item.line || undefined, id: record.id, severity: 'media', field: 'images', message });
  }
  for (const real of images.files) context.referencedImages?.add(real);
  // In the row's order: its references are checked in order, each accepted or refused.
  const refused = new Set(images.problems.map((problem) => String(problem.params?.path)));
  const ordered: MediaBatchItem['images'] = [];
  let next = 0;
  for (const reference of record.images) {
    const link = kept.get(reference);
    if (link) ordered.push({ reference, file: '', kept: link });
    else if (!refused.has(reference) && next < images.accepted.length) {
      ordered.push({ reference: images.accepted[next]!, file: images.files[next]! });
      next++;
    }
  }
  record.images = ordered.length > 0 ? ordered.map((image) => image.reference) : undefined;
  return { record, images: ordered, ...state };
}
