/**
 * The Meilisearch translation of cursor walks, as pure functions: which order a walk follows,
 * the filter that resumes it after a position, and the position read back from a hit. These
 * say what is sent; whether a real server answers as intended is the cursor contract's job
 * (npm run test:meili).
 */
import test from 'ava';
import {
  mustWalkInCatalogOrder,
  nextCursor,
  positionFilter,
  positionOf,
  walkCountsParams,
  walkHitsParams,
  walkInCatalogOrder,
  walkPlan,
  walkSort,
} from '../core/search/meilisearch/cursor-params.ts';
import { MAX_SORT_KEY_BYTES, titleSortValue, toDocument } from '../core/search/meilisearch/document.ts';
import { fromMeiliResponses } from '../core/search/meilisearch/from-response.ts';
import { indexSettings, MAX_TOTAL_HITS } from '../core/search/meilisearch/index-settings.ts';
import { buildSearchRequests } from '../core/search/meilisearch/search-params.ts';
import { ArchiveTokenizer } from '../core/search/tokenizer.ts';
import { InvalidCursorError, WALK_START, type SearchQuery } from '../core/search/types.ts';
import { query } from './helpers/temp-archive.ts';

const walking = (overrides: Partial<SearchQuery> = {}) => query({ cursor: WALK_START, ...overrides });
const bridge = { id: 'guangji-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge', start_year: 1368, end_year: 1644 };
const bridgeHit = { ...bridge, sort_seq: 17 };

test('every sort walks in its own order with the seq last, so the order is total', (t) => {
  t.deepEqual(walkSort(query({ sort: 'title', lang: 'zh' })), ['sort_title_zh:asc', 'sort_seq:asc']);
  t.deepEqual(walkSort(query({ sort: 'year_asc', lang: 'en' })), ['sort_dated:desc', 'start_year:asc', 'sort_title_en:asc', 'sort_seq:asc']);
  t.deepEqual(walkSort(query({ sort: 'year_desc', lang: 'zh' })), ['sort_dated:desc', 'end_year:desc', 'sort_title_zh:asc', 'sort_seq:asc']);
  t.deepEqual(walkSort(query({ sort: 'relevance' })), ['sort_seq:asc']);
});

test('the keys a walk filters and sorts on are filterable and sortable, and hits carry the seq', (t) => {
  const settings = indexSettings();
  for (const name of ['sort_seq', 'sort_dated', 'sort_title_zh', 'sort_title_en', 'start_year', 'end_year']) t.true(settings.filterableAttributes!.includes(name), name);
  for (const name of ['sort_seq', 'sort_dated', 'sort_title_zh', 'sort_title_en']) t.true(settings.sortableAttributes!.includes(name), name);
  t.true(settings.displayedAttributes!.includes('sort_seq'));
  const document = toDocument({ seq: 17, record: bridge, modified: '2026-12-01T00:00:00Z', visibility: { state: 'public' } }, new ArchiveTokenizer());
  t.is(document.sort_seq, 17);
  t.is(document.sort_title_zh, titleSortValue(bridge, 'zh'));
});

test('a title sort key is cut under the bytes Meilisearch filters on, on a character boundary', (t) => {
  const long = { id: 'long', title_zh: '运'.repeat(500), title_en: 'é'.repeat(500) };
  for (const lang of ['zh', 'en'] as const) {
    const key = titleSortValue(long, lang);
    t.true(Buffer.byteLength(key) <= MAX_SORT_KEY_BYTES, lang);
    t.true(Buffer.byteLength(key) > MAX_SORT_KEY_BYTES - 8, lang);
    t.false(key.includes('\uFFFD'));
  }
  t.is(titleSortValue(bridge, 'en'), 'guangji bridge');
});

test('a walk resumes after a title with a string comparison, then the seq for equal titles', (t) => {
  t.is(positionFilter(query({ sort: 'title', lang: 'en' }), ['guangji bridge', 17]), 'sort_title_en > "guangji bridge" OR (sort_title_en = "guangji bridge" AND sort_seq > 17)');
  // A title key is a quoted, escaped filter value: it cannot add a condition.
  t.is(positionFilter(query({ sort: 'title', lang: 'en' }), ['a" OR sort_seq > "0', 3]), 'sort_title_en > "a\\" OR sort_seq > \\"0" OR (sort_title_en = "a\\" OR sort_seq > \\"0" AND sort_seq > 3)');
});

test('a year walk resumes after the year, then the title and seq; undated records follow every dated one', (t) => {
  t.is(
    positionFilter(query({ sort: 'year_asc', lang: 'zh' }), [1, -221, '0 shang4', 9]),
    '(sort_dated = 1 AND start_year > -221) OR (sort_dated = 1 AND start_year = -221 AND (sort_title_zh > "0 shang4" OR (sort_title_zh = "0 shang4" AND sort_seq > 9))) OR sort_dated = 0',
  );
  t.is(
    positionFilter(query({ sort: 'year_desc', lang: 'en' }), [1, 1644, 'guangji bridge', 17]),
    '(sort_dated = 1 AND end_year < 1644) OR (sort_dated = 1 AND end_year = 1644 AND (sort_title_en > "guangji bridge" OR (sort_title_en = "guangji bridge" AND sort_seq > 17))) OR sort_dated = 0',
  );
  t.is(positionFilter(query({ sort: 'year_asc', lang: 'en' }), [0, null, 'plum', 4]), 'sort_dated = 0 AND (sort_title_en > "plum" OR (sort_title_en = "plum" AND sort_seq > 4))');
});

test('browsing walks in catalog order from the seq on; the start of a walk adds no position', (t) => {
  t.is(positionFilter(query(), [41]), 'sort_seq > 41');
  t.is(positionFilter(query({ sort: 'title' }), []), undefined);
  t.deepEqual(walkPlan(walking()), { mode: 'keyset', keys: [] });
  t.deepEqual(walkPlan(walking({ cursor: { after: ['seq', 41] } })), { mode: 'keyset', keys: [41] });
});

test('a relevance walk over text pages by offset below maxTotalHits and in catalog order past it', (t) => {
  const text = walking({ text: 'bridge' });
  t.deepEqual(walkPlan(text), { mode: 'offset', offset: 0 });
  t.deepEqual(walkPlan({ ...text, cursor: { after: ['offset', 40] } }), { mode: 'offset', offset: 40 });
  t.false(mustWalkInCatalogOrder(walkPlan(text), MAX_TOTAL_HITS - 1));
  t.true(mustWalkInCatalogOrder(walkPlan(text), MAX_TOTAL_HITS), 'a result set Meilisearch stopped counting');
  t.false(mustWalkInCatalogOrder({ mode: 'offset', offset: 20 }, MAX_TOTAL_HITS), 'only the first page decides');
  const restarted = walkInCatalogOrder(text);
  t.deepEqual(walkPlan(restarted), { mode: 'keyset', keys: [0] });
  t.is(positionFilter(restarted, [0]), 'sort_seq > 0');
});

test('a position this search could not have made is refused', (t) => {
  const refused = [
    walking({ cursor: { after: ['offset', 20] } }), // offsets belong to text searches
    walking({ text: 'bridge', cursor: { after: ['offset', MAX_TOTAL_HITS] } }),
    walking({ text: 'bridge', cursor: { after: ['score', 1] } }),
    walking({ cursor: { after: [41] } }),
    walking({ sort: 'title', cursor: { after: [42, 'x'] } }),
    walking({ sort: 'year_asc', cursor: { after: [1, null, 'x', 3] } }),
    walking({ sort: 'year_asc', cursor: { after: [0, 1900, 'x', 3] } }),
    walking({ sort: 'year_desc', cursor: { after: [1, 1.5, 'x', 3] } }),
    walking({ sort: 'title', cursor: { after: ['x', -1] } }),
  ];
  for (const forged of refused) t.throws(() => walkPlan(forged), { instanceOf: InvalidCursorError }, JSON.stringify(forged.cursor));
});

test('the hits query asks for one hit more than the page, after the position, without facets or pages', (t) => {
  const request = walkHitsParams(
    { q: 'bridge', filter: [['facet_type = "bridge"']], facets: ['facet_collection'], page: 1, hitsPerPage: 20, sort: ['sort_title_en:asc'] },
    query({ sort: 'title', lang: 'en', pageSize: 20 }),
    { mode: 'keyset', keys: ['guangji bridge', 17] },
  );
  t.deepEqual(request, {
    q: 'bridge',
    filter: [['facet_type = "bridge"'], 'sort_title_en > "guangji bridge" OR (sort_title_en = "guangji bridge" AND sort_seq > 17)'],
    sort: ['sort_title_en:asc', 'sort_seq:asc'],
    offset: 0,
    limit: 21,
  });
  t.deepEqual(walkHitsParams({ q: 'bridge', page: 3, hitsPerPage: 20 }, query({ text: 'bridge' }), { mode: 'offset', offset: 40 }), { q: 'bridge', offset: 40, limit: 21 });
});

test('the counts query of a walk is the search itself with exact counts and no hits', (t) => {
  t.deepEqual(
    walkCountsParams({ q: 'x', filter: ['start_year <= 5'], facets: ['facet_type'], page: 4, hitsPerPage: 20, sort: ['sort_seq:asc'], attributesToHighlight: ['title_en'], highlightPreTag: 'a', highlightPostTag: 'b' }),
    { q: 'x', filter: ['start_year <= 5'], facets: ['facet_type'], page: 1, hitsPerPage: 0 },
  );
  const requests = buildSearchRequests('records', { query: walking({ filters: { type: ['bridge'] } }), clauses: [] });
  t.is(requests.length, 3, 'hits, counts, then the selected facet');
  t.is(requests[0]!.limit, 21);
  t.is(requests[1]!.hitsPerPage, 0);
  t.deepEqual(requests[2]!.facets, ['facet_type']);
});

test('the next position is the last hit of the page, read as the document computed it', (t) => {
  const hits = Array.from({ length: 3 }, (_, i) => ({ ...bridgeHit, id: `b${i}`, sort_seq: 10 + i }));
  t.is(nextCursor(query({ pageSize: 3 }), { mode: 'keyset', keys: [] }, hits), undefined, 'no hit beyond the page: the walk ends');
  t.deepEqual(nextCursor(query({ pageSize: 2 }), { mode: 'keyset', keys: [] }, hits), { after: ['seq', 11] });
  t.deepEqual(nextCursor(query({ text: 'x', pageSize: 2 }), { mode: 'offset', offset: 40 }, hits), { after: ['offset', 42] });
  t.deepEqual(positionOf(query({ sort: 'title', lang: 'zh' }), bridgeHit), [titleSortValue(bridge, 'zh'), 17]);
  t.deepEqual(positionOf(query({ sort: 'year_desc', lang: 'en' }), bridgeHit), [1, 1644, 'guangji bridge', 17]);
  t.deepEqual(positionOf(query({ sort: 'year_asc', lang: 'en' }), { id: 'plum', title_en: 'Plum', sort_seq: 4 }), [0, null, 'plum', 4]);
  t.throws(() => positionOf(query(), { ...bridge }), { message: /sort_seq/ });
});

test('a walk page reads its hits from the first response and its total and facets from the counts query', (t) => {
  const translation = { query: walking({ pageSize: 1, filters: { type: ['bridge'] } }), clauses: [] };
  const result = fromMeiliResponses(translation, [
    { hits: [bridgeHit, { ...bridgeHit, id: 'other', sort_seq: 18 }] },
    { hits: [], totalHits: 7, facetDistribution: { facet_collection: { 'grand-canal': 7 } } },
    { hits: [], facetDistribution: { facet_type: { bridge: 7, site: 2 } } },
  ]);
  t.deepEqual(result.hits.map((hit) => hit.record.id), ['guangji-bridge']);
  t.is(result.total, 7);
  t.deepEqual(result.next, { after: ['seq', 17] });
  t.deepEqual(result.facets.find((facet) => facet.key === 'collection')!.values, [{ value: 'grand-canal', count: 7, selected: false }]);
  t.deepEqual(result.facets.find((facet) => facet.key === 'type')!.values.map((value) => value.value), ['bridge', 'site']);
});

test('an offset walk whose results grew past maxTotalHits since it began is refused, not cut short', (t) => {
  const translation = { query: walking({ text: 'bridge', cursor: { after: ['offset', 20] } }), clauses: [] };
  t.throws(() => fromMeiliResponses(translation, [{ hits: [bridgeHit] }, { hits: [], totalHits: MAX_TOTAL_HITS }]), { instanceOf: InvalidCursorError });
});
