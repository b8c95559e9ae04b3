/**
 * `npm run restore`: a backup back into an empty data directory, checked three ways — the backup
 * against its manifest before anything is written, the copy against the manifest after, and the
 * restored catalog by SQLite (`integrity_check`) and by its row counts.
 */
import { copyFile, constants, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CATALOG_SCHEMA_VERSION, inspectCatalogFileOffThread, type CatalogFacts } from '../catalog/backup-catalog.ts';
import { CATALOG_FILE, filesOf, readManifest, type BackupManifest, type FileEntry } from './backup-manifest.ts';
import { BackupRefusal } from './backup-refusal.ts';
import { folderState, undoWrites } from './folder-state.ts';
import { findMismatchedFiles } from './verify-files.ts';

/** How many damaged files a refusal names. */
const FILES_NAMED = 3;

export interface RestoreOptions {
  /** A folder written by `createBackup`. */
  source: string;
  /** A new or empty data directory. */
  dataDir: string;
  /** Bytes done / total of each pass over the files. */
  onProgress?: (stage: 'verify' | 'copy' | 'check', done: number, total: number) => void;
  /** Stops the restore at its next step (Ctrl-C); what it wrote is removed and the signal's reason thrown. */
  signal?: AbortSignal;
}

/**
 * Restores the backup in `source` into `dataDir` and returns its manifest once every check passed.
 * @throws BackupRefusal with nothing changed: before writing (a data directory that is not empty,
 *   a folder that is not a backup, a damaged backup), or after removing everything it wrote (a copy
 *   that does not verify, a catalog SQLite finds damaged, row counts that differ).
 */
export async function restoreBackup(options: RestoreOptions): Promise<BackupManifest> {
  const source = path.resolve(options.source);
  const dataDir = path.resolve(options.dataDir);
  const before = await folderState(dataDir);
  if (before.kind === 'file') throw new BackupRefusal('refused', 'restore.target_not_folder', { dir: dataDir });
  if (before.kind === 'not-empty') throw new BackupRefusal('refused', 'restore.target_not_empty', { dir: dataDir, entries: before.entries });
  const sourceInfo = await stat(source).catch(() => undefined);
  if (!sourceInfo) throw new BackupRefusal('refused', 'restore.source_not_found', { src: source });
  if (!sourceInfo.isDirectory()) throw new BackupRefusal('refused', 'restore.not_a_backup', { src: source });
  const manifest = await readManifest(source);
  if (manifest.catalog.schemaVersion > CATALOG_SCHEMA_VERSION) {
    throw new BackupRefusal('refused', 'restore.newer_schema', {
      src: source,
      found: manifest.catalog.schemaVersion,
      supported: CATALOG_SCHEMA_VERSION,
      version: `${manifest.software.name} ${manifest.software.version}`,
    });
  }
  const files = filesOf(manifest);
  // Progress is reported for every chunk read and file copied, so that is where an interruption is noticed.
  const progress = (stage: 'verify' | 'copy' | 'check') =>
    bytesProgress(files, (done, total) => {
      options.signal?.throwIfAborted();
      options.onProgress?.(stage, done, total);
    });

  const damaged = await findMismatchedFiles(source, files, progress('verify'));
  if (damaged.length > 0) throw new BackupRefusal('refused', 'restore.corrupt', { src: source, count: damaged.length, files: named(damaged) });

  await mkdir(dataDir, { recursive: true });
  try {
    await copyFiles(source, dataDir, files, progress('copy'));
    const differing = await findMismatchedFiles(dataDir, files, progress('check'));
    if (differing.length > 0) throw new BackupRefusal('refused', 'restore.copy_not_verified', { count: differing.length, files: named(differing) });
    await checkCatalog(path.join(dataDir, CATALOG_FILE), manifest, source);
    options.signal?.throwIfAborted();
    return manifest;
  } catch (error) {
    await undoWrites(dataDir, before.kind);
    throw error;
  }
}

async function copyFiles(source: string, target: string, files: readonly FileEntry[], onBytes: (bytes: number) => void): Promise<void> {
  for (const file of files) {
    const to = path.join(target, file.path);
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(path.join(source, file.path), to, constants.COPYFILE_EXCL);
    onBytes(file.bytes);
  }
}

/** SQLite's own check, then every table's rows against the counts taken when the backup was made. */
async function checkCatalog(file: string, manifest: BackupManifest, source: string): Promise<void> {
  let facts: CatalogFacts;
  try {
    facts = await inspectCatalogFileOffThread(file);
  } catch (error) {
    // A file SQLite cannot even read as a database.
    throw new BackupRefusal('refused', 'restore.catalog_damaged', { src: source, detail: (error as Error).message }, { cause: error });
  }
  if (facts.integrity !== 'ok') throw new BackupRefusal('refused', 'restore.catalog_damaged', { src: source, detail: facts.integrity });
  const names = new Set([...Object.keys(facts.tables), ...Object.keys(manifest.catalog.tables)]);
  const differences = [...names]
    .filter((name) => facts.tables[name] !== manifest.catalog.tables[name])
    .map((name) => `${name}: ${manifest.catalog.tables[name] ?? '-'} → ${facts.tables[name] ?? '-'}`);
  if (differences.length > 0) throw new BackupRefusal('refused', 'restore.counts_differ', { detail: differences.slice(0, FILES_NAMED).join(', ') });
}

/** A byte counter over all of `files` that reports through `report`. */
function bytesProgress(files: readonly FileEntry[], report: (done: number, total: number) => void): (bytes: number) => void {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  let done = 0;
  return (bytes) => {
    done += bytes;
    report(done, total);
  };
}

function named(paths: readonly string[]): string {
  return paths.length > FILES_NAMED ? `${paths.slice(0, FILES_NAMED).join(', ')} …` : paths.join(', ');
}
