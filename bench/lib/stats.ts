/** Small statistics and printing helpers shared by the benchmarks. */
import { readFileSync, writeFileSync } from 'node:fs';

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds taken by `run`, measured with the high-resolution clock. */
export async function timeMs(run: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Tracks the process's peak resident memory from now until `stop()`. The kernel keeps the peak
 * (`VmHWM`), so synchronous work that never lets a timer fire (a write batch, a snapshot load) is
 * counted too — sampling on an interval under-reported it 1.3–2.9×. The peak is reset at the start
 * where Linux allows (`clear_refs`); elsewhere it is the process's peak so far.
 */
export function trackPeakRss(): { stop(): number } {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux, or not allowed: the peak then counts from the start of the process.
  }
  return { stop: () => peakRssBytes() };
}

/** The process's peak resident memory in bytes (since start, or since the last reset). */
export function peakRssBytes(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib) return Number(kib) * 1024;
  } catch {
    // Not Linux: fall through to the portable figure.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * CPU seconds this process has used so far: on every thread (`process.cpuUsage`), and on the main
 * thread alone (Linux: `/proc/self/task/<pid>/stat`; otherwise NaN). On a machine shared with other
 * work, wall time says more about the neighbours than about the code; CPU time does not, and the
 * main thread's share shows what worker threads took off it.
 */
export function cpuSeconds(): { all: number; main: number } {
  const usage = process.cpuUsage();
  return { all: (usage.user + usage.system) / 1e6, main: mainThreadCpuSeconds() };
}

function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const ms = (value: number) => `${value.toFixed(1)} ms`;

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const widths = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
}
