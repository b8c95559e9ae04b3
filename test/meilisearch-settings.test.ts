import test from 'ava';
import { FACETS } from '../core/schema/facets.ts';
import { fieldMeta, RECORD_FIELDS } from '../core/schema/record.ts';
import { DATED_ATTRIBUTE, facetAttribute, HAN_ATTRIBUTES, PINYIN_ATTRIBUTE, TITLE_SORT_ATTRIBUTES } from '../core/search/meilisearch/document.ts';
import { hanWordToken } from '../core/search/meilisearch/han-tokens.ts';
import { indexSettings, MAX_TOTAL_HITS, searchableAttributes } from '../core/search/meilisearch/index-settings.ts';
import { SYNONYM_GROUPS } from '../core/search/synonyms.ts';
import { settingsDrift } from '../core/search/meilisearch/settings-drift.ts';

const settings = indexSettings();

test('every declared facet is filterable under its facet field, and so are both years, the envelope, _geo and the visibility time', (t) => {
  t.deepEqual(settings.filterableAttributes, [
    ...FACETS.map((facet) => `facet_${facet.key}`),
    'start_year',
    'end_year',
    'geo_south',
    'geo_west',
    'geo_north',
    'geo_east',
    '_geo',
    'visible_from',
    'vocabulary',
    // The keys a cursor walk resumes after.
    'sort_seq',
    'sort_dated',
    'sort_title_zh',
    'sort_title_en',
  ]);
  for (const facet of FACETS) t.true(settings.filterableAttributes!.includes(facetAttribute(facet.key)), facet.key);
});

test('every searchable schema field is searchable: title fields, then names, then pinyin, then body, each column followed by its pair tokens', (t) => {
  const searchable = RECORD_FIELDS.filter((name) => fieldMeta(name).search !== undefined);
  const attributes = searchableAttributes();
  t.deepEqual(attributes.filter((name) => !HAN_ATTRIBUTES.includes(name) && name !== PINYIN_ATTRIBUTE), [
    ...searchable.filter((name) => fieldMeta(name).search === 'title'),
    ...searchable.filter((name) => fieldMeta(name).search === 'names'),
    // English names the fields do not hold (admin areas, vocabulary periods) rank with the names.
    'names_en',
    ...searchable.filter((name) => fieldMeta(name).search === 'body'),
  ]);
  t.deepEqual(attributes.slice(0, 4), ['identifier', 'title_zh', 'title_en', 'han_title']);
  t.deepEqual(attributes.slice(-3), ['description_zh', 'description_en', 'han_body']);
  t.true(attributes.indexOf('han_names') > attributes.indexOf('keywords_en'));
  t.is(attributes.indexOf('pinyin_names'), attributes.indexOf('han_names') + 1);
  t.true(attributes.indexOf('pinyin_names') < attributes.indexOf('description_zh'));
  t.deepEqual(settings.searchableAttributes, attributes);
});

test('Chinese fields are segmented as Mandarin; English fields and pair tokens as English', (t) => {
  const zh = RECORD_FIELDS.filter((name) => fieldMeta(name).lang === 'zh');
  const en = RECORD_FIELDS.filter((name) => fieldMeta(name).lang === 'en');
  t.true(zh.includes('title_zh') && zh.includes('description_zh'));
  t.deepEqual(settings.localizedAttributes, [
    { attributePatterns: zh, locales: ['cmn'] },
    { attributePatterns: [...en, 'names_en', 'han_title', 'han_names', 'han_body', 'pinyin_names'], locales: ['eng'] },
  ]);
});

test('the sort rule comes first so a chosen order is the order, and sortable fields cover every sort', (t) => {
  t.deepEqual(settings.rankingRules, ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness']);
  t.deepEqual(settings.sortableAttributes, ['start_year', 'end_year', DATED_ATTRIBUTE, TITLE_SORT_ATTRIBUTES.zh, TITLE_SORT_ATTRIBUTES.en, '_geo', 'sort_seq']);
});

test('limits are raised deliberately and typo tolerance is off on the pair-token fields', (t) => {
  t.deepEqual(settings.pagination, { maxTotalHits: 10_000 });
  t.is(MAX_TOTAL_HITS, 10_000);
  t.deepEqual(settings.faceting, { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } });
  t.deepEqual(settings.typoTolerance, {
    enabled: true,
    disableOnAttributes: ['han_title', 'han_names', 'han_body'],
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
  });
  t.is(settings.proximityPrecision, 'byWord');
  t.deepEqual(settings.stopWords, []);
});

test('synonyms come from the archive\'s synonym groups, Chinese names as their word tokens', (t) => {
  const synonyms = settings.synonyms!;
  t.deepEqual(synonyms.seawall, [hanWordToken('海塘'), hanWordToken('古海塘'), 'sea wall']);
  t.deepEqual(synonyms[hanWordToken('海塘')], [hanWordToken('古海塘'), 'seawall', 'sea wall']);
  t.deepEqual(synonyms['grand canal'], [hanWordToken('大运河'), hanWordToken('京杭大运河')]);
  t.is(Object.keys(synonyms).length, new Set(SYNONYM_GROUPS.flat()).size);
  for (const [word, others] of Object.entries(synonyms)) {
    t.regex(word, /^[a-z0-9 ]+$/, 'keys are what the query sends: Latin words or tokens');
    for (const other of others) t.true(synonyms[other]?.includes(word), `${other} ↔ ${word}`);
  }
});

test('hits show the record fields and the seq a cursor walk resumes after, never the other helper fields', (t) => {
  t.deepEqual(settings.displayedAttributes, [...RECORD_FIELDS, 'sort_seq']);
  for (const helper of [...HAN_ATTRIBUTES, PINYIN_ATTRIBUTE, DATED_ATTRIBUTE, '_geo', ...FACETS.map((facet) => facetAttribute(facet.key))]) {
    t.false(settings.displayedAttributes!.includes(helper), helper);
    t.false((RECORD_FIELDS as readonly string[]).includes(helper), `${helper} must not collide with a schema field`);
  }
});

/** What GET /indexes/:uid/settings answers for an index that has our settings: sets sorted, defaults filled in. */
function asServerReturnsThem() {
  return {
    ...settings,
    filterableAttributes: [...settings.filterableAttributes!].sort(),
    sortableAttributes: [...settings.sortableAttributes!].sort(),
    displayedAttributes: [...settings.displayedAttributes!].sort(),
    typoTolerance: { ...settings.typoTolerance, disableOnWords: [], disableOnAttributes: ['han_body', 'han_names', 'han_title'] },
    faceting: { ...settings.faceting },
    distinctAttribute: null,
    separatorTokens: [],
    dictionary: [],
    searchCutoffMs: null,
  };
}

test('an index that has the declared settings shows no drift, however the server orders its sets', (t) => {
  t.deepEqual(settingsDrift(settings, asServerReturnsThem()), []);
});

test('drift names each setting that differs, down to nested keys', (t) => {
  const actual = asServerReturnsThem();
  t.deepEqual(settingsDrift(settings, { ...actual, rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] }), ['rankingRules']);
  t.deepEqual(settingsDrift(settings, { ...actual, searchableAttributes: [...settings.searchableAttributes!].reverse() }), ['searchableAttributes']);
  t.deepEqual(settingsDrift(settings, { ...actual, faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'count' } } }), ['faceting.maxValuesPerFacet']);
  t.deepEqual(settingsDrift(settings, { ...actual, pagination: { maxTotalHits: 1000 } }), ['pagination.maxTotalHits']);
  t.deepEqual(settingsDrift(settings, { ...actual, filterableAttributes: ['facet_type'] }), ['filterableAttributes']);
  t.deepEqual(settingsDrift(settings, { ...actual, synonyms: { ...settings.synonyms, site: ['ruin'] } }), ['synonyms']);
  t.deepEqual(settingsDrift(settings, { ...actual, synonyms: { ...settings.synonyms } }), [], 'the same synonyms in another key order are no drift');
  t.deepEqual(settingsDrift(settings, { ...actual, localizedAttributes: null }), ['localizedAttributes']);
});
