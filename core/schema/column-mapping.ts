/**
 * How the columns of a curator's file fill the record's fields: what the preview page's form
 * posts, what a saved mapping profile keeps (`ingest --mapping NAME`), what the import reads.
 * Columns it does not name are matched automatically (core/schema/column-names.ts).
 */
import * as z from 'zod';
import { CATALOG_COLUMNS, RECORD_FIELDS } from './record.ts';
import type { ImportTarget } from './column-names.ts';

export const IMPORT_TARGETS: readonly ImportTarget[] = [...RECORD_FIELDS, ...CATALOG_COLUMNS];
export const LIST_SEPARATORS = [';', ',', '|', '、', '/'] as const;
export const DEFAULT_LIST_SEPARATOR = ';';

export interface ColumnMapping {
  /** A column's header as written → the field it fills, or `null` to leave the column out. */
  columns: Record<string, ImportTarget | null>;
  /** What separates the items of a list cell (keywords, images, collections, related). */
  separator: string;
}

export const columnMappingSchema: z.ZodType<ColumnMapping> = z.strictObject({
  columns: z.record(z.string().min(1).max(200), z.enum(IMPORT_TARGETS as [ImportTarget, ...ImportTarget[]]).nullable()).refine((columns) => Object.keys(columns).length <= 500),
  separator: z.enum(LIST_SEPARATORS).default(DEFAULT_LIST_SEPARATOR),
}) as unknown as z.ZodType<ColumnMapping>;

/** A header as the mapping compares it: NFKC, trimmed, lower case. */
export function headerKey(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase();
}
