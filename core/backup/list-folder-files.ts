/** The files of a data-directory folder that a backup copies. */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Work in progress that a backup leaves out: the media store builds photographs in `staging/` and
 * writes originals under a `.part` name before renaming them into place, so neither is ever
 * referenced by the catalog.
 */
const SKIPPED_FOLDERS = new Set(['staging']);
const SKIPPED_FILE = /\.part$/;

/**
 * Regular files under `root`, as sorted `/`-separated paths relative to it; `[]` when `root` does
 * not exist. Symbolic links are not followed (nothing in a data directory is one). A folder that
 * vanishes while being listed (a photograph being re-derived) is skipped.
 */
export async function listFolderFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !(relative === '' && SKIPPED_FOLDERS.has(entry.name))) await walk(child);
      else if (entry.isFile() && !SKIPPED_FILE.test(entry.name)) files.push(child);
    }
  };
  await walk('');
  return files.sort();
}
