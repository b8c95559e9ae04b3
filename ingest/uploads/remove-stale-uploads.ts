/**
 * Uploads a curator left without importing them do not stay on disk for ever: when the import
 * worker starts, the folders of uploads older than a week that were never imported (and have no
 * job queued or running) are removed, and the uploads marked `removed` (their pages then answer 404).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../core/catalog/catalog.ts';

/** How long an upload that was never imported is kept. */
export const UPLOAD_KEEP_DAYS = 7;

/** Removes the uploads made before `before` that were never imported; returns how many. */
export async function removeStaleUploads(catalog: Catalog, uploadsDir: string, before: Date): Promise<number> {
  const stale = catalog.uploads.staleBefore(before.toISOString());
  for (const upload of stale) {
    await rm(path.join(uploadsDir, upload.folder), { recursive: true, force: true });
    catalog.uploads.setStatus(upload.id, 'removed');
  }
  return stale.length;
}
