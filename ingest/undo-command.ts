/**
 * `npm run ingest -- --undo IMPORT_ID [--force]` and `npm run ingest -- --imports`: the import
 * history, and taking one import back (core/catalog/undo-import.ts), under the writer lock,
 * followed by an index sync. A refused undo changes nothing and says why.
 */
import type { UndoRefusal } from '../core/catalog/undo-import.ts';
import { CliFailure } from '../core/cli/cli-failure.ts';
import { cliActor } from '../core/cli/cli-actor.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import type { CommandContext } from '../core/cli/run-command.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import type { MessageParams } from '../core/i18n/translate.ts';
import { openArchive } from '../core/open-archive.ts';
import { syncIndex } from '../core/search/sync-index.ts';

/** Later changes listed in a refusal; past this they are counted. */
const CHANGES_LISTED = 20;

type Cli = Pick<CommandContext<{}>, 'config' | 'print' | 'printError' | 'text'>;

export async function undoCommand(cli: Cli, idText: string, force: boolean): Promise<number> {
  if (!/^[1-9]\d{0,12}$/.test(idText)) throw new CliFailure(EXIT.usage, 'undo.bad_id', { received: idText });
  const archive = await openArchive(cli.config());
  try {
    const release = await archive.catalog.writerLock.acquire('undo', {
      onWait: (holder) => cli.printError('catalog.waiting_for_writer', { purpose: holder.purpose, pid: holder.owner.pid, since: holder.since }),
    });
    try {
      const outcome = archive.catalog.undoImport(Number(idText), { actor: cliActor(), force });
      if (!outcome.ok) {
        const { key, params } = refusalMessage(outcome.refusal, cli);
        throw new CliFailure(EXIT.refused, key, params);
      }
      await syncIndex(archive.catalog, archive.engine);
      cli.print('undo.done', { id: outcome.importId, deleted: outcome.deleted, restored: outcome.restored, collections: outcome.collections });
      if (outcome.kept.length > 0) cli.print('undo.kept', { changes: listChanges(outcome.kept, cli) });
      return EXIT.ok;
    } finally {
      release();
    }
  } finally {
    await archive.close();
  }
}

export async function listImports(cli: Cli): Promise<number> {
  const archive = await openArchive(cli.config());
  try {
    const imports = archive.catalog.imports.list();
    if (imports.length === 0) cli.print('imports.none');
    else cli.print('imports.heading');
    for (const entry of imports) {
      const totals = entry.summary ?? { created: 0, updated: 0, unchanged: 0, failed: 0 };
      // The files it read with the start of their sha256 (a web import's as uploaded), where the history kept them.
      const sources = entry.provenance ? entry.provenance.files.map((file) => `${file.name} (sha256 ${file.sha256.slice(0, 12)}…)`) : entry.sources;
      cli.print('imports.line', { id: entry.id, startedAt: entry.startedAt.slice(0, 19), status: entry.status, actor: entry.actor ?? '', ...totals, sources: sources.join(', ') });
    }
    return EXIT.ok;
  } finally {
    await archive.close();
  }
}

function refusalMessage(refusal: UndoRefusal, cli: Cli): { key: MessageKey; params: MessageParams } {
  switch (refusal.reason) {
    case 'unknown_import':
      return { key: 'undo.unknown_import', params: { id: refusal.importId } };
    case 'already_undone':
      return { key: 'undo.already_undone', params: { id: refusal.importId, at: refusal.undoneAt } };
    case 'still_running':
      return { key: 'undo.still_running', params: { id: refusal.importId } };
    case 'later_changes':
      return { key: 'undo.later_changes', params: { id: refusal.importId, changes: listChanges(refusal.changes, cli) } };
  }
}

function listChanges(changes: readonly { id: string; versionNo: number; at: string; actor: string }[], cli: Cli): string {
  const listed = changes.slice(0, CHANGES_LISTED).map((change) => cli.text('undo.later_change', { id: change.id, version: change.versionNo, at: change.at, actor: change.actor }));
  return changes.length > CHANGES_LISTED ? `${listed.join(', ')} … (+${changes.length - CHANGES_LISTED})` : listed.join(', ');
}
