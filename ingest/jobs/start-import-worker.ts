/** Starts the import worker in a thread of its own (import-worker-thread.ts) and hands back its controls. */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';

/**
 * The thread registers tsx itself before loading the TypeScript module: Node 20 gives worker
 * threads none of the main thread's loader hooks (as core/search/embedded/worker-task.ts does).
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => {
  register();
  return import(${JSON.stringify(new URL('./import-worker-thread.ts', import.meta.url).href)});
})`;

export interface ImportWorker {
  /** A job was queued: the worker looks at once rather than at its next poll. */
  wake(): void;
  /** Lets the running job finish, closes the worker's catalog, then ends the thread (once, however often it is called). */
  stop(): Promise<void>;
}

/** Resolves once the worker has opened the archive. */
export async function startImportWorker(config: Config, logger: Logger): Promise<ImportWorker> {
  const worker = new Worker(BOOTSTRAP, { eval: true, workerData: { config } });
  worker.on('error', (error) => logger.error({ err: error }, 'the import worker stopped on an error'));
  const [first] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([error]) => Promise.reject(error as Error))])) as [string];
  if (first !== 'ready') throw new Error(`the import worker said ${first}`);
  let stopped: Promise<void> | undefined;
  return {
    wake: () => worker.postMessage('wake'),
    stop() {
      stopped ??= (async () => {
        worker.postMessage('stop');
        await once(worker, 'message');
        await worker.terminate();
      })();
      return stopped;
    },
  };
}
