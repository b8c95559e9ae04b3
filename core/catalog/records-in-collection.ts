/**
 * A collection's records read straight from the catalog, for the collection page when the search
 * engine is down (pages that can work without search must keep working: bad-inputs.md row 34).
 */
import type { Catalog, StoredRecord } from './catalog.ts';

/** The first `limit` records (catalog order) that belong to `collectionId`, and how many belong in all. */
export function readRecordsInCollection(catalog: Catalog, collectionId: string, limit: number): { records: StoredRecord[]; total: number } {
  const member = 'FROM records, json_each(records.collections) AS c WHERE c.value = ?';
  const seqs = catalog.db
    .prepare<[string, number], { seq: number }>(`SELECT records.seq AS seq ${member} ORDER BY records.seq LIMIT ?`)
    .all(collectionId, limit)
    .map((row) => row.seq);
  const total = catalog.db.prepare<[string], { n: number }>(`SELECT count(*) AS n ${member}`).get(collectionId)?.n ?? 0;
  return { records: catalog.getRecordsBySeq(seqs), total };
}
