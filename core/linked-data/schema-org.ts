/**
 * A record as schema.org JSON-LD for its page (search engines, Zotero, Europeana's crawler): one
 * object, language-tagged, of the `@type` its record type is, with only the properties schema.org
 * defines for that type. Properties come from the schema's declaration (`FieldMeta.schemaOrg`,
 * through `recordStatements`), numbers and places from the record itself.
 */
import type { ArchiveCollection } from '../schema/collection.ts';
import { recordStatements, recordUri, type StatementValue } from '../schema/record-statements.ts';
import type { ArchiveRecord } from '../schema/record.ts';
import type { RecordType } from '../schema/vocabularies.ts';
import { isoYear } from './iso-year.ts';

/** Sites, buildings and other places are historic landmarks; holdings of the archive are archive components. */
const TYPES: Record<RecordType, string> = {
  site: 'LandmarksOrHistoricalBuildings',
  'canal-section': 'LandmarksOrHistoricalBuildings',
  bridge: 'LandmarksOrHistoricalBuildings',
  seawall: 'LandmarksOrHistoricalBuildings',
  building: 'LandmarksOrHistoricalBuildings',
  temple: 'LandmarksOrHistoricalBuildings',
  tomb: 'LandmarksOrHistoricalBuildings',
  stele: 'LandmarksOrHistoricalBuildings',
  landscape: 'LandmarksOrHistoricalBuildings',
  artifact: 'ArchiveComponent',
  document: 'ArchiveComponent',
  photograph: 'Photograph',
  intangible: 'CreativeWork',
};

/** What schema.org lets a Place say of the properties declared for creative works, and what it calls them. */
const ON_A_PLACE: Record<string, string | undefined> = { spatialCoverage: 'containedInPlace', temporalCoverage: undefined, isPartOf: undefined, citation: undefined, copyrightNotice: undefined };

export interface JsonLdContext {
  publicOrigin: string;
  collectionById: ReadonlyMap<string, ArchiveCollection>;
  modified: string;
  /** An absolute URL of the record's first image, if it has one. */
  image?: string;
}

type JsonValue = string | number | { [key: string]: JsonValue } | JsonValue[];

export function schemaOrgOf(record: ArchiveRecord, context: JsonLdContext): Record<string, JsonValue> {
  const type = record.type ? TYPES[record.type] : 'CreativeWork';
  const isPlace = type === 'LandmarksOrHistoricalBuildings';
  const url = recordUri(context.publicOrigin, record.id);
  const object: Record<string, JsonValue> = { '@context': 'https://schema.org', '@type': type, '@id': url, url, identifier: record.id, dateModified: context.modified };
  for (const statement of recordStatements(record, context)) {
    const declared = statement.schemaOrg;
    if (!declared || ['identifier', 'geo', 'temporalCoverage', 'isPartOf'].includes(declared)) continue;
    const property = isPlace && declared in ON_A_PLACE ? ON_A_PLACE[declared] : declared;
    if (!property) continue;
    const values = statement.values.map(tagged);
    const shaped = property === 'containedInPlace' || property === 'spatialCoverage' ? values.map((name) => ({ '@type': 'Place', name })) : values;
    object[property] = [...((object[property] as JsonValue[] | undefined) ?? []), ...shaped];
  }
  if (record.lat !== undefined && record.lon !== undefined && isPlace) object.geo = { '@type': 'GeoCoordinates', latitude: record.lat, longitude: record.lon };
  if (!isPlace && record.start_year !== undefined) object.temporalCoverage = `${isoYear(record.start_year)}/${isoYear(record.end_year ?? record.start_year)}`;
  if (!isPlace && record.collections?.length) {
    object.isPartOf = record.collections.map((id) => ({ '@type': 'Collection', '@id': `${context.publicOrigin}/collections/${encodeURIComponent(id)}`, name: collectionNames(context.collectionById.get(id), id) }));
  }
  if (context.image) object.image = context.image;
  return object;
}

/** The JSON-LD as the text of a `<script type="application/ld+json">`: nothing in it can end the element. */
export function jsonLdScriptText(object: object): string {
  return JSON.stringify(object).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function tagged(value: StatementValue): JsonValue {
  return value.lang ? { '@value': value.value, '@language': value.lang === 'zh' ? 'zh-Hans' : 'en' } : value.value;
}

function collectionNames(collection: ArchiveCollection | undefined, id: string): JsonValue {
  if (!collection) return id;
  return [
    ...(collection.title_zh ? [{ '@value': collection.title_zh, '@language': 'zh-Hans' }] : []),
    ...(collection.title_en ? [{ '@value': collection.title_en, '@language': 'en' }] : []),
  ];
}
