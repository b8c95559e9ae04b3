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

/** The highest nice value: the lowest scheduling priority. */
const LOWEST_PRIORITY = 19;

/**
 * Lowers the thread `steps` nice levels below where it runs (0: unchanged; the lowest is 19).
 * Relative, not absolute: under a server started with `nice` (or as root, where a lower value is
 * allowed), an absolute 10 could put the import above the pages it must give way to.
 * Returns why it could not, or undefined when done.
 */
export function lowerThreadPriority(steps: number): string | undefined {
  if (steps === 0) return undefined;
  try {
    const threadId = Number(path.basename(readlinkSync('/proc/thread-self')));
    // On Linux setpriority(PRIO_PROCESS, tid) changes that one thread, not the whole process.
    os.setPriority(threadId, Math.min(LOWEST_PRIORITY, os.getPriority(threadId) + steps));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
