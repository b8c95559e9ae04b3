/**
 * `npm run backup`: the catalog first (one consistent snapshot), then the media store and the
 * import reports, then the manifest. The order is what makes the copy consistent: photographs are
 * content-addressed and only ever appear complete (built in a staging folder, renamed into
 * place) before the records that show them are committed, so the media copied after the snapshot
 * holds every photograph the snapshot links to.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupCatalogFile, inspectCatalogFileOffThread, type CatalogFacts } from '../catalog/backup-catalog.ts';
import { BACKED_UP_FOLDERS, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, CATALOG_FILE, writeManifest, type BackupManifest, type FolderEntry } from './backup-manifest.ts';
import { BackupRefusal } from './backup-refusal.ts';
import { copyFolder } from './copy-folder.ts';
import { digestFile } from './file-checksums.ts';
import { folderState, isInside, undoWrites } from './folder-state.ts';

export interface BackupOptions {
  /** The data directory: `catalog.db`, `media/`, `reports/`. */
  dataDir: string;
  /** A new or empty folder, outside the data directory. */
  destination: string;
  software: { name: string; version: string };
  /** `catalog`: bytes copied of the catalog; `files`: files copied of the media store and reports. */
  onProgress?: (stage: 'catalog' | 'files', done: number, total: number) => void;
  /** Stops the backup at its next step (Ctrl-C); what it wrote is removed and the signal's reason thrown. */
  signal?: AbortSignal;
}

/**
 * Writes a backup of the archive in `dataDir` to `destination` and returns its manifest.
 * @throws BackupRefusal before anything is written (no catalog, a destination that is not new or
 *   empty, or inside the data directory), or after removing what was written (a damaged catalog).
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const catalogFile = path.join(options.dataDir, CATALOG_FILE);
  const destination = path.resolve(options.destination);
  if (!(await stat(catalogFile).catch(() => undefined))?.isFile()) throw new BackupRefusal('refused', 'backup.no_catalog', { file: catalogFile });
  if (isInside(destination, options.dataDir)) throw new BackupRefusal('refused', 'backup.destination_inside_data', { dest: destination, dataDir: options.dataDir });
  const before = await folderState(destination);
  if (before.kind === 'file') throw new BackupRefusal('refused', 'backup.destination_not_folder', { dest: destination });
  if (before.kind === 'not-empty') throw new BackupRefusal('refused', 'backup.destination_not_empty', { dest: destination, entries: before.entries });

  // Every step reports progress, so that is where an interruption is noticed.
  const report = (stage: 'catalog' | 'files', done: number, total: number) => {
    options.signal?.throwIfAborted();
    options.onProgress?.(stage, done, total);
  };
  await mkdir(destination, { recursive: true });
  try {
    const catalog = await copyCatalog(catalogFile, path.join(destination, CATALOG_FILE), report);
    options.signal?.throwIfAborted();
    const folders = {} as Record<(typeof BACKED_UP_FOLDERS)[number], FolderEntry>;
    for (const folder of BACKED_UP_FOLDERS) {
      folders[folder] = await copyFolder(path.join(options.dataDir, folder), path.join(destination, folder), (done, total) => report('files', done, total));
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      software: options.software,
      catalog,
      folders,
    };
    options.signal?.throwIfAborted();
    await writeManifest(destination, manifest);
    return manifest;
  } catch (error) {
    await undoWrites(destination, before.kind);
    throw error;
  }
}

async function copyCatalog(source: string, target: string, onProgress: NonNullable<BackupOptions['onProgress']>): Promise<BackupManifest['catalog']> {
  let facts: CatalogFacts;
  try {
    await backupCatalogFile(source, target, (done, total) => onProgress('catalog', done, total));
    facts = await inspectCatalogFileOffThread(target);
  } catch (error) {
    if (isSqliteDamage(error)) throw new BackupRefusal('catalog-unusable', 'backup.catalog_damaged', { detail: (error as Error).message }, { cause: error });
    throw error;
  }
  if (facts.integrity !== 'ok') throw new BackupRefusal('catalog-unusable', 'backup.catalog_damaged', { detail: facts.integrity });
  if (!Object.hasOwn(facts.tables, 'records')) throw new BackupRefusal('refused', 'backup.not_a_catalog', { file: source });
  const digest = await digestFile(target);
  return { path: CATALOG_FILE, ...digest, schemaVersion: facts.schemaVersion, tables: facts.tables };
}

/** SQLite's errors for a file that is not a database or whose pages are damaged. */
function isSqliteDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
