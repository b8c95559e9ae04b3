/**
 * A small, real file system for fault tests: a tmpfs of a given size (full disks), remountable
 * read-only. Needs root, as these tests run here and in CI (`.ci/run`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExecutionContext } from 'ava';

export interface Tmpfs {
  dir: string;
  /** Grows or shrinks it (`64m`): "free some space". */
  resize(size: string): void;
  readOnly(): void;
  readWrite(): void;
}

export function mountTmpfs(t: ExecutionContext, size: string): Tmpfs {
  const dir = mkdtempSync(path.join(tmpdir(), 'tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  t.teardown(() => {
    execFileSync('umount', ['--lazy', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const remount = (options: string) => execFileSync('mount', ['-o', `remount,${options}`, dir]);
  return { dir, resize: (to) => remount(`size=${to}`), readOnly: () => remount('ro'), readWrite: () => remount('rw') };
}
