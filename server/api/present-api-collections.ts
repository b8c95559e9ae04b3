/** Themed collections as the JSON API shows them: both languages, record counts, cover, links. */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { API_V1, collectionApiUrl, collectionPageUrl } from './api-urls.ts';
import type { CollectionJson } from './api-schemas.ts';
import { languageMap, recordRef } from './present-api-record.ts';

export interface CollectionContext {
  origin: string;
  /** Records per collection, when search can say. */
  counts?: ReadonlyMap<string, number>;
  /** Cover records the public may see, by id. */
  covers: ReadonlyMap<string, StoredRecord>;
}

export function presentApiCollection(collection: ArchiveCollection, { origin, counts, covers }: CollectionContext): CollectionJson {
  const summary = languageMap(collection.summary_zh, collection.summary_en);
  const narrative = languageMap(collection.narrative_zh, collection.narrative_en);
  const cover = collection.cover ? covers.get(collection.cover) : undefined;
  return {
    id: collection.id,
    order: collection.order,
    title: languageMap(collection.title_zh, collection.title_en),
    ...(Object.keys(summary).length > 0 && { summary }),
    ...(Object.keys(narrative).length > 0 && { narrative }),
    ...(counts && { record_count: counts.get(collection.id) ?? 0 }),
    ...(cover && { cover: recordRef(cover.record, origin) }),
    links: { html: collectionPageUrl(origin, collection.id), api: collectionApiUrl(origin, collection.id), records: `${origin}${API_V1}/search?collection=${encodeURIComponent(collection.id)}` },
  };
}
