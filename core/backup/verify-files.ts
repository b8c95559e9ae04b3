/** Checks files on disk against the sizes and checksums a manifest recorded. */
import path from 'node:path';
import type { FileEntry } from './backup-manifest.ts';
import { digestFile } from './file-checksums.ts';

/**
 * The paths under `root` that are missing or whose size or sha256 differ from `files`; `[]` when
 * every file matches. `onBytes` hears of every chunk read.
 */
export async function findMismatchedFiles(root: string, files: readonly FileEntry[], onBytes?: (bytes: number) => void): Promise<string[]> {
  const mismatched: string[] = [];
  for (const file of files) {
    const digest = await digestFile(path.join(root, file.path), onBytes).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
      throw error;
    });
    if (digest?.bytes !== file.bytes || digest.sha256 !== file.sha256) mismatched.push(file.path);
  }
  return mismatched;
}
