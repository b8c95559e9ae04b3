/**
 * IIIF Presentation 3 Collections: the whole archive, each themed collection, and their pages.
 * Presentation 3 has no paging of its own (3.0 dropped 2.1's `first`/`next` for Collections,
 * IIIF/api#1343): a large collection is a Collection of page Collections, each page listing its
 * manifests, which is how every viewer already walks nested collections.
 */
import { translate } from '../../core/i18n/translate.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { recordStatements } from '../../core/schema/record-statements.ts';
import { collectionHref } from '../present/collection-text.ts';
import { imageResource, type ImageResource } from './present-canvas.ts';
import { archiveLabel, archiveProvider, archiveReference, collectionLabel, collectionReference, type LinkedResource } from './iiif-references.ts';
import { archivePagePath, ARCHIVE_COLLECTION_PATH, collectionPagePath, collectionPath, manifestPath, PRESENTATION_CONTEXT } from './iiif-urls.ts';
import { bilingualMap, messageMap, plainTextValue, type LanguageMap } from './language-map.ts';
import { recordLabel } from './present-manifest.ts';
import { LISTING_PAGE_SIZE, type CollectionListing, type ListedRecords } from './read-listings.ts';

export interface CollectionItem extends LinkedResource {
  thumbnail?: ImageResource[];
}

export interface Collection {
  '@context': string;
  id: string;
  type: 'Collection';
  label: LanguageMap;
  summary?: LanguageMap;
  provider: LinkedResource[];
  homepage?: LinkedResource[];
  partOf?: LinkedResource[];
  items: CollectionItem[];
}

/** The whole archive: its pages. */
export function presentArchiveCollection(pageNumbers: readonly number[], publicOrigin: string): Collection {
  return {
    ...frame(`${publicOrigin}${ARCHIVE_COLLECTION_PATH}`, archiveLabel(), publicOrigin),
    summary: messageMap('iiif.archive_summary', { size: LISTING_PAGE_SIZE }),
    homepage: [{ id: `${publicOrigin}/search`, type: 'Text', label: archiveLabel(), format: 'text/html' }],
    items: pageNumbers.map((page) => ({ id: `${publicOrigin}${archivePagePath(page)}`, type: 'Collection', label: pageLabel(archiveLabel(), page) })),
  };
}

/** One page of the whole archive. */
export function presentArchivePage(page: number, listed: ListedRecords, publicOrigin: string): Collection {
  return {
    ...frame(`${publicOrigin}${archivePagePath(page)}`, pageLabel(archiveLabel(), page), publicOrigin),
    partOf: [archiveReference(publicOrigin)],
    items: manifestReferences(listed, publicOrigin),
  };
}

/** Every themed collection. */
export function presentThemedCollections(collections: readonly ArchiveCollection[], publicOrigin: string): Collection {
  return {
    ...frame(`${publicOrigin}/iiif/collections`, messageMap('iiif.collections_label', (lang) => ({ site: translate(lang, 'site.name') })), publicOrigin),
    homepage: [{ id: `${publicOrigin}/collections`, type: 'Text', label: messageMap('site.collections.title'), format: 'text/html' }],
    items: collections.map((collection) => collectionReference(publicOrigin, collection)),
  };
}

/** A themed collection: its manifests, or its pages when it has more members than a page holds. */
export function presentThemedCollection(listing: CollectionListing, publicOrigin: string): Collection {
  const { collection, pageCount } = listing;
  const label = collectionLabel(collection);
  const summary = bilingualMap({ zh: collection.summary_zh, en: collection.summary_en });
  return {
    ...frame(`${publicOrigin}${collectionPath(collection.id)}`, label, publicOrigin),
    ...(Object.keys(summary).length > 0 && { summary: mapValues(summary, plainTextValue) }),
    homepage: [{ id: `${publicOrigin}${collectionHref(collection.id)}`, type: 'Text', label, format: 'text/html' }],
    partOf: [{ id: `${publicOrigin}/iiif/collections`, type: 'Collection' }],
    items:
      pageCount > 1
        ? Array.from({ length: pageCount }, (_, index) => ({ id: `${publicOrigin}${collectionPagePath(collection.id, index + 1)}`, type: 'Collection', label: pageLabel(label, index + 1) }))
        : manifestReferences(listing, publicOrigin),
  };
}

/** One page of a themed collection. */
export function presentThemedCollectionPage(page: number, listing: CollectionListing, publicOrigin: string): Collection {
  const label = collectionLabel(listing.collection);
  return {
    ...frame(`${publicOrigin}${collectionPagePath(listing.collection.id, page)}`, pageLabel(label, page), publicOrigin),
    partOf: [collectionReference(publicOrigin, listing.collection)],
    items: manifestReferences(listing, publicOrigin),
  };
}

function frame(id: string, label: LanguageMap, publicOrigin: string): Pick<Collection, '@context' | 'id' | 'type' | 'label' | 'provider'> {
  return { '@context': PRESENTATION_CONTEXT, id, type: 'Collection', label, provider: [archiveProvider(publicOrigin)] };
}

function manifestReferences({ records, firstImages, lookups }: ListedRecords, publicOrigin: string): CollectionItem[] {
  return records.map(({ record }) => {
    const image = firstImages.get(record.id);
    return {
      id: `${publicOrigin}${manifestPath(record.id)}`,
      type: 'Manifest',
      label: recordLabel(recordStatements(record, { publicOrigin, collectionById: lookups.collectionById }), record.id),
      ...(image && { thumbnail: [imageResource(image, 'thumb', publicOrigin)] }),
    };
  });
}

/** "<collection>, page 3" in each language the collection's own label has. */
function pageLabel(label: LanguageMap, page: number): LanguageMap {
  const pageOf = (lang: 'zh' | 'en', title: string) => translate(lang, 'iiif.page_label', { title, n: page });
  return Object.fromEntries(Object.entries(label).map(([language, [title]]) => [language, [pageOf(language === 'zh-Hans' ? 'zh' : 'en', title ?? '')]]));
}

function mapValues(map: LanguageMap, form: (value: string) => string): LanguageMap {
  return Object.fromEntries(Object.entries(map).map(([language, values]) => [language, values.map(form)]));
}
