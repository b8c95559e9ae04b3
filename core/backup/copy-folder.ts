/**
 * Copies a data-directory folder (the media store, the reports) file by file, with checksums,
 * while imports may be writing to it.
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMediaHash } from '../media/media-paths.ts';
import type { FolderEntry } from './backup-manifest.ts';
import { copyAndDigest, type FileDigest } from './file-checksums.ts';
import { listFolderFiles } from './list-folder-files.ts';

/** Attempts at copying one photograph's folder before giving up on a store that keeps replacing it. */
const ATTEMPTS = 5;

/**
 * Copies every file under `source` (missing: nothing to copy) to `target`. A photograph's folder
 * (`<hh>/<sha256>/`) is only ever replaced whole, by a rename, when a newer image pipeline
 * derives it again; it is copied as a unit, and again if it was replaced meanwhile (its inode
 * changed or a file vanished), so a backup never holds half an old and half a new folder.
 */
export async function copyFolder(source: string, target: string, onProgress: (done: number, total: number) => void): Promise<FolderEntry> {
  const units = groupIntoUnits(await listFolderFiles(source));
  const total = [...units.values()].reduce((sum, files) => sum + files.length, 0);
  const entries: FolderEntry['files'] = [];
  let done = 0;
  for (const [unit, listed] of units) {
    const copied = unit ? await copyUnit(source, target, unit, listed) : await copyFiles(source, target, listed);
    entries.push(...copied.files);
    done += listed.length;
    onProgress(done, total);
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files: entries, bytes: entries.reduce((sum, file) => sum + file.bytes, 0) };
}

/** Photograph folders by their path, and `''` for every other file (each written by a rename, never changed). */
function groupIntoUnits(files: readonly string[]): Map<string, string[]> {
  const units = new Map<string, string[]>();
  for (const file of files) {
    const [prefix, hash] = file.split('/');
    const unit = hash && isMediaHash(hash) && prefix === hash.slice(0, 2) && file.length > prefix.length + hash.length + 1 ? `${prefix}/${hash}` : '';
    const group = units.get(unit);
    if (group) group.push(file);
    else units.set(unit, [file]);
  }
  return units;
}

async function copyUnit(source: string, target: string, unit: string, listed: string[]): Promise<{ files: FolderEntry['files'] }> {
  let files = listed;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const identity = await folderIdentity(path.join(source, unit));
    if (identity === undefined) return { files: [] };
    const copied = await copyFiles(source, target, files);
    if (!copied.vanished && (await folderIdentity(path.join(source, unit))) === identity) return copied;
    await rm(path.join(target, unit), { recursive: true, force: true });
    files = (await listFolderFiles(path.join(source, unit))).map((file) => `${unit}/${file}`);
  }
  throw new Error(`the media folder ${unit} kept being replaced while it was copied`);
}

async function copyFiles(source: string, target: string, files: readonly string[]): Promise<{ files: FolderEntry['files']; vanished: boolean }> {
  const copied: FolderEntry['files'] = [];
  let vanished = false;
  for (const file of files) {
    const to = path.join(target, file);
    await mkdir(path.dirname(to), { recursive: true });
    const digest: FileDigest | undefined = await copyAndDigest(path.join(source, file), to).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (digest) copied.push({ path: file, ...digest });
    else vanished = true;
  }
  return { files: copied, vanished };
}

/** Device and inode: a folder renamed into place over another has a new one. */
async function folderIdentity(folder: string): Promise<string | undefined> {
  const info = await stat(folder).catch(() => undefined);
  return info && `${info.dev}:${info.ino}`;
}
