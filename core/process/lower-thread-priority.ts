/**
 * Runs the calling thread at a lower scheduling priority, so that on a busy machine the web
 * server's own thread (visitors' pages) gets the CPU first and the import worker takes what is
 * left. Linux keeps a nice value per thread and names the calling thread in /proc/thread-self;
 * threads this one starts afterwards (the search index's workers) inherit it. Elsewhere, or when
 * the system refuses, the thread keeps its priority and the caller is told why.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The highest nice value: the lowest scheduling priority. */
const LOWEST_PRIORITY = 19;

/**
 * How many steps below the thread that starts it background work runs (`ARCHIVE_IMPORT_NICE`'s
 * default, and the priority of work nobody waits for: snapshot reloads, index merges, catalog checks).
 */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the thread `steps` nice levels below where it runs (0: unchanged; the lowest is 19).
 * Relative, not absolute: under a server started with `nice` (or as root, where a lower value is
 * allowed), an absolute 10 could put the import above the pages it must give way to.
 * Returns why it could not, or undefined when done.
 */
export function lowerThreadPriority(steps: number): string | undefined {
  if (steps === 0) return undefined;
  try {
    lowerBy(callingThreadId(), steps);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Lowers every thread of this process `steps` nice levels (each from where it runs), for a process
 * that is all background work (an import from the command line, a rebuild). Lowering the calling
 * thread alone leaves the threads Node started before it at the old priority — V8's garbage
 * collection helpers and the file-system pool took a third of a niced import's CPU at the
 * server's priority — while threads started later inherit the new one. The calling thread goes
 * last, so a thread seen at the new priority there means every other was lowered before.
 * Returns why it could not (for any thread), or undefined when done.
 */
export function lowerProcessPriority(steps: number): string | undefined {
  if (steps === 0) return undefined;
  let self: number;
  let threads: number[];
  try {
    self = callingThreadId();
    threads = readdirSync('/proc/self/task').map(Number);
  } catch (error) {
    return (error as Error).message;
  }
  let refused: string | undefined;
  for (const threadId of [...threads.filter((id) => id !== self), self]) {
    try {
      lowerBy(threadId, steps);
    } catch (error) {
      // A thread that ended meanwhile is no reason to give up on the others.
      if ((error as { info?: { code?: string } }).info?.code !== 'ESRCH') refused ??= (error as Error).message;
    }
  }
  return refused;
}

/** The kernel's id of the calling thread (Linux names it in /proc/thread-self). */
function callingThreadId(): number {
  return Number(path.basename(readlinkSync('/proc/thread-self')));
}

/** On Linux setpriority(PRIO_PROCESS, tid) changes that one thread, not the whole process. */
function lowerBy(threadId: number, steps: number): void {
  os.setPriority(threadId, Math.min(LOWEST_PRIORITY, os.getPriority(threadId) + steps));
}
