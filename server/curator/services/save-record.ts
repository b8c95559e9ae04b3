/**
 * Saving the record form: validated by `validateRecord` exactly like an imported row, then written
 * through the catalog under the writer lock as `user:NAME`. Two editors saving the same record:
 * the form carries the version it was opened on, and a save whose record has moved on since is
 * refused (nothing written), so the second editor is told and sees what changed, with their own
 * input kept in the form. Nothing is lost either way.
 */
import type { RecordVersion } from '../../../core/catalog/record-history.ts';
import type { FieldProblem } from '../../../core/schema/problems.ts';
import type { ArchiveRecord, RecordField } from '../../../core/schema/record.ts';
import { validateRecord } from '../../../core/schema/validate-record.ts';
import type { SiteContext } from '../../site-context.ts';
import { rowFromForm } from '../present/record-form-fields.ts';
import { writeArchive } from './write-archive.ts';

export type SaveOutcome =
  | { status: 'invalid'; problems: FieldProblem[]; warnings: FieldProblem[] }
  | { status: 'conflict'; since: RecordVersion[] }
  | { status: 'exists' }
  | { status: 'not_found' }
  | { status: 'saved'; action: 'created' | 'updated' | 'unchanged'; record: ArchiveRecord; warnings: FieldProblem[]; indexed: boolean };

type Parts = Pick<SiteContext, 'catalog' | 'engine' | 'logger'>;

/** Saves an edit of record `id`, opened at version `openedAt`. */
export async function saveEdit(site: Parts, id: string, values: Record<RecordField, string>, openedAt: number, actor: string): Promise<SaveOutcome> {
  const stored = site.catalog.getRecord(id);
  if (!stored) return { status: 'not_found' };
  const outcome = validateRecord(rowFromForm(values, stored.record));
  if (!outcome.ok) return { status: 'invalid', problems: outcome.problems, warnings: outcome.warnings };
  const result = await writeArchive(site, 'edit', (): SaveOutcome => {
    const latest = site.catalog.history.latest(id)?.versionNo ?? 0;
    // Checked under the lock: no other write can slip in between this check and the write.
    if (latest !== openedAt) return { status: 'conflict', since: site.catalog.history.ofRecord(id).filter((version) => version.versionNo > openedAt) };
    if (!site.catalog.getRecord(id)) return { status: 'not_found' };
    const [action] = site.catalog.writeBatch([{ record: outcome.record }], { actor });
    return { status: 'saved', action: action as 'updated' | 'unchanged', record: outcome.record, warnings: outcome.warnings, indexed: true };
  });
  return result.value.status === 'saved' ? { ...result.value, indexed: result.indexed } : result.value;
}

/** Creates a record from the form; an id in use (or deleted, with a history to restore from) is refused. */
export async function saveNew(site: Parts, values: Record<RecordField, string>, actor: string): Promise<SaveOutcome> {
  const outcome = validateRecord(rowFromForm(values, undefined));
  if (!outcome.ok) return { status: 'invalid', problems: outcome.problems, warnings: outcome.warnings };
  const { id } = outcome.record;
  const result = await writeArchive(site, 'edit', (): SaveOutcome => {
    if (site.catalog.getRecord(id) || site.catalog.getTombstone(id)) return { status: 'exists' };
    site.catalog.writeBatch([{ record: outcome.record }], { actor, onExisting: 'error' });
    return { status: 'saved', action: 'created', record: outcome.record, warnings: outcome.warnings, indexed: true };
  });
  return result.value.status === 'saved' ? { ...result.value, indexed: result.indexed } : result.value;
}
