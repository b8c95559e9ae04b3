/**
 * What the IIIF collections list, read from the catalog: only records the public may see now,
 * with each record's first photograph for its thumbnail. The whole archive is read in fixed pages
 * of catalog keys (`catalog.pages`); a themed collection in pages of its members.
 */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import type { Lookups } from '../catalog-lookups.ts';
import type { SiteContext } from '../site-context.ts';

/** Manifests per collection page: a page stays a few hundred kilobytes. */
export const LISTING_PAGE_SIZE = 1000;

export interface ListedRecords {
  records: StoredRecord[];
  firstImages: ReadonlyMap<string, ReadyMedia>;
  lookups: Lookups;
}

export type ListingOutcome<T> = { status: 'found'; value: T } | { status: 'not_found' } | { status: 'no_page'; last: number };

/** The numbers of the archive's pages that hold a public record. */
export function readArchivePageNumbers(site: Pick<SiteContext, 'catalog'>): number[] {
  return site.catalog.pages.numbers(LISTING_PAGE_SIZE);
}

/** One page of the whole archive; a page with no public record is no page. */
export function readArchivePage(site: Pick<SiteContext, 'catalog' | 'lookups'>, page: number): ListingOutcome<ListedRecords> {
  const records = site.catalog.pages.records(page, LISTING_PAGE_SIZE);
  if (records.length === 0) return { status: 'no_page', last: Math.max(1, readArchivePageNumbers(site).at(-1) ?? 1) };
  return { status: 'found', value: withImages(site, records) };
}

export interface CollectionListing extends ListedRecords {
  collection: ArchiveCollection;
  /** Public members in all; more than one page's worth makes the collection a collection of pages. */
  total: number;
  pageCount: number;
}

/**
 * A themed collection and its public members on `page`. Without a page it is the top document,
 * which lists members only when they fit on one page (else its pages): larger ones are counted,
 * not read.
 */
export function readCollectionListing(site: Pick<SiteContext, 'catalog' | 'lookups'>, collectionId: string, page?: number): ListingOutcome<CollectionListing> {
  const collection = site.lookups.current().collectionById.get(collectionId);
  if (!collection) return { status: 'not_found' };
  const read = (limit: number) => site.catalog.recordsInCollection(collectionId, limit, { publicOnly: true, offset: ((page ?? 1) - 1) * LISTING_PAGE_SIZE });
  const counted = page === undefined ? read(0) : undefined;
  const { records, total } = counted && counted.total > LISTING_PAGE_SIZE ? counted : read(LISTING_PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / LISTING_PAGE_SIZE));
  if ((page ?? 1) > pageCount) return { status: 'no_page', last: pageCount };
  return { status: 'found', value: { ...withImages(site, records), collection, total, pageCount } };
}

function withImages(site: Pick<SiteContext, 'catalog' | 'lookups'>, records: StoredRecord[]): ListedRecords {
  return { records, firstImages: site.catalog.media.firstOfRecords(records.map((stored) => stored.record.id)), lookups: site.lookups.current() };
}
