/**
 * Waiting for Meilisearch tasks with real bounds. Every write is a task processed later;
 * `waitTask()` resolves with a failed task instead of throwing, and its default bound is 5 s,
 * too short for indexing. Here a task that fails, is canceled or runs past its bound throws.
 */
import { MeilisearchTaskTimeOutError, type EnqueuedTask, type Meilisearch, type Task } from 'meilisearch';
import { assertTaskSucceeded, MeiliWriteError, toEngineError, type ErrorContext } from './engine-errors.ts';

/** How often a waiting task is polled; Meilisearch's own default (50 ms) is needlessly busy for long tasks. */
const POLL_INTERVAL_MS = 100;

export interface WaitOptions {
  /** The longest to wait for each task. */
  timeoutMs: number;
  /** Failure codes that still leave the index as wanted. */
  toleratedCodes?: readonly string[];
}

/** Waits for `enqueued` in order (Meilisearch processes an index's tasks in order) and returns them finished. */
export async function waitForTasks(client: Meilisearch, enqueued: readonly EnqueuedTask[], options: WaitOptions, context: ErrorContext): Promise<Task[]> {
  const finished: Task[] = [];
  for (const { taskUid } of enqueued) {
    let task: Task;
    try {
      task = await client.tasks.waitForTask(taskUid, { timeout: options.timeoutMs, interval: POLL_INTERVAL_MS });
    } catch (error) {
      if (error instanceof MeilisearchTaskTimeOutError) {
        throw new MeiliWriteError('search.meili.task_timeout', { task: taskUid, seconds: Math.round(options.timeoutMs / 1000) });
      }
      throw toEngineError(error, context);
    }
    assertTaskSucceeded(task, options.toleratedCodes);
    finished.push(task);
  }
  return finished;
}
