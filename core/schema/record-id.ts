import { createHash } from 'node:crypto';
import { RECORD_ID_PATTERN } from './record.ts';

const MAX_SLUG_STEM = 100;

/**
 * Maps any archival identifier to a safe record id. Valid ids are kept; anything else (spaces,
 * `/`, non-ASCII, over 128 characters) becomes an ASCII slug plus a short hash of the original,
 * so the mapping is deterministic (re-imports find the same record) and collision-free in
 * practice. The caller keeps the original in `identifier`.
 */
export function toRecordId(original: string): { id: string; mapped: boolean } {
  if (RECORD_ID_PATTERN.test(original)) return { id: original, mapped: false };
  const stem = original
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_STEM)
    .replace(/-+$/, '');
  const hash = createHash('sha256').update(original).digest('hex').slice(0, 8);
  return { id: stem ? `${stem}-${hash}` : `r-${hash}`, mapped: true };
}
