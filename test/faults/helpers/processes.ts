/**
 * Real processes for fault tests: the server (`npm start`'s main.ts) until it listens, and a
 * watch on a catalog file another process is writing, to kill that process at a chosen moment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../../../core/config.ts';

const TSX = import.meta.resolve('tsx');

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Every JSON log line so far. */
  logLines(): Record<string, unknown>[];
}

/** Starts the server on `dataDir` and resolves once it listens (or rejects with its output if it exits first). */
export async function startServer(t: ExecutionContext, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [`--import=${TSX}`, path.join(PROJECT_ROOT, 'server', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ARCHIVE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LANG: 'C', MEILI_HOST: '', ARCHIVE_ENGINE: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const logLines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const url = await new Promise<string>((resolve, reject) => {
    const look = () => {
      const listening = logLines().find((line) => line.msg === 'listening');
      if (listening) resolve(String(listening.url));
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening:\n${output}`)));
  });
  return { child, url, logLines };
}

/**
 * Waits until `ready(db)` holds for the catalog at `file` (read through its own read-only
 * connection, as another process sees it), checking every few milliseconds.
 */
export async function waitForCatalog(file: string, ready: (db: Database.Database) => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      let db: Database.Database | undefined;
      try {
        db = new Database(file, { readonly: true, fileMustExist: true });
        if (ready(db)) return;
      } catch {
        // Not yet migrated, or mid-checkpoint: look again.
      } finally {
        db?.close();
      }
    }
    await sleep(5);
  }
  throw new Error(`${file} never reached the awaited state`);
}

/** kill -9, and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await gone;
}

export const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;
