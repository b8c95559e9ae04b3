/** Starts a segment merge (merge-segments.ts) in a worker thread of its own; one at a time per engine. */
import { typeScriptWorker } from '../persistent-worker.ts';
import type { MergeOutcome } from '../types.ts';

const WORKER = new URL('./merge-worker.ts', import.meta.url);
/** As an import's own priority (ARCHIVE_IMPORT_NICE's default) below the thread that starts it. */
const MERGE_NICE = 10;

/** Resolves with the steps merged; never rejects (a merge is an optimisation: its failure is logged by the caller and changes no result). */
export function mergeInBackground(file: string): Promise<MergeOutcome> {
  return new Promise((resolve) => {
    const worker = typeScriptWorker(WORKER, { file, nice: MERGE_NICE });
    let settled = false;
    const settle = (outcome: MergeOutcome) => {
      if (!settled) resolve(outcome);
      settled = true;
    };
    worker.once('message', (message: { ok: true; steps: number } | { ok: false; message: string }) => settle(message.ok ? { steps: message.steps } : { error: message.message }));
    worker.once('error', (error) => settle({ error: error.message }));
    worker.once('exit', (code) => settle({ error: `search merge worker ended with exit code ${code}` }));
  });
}
