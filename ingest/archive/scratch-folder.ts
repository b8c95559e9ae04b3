/**
 * A run's own scratch folder: ZIP archives given to the importer are extracted into it. It is
 * removed when the run ends, however it ends, so no run leaves temporary files.
 */
import { mkdtemp, rm, rmdir } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Runs `fn` with a fresh folder under `parent`, removed afterwards. */
export async function withScratchFolder<T>(parent: string, fn: (folder: string) => Promise<T>): Promise<T> {
  mkdirSync(parent, { recursive: true });
  const folder = await mkdtemp(path.join(parent, `run-${process.pid}-`));
  try {
    return await fn(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
    // The parent too, unless another run still has its folder there.
    await rmdir(parent).catch(() => undefined);
  }
}
