/**
 * The one module that writes photographs to disk. A photograph's folder is built in a staging
 * folder and renamed into place, so a killed import never leaves a half-written folder that looks
 * complete; originals are written to a temporary name and renamed the same way.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { originalFileName } from './derivatives.ts';
import { canonicalExtension, type ImageType } from './image-types.ts';
import { mediaFolderOf, privateDirOf, privateOriginalOf, stagingDirOf } from './media-paths.ts';

/** A private original still being written: renamed into place once complete. */
const PART_SUFFIX = '.part';

export class MediaStore {
  constructor(readonly mediaDir: string) {}

  folderOf(hash: string): string {
    return mediaFolderOf(this.mediaDir, hash);
  }

  /** True when the photograph's folder is in place (it only ever appears complete). */
  async hasFolder(hash: string): Promise<boolean> {
    return (await stat(this.folderOf(hash)).catch(() => undefined))?.isDirectory() ?? false;
  }

  /** A fresh, empty folder to build a photograph's files in. */
  async stage(): Promise<string> {
    const staging = stagingDirOf(this.mediaDir);
    await mkdir(staging, { recursive: true });
    return mkdtemp(path.join(staging, 'image-'));
  }

  /** Moves a finished staging folder into place, replacing files an older pipeline made. */
  async commit(staged: string, hash: string): Promise<void> {
    const target = this.folderOf(hash);
    await mkdir(path.dirname(target), { recursive: true });
    await rm(target, { recursive: true, force: true });
    await rename(staged, target);
  }

  async discard(staged: string): Promise<void> {
    await rm(staged, { recursive: true, force: true });
  }

  /**
   * Keeps the original bytes: in the staged folder (served as `original.<ext>`) when published,
   * otherwise under `private/`, which no route serves.
   */
  async keepOriginal(bytes: Uint8Array, hash: string, type: ImageType, options: { publish: boolean; staged: string }): Promise<void> {
    const extension = canonicalExtension(type);
    if (options.publish) {
      await writeFile(path.join(options.staged, originalFileName(extension)), bytes);
      return;
    }
    const target = privateOriginalOf(this.mediaDir, hash, extension);
    if (await stat(target).catch(() => undefined)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}${PART_SUFFIX}`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  /**
   * Removes what runs that died left half-made: every staging folder and every original still
   * being written (`*.part`). Only the import holding the archive's writer lock calls this, so
   * no other run can be using them: whatever is there is a leftover, however young.
   */
  async removeLeftovers(): Promise<number> {
    let removed = 0;
    const remove = async (target: string) => {
      await rm(target, { recursive: true, force: true });
      removed++;
    };
    const staging = stagingDirOf(this.mediaDir);
    for (const entry of await readdir(staging).catch(() => [] as string[])) await remove(path.join(staging, entry));
    const privateDir = privateDirOf(this.mediaDir);
    for (const prefix of await readdir(privateDir).catch(() => [] as string[])) {
      const folder = path.join(privateDir, prefix);
      for (const entry of await readdir(folder).catch(() => [] as string[])) if (entry.endsWith(PART_SUFFIX)) await remove(path.join(folder, entry));
    }
    return removed;
  }
}
