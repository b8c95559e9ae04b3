/**
 * Which process holds a lock or runs an import, in a form that tells a live process from a dead
 * one even after its pid was reused: the pid, plus (on Linux) the boot id and the process's start
 * time in clock ticks since boot. Elsewhere only the pid is compared.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  host: string;
  /** `<boot id>:<start ticks>`, or '' where /proc is not available. */
  start: string;
}

let current: ProcessIdentity | undefined;

export function currentProcess(): ProcessIdentity {
  current ??= { pid: process.pid, host: hostname(), start: startOf(process.pid) };
  return current;
}

/**
 * False when the process is certainly gone (no such pid on this host, or the pid now belongs to a
 * process started later). A process on another host is assumed alive: a catalog on a shared disk
 * is not ours to judge.
 */
export function isAlive(identity: ProcessIdentity): boolean {
  if (identity.host !== hostname()) return true;
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return identity.start === '' || startOf(identity.pid) === identity.start;
}

function startOf(pid: number): string {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // Field 22 of /proc/<pid>/stat, counted after the parenthesised command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks ? `${boot}:${ticks}` : '';
  } catch {
    return '';
  }
}

export function parseIdentity(text: string | null | undefined): ProcessIdentity | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ProcessIdentity>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host, start: String(value.start ?? '') } : undefined;
  } catch {
    return undefined;
  }
}
