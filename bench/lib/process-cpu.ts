/**
 * CPU time of the processes a benchmark runs (Linux /proc), so that a figure says how much of the
 * 2 shared cores the load generator itself took next to the server and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** The fields of a /proc `stat` text after the command name (in parentheses, which may hold spaces): state is 0, utime 11, stime 12, nice 16. */
export function statFields(stat: string): string[] {
  return stat.replace(/^.*\) /s, '').split(' ');
}

/** User + system CPU seconds in a /proc `stat` text's fields (`statFields`). */
export function cpuSecondsIn(fields: readonly string[]): number {
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** User + system CPU seconds of process `pid` (all its threads) so far; undefined once it has ended. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    return cpuSecondsIn(statFields(readFileSync(`/proc/${pid}/stat`, 'utf8')));
  } catch {
    return undefined;
  }
}

/** This process's own CPU seconds (the load generator, when it runs here). */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** Follows a child's CPU seconds until it ends (read every `everyMs`: /proc forgets a process once it has ended). */
export function followCpu(pid: number, everyMs = 250): { seconds(): number; stop(): void } {
  const first = cpuSecondsOf(pid) ?? 0;
  let last = first;
  const timer = setInterval(() => (last = cpuSecondsOf(pid) ?? last), everyMs);
  timer.unref();
  return { seconds: () => (last = cpuSecondsOf(pid) ?? last) - first, stop: () => clearInterval(timer) };
}

/** The processes `pid` started that are running now (its import worker, for a server). */
export function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((thread) => readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

export interface CpuUse {
  seconds: number;
  /** CPU seconds of this process (the load generator). */
  client: number;
  /** CPU seconds of the server process, every thread of it. */
  server: number;
  /** CPU seconds of the server's child processes (its import worker), as far as they were seen running. */
  children: number;
}

/**
 * CPU seconds this process, the server (`serverPid`) and the server's children take from now
 * until `stop()`. Children are looked at every `everyMs`, as /proc forgets one once it has ended.
 */
export function startCpu(serverPid: number, everyMs = 250): { stop(): CpuUse } {
  const started = { at: Date.now(), client: ownCpuSeconds(), server: cpuSecondsOf(serverPid) ?? 0 };
  /** Each child's CPU seconds when first seen (0 for one started during the phase) and at its last look. */
  const children = new Map<number, { first: number; last: number }>();
  const look = (atStart: boolean) => {
    for (const pid of childrenOf(serverPid)) {
      const seconds = cpuSecondsOf(pid);
      if (seconds === undefined) continue;
      const seen = children.get(pid);
      if (seen) seen.last = seconds;
      else children.set(pid, { first: atStart ? seconds : 0, last: seconds });
    }
  };
  look(true);
  const timer = setInterval(() => look(false), everyMs);
  timer.unref();
  return {
    stop: () => {
      look(false);
      clearInterval(timer);
      return {
        seconds: (Date.now() - started.at) / 1000,
        client: ownCpuSeconds() - started.client,
        server: (cpuSecondsOf(serverPid) ?? started.server) - started.server,
        children: [...children.values()].reduce((sum, { first, last }) => sum + last - first, 0),
      };
    },
  };
}

/** CPU seconds per second of the phase: how many of the cores it took, as `0.63`. */
export const coresOf = (cpuSeconds: number, seconds: number) => (cpuSeconds / seconds).toFixed(2);
