/** Collection cards (home page, collections index) and the collection page. */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import type { SearchResult } from '../../core/search/types.ts';
import { renderMarkdown } from '../render/render-markdown.ts';
import { collectionHref, collectionNarrative, collectionSummary, collectionTitle } from './collection-text.ts';
import type { LocalText } from './localize.ts';
import { summarizeRecord, type RecordSummary } from './record-summary.ts';
import type { SearchResultsView } from './present-search-results.ts';
import type { ThumbnailView } from '../media/present-thumbnail.ts';

export interface CollectionCardView {
  href: string;
  title: LocalText;
  summary?: LocalText;
  /** How many records the collection holds; absent when search is unavailable. */
  count?: number;
  /** The cover record, whose thumbnail stands for the collection. */
  cover?: CoverView;
}

export type CoverView = RecordSummary & { media?: ThumbnailView };

/** The covers' thumbnails by record id. */
export type Thumbnails = ReadonlyMap<string, ThumbnailView>;

export interface CollectionPageView {
  title: LocalText;
  summary?: LocalText;
  /** Sanitised HTML rendered from the curator's Markdown. */
  narrativeHtml?: LocalText;
  cover?: CoverView;
  results?: SearchResultsView;
  /** When search is down: the first records, read from the catalog, without facets. */
  fallbackList?: { records: RecordSummary[]; total: number };
}

/** Each collection's record count, read from the collection facet of a browse-everything search. */
export function collectionCounts(result: SearchResult | undefined): Map<string, number> | undefined {
  const facet = result?.facets.find((counts) => counts.key === 'collection');
  return facet && new Map(facet.values.map((entry) => [entry.value, entry.count]));
}

/** A collection as a card: title, summary, record count (when known) and cover record. */
export function presentCollectionCard(
  collection: ArchiveCollection,
  lang: Lang,
  covers: ReadonlyMap<string, StoredRecord>,
  counts: ReadonlyMap<string, number> | undefined,
  thumbnails: Thumbnails = new Map(),
): CollectionCardView {
  const summary = collectionSummary(collection, lang);
  const cover = collection.cover ? covers.get(collection.cover) : undefined;
  return {
    href: collectionHref(collection.id),
    title: collectionTitle(collection, lang),
    ...(summary && { summary }),
    ...(counts && { count: counts.get(collection.id) ?? 0 }),
    ...(cover && { cover: presentCover(cover, lang, thumbnails) }),
  };
}

/** A cover or featured record: its summary and, when it has a photograph, its thumbnail. */
export function presentCover(stored: StoredRecord, lang: Lang, thumbnails: Thumbnails): CoverView {
  const thumbnail = thumbnails.get(stored.record.id);
  return { ...summarizeRecord(stored.record, lang), ...(thumbnail && { media: thumbnail }) };
}

/** A collection's records: its own search, or, when search is down, a plain list from the catalog. */
export type CollectionSearch = { results: SearchResultsView } | { fallback: { records: readonly StoredRecord[]; total: number } };

/** A collection page: the narrative rendered safely, the cover, and its records. */
export function presentCollectionPage(
  collection: ArchiveCollection,
  lang: Lang,
  cover: StoredRecord | undefined,
  search: CollectionSearch,
  thumbnails: Thumbnails = new Map(),
): CollectionPageView {
  const summary = collectionSummary(collection, lang);
  const narrative = collectionNarrative(collection, lang);
  return {
    title: collectionTitle(collection, lang),
    ...(summary && { summary }),
    ...(narrative && { narrativeHtml: { ...narrative, value: renderMarkdown(narrative.value) } }),
    ...(cover && { cover: presentCover(cover, lang, thumbnails) }),
    ...('results' in search
      ? { results: search.results }
      : { fallbackList: { records: search.fallback.records.map((stored) => summarizeRecord(stored.record, lang)), total: search.fallback.total } }),
  };
}
