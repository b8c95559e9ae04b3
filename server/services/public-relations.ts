/**
 * `related` cut to the records the public may see now (as on the record page), for outputs that
 * carry records whole — OAI-PMH pages, exports: a hidden record's id never leaves the archive as a
 * relation. One catalog read for a page of records.
 */
import type { Catalog } from '../../core/catalog/catalog.ts';
import { isPublicNow } from '../../core/catalog/visibility.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

/** The ids named in the records' `related` that the public may see at `now` (ms). */
export function publicRelatedIds(catalog: Pick<Catalog, 'getRecords'>, records: readonly ArchiveRecord[], now: number): ReadonlySet<string> {
  const named = [...new Set(records.flatMap((record) => record.related ?? []))];
  if (named.length === 0) return new Set();
  return new Set(catalog.getRecords(named).filter((stored) => isPublicNow(stored.visibility, now)).map((stored) => stored.record.id));
}

/** `record` with only the relations in `visible` (no `related` at all when none is left). */
export function relatedTo(record: ArchiveRecord, visible: ReadonlySet<string>): ArchiveRecord {
  if (!record.related) return record;
  const { related, ...rest } = record;
  const kept = related.filter((id) => visible.has(id));
  return kept.length > 0 ? { ...rest, related: kept } : rest;
}

/** A page of records with their relations cut to what the public may see now. */
export function withPublicRelations(catalog: Pick<Catalog, 'getRecords'>, records: readonly ArchiveRecord[], now = Date.now()): ArchiveRecord[] {
  const visible = publicRelatedIds(catalog, records, now);
  return records.map((record) => relatedTo(record, visible));
}
