/**
 * Photographs the catalog shows whose files are not on disk (a media folder deleted, or a catalog
 * restored without its media): found once at start-up, in the background, and logged with what
 * to do, so an operator learns it from the log rather than from visitors' broken images.
 */
import { stat } from 'node:fs/promises';
import type { Catalog } from '../../core/catalog/catalog.ts';
import { translate } from '../../core/i18n/translate.ts';
import type { Logger } from '../../core/log.ts';
import { mediaFolderOf } from '../../core/media/media-paths.ts';

const STATS_AT_ONCE = 32;

/** The folders of linked, ready photographs that do not exist. */
export async function findMissingMedia(catalog: Catalog, mediaDir: string): Promise<string[]> {
  const folders = catalog.media.linkedReadyHashes().map((hash) => mediaFolderOf(mediaDir, hash));
  const missing: string[] = [];
  for (let start = 0; start < folders.length; start += STATS_AT_ONCE) {
    const chunk = folders.slice(start, start + STATS_AT_ONCE);
    const found = await Promise.all(chunk.map((folder) => stat(folder).then((info) => info.isDirectory(), () => false)));
    chunk.forEach((folder, index) => found[index] || missing.push(folder));
  }
  return missing;
}

/** Logs one warning when photographs are missing; never throws (it must not stop the server). */
export async function warnAboutMissingMedia(catalog: Catalog, mediaDir: string, logger: Logger): Promise<void> {
  try {
    const missing = await findMissingMedia(catalog, mediaDir);
    if (missing.length === 0) return;
    const params = { count: missing.length, mediaDir, example: missing[0]! };
    logger.warn({ problem: 'media.files_missing', missing: missing.slice(0, 20), count: missing.length }, translate('en', 'media.files_missing', params));
  } catch (error) {
    logger.warn({ err: error }, 'could not check the media folder');
  }
}
