/**
 * The one read of a record behind every output — its page, the JSON API, IIIF manifests,
 * citations, Linked Data: the record, the related records that may be shown, its photographs, its
 * collections and a summary of its history. A deleted record is `gone` (410, with its tombstone);
 * a hidden or still-embargoed one is `not_found` to the public, exactly like an id that never
 * existed, so nothing about it leaks.
 */
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { Tombstone } from '../../core/catalog/tombstones.ts';
import { isPublicNow } from '../../core/catalog/visibility.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import type { Lookups } from '../catalog-lookups.ts';
import type { SiteContext } from '../site-context.ts';
import type { Audience } from './search-records.ts';

export interface RecordHistorySummary {
  versions: number;
  /** When the record was first written, as far as its history knows. */
  created?: string;
  modified: string;
}

export interface RecordReading {
  status: 'found';
  stored: StoredRecord;
  /** The records named in `related` that exist and the audience may see, in that order. */
  related: StoredRecord[];
  media: ReadyMedia[];
  /** Its collections that exist, in the record's order. */
  collections: ArchiveCollection[];
  history: RecordHistorySummary;
  lookups: Lookups;
}

export type RecordOutcome = RecordReading | { status: 'gone'; tombstone: Tombstone } | { status: 'not_found' };

export function readRecord(site: Pick<SiteContext, 'catalog' | 'lookups'>, id: string, options: { audience?: Audience } = {}): RecordOutcome {
  const { catalog } = site;
  const visible = (stored: StoredRecord) => options.audience === 'curator' || isPublicNow(stored.visibility);
  const stored = catalog.getRecord(id);
  if (!stored) {
    const tombstone = catalog.getTombstone(id);
    return tombstone ? { status: 'gone', tombstone } : { status: 'not_found' };
  }
  if (!visible(stored)) return { status: 'not_found' };
  const lookups = site.lookups.current();
  const first = catalog.history.first(id);
  return {
    status: 'found',
    stored,
    related: catalog.getRecords(stored.record.related ?? []).filter(visible),
    media: catalog.media.ofRecord(id),
    collections: (stored.record.collections ?? []).flatMap((collectionId) => lookups.collectionById.get(collectionId) ?? []),
    history: { versions: catalog.history.count(id), ...(first && { created: first.at }), modified: stored.modified },
    lookups,
  };
}
