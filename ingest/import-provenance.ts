/**
 * What the import history keeps about an import's input (core/catalog/import-log.ts): the files
 * it read with their size and sha256, the mapping, encoding and mode it was given, and — once
 * the files were read — each record file's columns as applied. The CLI's files are the paths
 * given that are files (a ZIP archive as a whole, not what it held) and, in folders given, every
 * record file, photographs' sidecar and collection file found; a web import names the files of
 * its upload as the curator sent them.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedFile, ImportProvenance } from '../core/catalog/import-log.ts';
import { digestFile } from '../core/backup/file-checksums.ts';
import type { ColumnMapping } from '../core/schema/column-mapping.ts';
import type { Inputs } from './find-inputs.ts';
import { displayPath } from './import-records-file.ts';
import type { IngestReport } from './report.ts';

export interface ProvenanceInput {
  paths: readonly string[];
  inputs: Inputs;
  displayRoot: string;
  /** Whether a found file came out of a ZIP archive given (the archive then stands for it). */
  fromArchive: (file: string) => boolean;
  read?: { encoding?: string; mapping?: ColumnMapping };
  mode?: string;
  /** Given by the caller: the files as sent (a web upload), the saved mapping's name. */
  given?: { files?: ImportedFile[]; profile?: string };
}

/** The provenance an import starts with. */
export async function describeImportInput(input: ProvenanceInput): Promise<ImportProvenance> {
  const { read, given } = input;
  return {
    files: given?.files ?? (await hashSources(input)),
    ...(read?.mapping && { mapping: { ...(given?.profile && { profile: given.profile }), columns: read.mapping.columns, separator: read.mapping.separator } }),
    ...(read?.encoding && { encoding: read.encoding }),
    ...(input.mode && { mode: input.mode }),
  };
}

/** Each record file's columns as the run applied them. */
export function appliedColumnsOf(report: IngestReport): NonNullable<ImportProvenance['applied']> {
  return report.files.flatMap((file) => (file.columns ? [{ file: file.file, columns: file.columns }] : []));
}

async function hashSources({ paths, inputs, displayRoot, fromArchive }: ProvenanceInput): Promise<ImportedFile[]> {
  const files = new Map<string, string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    if ((await stat(absolute).catch(() => undefined))?.isFile()) files.set(absolute, displayPath(absolute, displayRoot));
  }
  const found = [...inputs.recordFiles.map((source) => source.file), ...inputs.photoFolders.flatMap((folder) => (folder.sidecar ? [folder.sidecar.file] : [])), ...inputs.collectionFiles];
  for (const file of found) if (!fromArchive(file) && !files.has(file)) files.set(file, displayPath(file, displayRoot));
  const hashed: ImportedFile[] = [];
  for (const [file, name] of files) {
    // A file that vanished since it was found is reported by the import itself.
    const digest = await digestFile(file).catch(() => undefined);
    if (digest) hashed.push({ name, ...digest });
  }
  return hashed;
}
