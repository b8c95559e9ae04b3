/** Starts a segment merge (merge-segments.ts) in a worker thread of its own; one at a time per engine. */
import { BACKGROUND_NICE } from '../../process/lower-thread-priority.ts';
import { ownModule } from '../../process/own-modules.ts';
import { runOnceInWorker } from '../persistent-worker.ts';
import type { MergeOutcome } from '../types.ts';

const WORKER = ownModule('./merge-worker.ts', import.meta.url);

/** Resolves with the steps merged; never rejects (a merge is an optimisation: its failure is logged by the caller and changes no result). */
export function mergeInBackground(file: string): Promise<MergeOutcome> {
  return runOnceInWorker<number>(WORKER, { file, nice: BACKGROUND_NICE }, 'search merge worker').then(
    (steps) => ({ steps }),
    (error: Error) => ({ error: error.message }),
  );
}
