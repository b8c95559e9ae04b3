/**
 * The limits on what a curator may hand the archive, declared once: the web upload, the ZIP of a
 * record file and photographs, and the XLSX workbook (itself a ZIP) read by the importer. Each
 * refusal names the limit it hit.
 */
import type { ZipLimits } from './read-zip.ts';

const MB = 1024 * 1024;

export const IMPORT_LIMITS = {
  /** One uploaded file (a photograph, a record file, a ZIP). */
  uploadFileBytes: 2048 * MB,
  /** Files in one upload (a ZIP counts as one; its entries count against `zip.maxEntries`). */
  uploadFiles: 500,
  /** All files of one upload together. */
  uploadTotalBytes: 4096 * MB,
  zip: { maxEntries: 5000, maxTotalBytes: 8192 * MB, maxRatio: 200, ratioFloorBytes: 16 * MB } satisfies ZipLimits,
  /** An XLSX's parts: far below what would take the importer's memory. */
  workbookZip: { maxEntries: 2000, maxTotalBytes: 400 * MB, maxRatio: 400, ratioFloorBytes: 16 * MB } satisfies ZipLimits,
  /** Cells of a workbook read for an import: the template's 23 columns × ~20,000 rows. Larger sheets go as CSV. */
  workbookCells: 500_000,
  workbookBytes: 200 * MB,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;
