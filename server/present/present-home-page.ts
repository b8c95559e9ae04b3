/** The home page: what the archive holds, its collections, featured records, a way into search. */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import type { SearchQuery, SearchResult } from '../../core/search/types.ts';
import type { Lookups } from '../catalog-lookups.ts';
import { searchHref, toggleFilter } from '../search/search-url.ts';
import { facetValueLabel } from './facet-labels.ts';
import { collectionCounts, presentCollectionCard, presentCover, type CollectionCardView, type Thumbnails } from './present-collections.ts';
import { summarizeRecord, type RecordSummary } from './record-summary.ts';

export interface HomePageView {
  recordCount: number;
  collectionCount: number;
  collections: CollectionCardView[];
  featured: RecordSummary[];
  /** The newest records the public may see. */
  recent: RecordSummary[];
  /** Record types with their counts, as ways into search; absent when search is unavailable. */
  types?: { label: string; count: number; href: string }[];
}

/**
 * Featured records are the collections' cover records, chosen by curators in collection.yml:
 * the home page is then built from the catalog alone and keeps working when search is down.
 */
export function presentHomePage(input: {
  lang: Lang;
  recordCount: number;
  collections: readonly ArchiveCollection[];
  covers: ReadonlyMap<string, StoredRecord>;
  recent: readonly StoredRecord[];
  /** The covers' and recent records' thumbnails by record id. */
  thumbnails: Thumbnails;
  browse: { query: SearchQuery; result: SearchResult } | undefined;
  lookups: Lookups;
}): HomePageView {
  const { lang, browse } = input;
  const counts = collectionCounts(browse?.result);
  const typeCounts = browse?.result.facets.find((facet) => facet.key === 'type');
  return {
    recordCount: input.recordCount,
    collectionCount: input.collections.length,
    collections: input.collections.map((collection) => presentCollectionCard(collection, lang, input.covers, counts, input.thumbnails)),
    featured: [...input.covers.values()].map((stored) => presentCover(stored, lang, input.thumbnails)),
    recent: input.recent.map((stored) => presentCover(stored, lang, input.thumbnails)),
    ...(browse &&
      typeCounts && {
        types: typeCounts.values.map((entry) => ({
          label: facetValueLabel('type', entry.value, lang, input.lookups),
          count: entry.count,
          href: searchHref('/search', toggleFilter(browse.query, 'type', entry.value)),
        })),
      }),
  };
}
