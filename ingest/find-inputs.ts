/**
 * Expands the paths given on the command line into import files. Folders are walked (hidden
 * entries and node_modules skipped); a folder with a `collection.yml` is a collection, and the
 * record files below it belong to that collection. A folder holding photographs and no record
 * file (other than an optional `sidecar.csv|json|jsonl`) is a folder of photographs.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PHOTO_EXTENSIONS } from '../core/media/image-types.ts';

export type RecordFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx';

export interface RecordFile {
  file: string;
  format: RecordFormat;
  /** Image paths in the file are relative to this folder and may not leave it. */
  baseDir: string;
  /** The `collection.yml` of the nearest enclosing collection folder, if any. */
  collectionFile?: string;
}

/** A folder of photographs: each photograph becomes a record unless a record file of the run shows it. */
export interface PhotoFolder {
  folder: string;
  /** Absolute paths of the photographs directly in the folder, by name. */
  photos: string[];
  /** Record fields for the photographs, in the import template's columns. */
  sidecar?: RecordFile;
  collectionFile?: string;
}

export interface Inputs {
  recordFiles: RecordFile[];
  photoFolders: PhotoFolder[];
  collectionFiles: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Files given by name whose type is not a record format. */
  unsupported: string[];
}

const FORMATS: Record<string, RecordFormat> = { '.csv': 'csv', '.tsv': 'tsv', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xlsx': 'xlsx' };
export const COLLECTION_FILE = 'collection.yml';
const SIDECAR_STEM = 'sidecar';

export async function findInputs(paths: readonly string[]): Promise<Inputs> {
  const inputs: Inputs = { recordFiles: [], photoFolders: [], collectionFiles: [], missing: [], unsupported: [] };
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
  const visible = entries.filter((entry) => !entry.name.startsWith('.') && entry.name !== 'node_modules');
  const photos = visible.filter((entry) => entry.isFile() && PHOTO_EXTENSIONS.has(path.extname(entry.name).slice(1).toLowerCase()));
  const recordEntries = visible.filter((entry) => entry.isFile() && formatOf(entry.name));
  const isPhotoFolder = photos.length > 0 && recordEntries.length <= 1 && recordEntries.every((entry) => isSidecar(entry.name));
  if (isPhotoFolder) {
    const sidecar = recordEntries[0] && path.join(directory, recordEntries[0].name);
    inputs.photoFolders.push({
      folder: directory,
      photos: photos.map((entry) => path.join(directory, entry.name)),
      ...(sidecar && { sidecar: { file: sidecar, format: formatOf(sidecar)!, baseDir: directory } }),
      ...(collection && { collectionFile: collection }),
    });
  }
  for (const entry of visible) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) await walk(full, collection, inputs);
    else if (entry.isFile() && formatOf(full) && !isPhotoFolder) {
      inputs.recordFiles.push({ file: full, format: formatOf(full)!, baseDir: directory, ...(collection && { collectionFile: collection }) });
    }
  }
}

function isSidecar(name: string): boolean {
  return path.basename(name, path.extname(name)).toLowerCase() === SIDECAR_STEM;
}

export function formatOf(file: string): RecordFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}
