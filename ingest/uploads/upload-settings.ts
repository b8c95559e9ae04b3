/**
 * What a curator chooses for an upload on its mapping page, kept with the upload and given to
 * its dry run and its import alike (the same settings, so the import is what was previewed).
 */
import type { ColumnMapping } from '../../core/schema/column-mapping.ts';
import type { ImportMode } from '../import-policy.ts';
import type { TextEncoding } from '../read/text-encodings.ts';

export interface UploadSettings {
  /** The encoding chosen over the detected one; absent: detected. */
  encoding?: TextEncoding;
  /** A workbook's sheet; absent: the first with an id column. */
  sheet?: string;
  /** Every column's field (or `null`: left out) and the list separator; absent: matched by name. */
  mapping?: ColumnMapping;
  /** The saved mapping profile `mapping` came from (applied or saved on the page, and not changed since). */
  profile?: string;
  mode: ImportMode;
}

export const DEFAULT_UPLOAD_SETTINGS: UploadSettings = { mode: 'upsert' };

/** The reading options of the import core for these settings. */
export function readOptionsOfSettings(settings: UploadSettings): { encoding?: TextEncoding; sheet?: string; mapping?: ColumnMapping } {
  return { ...(settings.encoding && { encoding: settings.encoding }), ...(settings.sheet && { sheet: settings.sheet }), ...(settings.mapping && { mapping: settings.mapping }) };
}
