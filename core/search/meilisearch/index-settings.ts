/**
 * The index settings, derived from the record schema and the facet declaration: a field added to
 * either reaches Meilisearch without anyone copying a list. Applied at the start of every rebuild
 * and checked (then reconciled) before the first write of every process.
 */
import type { Settings } from 'meilisearch';
import { FACETS } from '../../schema/facets.ts';
import { fieldMeta, RECORD_FIELDS, type RecordField } from '../../schema/record.ts';
import { SEARCH_COLUMNS } from '../searchable-text.ts';
import { SYNONYM_GROUPS } from '../synonyms.ts';
import {
  DATED_ATTRIBUTE,
  ENVELOPE_ATTRIBUTES,
  facetAttribute,
  HAN_ATTRIBUTES,
  hanAttribute,
  NAMES_EN_ATTRIBUTE,
  PINYIN_ATTRIBUTE,
  SEQ_ATTRIBUTE,
  TITLE_SORT_ATTRIBUTES,
  VISIBLE_FROM_ATTRIBUTE,
} from './document.ts';
import { hanWordToken } from './han-tokens.ts';
import { VOCABULARY_ATTRIBUTE } from './vocabulary-field.ts';

/**
 * Meilisearch stops counting (and paging) at maxTotalHits (default 1,000). 10,000 gives exact
 * totals for any search a person refines by hand and 500 pages of 20; past it the site shows
 * "10,000+". Raising it further makes every broad query slower, because Meilisearch then ranks
 * that many documents.
 */
export const MAX_TOTAL_HITS = 10_000;
/** The sidebar lists at most this many values per facet (selected values are always listed). */
export const LISTED_FACET_VALUES = 100;
/**
 * Fetched per facet (default 100), sorted by count: more than are listed, so a selected value
 * outside the top 100 still shows its real count in the common case.
 */
export const FETCHED_FACET_VALUES = 500;

/**
 * `sort` first: a chosen order (year, title) is the order, as in the embedded engine, and
 * relevance only breaks ties. Every query matches all its terms (matchingStrategy `all`), so
 * `words` then ranks nothing away.
 */
export const RANKING_RULES = ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'];

/**
 * The archive's synonym groups (core/search/synonyms.ts) as Meilisearch synonyms: each name maps
 * to the others of its group. Chinese names travel as their whole-word tokens, which documents
 * carry wherever the name occurs, so `seawall` finds 海塘 and 大运河 finds "grand canal".
 */
export function synonyms(): Record<string, string[]> {
  const form = (name: string) => (/\p{Script=Han}/u.test(name) ? hanWordToken(name) : name);
  const map: Record<string, string[]> = {};
  for (const group of SYNONYM_GROUPS) {
    for (const name of group) map[form(name)] = group.filter((other) => other !== name).map(form);
  }
  return map;
}

const fieldsWhere = (test: (name: RecordField) => boolean) => RECORD_FIELDS.filter(test);
export const YEAR_ATTRIBUTES: readonly string[] = fieldsWhere((name) => fieldMeta(name).kind === 'year');
/** The helper fields a cursor walk's position filter compares (the years are filterable already). */
export const WALK_KEY_ATTRIBUTES: readonly string[] = [SEQ_ATTRIBUTE, DATED_ATTRIBUTE, TITLE_SORT_ATTRIBUTES.zh, TITLE_SORT_ATTRIBUTES.en];

/**
 * Title fields, then names, then body (the embedded engine weights them 10 : 4 : 1), each column
 * followed by its Chinese pair tokens; within a column, schema order. Pinyin spells titles and
 * names, and ranks below them as in the embedded engine.
 */
export function searchableAttributes(): string[] {
  return SEARCH_COLUMNS.flatMap((column) => [
    ...fieldsWhere((name) => fieldMeta(name).search === column),
    ...(column === 'names' ? [NAMES_EN_ATTRIBUTE] : []),
    hanAttribute(column),
    ...(column === 'names' ? [PINYIN_ATTRIBUTE] : []),
  ]);
}

/**
 * The segmenter per field instead of per-document guessing: `*_zh` fields as Mandarin, `*_en`
 * fields as English, and the token and pinyin fields as English too, so no language detector can
 * ever take a token such as `qbhlwbhlx` for a German compound and split it. The first matching
 * rule wins.
 */
export function localizedAttributes(): NonNullable<Settings['localizedAttributes']> {
  return [
    { attributePatterns: fieldsWhere((name) => fieldMeta(name).lang === 'zh'), locales: ['cmn'] },
    { attributePatterns: [...fieldsWhere((name) => fieldMeta(name).lang === 'en'), NAMES_EN_ATTRIBUTE, ...HAN_ATTRIBUTES, PINYIN_ATTRIBUTE], locales: ['eng'] },
  ];
}

export function indexSettings(): Settings {
  return {
    searchableAttributes: searchableAttributes(),
    // The vocabulary is filterable only so that facet search can look words up in it ("did you mean").
    filterableAttributes: [
      ...FACETS.map((facet) => facetAttribute(facet.key)),
      ...YEAR_ATTRIBUTES,
      ...Object.values(ENVELOPE_ATTRIBUTES),
      '_geo',
      VISIBLE_FROM_ATTRIBUTE,
      VOCABULARY_ATTRIBUTE,
      // Cursor walks resume after a position by filtering on its sort keys (cursor-params.ts).
      ...WALK_KEY_ATTRIBUTES,
    ],
    sortableAttributes: [...YEAR_ATTRIBUTES, DATED_ATTRIBUTE, TITLE_SORT_ATTRIBUTES.zh, TITLE_SORT_ATTRIBUTES.en, '_geo', SEQ_ATTRIBUTE],
    // Helper fields never leave the server: hits carry the record's own fields, and the seq a
    // cursor walk resumes after.
    displayedAttributes: [...RECORD_FIELDS, SEQ_ATTRIBUTE],
    rankingRules: RANKING_RULES,
    localizedAttributes: localizedAttributes(),
    typoTolerance: {
      enabled: true,
      // A pair token one or two letters off is a different pair of characters, never a typo.
      disableOnAttributes: [...HAN_ATTRIBUTES],
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    },
    synonyms: synonyms(),
    stopWords: [],
    // Phrases of pair tokens need word-level positions.
    proximityPrecision: 'byWord',
    faceting: { maxValuesPerFacet: FETCHED_FACET_VALUES, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
  };
}
