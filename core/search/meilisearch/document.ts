/**
 * A catalog record as a Meilisearch document: every schema field under its own name (so hits
 * rebuild the record), plus helper fields Meilisearch needs — facet values as the facet
 * declaration computes them, Chinese pair tokens per search column, pinyin for names, the
 * record's words for "did you mean" (vocabulary-field.ts), sort keys and `_geo`.
 */
import type { StoredRecord } from '../../catalog/catalog.ts';
import { visibleFrom } from '../../catalog/visibility.ts';
import { FACETS, facetValuesOf, type FacetKey } from '../../schema/facets.ts';
import { envelopeOf } from '../../schema/geometry.ts';
import { RECORD_FIELDS, type ArchiveRecord, type SearchColumn } from '../../schema/record.ts';
import { derivedEnglishNames, pinyinSource, SEARCH_COLUMNS, searchableText } from '../searchable-text.ts';
import { CHINESE_SYNONYMS } from '../synonyms.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { ArchiveTokenizer } from '../tokenizer.ts';
import { hanIndexText } from './han-tokens.ts';
import { pinyinIndexText } from './pinyin-tokens.ts';
import { titleSortKey } from './sort-keys.ts';
import { VOCABULARY_ATTRIBUTE, vocabularyOf } from './vocabulary-field.ts';

export const PRIMARY_KEY = 'id';
/** What Meilisearch accepts as a document id (and at most 511 bytes). */
export const MEILI_ID_PATTERN = /^[A-Za-z0-9_-]{1,511}$/;

/** Facet values live in their own fields: `admin_area` the record field is one path, the facet is every level of it. */
export function facetAttribute(key: FacetKey): string {
  return `facet_${key}`;
}

export function hanAttribute(column: SearchColumn): string {
  return `han_${column}`;
}

export const HAN_ATTRIBUTES: readonly string[] = SEARCH_COLUMNS.map(hanAttribute);
/** English names the record's fields do not hold (Linping District, Ming dynasty), see `derivedEnglishNames`. */
export const NAMES_EN_ATTRIBUTE = 'names_en';
/** Pinyin of titles and names (塘栖 → `tang qi tangqi`), see pinyin-tokens.ts. */
export const PINYIN_ATTRIBUTE = 'pinyin_names';

/** 1 when the record has a start year: `year_asc` and `year_desc` put undated records last either way. */
export const DATED_ATTRIBUTE = 'sort_dated';
export const TITLE_SORT_ATTRIBUTES = { zh: 'sort_title_zh', en: 'sort_title_en' } as const;
/** The catalog seq: the last key of every cursor walk's order, so a walk resumes after a record (cursor-params.ts). */
export const SEQ_ATTRIBUTE = 'sort_seq';
/**
 * Meilisearch keeps filterable strings up to 468 bytes; title sort keys are filtered by cursor
 * walks, so they are cut below that (ties past the cut fall to the seq).
 */
export const MAX_SORT_KEY_BYTES = 400;

/** The record's envelope (its point, or its line's bounds), for map-box filters that also catch lines. */
export const ENVELOPE_ATTRIBUTES = { south: 'geo_south', west: 'geo_west', north: 'geo_north', east: 'geo_east' } as const;

/** Seconds since the epoch from which the public may see the record (0 = public): see core/catalog/visibility.ts. */
export const VISIBLE_FROM_ATTRIBUTE = 'visible_from';

export type MeiliDocument = Record<string, unknown> & { id: string };

/**
 * The document for one record. Throws if the id could not be a Meilisearch id (the schema's ids
 * always can).
 * @param tokenizer spells the pinyin; it should know the archive's names, so 塘栖 is one word.
 */
export function toDocument({ seq, record, visibility }: StoredRecord, tokenizer: Pick<ArchiveTokenizer, 'pinyinText'>): MeiliDocument {
  if (!MEILI_ID_PATTERN.test(record.id)) throw new RangeError(`record id "${record.id}" is not a valid Meilisearch document id`);
  const text = searchableText(record);
  const facets = facetValuesOf(record);
  const document: MeiliDocument = { ...record };
  for (const facet of FACETS) document[facetAttribute(facet.key)] = facets[facet.key];
  // Synonym names also get whole-word tokens: Meilisearch's synonyms setting maps those (index-settings.ts).
  for (const column of SEARCH_COLUMNS) document[hanAttribute(column)] = hanIndexText(text[column], CHINESE_SYNONYMS);
  document[PINYIN_ATTRIBUTE] = pinyinIndexText(pinyinSource(text), tokenizer);
  document[NAMES_EN_ATTRIBUTE] = derivedEnglishNames(record).join('\n');
  document[VOCABULARY_ATTRIBUTE] = vocabularyOf(record, text);
  document[DATED_ATTRIBUTE] = record.start_year === undefined ? 0 : 1;
  document[VISIBLE_FROM_ATTRIBUTE] = visibleFrom(visibility);
  document[TITLE_SORT_ATTRIBUTES.zh] = titleSortValue(record, 'zh');
  document[TITLE_SORT_ATTRIBUTES.en] = titleSortValue(record, 'en');
  document[SEQ_ATTRIBUTE] = seq;
  if (record.lat !== undefined && record.lon !== undefined) document._geo = { lat: record.lat, lng: record.lon };
  const envelope = envelopeOf(record);
  if (envelope) for (const side of ['south', 'west', 'north', 'east'] as const) document[ENVELOPE_ATTRIBUTES[side]] = envelope[side];
  return document;
}

/** The title sort key a document holds for `lang`: titleSortKey cut to MAX_SORT_KEY_BYTES of UTF-8. */
export function titleSortValue(record: ArchiveRecord, lang: Lang): string {
  const key = titleSortKey(record, lang);
  if (Buffer.byteLength(key) <= MAX_SORT_KEY_BYTES) return key;
  let cut = '';
  for (const character of key) {
    if (Buffer.byteLength(cut + character) > MAX_SORT_KEY_BYTES) break;
    cut += character;
  }
  return cut;
}

/** The record inside a document or hit: the schema's fields, nothing else. */
export function fromDocument(document: Record<string, unknown>): ArchiveRecord {
  const record: Record<string, unknown> = {};
  for (const name of RECORD_FIELDS) {
    const value = document[name];
    if (value !== undefined && value !== null) record[name] = value;
  }
  return record as ArchiveRecord;
}
