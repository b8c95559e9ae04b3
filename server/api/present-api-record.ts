/**
 * Records as the JSON API shows them: `/api/v1/records/:id` from `readRecord`, and the records
 * of search hits. The record's fields come from its schema declaration (record-json.ts); this
 * adds the links, its photographs, its collections, the related records the public may see, and
 * its statements (Dublin Core, schema.org) in both languages.
 */
import { LANGUAGE_TAGS } from '../../core/i18n/language-tags.ts';
import { derivativeFileName, SIZE_NAMES, type DerivativeSize } from '../../core/media/derivatives.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { recordJson, statementJson, type LanguageMap } from '../../core/schema/record-json.ts';
import { recordStatements, recordUri } from '../../core/schema/record-statements.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { iiifInfoUrl, mediaUrl } from '../media/media-urls.ts';
import type { RecordReading } from '../services/read-record.ts';
import type { ImageJson, RecordRef, RecordResponse } from './api-schemas.ts';
import { collectionApiUrl, collectionPageUrl, recordApiUrl } from './api-urls.ts';

/** `{ "zh-Hans": zh, "en": en }` without the languages that have no value. */
export function languageMap<T>(zh: T | undefined, en: T | undefined): LanguageMap<T> {
  return { ...(zh !== undefined && { [LANGUAGE_TAGS.zh]: zh }), ...(en !== undefined && { [LANGUAGE_TAGS.en]: en }) };
}

/**
 * The record's JSON with `related` narrowed to `shownRelated`: a related id that names a hidden
 * or deleted record must not leave the archive.
 */
export function publishedRecord(record: ArchiveRecord, shownRelated: ReadonlySet<string>) {
  const related = record.related?.filter((id) => shownRelated.has(id));
  return recordJson({ ...record, related: related?.length ? related : undefined });
}

export function recordRef(record: ArchiveRecord, origin: string): RecordRef {
  return { id: record.id, title: languageMap(record.title_zh, record.title_en), links: { html: recordUri(origin, record.id), api: recordApiUrl(origin, record.id) } };
}

export function collectionRef(collection: ArchiveCollection, origin: string): RecordRef {
  return {
    id: collection.id,
    title: languageMap(collection.title_zh, collection.title_en),
    links: { html: collectionPageUrl(origin, collection.id), api: collectionApiUrl(origin, collection.id) },
  };
}

/** `/api/v1/records/:id` for a record the public may see. */
export function presentApiRecord(reading: RecordReading, origin: string): RecordResponse {
  const { record } = reading.stored;
  const related = reading.related.map((stored) => stored.record);
  const statements = recordStatements({ ...record, related: related.map((shown) => shown.id) }, { publicOrigin: origin, collectionById: reading.lookups.collectionById });
  return {
    id: record.id,
    links: { html: recordUri(origin, record.id), self: recordApiUrl(origin, record.id) },
    record: publishedRecord(record, new Set(related.map((shown) => shown.id))),
    collections: reading.collections.map((collection) => collectionRef(collection, origin)),
    related: related.map((shown) => recordRef(shown, origin)),
    images: reading.media.map((media) => presentImage(media, origin)),
    history: { versions: reading.history.versions, ...(reading.history.created && { created: reading.history.created }), modified: reading.history.modified },
    metadata: statements.map(statementJson),
  };
}

function presentImage(media: ReadyMedia, origin: string): ImageJson {
  const derivative = (size: DerivativeSize) => ({ url: `${origin}${mediaUrl(media.hash, derivativeFileName(size, 'jpeg'))}`, ...media.derivatives[size] });
  return {
    width: media.width,
    height: media.height,
    iiif_info: `${origin}${iiifInfoUrl(media.hash)}`,
    derivatives: Object.fromEntries(SIZE_NAMES.map((size) => [size, derivative(size)])) as Record<DerivativeSize, ReturnType<typeof derivative>>,
  };
}
