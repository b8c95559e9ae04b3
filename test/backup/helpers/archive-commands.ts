/**
 * The archive's commands as an operator runs them (real processes on a temp data directory), and
 * what the backup tests compare: folder trees by content, damaged files, generated imports.
 */
import { createHash } from 'node:crypto';
import { existsSync, openSync, readdirSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import { syntheticRecords } from '../../../bench/lib/synthetic-records.ts';
import { finished, startCli, type CliResult } from '../../ingest/helpers/run-cli.ts';

const SCRIPTS = {
  ingest: '../../../ingest/cli.ts',
  reindex: '../../../ingest/reindex-cli.ts',
  backup: '../../../ops/backup-cli.ts',
  restore: '../../../ops/restore-cli.ts',
} as const;

export type CommandName = keyof typeof SCRIPTS;

/** Starts `npm run <name> -- …args` against `dataDir` (ARCHIVE_DATA_DIR), in `cwd`. */
export function startCommand(name: CommandName, args: readonly string[], options: { dataDir: string; cwd: string }) {
  return startCli(args, { ...options, script: fileURLToPath(new URL(SCRIPTS[name], import.meta.url)) });
}

export function runCommand(name: CommandName, args: readonly string[], options: { dataDir: string; cwd: string }): Promise<CliResult> {
  return finished(startCommand(name, args, options));
}

/** Every file under `dir` with its sha256 (`undefined` when `dir` does not exist): equal trees hold the same bytes. */
export function treeOf(dir: string): Record<string, string> | undefined {
  if (!existsSync(dir)) return undefined;
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, entry);
    if (statSync(file).isFile()) tree[entry.split(path.sep).join('/')] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return tree;
}

/** Changes one byte of `file` at `offset` (a damaged sector, a bit flipped in transit). */
export function damageByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const byte = Buffer.alloc(1);
    byte[0] = readFileSync(file)[offset]! ^ 0xff;
    writeSync(fd, byte, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

const CSV_COLUMNS = [
  'id', 'title_zh', 'title_en', 'description_zh', 'description_en', 'type', 'period_zh', 'period_en', 'start_year', 'end_year',
  'place_zh', 'place_en', 'admin_area', 'lat', 'lon', 'keywords_zh', 'keywords_en', 'protection_level', 'rights', 'source',
] as const;

/** `count` varied bilingual records (the benchmarks' generator) as an import CSV, without images. */
export function syntheticCsv(count: number): string {
  const rows = [...syntheticRecords(count)].map((record) =>
    CSV_COLUMNS.map((column) => {
      const value = (record as Record<string, unknown>)[column];
      return Array.isArray(value) ? value.join(';') : (value ?? '');
    }),
  );
  return stringify([CSV_COLUMNS as readonly string[], ...rows] as unknown[][]);
}
