/**
 * A record as curators see it: every field filled in, its visibility, how many versions it has,
 * and what the curator's role lets them do with it. A deleted record shows its tombstone and the
 * way to its history, where it can be restored.
 */
import type { StoredRecord } from '../../../core/catalog/catalog.ts';
import type { Tombstone } from '../../../core/catalog/tombstones.ts';
import type { Role } from '../../../core/catalog/accounts/user-store.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { RECORD_FIELDS } from '../../../core/schema/record.ts';
import { recordTitle } from '../../present/localize.ts';
import { itemHref } from '../../present/record-summary.ts';
import { hasRole } from '../middleware/require-role.ts';
import { fieldLabel } from './present-record-form.ts';
import { curatorRecordHref } from './present-record-list.ts';
import { formValueOf } from './record-form-fields.ts';
import { presentVisibility } from './present-visibility.ts';

/** A record’s page in the workspace. */
export function presentCuratorRecord(stored: StoredRecord, context: { lang: Lang; role: Role; versions: number; photographs: number; notices: string[] }) {
  const { lang, role } = context;
  const { record, visibility } = stored;
  const visibilityView = presentVisibility(visibility, lang);
  return {
    title: recordTitle(record, lang),
    id: record.id,
    notices: context.notices,
    visibility: visibilityView,
    facts: translate(lang, 'curator.record.facts', { modified: stored.modified, versions: context.versions, photographs: context.photographs }),
    publicHref: visibilityView.publicNow ? itemHref(record.id) : undefined,
    historyHref: curatorRecordHref(record.id, '/history'),
    editHref: hasRole(role, 'editor') ? curatorRecordHref(record.id, '/edit') : undefined,
    visibilityForm: hasRole(role, 'editor')
      ? {
          action: curatorRecordHref(record.id, '/visibility'),
          isPublic: visibility.state === 'public',
          isHidden: visibility.state === 'hidden',
          isEmbargoed: visibility.state === 'embargoed',
          until: visibility.until?.slice(0, 10) ?? '',
        }
      : undefined,
    deleteAction: hasRole(role, 'admin') ? curatorRecordHref(record.id, '/delete') : undefined,
    fields: RECORD_FIELDS.flatMap((field) => {
      const value = formValueOf(record, field);
      return value === '' ? [] : [{ label: fieldLabel(field, lang), name: field, value }];
    }),
  };
}

/** The page of a deleted record: its tombstone and the way to its history. */
export function presentDeletedRecord(tombstone: Tombstone, lang: Lang, notices: string[]) {
  return {
    id: tombstone.recordId,
    notices,
    deleted: translate(lang, 'curator.record.deleted', { at: tombstone.deletedAt, actor: tombstone.actor, reason: tombstone.reason ?? '—' }),
    historyHref: curatorRecordHref(tombstone.recordId, '/history'),
  };
}
