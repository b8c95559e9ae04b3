/**
 * CPU time and scheduling priority of each thread of a process (Linux /proc), so that a bench can
 * show which threads of the import really run below the server (a thread started before the import
 * lowered its priority keeps the old one) and where the server's own CPU goes (its event loop or
 * the other threads: V8 and libuv helpers, workers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSecondsIn, statFields } from './process-cpu.ts';

export interface ThreadSample {
  tid: number;
  /** `main` for the process's first thread (its event loop), else the kernel's name (Node 20 names them all `node`). */
  name: string;
  nice: number;
  cpuSeconds: number;
}

/** The threads of `pid` now (empty once the process has ended). */
export function threadsOf(pid: number): ThreadSample[] {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = Number(tid) === pid ? 'main' : (/\((.*)\)/s.exec(stat)?.[1] ?? '?');
      const fields = statFields(stat);
      return [{ tid: Number(tid), name, nice: Number(fields[16]), cpuSeconds: cpuSecondsIn(fields) }];
    } catch {
      return [];
    }
  });
}

/**
 * Follows every thread of `pid` until `stop()` (read every `everyMs`, so that threads that end
 * in between still count up to their last reading) and answers CPU seconds per thread kind
 * (name and nice) taken since the start.
 */
export function followThreads(pid: number, everyMs = 250): { stop(): { kind: string; nice: number; threads: number; cpuSeconds: number }[] } {
  const first = new Map(threadsOf(pid).map((thread) => [thread.tid, thread.cpuSeconds]));
  const last = new Map<number, ThreadSample>();
  const sample = () => threadsOf(pid).forEach((thread) => last.set(thread.tid, thread));
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const kinds = new Map<string, { kind: string; nice: number; threads: number; cpuSeconds: number }>();
      for (const thread of last.values()) {
        const key = `${thread.name} ${thread.nice}`;
        const kind = kinds.get(key) ?? { kind: thread.name, nice: thread.nice, threads: 0, cpuSeconds: 0 };
        kind.threads += 1;
        kind.cpuSeconds += thread.cpuSeconds - (first.get(thread.tid) ?? 0);
        kinds.set(key, kind);
      }
      return [...kinds.values()].sort((a, b) => b.cpuSeconds - a.cpuSeconds);
    },
  };
}
