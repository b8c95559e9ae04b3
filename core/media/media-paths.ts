/**
 * Where a photograph's files live. Everything is named by the sha256 of the original bytes:
 * `<mediaDir>/<hash[0..2]>/<hash>/` holds the public derivatives and tiles; private originals live
 * under `<mediaDir>/private/`, which no route serves (its name is not a two-digit hex prefix).
 */
import path from 'node:path';

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

export function isMediaHash(value: string): boolean {
  return HASH_PATTERN.test(value);
}

/** The folder of one photograph's public files. `hash` must already be validated. */
export function mediaFolderOf(mediaDir: string, hash: string): string {
  return path.join(mediaDir, hash.slice(0, 2), hash);
}

/** Where originals are kept when they are not published; no route serves it. */
export function privateDirOf(mediaDir: string): string {
  return path.join(mediaDir, 'private');
}

export function privateOriginalOf(mediaDir: string, hash: string, extension: string): string {
  return path.join(privateDirOf(mediaDir), hash.slice(0, 2), `${hash}.${extension}`);
}

/** Work in progress: a folder here is never served and is removed if a run dies. */
export function stagingDirOf(mediaDir: string): string {
  return path.join(mediaDir, 'staging');
}
