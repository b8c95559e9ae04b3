/** What the backup and restore commands print: refusals (one line, an exit status by kind) and progress over bytes. */
import { BackupRefusal, type RefusalKind } from '../core/backup/backup-refusal.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import type { Progress } from '../ingest/progress.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import type { CommandContext } from '../core/cli/run-command.ts';

const EXIT_CODES: Record<RefusalKind, number> = { usage: EXIT.usage, refused: EXIT.refused, 'catalog-unusable': EXIT.catalogUnusable };

/** Prints a `BackupRefusal` on stderr and returns its exit status; anything else is thrown on. */
export function printRefusal(cli: Pick<CommandContext<{}>, 'printError'>, error: unknown): number {
  if (!(error instanceof BackupRefusal)) throw error;
  cli.printError(error.key, error.params);
  return EXIT_CODES[error.kind];
}

/** Megabytes with one decimal. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 100_000) / 10;
}

/** Progress over bytes shown in megabytes, updated only when the figure shown changes. */
export function megabyteProgress(progress: Progress): (label: string, doneBytes: number, totalBytes: number) => void {
  let shown = '';
  return (label, doneBytes, totalBytes) => {
    const done = megabytes(doneBytes);
    const total = megabytes(totalBytes);
    if (`${label}${done}/${total}` === shown) return;
    shown = `${label}${done}/${total}`;
    progress.update(label, done, total);
  };
}

/**
 * The one folder a command takes, or `undefined` once it has printed why the command line is
 * wrong (none given, or more than one) and the usage.
 */
export function folderArgument(cli: Pick<CommandContext<{}>, 'positionals' | 'printError'>, keys: { missing: MessageKey; tooMany: MessageKey; usage: MessageKey }): string | undefined {
  const [folder, ...extra] = cli.positionals;
  if (folder !== undefined && extra.length === 0) return folder;
  cli.printError(folder === undefined ? keys.missing : keys.tooMany, { count: cli.positionals.length });
  cli.printError(keys.usage);
  return undefined;
}
