import type { Catalog, StoredRecord } from '../../core/catalog/catalog.ts';
import { isPublicNow } from '../../core/catalog/visibility.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';

/** The collections' cover records that exist and the public may see, by id. */
export function readCovers(catalog: Catalog, collections: readonly ArchiveCollection[]): Map<string, StoredRecord> {
  const ids = collections.flatMap((collection) => (collection.cover ? [collection.cover] : []));
  return new Map(catalog.getRecords(ids).filter((stored) => isPublicNow(stored.visibility)).map((stored) => [stored.record.id, stored]));
}
