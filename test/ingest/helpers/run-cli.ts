/** Runs the real ingest CLI (or another command) in a child process against a temp data directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { makeTempDir } from '../../helpers/temp-archive.ts';

const CLI = fileURLToPath(new URL('../../../ingest/cli.ts', import.meta.url));
/** The command-line programs, by `npm run` name. */
export const COMMANDS = {
  ingest: CLI,
  reindex: fileURLToPath(new URL('../../../ingest/reindex-cli.ts', import.meta.url)),
  records: fileURLToPath(new URL('../../../ops/records-cli.ts', import.meta.url)),
} as const;
const TSX = import.meta.resolve('tsx');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `ingest/cli.ts` with `cwd` as working folder (report paths are shown relative to it). */
export interface CliOptions {
  dataDir: string;
  cwd: string;
  /** Another command than ingest. */
  script?: string;
  /** Variables added to (or, when undefined, removed from) a clean environment. */
  env?: NodeJS.ProcessEnv;
  /** Run as this user (the tests run as root). */
  uid?: number;
}

export function startCli(args: readonly string[], options: CliOptions): ChildProcess {
  // At the suite's own priority: a niced import (the default) would wait behind the other test files.
  const env: NodeJS.ProcessEnv = { ...process.env, ARCHIVE_DATA_DIR: options.dataDir, LANG: 'C', ARCHIVE_IMPORT_NICE: '0' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.MEILI_HOST;
  delete env.ARCHIVE_ENGINE;
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const user = options.uid === undefined ? {} : { uid: options.uid, gid: options.uid };
  return spawn(process.execPath, [`--import=${TSX}`, options.script ?? CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...user });
}

export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  return finished(startCli(args, options));
}

export interface WrittenReport {
  json: { dryRun: boolean; totals: Record<string, number>; files: { file: string; refused?: { key: string } }[]; entries: { line?: number; id?: string; field?: string; message: { key: string } }[] };
  /** The CSV report parsed strictly: one array of cells per row, header first. */
  csvRows: string[][];
  csvText: string;
  names: string[];
}

/** The newest report the CLI wrote to `<dataDir>/reports/`. */
export function latestReport(dataDir: string): WrittenReport {
  const directory = path.join(dataDir, 'reports');
  const names = readdirSync(directory).sort();
  const newest = names.filter((name) => name.endsWith('.json')).at(-1)!;
  const csvText = readFileSync(path.join(directory, newest.replace(/\.json$/, '.csv')), 'utf8');
  return {
    json: JSON.parse(readFileSync(path.join(directory, newest), 'utf8')),
    csvRows: parse(csvText, { bom: true }) as string[][],
    csvText,
    names,
  };
}

/** Reads the catalog through its own connection, as another process would. */
export function catalogFacts(dataDir: string): { records: number; integrity: string; queued: number; indexed: number } {
  const db = new Database(path.join(dataDir, 'catalog.db'), { readonly: true, fileMustExist: true });
  try {
    return {
      records: (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      queued: (db.prepare('SELECT count(*) AS n FROM index_queue').get() as { n: number }).n,
      /** Records in the embedded engine's index, which lives in the same file. */
      indexed: (db.prepare('SELECT count(*) AS n FROM search_docs').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

/** A temp folder to run the CLI in (report paths are shown relative to it), with its data directory inside. */
export function cliWorkspace(t: ExecutionContext) {
  const dir = makeTempDir(t, 'ingest-cli-');
  const dataDir = path.join(dir, 'data');
  return {
    dir,
    dataDir,
    copy(source: string, name = path.basename(source)) {
      cpSync(source, path.join(dir, name), { recursive: true });
      return name;
    },
    write(name: string, content: string | Buffer) {
      writeFileSync(path.join(dir, name), content);
      return name;
    },
    run: (args: readonly string[], options: Partial<CliOptions> = {}) => runCli(args, { dataDir, cwd: dir, ...options }),
    start: (args: readonly string[], options: Partial<CliOptions> = {}) => startCli(args, { dataDir, cwd: dir, ...options }),
  };
}
