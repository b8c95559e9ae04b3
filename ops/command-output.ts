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

/** The exit status of a command stopped by Ctrl-C (or SIGTERM), as a shell reports it. */
export const INTERRUPTED = 130;

/**
 * Turns Ctrl-C and SIGTERM into an abort of the work in progress, so that it can remove what it
 * wrote before the command ends. Listening for good, not once: Ctrl-C reaches this process twice
 * (from the terminal and relayed by tsx), and the second must not kill it halfway through the
 * clean-up.
 */
export function abortOnInterrupt(): AbortSignal {
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort(new Error(`stopped by ${signal}`)));
  return controller.signal;
}
