/**
 * ZIP archives among an import's paths become the folders they hold: each is extracted into the
 * run's scratch folder (read-zip.ts refuses unsafe archives before writing) and imported like a
 * folder, its files named in the report as `archive.zip/records.csv`.
 */
import path from 'node:path';
import { ImportFileError, type Message } from '../read/source-item.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { extractZip } from './read-zip.ts';

export interface ExpandedPaths {
  paths: string[];
  /** Archives refused whole, with the reason. */
  refused: { file: string; detail: Message }[];
  /** How to name a file extracted from an archive; undefined for any other file. */
  displayOf(file: string): string | undefined;
}

export async function expandArchives(paths: readonly string[], scratch: string | undefined): Promise<ExpandedPaths> {
  const expanded: string[] = [];
  const refused: ExpandedPaths['refused'] = [];
  const roots: { folder: string; shownAs: string }[] = [];
  for (const [index, given] of paths.entries()) {
    if (path.extname(given).toLowerCase() !== '.zip' || !scratch) {
      expanded.push(given);
      continue;
    }
    const folder = path.join(scratch, `archive-${index}`);
    try {
      await extractZip(path.resolve(given), folder, IMPORT_LIMITS.zip);
      expanded.push(folder);
      roots.push({ folder, shownAs: given });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      refused.push({ file: given, detail: error.detail });
    }
  }
  return {
    paths: expanded,
    refused,
    displayOf(file) {
      const root = roots.find(({ folder }) => file === folder || file.startsWith(folder + path.sep));
      return root && path.join(root.shownAs, path.relative(root.folder, file)).split(path.sep).join('/');
    },
  };
}
