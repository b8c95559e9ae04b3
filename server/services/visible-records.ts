/** Which of some record ids the public may see now: for links between records (related records). */
import type { Catalog } from '../../core/catalog/catalog.ts';
import { isPublicNow } from '../../core/catalog/visibility.ts';

export function visibleRecordIds(catalog: Pick<Catalog, 'getRecords'>, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(catalog.getRecords([...new Set(ids)]).filter((stored) => isPublicNow(stored.visibility)).map((stored) => stored.record.id));
}
