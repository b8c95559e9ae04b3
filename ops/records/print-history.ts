/** `records -- history ID`: every version, oldest first, with what each changed. */
import type { Catalog } from '../../core/catalog/catalog.ts';
import { diffStates } from '../../core/catalog/diff-states.ts';
import type { VersionAction } from '../../core/catalog/record-history.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import { CliFailure } from '../../core/cli/cli-failure.ts';
import { EXIT } from '../../core/cli/exit-codes.ts';

/** Values longer than this are cut in the listing (`show` prints them whole). */
const SHOWN_CHARACTERS = 80;

export const ACTION_LABELS: Record<VersionAction, MessageKey> = {
  created: 'records.action_created',
  updated: 'records.action_updated',
  visibility: 'records.action_visibility',
  deleted: 'records.action_deleted',
  restored: 'records.action_restored',
  undone: 'records.action_undone',
};

interface Printer {
  text(key: MessageKey, params?: MessageParams): string;
  print(key: MessageKey, params?: MessageParams): void;
}

export function printHistory(catalog: Catalog, id: string, cli: Printer): void {
  const versions = catalog.history.ofRecord(id);
  if (versions.length === 0) throw new CliFailure(EXIT.refused, 'records.no_history', { id });
  cli.print('records.history_heading', { id, count: versions.length });
  for (const version of versions) {
    cli.print('records.history_line', { version: version.versionNo, at: version.at, actor: version.actor, action: cli.text(ACTION_LABELS[version.action]) });
    if (version.note) cli.print('records.history_note', { note: version.note });
    // A first version changes every field: its titles say which record it was (`show ID 1` shows it whole).
    const changes = diffStates(version.before, version.after).filter((change) => version.before || change.field.startsWith('title_'));
    for (const change of changes) {
      const empty = cli.text('records.empty_value');
      cli.print('records.history_change', { field: change.field, before: cut(change.before) ?? empty, after: cut(change.after) ?? empty });
    }
  }
  const tombstone = catalog.getTombstone(id);
  if (tombstone) cli.print('records.history_deleted_now', { at: tombstone.deletedAt, reason: tombstone.reason ?? '' });
}

function cut(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > SHOWN_CHARACTERS ? `${flat.slice(0, SHOWN_CHARACTERS)}…` : flat;
}
