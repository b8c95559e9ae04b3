/**
 * A record as a IIIF Presentation 3 Manifest, generated from the statements the schema declares
 * (`recordStatements`): the title statement is the `label`, the description the `summary`, the
 * rights the `requiredStatement` (and `rights`, when the text names a licence or statement), and
 * every other statement a `metadata` pair — all as zh-Hans/en language maps. Time and place come
 * from the record's start year (`navDate`) and its line or point (`navPlace`). `seeAlso` names
 * the same record's machine-readable descriptions: Linked Art and the CSL-JSON citation.
 */
import { CITATION_DOWNLOADS } from '../../core/cite/cite-record.ts';
import { linkedArtOf, linkedArtUrl, LINKED_ART_CONTEXT } from '../../core/linked-data/linked-art.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { recordStatements, recordUri, type Statement } from '../../core/schema/record-statements.ts';
import { rightsUri } from '../../core/schema/rights-uri.ts';
import { citationHref } from '../present/present-citation.ts';
import type { RecordReading } from '../services/read-record.ts';
import { imageResource, presentCanvases, type Canvas, type ImageResource } from './present-canvas.ts';
import { archiveProvider, archiveReference, collectionReference, type LinkedResource } from './iiif-references.ts';
import { manifestPath, NAVPLACE_CONTEXT, PRESENTATION_CONTEXT } from './iiif-urls.ts';
import { languageMap, messageMap, plainTextValue, type LanguageMap } from './language-map.ts';
import { navDateOf } from './nav-date.ts';
import { navPlaceOf, type NavPlace } from './nav-place.ts';

export interface LabelValue {
  label: LanguageMap;
  value: LanguageMap;
}

export interface Manifest {
  '@context': string | string[];
  id: string;
  type: 'Manifest';
  label: LanguageMap;
  summary?: LanguageMap;
  metadata: LabelValue[];
  requiredStatement?: LabelValue;
  rights?: string;
  provider: (LinkedResource & { homepage: LinkedResource[] })[];
  navDate?: string;
  navPlace?: NavPlace;
  thumbnail?: ImageResource[];
  homepage: LinkedResource[];
  seeAlso: LinkedResource[];
  partOf: LinkedResource[];
  items: Canvas[];
}

/** Statements with these Dublin Core elements have a property of their own rather than a metadata pair. */
const OWN_PROPERTY = new Set(['title', 'description', 'rights']);

/** The manifest of a record as `readRecord` found it. */
export function presentManifest(reading: Pick<RecordReading, 'stored' | 'related' | 'media' | 'collections' | 'lookups'>, publicOrigin: string): Manifest {
  const record = publicRecordOf(reading);
  const id = `${publicOrigin}${manifestPath(record.id)}`;
  const statements = recordStatements(record, { publicOrigin, collectionById: reading.lookups.collectionById });
  const byElement = (dc: string) => statements.find((statement) => statement.dc === dc);
  const label = recordLabel(statements, record.id);
  const summary = byElement('description');
  const rights = byElement('rights');
  const year = record.start_year ?? record.end_year;
  const navPlace = navPlaceOf(record, id, label);
  const licence = rightsUri(record.rights);
  const first = reading.media[0];
  return {
    '@context': navPlace ? [NAVPLACE_CONTEXT, PRESENTATION_CONTEXT] : PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label,
    ...(summary && { summary: languageMap(summary.values, plainTextValue) }),
    metadata: statements.filter((statement) => !OWN_PROPERTY.has(statement.dc ?? '')).map(labelValue),
    ...(rights && { requiredStatement: labelValue(rights) }),
    ...(licence && { rights: licence }),
    provider: [archiveProvider(publicOrigin)],
    ...(year !== undefined && { navDate: navDateOf(year) }),
    ...(navPlace && { navPlace }),
    ...(first && { thumbnail: [imageResource(first, 'thumb', publicOrigin)] }),
    homepage: recordHomepages(publicOrigin, record.id, label),
    seeAlso: recordDescriptions(record, publicOrigin),
    partOf: [...reading.collections.map((collection) => collectionReference(publicOrigin, collection)), archiveReference(publicOrigin)],
    items: presentCanvases(reading.media, id, publicOrigin),
  };
}

/**
 * The record as the public may know it: related records that are hidden or never existed, and
 * collections that do not exist, are left out (`readRecord` found which remain), so no
 * statement names them.
 */
function publicRecordOf(reading: Pick<RecordReading, 'stored' | 'related' | 'collections'>): ArchiveRecord {
  const { record } = reading.stored;
  return {
    ...record,
    ...(record.related && { related: reading.related.map((related) => related.record.id) }),
    ...(record.collections && { collections: reading.collections.map((collection) => collection.id) }),
  };
}

/** The record's title in both languages (its id when, against the schema, it has none). */
export function recordLabel(statements: readonly Statement[], recordId: string): LanguageMap {
  const title = statements.find((statement) => statement.dc === 'title');
  return title ? languageMap(title.values) : { none: [recordId] };
}

function labelValue(statement: Statement): LabelValue {
  return { label: messageMap(statement.label), value: languageMap(statement.values, plainTextValue) };
}

/** The record page, once per language (the page itself also follows the visitor's browser). */
function recordHomepages(publicOrigin: string, recordId: string, label: LanguageMap): LinkedResource[] {
  const page = recordUri(publicOrigin, recordId);
  return [
    { id: `${page}?lang=zh`, type: 'Text', label, format: 'text/html', language: ['zh-Hans'] },
    { id: `${page}?lang=en`, type: 'Text', label, format: 'text/html', language: ['en'] },
  ];
}

/** The record's own data elsewhere: its Linked Art (every type but intangible heritage has one) and its citation. */
function recordDescriptions(record: ArchiveRecord, publicOrigin: string): LinkedResource[] {
  const citation: LinkedResource = { id: `${publicOrigin}${citationHref(record.id, 'csl')}`, type: 'Dataset', label: messageMap('iiif.see_also_citation'), format: CITATION_DOWNLOADS.csl.type };
  if (!linkedArtOf(record, publicOrigin)) return [citation];
  const linkedArt = { id: linkedArtUrl(publicOrigin, record.id), type: 'Dataset', label: messageMap('iiif.see_also_linked_art'), format: 'application/ld+json', profile: LINKED_ART_CONTEXT };
  return [linkedArt, citation];
}
