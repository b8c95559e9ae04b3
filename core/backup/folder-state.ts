/** What a backup or restore checks about its target folder before writing, and how it undoes its writes. */
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** How many entries a refusal names before "and N more". */
const ENTRIES_NAMED = 3;

export type FolderState = { kind: 'missing' } | { kind: 'file' } | { kind: 'empty' } | { kind: 'not-empty'; entries: string };

/** Whether `folder` can be written into: missing or empty. A non-empty one comes with a short list of what it holds. */
export async function folderState(folder: string): Promise<FolderState> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return { kind: 'missing' };
  if (!info.isDirectory()) return { kind: 'file' };
  const entries = (await readdir(folder)).sort();
  if (entries.length === 0) return { kind: 'empty' };
  const named = entries.slice(0, ENTRIES_NAMED).join(', ');
  return { kind: 'not-empty', entries: entries.length > ENTRIES_NAMED ? `${named} … +${entries.length - ENTRIES_NAMED}` : named };
}

/**
 * Puts a folder that was `missing` or `empty` before a failed write back as it was: removed, or
 * emptied. Nothing else was in it, so everything in it now is what the write left.
 */
export async function undoWrites(folder: string, before: 'missing' | 'empty'): Promise<void> {
  if (before === 'missing') {
    await rm(folder, { recursive: true, force: true });
    return;
  }
  for (const entry of await readdir(folder).catch(() => [] as string[])) await rm(path.join(folder, entry), { recursive: true, force: true });
}

/** True when `inner` is `outer` or lies inside it. */
export function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(path.resolve(outer), path.resolve(inner));
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
