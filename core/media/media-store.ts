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
import { mediaFolderOf, privateOriginalOf, stagingDirOf } from './media-paths.ts';

/** Staging folders older than this belong to a run that died. */
const STALE_STAGING_MS = 60 * 60 * 1000;

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
    const temporary = `${target}.${randomUUID()}.part`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  /** Removes staging folders left behind by a run that was killed. */
  async removeStaleStaging(now = Date.now()): Promise<void> {
    const staging = stagingDirOf(this.mediaDir);
    const entries = await readdir(staging).catch(() => [] as string[]);
    for (const entry of entries) {
      const full = path.join(staging, entry);
      const info = await stat(full).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_STAGING_MS) await rm(full, { recursive: true, force: true });
    }
  }
}
