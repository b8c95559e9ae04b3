/**
 * A folder of photographs becomes one record per photograph: id from the file name, title from
 * the IPTC/XMP headline or caption (or the file name), type `photograph`, dated by the capture
 * date. An optional sidecar (`sidecar.csv`, `.json` or `.jsonl`, the import template's columns)
 * supplies fields: a row whose `images` names the file, or whose `id` is the file's name without
 * extension, describes that photograph. Rows that describe no photograph are imported as they are.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { ImageMetadata } from '../../core/media/image-metadata.ts';
import { toRecordId } from '../../core/schema/record-id.ts';
import type { RawRow } from '../../core/schema/validate-record.ts';
import type { PhotoFolder, RecordFile } from '../find-inputs.ts';
import { openRecordFile } from '../read/record-readers.ts';
import type { ReadOptions, SourceItem } from '../read/source-item.ts';

const MAX_TITLE = 200;

export interface PhotoFolderOptions {
  /** Real paths of photographs a record file of this run already shows; they get no record of their own. */
  skip: ReadonlySet<string>;
  metadataOf: (file: string) => Promise<ImageMetadata>;
  /** How to read the sidecar (encoding, mapping), as for any record file of the run. */
  read?: Omit<ReadOptions, 'onPlan'>;
}

/** The folder's records, in photograph order; line numbers are the sidecar's (0 for a photograph without a row). */
export async function readPhotoFolder(folder: PhotoFolder, options: PhotoFolderOptions): Promise<SourceItem[]> {
  const rows = folder.sidecar ? await readSidecar(folder.sidecar, options.read ?? {}) : [];
  const emitted = new Set<SourceItem>();
  const usedIds = new Set<string>();
  const items: SourceItem[] = [];
  for (const photo of folder.photos) {
    if (options.skip.has(await realpath(photo).catch(() => photo))) continue;
    const name = path.basename(photo);
    const row = rows.find((item) => 'fields' in item && describes(item.fields, name));
    if (row && emitted.has(row)) continue; // a row naming several photographs is one record
    const defaults = photoDefaults(name, await options.metadataOf(photo), usedIds);
    if (!row || !('fields' in row)) {
      items.push({ line: 0, fields: defaults });
      continue;
    }
    emitted.add(row);
    items.push({ line: row.line, fields: { ...defaults, ...filledIn(row.fields) } });
  }
  return [...items, ...rows.filter((row) => !emitted.has(row))];
}

async function readSidecar(sidecar: RecordFile, read: Omit<ReadOptions, 'onPlan'>): Promise<SourceItem[]> {
  const opened = await openRecordFile(sidecar.file, sidecar.format, read);
  const rows: SourceItem[] = [];
  for await (const item of opened.read()) rows.push(item);
  return rows;
}

/** Does this sidecar row describe the photograph `name`? */
function describes(fields: RawRow, name: string): boolean {
  const images = imageNames(fields.images);
  if (images.length > 0) return images.includes(name);
  const id = typeof fields.id === 'string' || typeof fields.id === 'number' ? String(fields.id).trim() : '';
  return id !== '' && (id === stemOf(name) || photoIdOf(id) === photoIdOf(stemOf(name)));
}

function photoDefaults(name: string, metadata: ImageMetadata, usedIds: Set<string>): Record<string, unknown> {
  let id = photoIdOf(stemOf(name));
  if (usedIds.has(id)) id = photoIdOf(name); // photo.jpg and photo.png in one folder
  usedIds.add(id);
  const title = shorten(metadata.headline ?? metadata.caption ?? stemOf(name));
  const fields: Record<string, unknown> = { id, identifier: name, type: 'photograph', [`title_${languageOf(title)}`]: title, images: name };
  if (metadata.caption && metadata.caption !== title) fields[`description_${languageOf(metadata.caption)}`] = metadata.caption;
  if (metadata.captureDate) fields.start_year = metadata.captureDate.slice(0, 4);
  if (metadata.copyright) fields.rights = metadata.copyright;
  return fields;
}

/** Ids from file names are lower-cased first, so `IMG_0042.JPG` becomes `img_0042` rather than a hashed slug. */
export function photoIdOf(name: string): string {
  return toRecordId(name.toLowerCase()).id;
}

function stemOf(name: string): string {
  return path.basename(name, path.extname(name));
}

function imageNames(value: unknown): string[] {
  const items = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : [];
  return items.map((item) => String(item).trim()).filter(Boolean);
}

/** Sidecar cells left empty keep the photograph's own value. */
function filledIn(fields: RawRow): RawRow {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '')));
}

function languageOf(text: string): 'zh' | 'en' {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

function shorten(text: string): string {
  return text.length > MAX_TITLE ? `${text.slice(0, MAX_TITLE - 1)}…` : text;
}
