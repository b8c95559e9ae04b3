/**
 * The embedded engine merges its index's segments after a bulk write (an import, a rebuild):
 * at 100k records that takes seconds after the command's last summary line, so a command line
 * says what it is waiting for rather than seeming to hang.
 */
import type { CommandContext } from '../core/cli/run-command.ts';
import type { Logger } from '../core/log.ts';
import type { SearchEngine } from '../core/search/types.ts';

/** Merges `engine`'s index, if it keeps one in pieces, printing when it starts and how it ended. */
export async function mergeIndexAloud(engine: SearchEngine, cli: Pick<CommandContext<never>, 'print' | 'printError'>, log: Logger): Promise<void> {
  if (!engine.mergeIndex) return;
  let started = false;
  const merge = await engine.mergeIndex({
    onStart: () => {
      started = true;
      cli.print('index.merging');
    },
  });
  log.info({ merge }, 'search index merged');
  if (!started) return;
  // A failed merge changes no result: the server merges an index it finds in pieces at its first search.
  if ('error' in merge) cli.printError('index.merge_failed', { detail: merge.error });
  else cli.print('index.merged');
}
