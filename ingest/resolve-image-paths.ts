/**
 * Checks the `images` column: paths are relative to the import file's folder and must stay inside
 * it (`..`, absolute paths and symlinks that lead out are refused); URLs are never fetched.
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Message } from './read/source-item.ts';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export interface ResolvedImages {
  /** Accepted references, relative to the import folder, with `/` separators. */
  accepted: string[];
  /** Absolute paths of the accepted files, parallel to `accepted`. */
  files: string[];
  problems: Message[];
}

export function resolveImagePaths(references: readonly string[], baseDir: string): ResolvedImages {
  const resolved: ResolvedImages = { accepted: [], files: [], problems: [] };
  const root = realpathSync(baseDir);
  for (const reference of references) {
    const refuse = (key: Message['key']) => resolved.problems.push({ key, params: { path: reference } });
    if (URL_SCHEME.test(reference) && !/^[a-z]:[\\/]/i.test(reference)) {
      refuse('media.remote_not_fetched');
      continue;
    }
    if (path.isAbsolute(reference) || /^[a-z]:[\\/]/i.test(reference) || reference.startsWith('\\')) {
      refuse('media.absolute_path');
      continue;
    }
    const target = path.resolve(root, reference);
    if (!isInside(root, target)) {
      refuse('media.outside_folder');
      continue;
    }
    let real: string;
    try {
      real = realpathSync(target);
    } catch {
      refuse('media.not_found');
      continue;
    }
    if (!isInside(root, real)) {
      refuse('media.outside_folder'); // a symlink leading out of the folder
      continue;
    }
    if (!statSync(real).isFile()) {
      refuse('media.not_found'); // a folder is not an image file
      continue;
    }
    resolved.accepted.push(path.relative(root, target).split(path.sep).join('/'));
    resolved.files.push(real);
  }
  return resolved;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
