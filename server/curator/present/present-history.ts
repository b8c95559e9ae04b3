/**
 * A record's history: every version (when, by whom, what it did, which fields changed), a
 * comparison of any two versions field by field (`diffStates`), and "restore this version". Also
 * what an editor is told when someone else saved the record while they were editing it.
 */
import { diffStates, type FieldChange } from '../../../core/catalog/diff-states.ts';
import type { RecordState, RecordVersion } from '../../../core/catalog/record-history.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { fieldLabel } from './present-record-form.ts';
import { formValueOf } from './record-form-fields.ts';
import { curatorRecordHref } from './present-record-list.ts';

/** The state a version left the record in; a deletion left none. */
function stateAfter(version: RecordVersion | undefined): RecordState | undefined {
  return version?.after;
}

/** The fields that differ between two states, each value written as the edit form shows it (lists as `a; b`, not JSON). */
function presentChanges(before: RecordState | undefined, after: RecordState | undefined, lang: Lang) {
  const shown = (state: RecordState | undefined, change: FieldChange, diffed: string | undefined) =>
    state && change.field !== 'visibility' && change.field !== 'media' ? formValueOf(state.record, change.field) : (diffed ?? '');
  return diffStates(before, after).map((change) => ({
    label: fieldLabel(change.field, lang),
    name: change.field,
    before: shown(before, change, change.before),
    after: shown(after, change, change.after),
  }));
}

export interface HistoryInput {
  id: string;
  versions: readonly RecordVersion[];
  lang: Lang;
  canRestore: boolean;
  /** The two versions to compare (version numbers), when asked. */
  compare?: { from: number; to: number };
  notices: string[];
  deleted: boolean;
}

/** The history page: versions newest first, the comparison form, and the comparison asked for (by default the last two versions). */
export function presentHistory(input: HistoryInput) {
  const { id, versions, lang } = input;
  const latest = versions.at(-1)?.versionNo ?? 0;
  const compare = input.compare ?? (versions.length >= 2 ? { from: latest - 1, to: latest } : undefined);
  const from = compare && versions.find((version) => version.versionNo === compare.from);
  const to = compare && versions.find((version) => version.versionNo === compare.to);
  const option = (selected: number | undefined) => versions.map((version) => ({ value: version.versionNo, label: translate(lang, 'curator.history.version_option', { version: version.versionNo, at: shownTime(version.at) }), selected: version.versionNo === selected }));
  return {
    id,
    recordHref: curatorRecordHref(id),
    notices: input.notices,
    deleted: input.deleted,
    compareAction: curatorRecordHref(id, '/history'),
    fromOptions: option(compare?.from),
    toOptions: option(compare?.to),
    canCompare: versions.length >= 2,
    comparison:
      from && to
        ? {
            heading: translate(lang, 'curator.history.comparing', { from: from.versionNo, to: to.versionNo }),
            changes: presentChanges(stateAfter(from), stateAfter(to), lang),
          }
        : undefined,
    versions: [...versions].reverse().map((version) => ({
      no: version.versionNo,
      at: shownTime(version.at),
      actor: version.actor,
      action: translate(lang, `curator.history.action_${version.action}` as MessageKey),
      note: version.note,
      // A creation changes every field it has: listing them says nothing.
      changed: !version.before ? '' : diffStates(version.before, version.after).map((change) => fieldLabel(change.field, lang)).join(lang === 'zh' ? '、' : ', '),
      current: version.versionNo === latest && !input.deleted,
      restoreAction: input.canRestore && version.after && (version.versionNo !== latest || input.deleted) ? curatorRecordHref(id, `/versions/${version.versionNo}/restore`) : undefined,
    })),
  };
}

/** `2026-12-01T09:30:00Z` as `2026-12-01 09:30:00` (the column says UTC). */
export function shownTime(datestamp: string): string {
  return datestamp.slice(0, 19).replace('T', ' ');
}

/** Someone saved while this editor was editing: who, when, and what they changed. */
export function presentConflict(since: readonly RecordVersion[], lang: Lang) {
  const first = since[0];
  const last = since.at(-1);
  const names = [...new Set(since.map((version) => version.actor))].join(', ');
  return {
    message: translate(lang, 'curator.form.conflict', { count: since.length, actors: names, at: last?.at ?? '' }),
    changes: presentChanges(first?.before, last?.after, lang),
  };
}
