/**
 * The steps of an import in the browser, between the routes and the import core: an upload
 * received is unpacked and analysed (ingest/uploads/), the mapping page's choices become the
 * upload's settings (and, when asked, a saved mapping profile), and a dry run or an import is
 * queued as a job for the import worker. An import is only queued after a dry run of the same
 * settings finished: what runs is what the curator previewed.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../../core/catalog/catalog.ts';
import { normalizeProfileName } from '../../../core/catalog/mapping-profiles.ts';
import type { Upload } from '../../../core/catalog/upload-store.ts';
import { headerKey, IMPORT_TARGETS, LIST_SEPARATORS, type ColumnMapping } from '../../../core/schema/column-mapping.ts';
import type { ImportTarget } from '../../../core/schema/column-names.ts';
import { IMPORT_MODES, type ImportMode } from '../../../ingest/import-policy.ts';
import type { JobSpec } from '../../../ingest/jobs/run-import-job.ts';
import { ImportFileError } from '../../../ingest/read/source-item.ts';
import { parseEncodingName } from '../../../ingest/read/text-encodings.ts';
import type { UploadAnalysis } from '../../../ingest/uploads/analyse-upload.ts';
import { DEFAULT_UPLOAD_SETTINGS, type UploadSettings } from '../../../ingest/uploads/upload-settings.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { ConflictError } from '../curator-errors.ts';
import type { FormFields } from '../form-fields.ts';
import type { ReceivedUpload } from './receive-upload.ts';

export type CuratorUpload = Upload<UploadAnalysis, UploadSettings>;

/** Unpacks and analyses a received upload and records it; returns its id. A refused ZIP removes its folder. */
export async function acceptUpload(catalog: Catalog, uploadsDir: string, received: ReceivedUpload, by: string): Promise<number> {
  const folder = path.join(uploadsDir, received.folder);
  try {
    // The readers (zip, encodings, XLSX) are loaded by the first upload, not by every server.
    const { unpackUpload } = await import('../../../ingest/uploads/unpack-upload.ts');
    await unpackUpload(folder, received.files.map((file) => file.name));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if (error instanceof ImportFileError) throw new BadRequestError(error.detail.key, error.detail.params);
    throw error;
  }
  const id = catalog.uploads.add({ createdBy: by, folder: received.folder, files: received.files });
  await analyse(catalog, uploadsDir, id, DEFAULT_UPLOAD_SETTINGS);
  return id;
}

/** Reads the upload again with `settings`, and keeps both. */
export async function analyse(catalog: Catalog, uploadsDir: string, id: number, settings: UploadSettings): Promise<void> {
  const upload = uploadOf(catalog, id);
  const { analyseUpload } = await import('../../../ingest/uploads/analyse-upload.ts');
  const analysis = await analyseUpload(path.join(uploadsDir, upload.folder), settings);
  catalog.uploads.setSettings(id, settings);
  catalog.uploads.setAnalysis(id, analysis);
}

/** The upload, or 404. */
export function uploadOf(catalog: Catalog, id: number): CuratorUpload {
  const upload = Number.isSafeInteger(id) ? catalog.uploads.get<UploadAnalysis, UploadSettings>(id) : undefined;
  if (!upload || upload.status === 'removed') throw new NotFoundError('upload.not_found');
  return upload;
}

/**
 * The settings the mapping form posts: `encoding`, `sheet`, `mode`, `separator`, and
 * `column_N` (the field for the analysis's column N, `-` to leave it out). Unknown values are a 400.
 */
export function settingsOfForm(fields: FormFields, analysis: UploadAnalysis): UploadSettings {
  const settings: UploadSettings = { mode: parseChoice(fields.mode ?? 'upsert', IMPORT_MODES, 'mode') as ImportMode };
  if (fields.encoding) {
    const encoding = parseEncodingName(fields.encoding);
    if (!encoding) throw new BadRequestError('upload.bad_choice', { field: 'encoding', received: fields.encoding });
    settings.encoding = encoding;
  }
  if (fields.sheet) {
    if (!analysis.sheets?.some((sheet) => sheet.name === fields.sheet)) throw new BadRequestError('upload.bad_choice', { field: 'sheet', received: fields.sheet });
    settings.sheet = fields.sheet;
  }
  const columns: Record<string, ImportTarget | null> = {};
  for (const [index, column] of analysis.columns.entries()) {
    const chosen = fields[`column_${index}`];
    if (chosen === undefined || column.header === '') continue;
    columns[column.header] = chosen === '-' ? null : (parseChoice(chosen, IMPORT_TARGETS, `column_${index}`) as ImportTarget);
  }
  const separator = parseChoice(fields.separator ?? ';', LIST_SEPARATORS, 'separator');
  if (Object.keys(columns).length > 0 || separator !== ';') settings.mapping = { columns, separator };
  return settings;
}

/** Saves the settings' mapping under `name` (the form's "save as"). */
export function saveProfile(catalog: Catalog, name: string, mapping: ColumnMapping | undefined, by: string): string {
  const normalized = normalizeProfileName(name);
  if (!normalized) throw new BadRequestError('upload.bad_profile_name', { name: name.slice(0, 100) });
  catalog.mappings.save(normalized, mapping ?? { columns: {}, separator: ';' }, by);
  return normalized;
}

/** The settings with a saved profile's mapping. */
export function withProfile(catalog: Catalog, settings: UploadSettings, name: string): UploadSettings {
  const profile = catalog.mappings.get(name);
  if (!profile) throw new BadRequestError('upload.no_such_profile', { name: name.slice(0, 100) });
  return { ...settings, mapping: profile.mapping, profile: profile.name };
}

/**
 * The settings, still naming the profile the previous ones came from while the columns it
 * chose are chosen alike (the import history then says which profile an import used).
 */
export function carryProfile(catalog: Catalog, previous: UploadSettings | undefined, next: UploadSettings): UploadSettings {
  const profile = previous?.profile ? catalog.mappings.get(previous.profile) : undefined;
  if (!profile || !next.mapping || next.profile) return next;
  const chosen = new Map(Object.entries(next.mapping.columns).map(([header, target]) => [headerKey(header), target]));
  const agrees = profile.mapping.separator === next.mapping.separator && Object.entries(profile.mapping.columns).every(([header, target]) => !chosen.has(headerKey(header)) || chosen.get(headerKey(header)) === target);
  return agrees ? { ...next, profile: profile.name } : next;
}

/** Queues the upload's dry run with its current settings; returns the job's id. */
export function queueDryRun(catalog: Catalog, uploadsDir: string, upload: CuratorUpload, actor: string): number {
  return catalog.jobs.enqueue({ kind: 'dry_run', uploadId: upload.id, createdBy: actor, spec: specOf(uploadsDir, upload, actor) });
}

/**
 * Queues the upload's import, after the dry run of the same settings it was started from.
 * @throws ConflictError when that dry run is not the upload's latest finished one with these settings
 */
export function queueImport(catalog: Catalog, uploadsDir: string, upload: CuratorUpload, dryRunId: number, actor: string): number {
  const jobs = catalog.jobs.ofUpload<JobSpec>(upload.id);
  const dryRun = jobs.find((job) => job.id === dryRunId && job.kind === 'dry_run' && job.status === 'done');
  if (!dryRun || JSON.stringify(dryRun.spec.settings) !== JSON.stringify(upload.settings ?? DEFAULT_UPLOAD_SETTINGS)) throw new ConflictError('upload.dry_run_first');
  if (jobs.some((job) => job.kind === 'import' && (job.status === 'queued' || job.status === 'running' || job.status === 'done'))) throw new ConflictError('upload.already_imported');
  return catalog.jobs.enqueue({ kind: 'import', uploadId: upload.id, createdBy: actor, spec: specOf(uploadsDir, upload, actor) });
}

function specOf(uploadsDir: string, upload: CuratorUpload, actor: string): JobSpec {
  if (upload.status === 'imported') throw new ConflictError('upload.already_imported');
  return { uploadId: upload.id, folder: path.join(uploadsDir, upload.folder), settings: upload.settings ?? DEFAULT_UPLOAD_SETTINGS, actor };
}

function parseChoice<T extends string>(value: string, choices: readonly T[], field: string): T {
  if (!(choices as readonly string[]).includes(value)) throw new BadRequestError('upload.bad_choice', { field, received: value.slice(0, 100) });
  return value as T;
}
