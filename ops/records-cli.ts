/**
 * `npm run records -- history|show|restore|delete|hide|publish|embargo …`: a curator's tools for
 * the catalog as a system of record (see the usage in core/i18n/messages/records.ts). Every
 * change is a version, made under the writer lock and followed by an index sync; a command with
 * any bad id or value changes nothing. Exit status: core/cli/exit-codes.ts.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import type { WriteContext } from '../core/catalog/record-history.ts';
import { formatVisibility, HIDDEN, isPublicNow, parseVisibility, PUBLIC, type Visibility } from '../core/catalog/visibility.ts';
import { CliFailure } from '../core/cli/cli-failure.ts';
import { cliActor } from '../core/cli/cli-actor.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { runCommand, type CommandContext } from '../core/cli/run-command.ts';
import { openArchive, type Archive } from '../core/open-archive.ts';
import { RECORD_FIELDS } from '../core/schema/record.ts';
import { syncIndex } from '../core/search/sync-index.ts';
import { readIdList } from './records/id-list.ts';
import { printHistory } from './records/print-history.ts';

const OPTIONS = {
  reason: { type: 'string' },
  file: { type: 'string' },
  until: { type: 'string' },
} as const;

type Cli = CommandContext<typeof OPTIONS>;

await runCommand({ name: 'records', usage: 'records.usage', options: OPTIONS, positionals: true }, async (cli) => {
  const [command, ...args] = cli.positionals;
  if (command === undefined) throw new CliFailure(EXIT.usage, 'records.missing_command');
  switch (command) {
    case 'history':
      return withArchive(cli, false, (archive) => {
        printHistory(archive.catalog, single(cli, command, args, 'ID'), cli);
        return EXIT.ok;
      });
    case 'show':
      return withArchive(cli, false, (archive) => show(archive.catalog, cli, args));
    case 'restore':
      return withArchive(cli, true, (archive, context) => restore(archive.catalog, cli, args, context));
    case 'delete': {
      const reason = cli.values.reason?.trim();
      if (!reason) throw new CliFailure(EXIT.usage, 'records.missing_reason');
      const ids = readIdList(args, cli.values.file);
      return withArchive(cli, true, (archive, context) => {
        refuseUnknown(archive.catalog, ids);
        cli.print('records.deleted', { count: archive.catalog.deleteRecords(ids, { ...context, reason }).length });
        return EXIT.ok;
      });
    }
    case 'hide':
    case 'publish':
    case 'embargo': {
      const visibility = command === 'hide' ? HIDDEN : command === 'publish' ? PUBLIC : embargoOf(cli.values.until);
      const ids = readIdList(args, cli.values.file);
      return withArchive(cli, true, (archive, context) => {
        refuseUnknown(archive.catalog, ids);
        const actions = archive.catalog.setVisibility(ids, visibility, context);
        const unchanged = [...actions.values()].filter((action) => action === 'unchanged').length;
        cli.print('records.visibility_done', { count: ids.length, state: stateText(cli, visibility), unchanged });
        return EXIT.ok;
      });
    }
    default:
      throw new CliFailure(EXIT.usage, 'records.unknown_command', { command });
  }
});

/**
 * Opens the archive; a writing command also takes the writer lock (waiting, and saying so, while
 * an import runs) and brings the search index along afterwards.
 */
async function withArchive(cli: Cli, writes: boolean, act: (archive: Archive, context: WriteContext) => number): Promise<number> {
  const archive = await openArchive(cli.config());
  try {
    const release = writes
      ? await archive.catalog.writerLock.acquire('records', {
          onWait: (holder) => cli.printError('catalog.waiting_for_writer', { purpose: holder.purpose, pid: holder.owner.pid, since: holder.since }),
        })
      : undefined;
    try {
      const status = act(archive, { actor: cliActor() });
      if (writes) await syncIndex(archive.catalog, archive.engine);
      return status;
    } finally {
      release?.();
    }
  } finally {
    await archive.close();
  }
}

function single(cli: Cli, command: string, args: readonly string[], expected: string): string {
  if (args.length !== 1) throw new CliFailure(EXIT.usage, 'records.wrong_arguments', { command, expected, received: args.join(' ') || '—' });
  return args[0]!;
}

function refuseUnknown(catalog: Catalog, ids: readonly string[]): void {
  const known = new Set(catalog.getRecords(ids).map((stored) => stored.record.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new CliFailure(EXIT.refused, 'records.unknown_ids', { ids: unknown.join(', ') });
}

function versionOf(text: string): number {
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new CliFailure(EXIT.usage, 'records.bad_version', { received: text });
  return Number(text);
}

function embargoOf(until: string | undefined): Visibility {
  if (until === undefined) throw new CliFailure(EXIT.usage, 'records.missing_until');
  const parsed = parseVisibility(until);
  if (!parsed.ok || parsed.visibility.state !== 'embargoed') throw new CliFailure(EXIT.usage, 'records.bad_until', { received: until });
  if (isPublicNow(parsed.visibility)) throw new CliFailure(EXIT.usage, 'records.until_past', { until: parsed.visibility.until! });
  return parsed.visibility;
}

function stateText(cli: Cli, visibility: Visibility): string {
  if (visibility.state === 'embargoed') return cli.text('records.state_embargoed', { until: visibility.until! });
  return cli.text(visibility.state === 'hidden' ? 'records.state_hidden' : 'records.state_public');
}

function restore(catalog: Catalog, cli: Cli, args: readonly string[], context: WriteContext): number {
  if (args.length !== 2) throw new CliFailure(EXIT.usage, 'records.wrong_arguments', { command: 'restore', expected: 'ID VERSION', received: args.join(' ') || '—' });
  const [id, versionText] = args as [string, string];
  const versionNo = versionOf(versionText);
  const count = catalog.history.count(id);
  if (count === 0) throw new CliFailure(EXIT.refused, 'records.no_history', { id });
  const version = catalog.history.get(id, versionNo);
  if (!version) throw new CliFailure(EXIT.refused, 'records.no_version', { id, version: versionNo, count });
  if (!version.after) throw new CliFailure(EXIT.refused, 'records.version_is_deletion', { version: versionNo, previous: Math.max(1, versionNo - 1) });
  const outcome = catalog.restoreVersion(id, versionNo, context)!;
  if (outcome.action === 'unchanged') cli.print('records.restore_unchanged', { id, version: versionNo });
  else cli.print('records.restored', { id, version: versionNo, newVersion: catalog.history.count(id) });
  return EXIT.ok;
}

function show(catalog: Catalog, cli: Cli, args: readonly string[]): number {
  if (args.length < 1 || args.length > 2) throw new CliFailure(EXIT.usage, 'records.wrong_arguments', { command: 'show', expected: 'ID [VERSION]', received: args.join(' ') || '—' });
  const [id, versionText] = args as [string, string | undefined];
  let state;
  if (versionText === undefined) {
    const stored = catalog.getRecord(id);
    if (!stored) {
      const tombstone = catalog.getTombstone(id);
      throw tombstone ? new CliFailure(EXIT.refused, 'records.show_deleted', { id, at: tombstone.deletedAt }) : new CliFailure(EXIT.refused, 'records.no_history', { id });
    }
    cli.print('records.show_heading', { id, state: formatVisibility(stored.visibility), modified: stored.modified });
    state = { record: stored.record, visibility: stored.visibility, media: catalog.media.linksOf(id) };
  } else {
    const versionNo = versionOf(versionText);
    const version = catalog.history.get(id, versionNo);
    if (!version) throw new CliFailure(EXIT.refused, 'records.no_version', { id, version: versionNo, count: catalog.history.count(id) });
    cli.print('records.show_version_heading', { id, version: versionNo, at: version.at });
    state = version.after ?? version.before!;
  }
  for (const field of RECORD_FIELDS) {
    const value = state.record[field];
    if (value !== undefined) cli.print('records.show_field', { field, value: typeof value === 'object' ? JSON.stringify(value) : String(value) });
  }
  cli.print('records.show_field', { field: 'visibility', value: formatVisibility(state.visibility) });
  if (state.media.length > 0) cli.print('records.show_field', { field: 'media', value: state.media.map((link) => link.source).join('; ') });
  return EXIT.ok;
}
