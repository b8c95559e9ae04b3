/**
 * A record as Linked Art (linked.art API 1.0): a `HumanMadeObject` for bridges, buildings,
 * seawalls, steles, artefacts, documents and photographs, a `Place` for sites and landscapes.
 * Bilingual names and descriptions carry their language (Getty AAT), the production's timespan
 * is in ISO 8601 astronomical years (BCE included), its place a WKT point. Intangible heritage
 * has no Linked Art class among these and gets none (`undefined`).
 */
import type { ArchiveRecord } from '../schema/record.ts';
import { recordUri } from '../schema/record-statements.ts';
import type { RecordType } from '../schema/vocabularies.ts';
import { isoYearInstant } from './iso-year.ts';

export const LINKED_ART_CONTEXT = 'https://linked.art/ns/v1/linked-art.json';

const AAT = 'http://vocab.getty.edu/aat/';
const LANGUAGES = {
  zh: { id: `${AAT}300388113`, type: 'Language', _label: 'Chinese' },
  en: { id: `${AAT}300388277`, type: 'Language', _label: 'English' },
} as const;
const PRIMARY_NAME = { id: `${AAT}300404670`, type: 'Type', _label: 'Primary Name' };
const DESCRIPTION = { id: `${AAT}300080091`, type: 'Type', _label: 'Description' };
const BRIEF_TEXT = { id: `${AAT}300418049`, type: 'Type', _label: 'Brief Text' };
const WEB_PAGE = { id: `${AAT}300264578`, type: 'Type', _label: 'Web Page' };

const PLACES: ReadonlySet<RecordType> = new Set(['site', 'landscape']);
const NOT_MODELLED: ReadonlySet<RecordType> = new Set(['intangible']);

type Json = string | number | Json[] | { [key: string]: Json };

/** The address of a record's Linked Art document. */
export function linkedArtUrl(publicOrigin: string, id: string): string {
  return `${publicOrigin}/records/${encodeURIComponent(id)}.linkedart.json`;
}

export function linkedArtOf(record: ArchiveRecord, publicOrigin: string): Record<string, Json> | undefined {
  if (record.type && NOT_MODELLED.has(record.type)) return undefined;
  const isPlace = record.type !== undefined && PLACES.has(record.type);
  const id = linkedArtUrl(publicOrigin, record.id);
  const document: Record<string, Json> = {
    '@context': LINKED_ART_CONTEXT,
    id,
    type: isPlace ? 'Place' : 'HumanMadeObject',
    _label: record.title_en ?? record.title_zh ?? record.id,
    identified_by: [
      ...(['zh', 'en'] as const).flatMap((lang) => {
        const title = record[`title_${lang}`];
        return title ? [{ type: 'Name', content: title, language: [LANGUAGES[lang]], classified_as: [PRIMARY_NAME] }] : [];
      }),
      { type: 'Identifier', content: record.id },
    ],
  };
  const descriptions = (['zh', 'en'] as const).flatMap((lang) => {
    const text = record[`description_${lang}`];
    return text ? [{ type: 'LinguisticObject', content: text, language: [LANGUAGES[lang]], classified_as: [{ ...DESCRIPTION, classified_as: [BRIEF_TEXT] }] }] : [];
  });
  if (descriptions.length > 0) document.referred_to_by = descriptions;
  const point = record.lat !== undefined && record.lon !== undefined ? `POINT(${record.lon} ${record.lat})` : undefined;
  if (isPlace) {
    if (point) document.defined_by = point;
  } else {
    const production = productionOf(record, id, point);
    if (production) document.produced_by = production;
  }
  document.subject_of = [
    { type: 'LinguisticObject', _label: record.title_en ?? record.title_zh ?? record.id, classified_as: [WEB_PAGE], digitally_carried_by: [{ type: 'DigitalObject', access_point: [{ id: recordUri(publicOrigin, record.id), type: 'DigitalObject' }] }] },
  ];
  return document;
}

function productionOf(record: ArchiveRecord, id: string, point: string | undefined): Record<string, Json> | undefined {
  const production: Record<string, Json> = { type: 'Production' };
  if (record.start_year !== undefined || record.end_year !== undefined) {
    const begin = record.start_year ?? record.end_year!;
    const end = record.end_year ?? record.start_year!;
    production.timespan = { type: 'TimeSpan', begin_of_the_begin: isoYearInstant(begin, 'begin'), end_of_the_end: isoYearInstant(end, 'end') };
  }
  const place = record.place_en ?? record.place_zh;
  if (point || place) production.took_place_at = [{ id: `${id}#production-place`, type: 'Place', ...(place && { _label: place }) }];
  return Object.keys(production).length > 1 ? production : undefined;
}
