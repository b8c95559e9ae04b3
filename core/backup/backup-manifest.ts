/**
 * `manifest.json`, the last file a backup writes: what the backup holds (row counts of every
 * catalog table) and how to check it (size and sha256 of every file). A folder without one is not
 * a backup; restore trusts nothing else in the folder, so every path in it is checked to stay
 * inside the folder.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { BackupRefusal } from './backup-refusal.ts';

export const BACKUP_FORMAT = 'heritage-archive-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
/** The catalog's name in a backup, as in a data directory. */
export const CATALOG_FILE = 'catalog.db';
/** Folders of the data directory a backup copies, under the same names. */
export const BACKED_UP_FOLDERS = ['media', 'reports'] as const;

export type BackedUpFolder = (typeof BACKED_UP_FOLDERS)[number];

/** A relative path with `/` separators whose every step goes down: no `..`, no absolute path, no backslash. */
const safeRelativePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !/[\\\0]/.test(value) && value.split('/').every((step) => step !== '' && step !== '.' && step !== '..'), 'a path that leaves its folder');

const fileEntrySchema = z.strictObject({
  path: safeRelativePath,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const folderSchema = z.strictObject({ files: z.array(fileEntrySchema), bytes: z.number().int().nonnegative() });

const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  software: z.strictObject({ name: z.string(), version: z.string() }),
  catalog: z.strictObject({
    ...fileEntrySchema.shape,
    path: z.literal(CATALOG_FILE),
    schemaVersion: z.number().int().nonnegative(),
    tables: z.record(z.string(), z.number().int().nonnegative()).refine((tables) => Object.hasOwn(tables, 'records'), 'no count of records'),
  }),
  folders: z.strictObject(Object.fromEntries(BACKED_UP_FOLDERS.map((name) => [name, folderSchema])) as Record<BackedUpFolder, typeof folderSchema>),
});

export type FileEntry = z.infer<typeof fileEntrySchema>;
export type FolderEntry = z.infer<typeof folderSchema>;
export type BackupManifest = z.infer<typeof manifestSchema>;

/** Every file of a backup with its path relative to the backup folder (or to the data directory: the layout is the same). */
export function filesOf(manifest: BackupManifest): FileEntry[] {
  return [
    { path: manifest.catalog.path, bytes: manifest.catalog.bytes, sha256: manifest.catalog.sha256 },
    ...BACKED_UP_FOLDERS.flatMap((folder) => manifest.folders[folder].files.map((file) => ({ ...file, path: `${folder}/${file.path}` }))),
  ];
}

/** Writes the manifest under a temporary name first, so a backup killed midway has none. */
export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  const target = path.join(folder, MANIFEST_FILE);
  await writeFile(`${target}.part`, `${JSON.stringify(manifestSchema.parse(manifest), null, 2)}\n`, { flag: 'wx' });
  await rename(`${target}.part`, target);
}

/**
 * Reads and checks the manifest of the backup in `folder`.
 * @throws BackupRefusal when the folder holds no manifest, or one this version cannot trust or read.
 */
export async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BackupRefusal('refused', 'restore.not_a_backup', { src: folder });
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BackupRefusal('refused', 'restore.bad_manifest', { src: folder, detail: (error as Error).message });
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if ((json as { format?: unknown } | null)?.format === BACKUP_FORMAT && typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal('refused', 'restore.newer_format', { src: folder, found: version, supported: BACKUP_FORMAT_VERSION });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BackupRefusal('refused', 'restore.bad_manifest', { src: folder, detail: `${issue.path.join('.') || 'manifest'}: ${issue.message}` });
  }
  return parsed.data;
}
