/** Starts the import worker as a child process of the server (import-worker-child.ts) and hands back its controls. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';
import { moduleLoaderArgs, ownModule } from '../../core/process/own-modules.ts';

const CHILD = fileURLToPath(ownModule('./import-worker-child.ts', import.meta.url));

export interface ImportWorker {
  /** The worker's process id (for the logs, and `ps`). */
  readonly pid: number;
  /** A job was queued: the worker looks at once rather than at its next poll. */
  wake(): void;
  /** False once the process has ended, by a stop or by itself. */
  alive(): boolean;
  /** Lets the running job finish, closes the worker's catalog, then waits for the process to end (once, however often it is called). */
  stop(): Promise<void>;
}

/**
 * Resolves once the worker has opened the archive. The config goes over the IPC channel as a
 * structured clone (as it went to a worker thread), not through the environment: the server's
 * config is not always the environment's (tests build their own).
 */
export async function startImportWorker(config: Config, logger: Logger): Promise<ImportWorker> {
  const child = fork(CHILD, [], { execArgv: moduleLoaderArgs(), serialization: 'advanced', stdio: 'inherit' });
  let stopping = false;
  child.on('error', (error) => logger.error({ err: error }, 'the import worker stopped on an error'));
  child.on('exit', (code, signal) => stopping || logger.error({ code, signal }, 'the import worker ended by itself; the next queued job starts it again'));
  child.send({ config });
  const [first] = (await Promise.race([once(child, 'message'), endOf(child).then(() => Promise.reject(new Error('the import worker ended before it was ready')))])) as [string];
  if (first !== 'ready') throw new Error(`the import worker said ${first}`);
  let stopped: Promise<void> | undefined;
  return {
    pid: child.pid!,
    wake: () => child.connected && child.send('wake'),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const ended = endOf(child);
        if (child.connected) child.send('stop');
        await ended;
      })();
      return stopped;
    },
  };
}

function endOf(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit').then(() => undefined);
}
