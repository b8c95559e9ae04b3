/**
 * Runs the calling thread at a lower scheduling priority, so that on a busy machine the web
 * server's own thread (visitors' pages) gets the CPU first and the import worker takes what is
 * left. Linux keeps a nice value per thread and names the calling thread in /proc/thread-self;
 * threads this one starts afterwards (the search index's workers) inherit it. Elsewhere, or when
 * the system refuses, the thread keeps its priority and the caller is told why.
 */
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** `nice` from 0 (unchanged) to 19 (lowest); returns why it could not, or undefined when done. */
export function lowerThreadPriority(nice: number): string | undefined {
  if (nice === 0) return undefined;
  try {
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    // On Linux setpriority(PRIO_PROCESS, tid) changes that one thread, not the whole process.
    os.setPriority(threadId, nice);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
