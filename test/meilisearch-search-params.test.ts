import test from 'ava';
import type { SearchParams } from 'meilisearch';
import { equalsFilter, integerLiteral, quoteFilterValue } from '../core/search/meilisearch/filter-syntax.ts';
import {
  addFacets,
  addFilters,
  addHighlights,
  addPaging,
  addSearchedAttributes,
  addSort,
  addText,
  buildSearchRequests,
  filterOf,
  readingCountParams,
  HIGHLIGHT_POST_TAG,
  HIGHLIGHT_PRE_TAG,
  type Translation,
} from '../core/search/meilisearch/search-params.ts';
import { countOf } from '../core/search/meilisearch/from-response.ts';
import { hanQueryText, hanWordToken } from '../core/search/meilisearch/han-tokens.ts';
import { searchableAttributes } from '../core/search/meilisearch/index-settings.ts';
import { ArchiveTokenizer, type QueryClause, type QueryTerm } from '../core/search/tokenizer.ts';
import { query } from './helpers/temp-archive.ts';

/** One clause per term unless clauses are given: every term must match. */
const translation = (overrides: Parameters<typeof query>[0] = {}, terms: QueryTerm[] = [], clauses: QueryClause[] = terms.map((term) => [term])): Translation => ({
  query: query(overrides),
  clauses,
});

/**
 * How Meilisearch reads a double-quoted filter value (filter-parser/src/value.rs, `quoted_by` then
 * `unescaper::unescape`): up to the first `"` not preceded by `\`; `\"` becomes `"` when the value
 * had one; then `\\` becomes `\`. Any other escape is not something quoteFilterValue writes, so
 * this model refuses it rather than guess.
 */
function readQuotedValue(expression: string): { value: string; rest: string } {
  if (expression[0] !== '"') throw new Error(`expected a quoted value in ${expression}`);
  let i = 1;
  let escapedQuote = false;
  while (i < expression.length && expression[i] !== '"') {
    if (expression[i] === '\\') {
      if (i + 1 >= expression.length) throw new Error('malformed value: trailing backslash');
      escapedQuote ||= expression[i + 1] === '"';
      i += 2;
    } else i++;
  }
  if (i >= expression.length) throw new Error('missing closing quote');
  let token = expression.slice(1, i);
  if (escapedQuote) token = token.replaceAll('\\"', '"');
  let value = '';
  for (let j = 0; j < token.length; j++) {
    if (token[j] !== '\\') value += token[j];
    else if (token[j + 1] === '\\') value += token[++j];
    else throw new Error(`escape \\${token[j + 1]} is not modelled`);
  }
  return { value, rest: expression.slice(i + 1) };
}

const HOSTILE_VALUES = [
  'a" OR type = "x',
  'a\\',
  '\\',
  '\\"',
  '\\\\"',
  'x" OR facet_type EXISTS OR "',
  'OR',
  'a OR b',
  'line one\nline two',
  '"',
  '',
  "' OR 1 = 1 OR '",
  '塘栖 "古镇" (明)',
  ') OR (facet_type = "bridge"',
];

test('facet values are double-quoted with backslashes and quotes escaped', (t) => {
  t.is(quoteFilterValue('bridge'), '"bridge"');
  t.is(equalsFilter('facet_type', 'a" OR type = "x'), 'facet_type = "a\\" OR type = \\"x"');
  t.is(equalsFilter('facet_type', 'a\\'), 'facet_type = "a\\\\"');
  t.is(equalsFilter('facet_type', 'OR'), 'facet_type = "OR"');
  t.is(equalsFilter('facet_type', 'a\nb'), 'facet_type = "a\nb"');
  t.is(equalsFilter('facet_admin_area', '浙江省/杭州市'), 'facet_admin_area = "浙江省/杭州市"');
});

test('Meilisearch reads every hostile value back as exactly that value, with nothing left over to become a condition', (t) => {
  for (const value of HOSTILE_VALUES) {
    const filter = equalsFilter('facet_collection', value);
    t.true(filter.startsWith('facet_collection = '), value);
    const read = readQuotedValue(filter.slice('facet_collection = '.length));
    t.is(read.value, value, JSON.stringify(value));
    t.is(read.rest, '', JSON.stringify(value));
  }
});

test('selected values are OR-ed within a facet and facets AND-ed, in declaration order, as filter arrays', (t) => {
  const params = addFilters({}, translation({ filters: { type: ['bridge', 'site'], collection: ['grand-canal'] } }));
  t.deepEqual(params.filter, [['facet_collection = "grand-canal"'], ['facet_type = "bridge"', 'facet_type = "site"']]);
  t.deepEqual(addFilters({}, translation({ filters: { type: ['a" OR type = "x'] } })).filter, [['facet_type = "a\\" OR type = \\"x"']]);
  t.deepEqual(addFilters({}, translation()), {}, 'no filter parameter at all when nothing is selected');
  t.deepEqual(addFilters({}, translation({ filters: { type: [] } })), {});
});

test('a year range becomes an overlap test that works across BCE', (t) => {
  t.deepEqual(filterOf(query({ yearFrom: -3000, yearTo: -2500 })), ['start_year <= -2500', 'end_year >= -3000']);
  t.deepEqual(filterOf(query({ yearFrom: -250, yearTo: 100 })), ['start_year <= 100', 'end_year >= -250']);
  t.deepEqual(filterOf(query({ yearFrom: 1900 })), ['end_year >= 1900']);
  t.deepEqual(filterOf(query({ yearTo: -3000 })), ['start_year <= -3000']);
  t.deepEqual(filterOf(query({ yearFrom: 1644, yearTo: 1644, filters: { type: ['bridge'] } })), [['facet_type = "bridge"'], 'start_year <= 1644', 'end_year >= 1644']);
  t.throws(() => integerLiteral(1.5), { instanceOf: RangeError });
  t.throws(() => integerLiteral(Number.NaN), { instanceOf: RangeError });
});

test('the text requires every term: Latin words as typed, Chinese terms as pair tokens, tokenized as English', (t) => {
  const terms: QueryTerm[] = [
    { kind: 'han', text: '古镇' },
    { kind: 'han', text: '环壕聚' },
    { kind: 'han', text: '桥' },
    { kind: 'latin', text: 'bridge' },
  ];
  t.deepEqual(addText({}, translation({}, terms)), {
    q: 'qbfuacenv "qbrvbbhqr qbhqrbwpu" xbnnx bridge',
    matchingStrategy: 'all',
    locales: ['eng'],
  });
  t.deepEqual(addText({}, translation()), {}, 'browsing sends no q at all');
});

test('a clause sends the words as typed; its synonyms come from the index settings, Chinese names as word tokens', (t) => {
  const clauses: QueryClause[] = [
    [{ kind: 'latin', text: 'seawall' }, { kind: 'han', text: '海塘' }, { kind: 'latin', text: 'sea wall' }],
    [{ kind: 'han', text: '良渚文化' }, { kind: 'latin', text: 'liangzhu culture' }],
  ];
  t.is(addText({}, translation({}, [], clauses)).q, `seawall ${hanWordToken('良渚文化')}`);
});

test('a query with Chinese searches every field but pinyin, so synonyms cannot reach homophones', (t) => {
  const chinese = addSearchedAttributes({}, translation({}, [{ kind: 'han', text: '塘栖' }]));
  t.deepEqual(chinese.attributesToSearchOn, searchableAttributes().filter((name) => name !== 'pinyin_names'));
  t.true(chinese.attributesToSearchOn!.includes('han_title') && chinese.attributesToSearchOn!.includes('title_en'));
  t.deepEqual(addSearchedAttributes({}, translation({}, [{ kind: 'latin', text: 'tangqi' }])), {}, 'typed Latin may be pinyin');
  const requests = buildSearchRequests('records', translation({ filters: { type: ['bridge'] } }, [{ kind: 'han', text: '塘栖' }]));
  for (const request of requests) t.deepEqual(request.attributesToSearchOn, chinese.attributesToSearchOn, 'facet counts search the same fields as the hits');
});

test('Latin terms can carry no query operators, whatever the tokenizer hands over', (t) => {
  const terms: QueryTerm[] = [{ kind: 'latin', text: '"grand -canal"' }, { kind: 'latin', text: 'a"b' }];
  t.is(addText({}, translation({}, terms)).q, 'grand canal a b');
});

test('counts come with the hits only for facets without a selection', (t) => {
  t.deepEqual(addFacets({}, translation()).facets, ['facet_collection', 'facet_type', 'facet_period', 'facet_admin_area', 'facet_protection_level', 'facet_has_image']);
  t.deepEqual(addFacets({}, translation({ filters: { type: ['bridge'], has_image: ['yes'] } })).facets, ['facet_collection', 'facet_period', 'facet_admin_area', 'facet_protection_level']);
  const everyFacetSelected = Object.fromEntries(['collection', 'type', 'period', 'admin_area', 'protection_level', 'has_image'].map((key) => [key, ['x']]));
  t.deepEqual(addFacets({}, translation({ filters: everyFacetSelected })), {}, 'no empty facets parameter');
});

test('pages are asked for by number so totals are counted exactly', (t) => {
  t.deepEqual(addPaging({}, translation({ page: 3, pageSize: 25 })), { page: 3, hitsPerPage: 25 });
});

test('sorts: relevance sends none, years put undated last and break ties by title in the interface language', (t) => {
  t.deepEqual(addSort({}, translation({ sort: 'relevance' })), {});
  t.deepEqual(addSort({}, translation({ sort: 'title', lang: 'zh' })).sort, ['sort_title_zh:asc']);
  t.deepEqual(addSort({}, translation({ sort: 'title', lang: 'en' })).sort, ['sort_title_en:asc']);
  t.deepEqual(addSort({}, translation({ sort: 'year_asc', lang: 'en' })).sort, ['sort_dated:desc', 'start_year:asc', 'sort_title_en:asc']);
  t.deepEqual(addSort({}, translation({ sort: 'year_desc', lang: 'zh' })).sort, ['sort_dated:desc', 'end_year:desc', 'sort_title_zh:asc']);
});

test('highlights are asked for between private-use sentinels, only when there is text', (t) => {
  t.deepEqual(addHighlights({}, translation({}, [{ kind: 'latin', text: 'bridge' }])), {
    attributesToHighlight: ['title_zh', 'title_en', 'description_zh', 'description_en'],
    attributesToCrop: ['description_zh', 'description_en'],
    cropLength: 40,
    cropMarker: '',
    highlightPreTag: '\uE000',
    highlightPostTag: '\uE001',
  });
  t.is(HIGHLIGHT_PRE_TAG, '\uE000');
  t.is(HIGHLIGHT_POST_TAG, '\uE001');
  t.deepEqual(addHighlights({}, translation()), {});
});

test('a search with selections is one hits query plus one counts query per selected facet, each without its own filter', (t) => {
  const requests = buildSearchRequests(
    'records',
    translation({ filters: { type: ['bridge', 'site'], collection: ['grand-canal'] }, yearFrom: -3000, sort: 'year_asc', page: 2 }, [{ kind: 'latin', text: 'canal' }]),
  );
  t.is(requests.length, 3);
  const [hits, collectionCounts, typeCounts] = requests as [SearchParams & { indexUid: string }, SearchParams, SearchParams];
  t.like(hits, {
    indexUid: 'records',
    q: 'canal',
    filter: [['facet_collection = "grand-canal"'], ['facet_type = "bridge"', 'facet_type = "site"'], 'end_year >= -3000'],
    facets: ['facet_period', 'facet_admin_area', 'facet_protection_level', 'facet_has_image'],
    page: 2,
    hitsPerPage: 20,
    sort: ['sort_dated:desc', 'start_year:asc', 'sort_title_zh:asc'],
  });
  t.deepEqual(collectionCounts, {
    indexUid: 'records',
    q: 'canal',
    matchingStrategy: 'all',
    locales: ['eng'],
    filter: [['facet_type = "bridge"', 'facet_type = "site"'], 'end_year >= -3000'],
    facets: ['facet_collection'],
    limit: 0,
  });
  t.deepEqual(typeCounts, {
    indexUid: 'records',
    q: 'canal',
    matchingStrategy: 'all',
    locales: ['eng'],
    filter: [['facet_collection = "grand-canal"'], 'end_year >= -3000'],
    facets: ['facet_type'],
    limit: 0,
  });
});

test('a browse without selections is a single query with every facet and no text parameters', (t) => {
  t.deepEqual(buildSearchRequests('records', translation()), [
    {
      indexUid: 'records',
      facets: ['facet_collection', 'facet_type', 'facet_period', 'facet_admin_area', 'facet_protection_level', 'facet_has_image'],
      page: 1,
      hitsPerPage: 20,
    },
  ]);
});

test('a map box becomes envelope comparisons and a radius becomes _geoRadius in metres', (t) => {
  const filter = filterOf({ text: '', filters: {}, sort: 'relevance', page: 1, pageSize: 20, lang: 'en', bbox: { south: 30.4, west: 120.1, north: 30.5, east: 120.25 }, near: { lat: 30.48, lon: 120.19, radiusKm: 2.5 } });
  t.deepEqual(filter, ['geo_south <= 30.5', 'geo_north >= 30.4', 'geo_west <= 120.25', 'geo_east >= 120.1', '_geoRadius(30.48, 120.19, 2500)']);
});

test('the shared tokenizer hands Meilisearch digits apart from Chinese, two-character names whole and spaced pinyin joined', (t) => {
  const tokenizer = new ArchiveTokenizer();
  const q = (text: string) => addText({}, { query: query({ text }), clauses: tokenizer.queryClauses(text) }).q;
  t.is(q('2021年度'), `2021 ${hanQueryText('年度')}`);
  t.is(q('于谦'), hanQueryText('于谦'), 'not the character 谦 alone once 于 is dropped');
  t.is(q('Yu Qian'), q('yuqian'));
});

test('a reading is counted with the same text parameters and every filter, asking for no hits', (t) => {
  const reading = translation({ filters: { type: ['bridge'] } }, [{ kind: 'latin', text: 'dazu' }]);
  t.deepEqual(readingCountParams({ ...reading, visibleBy: 1000.5 }), {
    q: 'dazu',
    matchingStrategy: 'all',
    locales: ['eng'],
    filter: [['facet_type = "bridge"'], 'visible_from <= 1000'],
    limit: 0,
  });
  t.is(countOf({ estimatedTotalHits: 3 }), 3);
  t.is(countOf({ totalHits: 0, estimatedTotalHits: 7 }), 0);
});
