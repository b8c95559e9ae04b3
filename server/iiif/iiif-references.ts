/**
 * How IIIF documents name each other and their publisher: references (id, type, label) to the
 * themed collections and the whole-archive collection, and the archive as `provider`.
 */
import { translate } from '../../core/i18n/translate.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { ARCHIVE_COLLECTION_PATH, collectionPath } from './iiif-urls.ts';
import { bilingualMap, messageMap, type LanguageMap } from './language-map.ts';

export interface LinkedResource {
  id: string;
  type: string;
  label?: LanguageMap;
  format?: string;
  language?: string[];
  profile?: string;
}

/** The archive itself, which publishes every manifest and collection. */
export function archiveProvider(publicOrigin: string): LinkedResource & { homepage: LinkedResource[] } {
  const name = messageMap('site.name');
  return { id: `${publicOrigin}/about`, type: 'Agent', label: name, homepage: [{ id: `${publicOrigin}/`, type: 'Text', label: name, format: 'text/html' }] };
}

/** A themed collection as a manifest's `partOf` or an item of the collections' list names it. */
export function collectionReference(publicOrigin: string, collection: Pick<ArchiveCollection, 'id' | 'title_zh' | 'title_en'>): LinkedResource {
  return { id: `${publicOrigin}${collectionPath(collection.id)}`, type: 'Collection', label: collectionLabel(collection) };
}

/** A themed collection's title in the languages it has (its id when it has neither). */
export function collectionLabel(collection: Pick<ArchiveCollection, 'id' | 'title_zh' | 'title_en'>): LanguageMap {
  const label = bilingualMap({ zh: collection.title_zh, en: collection.title_en });
  return Object.keys(label).length > 0 ? label : { none: [collection.id] };
}

/** The whole-archive collection, as its pages and every manifest name it in `partOf`. */
export function archiveReference(publicOrigin: string): LinkedResource {
  return { id: `${publicOrigin}${ARCHIVE_COLLECTION_PATH}`, type: 'Collection', label: archiveLabel() };
}

/** "<archive name>: all records", in both languages. */
export function archiveLabel(): LanguageMap {
  return messageMap('iiif.archive_label', (lang) => ({ site: translate(lang, 'site.name') }));
}
