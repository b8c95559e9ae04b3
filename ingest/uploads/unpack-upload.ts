/**
 * A ZIP among an upload's files is unpacked where it lies, into a folder named after it, and the
 * archive itself removed: the upload's folder then holds exactly what will be imported, for the
 * mapping page to read and the import to take. An unsafe archive (read-zip.ts) refuses the
 * upload before a byte of it is written.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { IMPORT_LIMITS } from '../archive/import-limits.ts';
import { extractZip } from '../archive/read-zip.ts';

/** @throws ImportFileError naming the archive's problem */
export async function unpackUpload(folder: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    if (path.extname(name).toLowerCase() !== '.zip') continue;
    const zip = path.join(folder, name);
    await extractZip(zip, path.join(folder, path.basename(name, path.extname(name))), IMPORT_LIMITS.zip);
    await rm(zip);
  }
}
