/**
 * Expands the paths given on the command line into import files. Folders are walked (hidden
 * entries and node_modules skipped); a folder with a `collection.yml` is a collection, and the
 * record files below it belong to that collection.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type RecordFormat = 'csv' | 'json' | 'jsonl';

export interface RecordFile {
  file: string;
  format: RecordFormat;
  /** Image paths in the file are relative to this folder and may not leave it. */
  baseDir: string;
  /** The `collection.yml` of the nearest enclosing collection folder, if any. */
  collectionFile?: string;
}

export interface Inputs {
  recordFiles: RecordFile[];
  collectionFiles: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Files given by name whose type is not a record format. */
  unsupported: string[];
}

const FORMATS: Record<string, RecordFormat> = { '.csv': 'csv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };
export const COLLECTION_FILE = 'collection.yml';

export async function findInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { recordFiles: [], collectionFiles: [], missing: [], unsupported: [] };
  for (const given of paths) {
    const absolute = path.resolve(given);
    const info = await stat(absolute).catch(() => undefined);
    if (!info) inputs.missing.push(given);
    else if (info.isDirectory()) await walk(absolute, undefined, inputs);
    else if (formatOf(absolute)) inputs.recordFiles.push({ file: absolute, format: formatOf(absolute)!, baseDir: path.dirname(absolute) });
    else inputs.unsupported.push(given);
  }
  return inputs;
}

async function walk(directory: string, collectionFile: string | undefined, inputs: Inputs): Promise<void> {
  const entries = (await readdir(directory, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const ownCollection = entries.some((entry) => entry.isFile() && entry.name === COLLECTION_FILE) ? path.join(directory, COLLECTION_FILE) : undefined;
  if (ownCollection) inputs.collectionFiles.push(ownCollection);
  const collection = ownCollection ?? collectionFile;
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) await walk(full, collection, inputs);
    else if (entry.isFile() && formatOf(full)) {
      inputs.recordFiles.push({ file: full, format: formatOf(full)!, baseDir: directory, ...(collection && { collectionFile: collection }) });
    }
  }
}

function formatOf(file: string): RecordFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}
