import test from 'ava';
import { DEFAULT_PAGE_SIZE } from '../../core/search/types.ts';
import { BadRequestError } from '../../server/errors.ts';
import { parseQueryString } from '../../server/params/query-params.ts';
import { DEFAULT_NEAR_KM, lastPageFor, MAX_NEAR_KM, MAX_PAGE, MIN_NEAR_KM, parseSearchQuery } from '../../server/search/parse-search-query.ts';
import { parseSearchView } from '../../server/search/parse-search-view.ts';
import { atPage, searchHref, toggleFilter } from '../../server/search/search-url.ts';

const parse = (queryString: string, lang: 'zh' | 'en' = 'en') => parseSearchQuery(parseQueryString(queryString), lang);

function refusal(t: import('ava').ExecutionContext, queryString: string): BadRequestError {
  const error = t.throws(() => parse(queryString), { instanceOf: BadRequestError });
  return error!;
}

test('an empty query string browses everything from page 1 by relevance', (t) => {
  t.deepEqual(parse(''), { text: '', filters: {}, sort: 'relevance', page: 1, pageSize: DEFAULT_PAGE_SIZE, lang: 'en' });
});

test('repeated facet keys select several values of that facet, in order and without duplicates', (t) => {
  const query = parse('type=bridge&type=site&type=bridge&collection=grand-canal');
  t.deepEqual(query.filters, { type: ['bridge', 'site'], collection: ['grand-canal'] });
});

test('repeated scalar parameters take their first value', (t) => {
  const query = parse('q=first&q=second&page=2&page=3&sort=title&sort=year_asc');
  t.is(query.text, 'first');
  t.is(query.page, 2);
  t.is(query.sort, 'title');
});

test('undeclared keys are dropped, and bracketed keys stay flat strings', (t) => {
  const params = parseQueryString('f[x][y]=1&utm_source=mail&limit=100000&__proto__=x&type=bridge');
  t.is(params['f[x][y]']?.[0], '1');
  t.is(Object.getPrototypeOf(params), null);
  const query = parseSearchQuery(params, 'en');
  t.deepEqual(query.filters, { type: ['bridge'] });
  t.is(query.pageSize, DEFAULT_PAGE_SIZE);
});

test('a filter on a record field that is not a facet is refused with a message naming it', (t) => {
  const error = refusal(t, 'rights=CC');
  t.is(error.messageKey, 'site.error.not_filterable');
  t.is(error.params.field, 'rights');
});

test('an unknown sort is refused with the sort orders that exist', (t) => {
  const error = refusal(t, 'sort=rights');
  t.is(error.messageKey, 'site.error.bad_sort');
  t.regex(String(error.params.options), /relevance, year_asc, year_desc, title/);
});

test('pages are clamped to 1 … MAX_PAGE and text that is no number is refused', (t) => {
  t.is(parse('page=-1').page, 1);
  t.is(parse('page=0').page, 1);
  t.is(parse('page=2.7').page, 2);
  t.is(parse('page=1e9').page, MAX_PAGE);
  t.is(parse('page=Infinity').page, MAX_PAGE);
  t.is(refusal(t, 'page=abc').messageKey, 'site.error.bad_page');
});

test('a page size is 20, 50 or 100: other numbers become the smallest choice that holds them', (t) => {
  t.is(parse('per_page=50').pageSize, 50);
  t.is(parse('per_page=100').pageSize, 100);
  t.is(parse('per_page=').pageSize, DEFAULT_PAGE_SIZE);
  t.is(parse('per_page=37').pageSize, 50);
  t.is(parse('per_page=100000').pageSize, 100);
  t.is(parse('per_page=1e9').pageSize, 100);
  t.is(parse('per_page=-1').pageSize, 20);
  t.is(parse('per_page=0').pageSize, 20);
});

test('a page size that is no number is refused with the choices', (t) => {
  const error = refusal(t, 'per_page=all');
  t.is(error.messageKey, 'browse.error.bad_per_page');
  t.deepEqual(error.params, { value: 'all', options: '20, 50, 100' });
});

test('larger pages reach no deeper: the last page shrinks as the page size grows', (t) => {
  t.is(parse('per_page=100&page=1e9').page, lastPageFor(100));
  t.is(lastPageFor(100) * 100, MAX_PAGE * DEFAULT_PAGE_SIZE);
});

test('years are read in every documented form, BCE included', (t) => {
  t.like(parse('year_from=-3300&year_to=2300%20BCE'), { yearFrom: -3300, yearTo: -2300 });
  t.like(parse(`year_from=${encodeURIComponent('公元前3300年')}&year_to=1990`), { yearFrom: -3300, yearTo: 1990 });
  t.false('yearFrom' in parse('year_from=&year_to='));
});

test('a year that is not a year is refused, naming the field in the visitor language', (t) => {
  const error = t.throws(() => parse('year_from=abc', 'zh'), { instanceOf: BadRequestError })!;
  t.is(error.messageKey, 'site.error.bad_year');
  t.deepEqual(error.params, { field: '起始年份', value: 'abc' });
  t.is(refusal(t, 'year_to=MCMXC').messageKey, 'site.error.bad_year');
});

test('a year range whose start is after its end is refused', (t) => {
  t.is(refusal(t, 'year_from=1900&year_to=1800').messageKey, 'site.error.year_range_reversed');
});

test('yes/no facets accept only yes and no; other facets any value, matched as given', (t) => {
  t.is(refusal(t, 'has_image=maybe').messageKey, 'site.error.unknown_value');
  t.deepEqual(parse('type=castle&has_image=no').filters, { type: ['castle'], has_image: ['no'] });
  t.deepEqual(parse('period=%22x%22%20OR%201%3D1%20%5C').filters, { period: ['"x" OR 1=1 \\'] });
});

test('over-long text, too many values and over-long values are refused', (t) => {
  t.is(refusal(t, `q=${'塘'.repeat(201)}`).messageKey, 'site.error.text_too_long');
  t.is(refusal(t, Array.from({ length: 21 }, (_, i) => `period=p${i}`).join('&')).messageKey, 'site.error.too_many_values');
  t.is(refusal(t, `period=${'x'.repeat(201)}`).messageKey, 'site.error.value_too_long');
});

test('whitespace in the text collapses, ideographic spaces included', (t) => {
  t.is(parse(`q=${encodeURIComponent('  塘栖\u3000 古镇 ')}`).text, '塘栖 古镇');
});

test('a query written back as a URL parses to the same query', (t) => {
  const query = parse(
    `q=${encodeURIComponent('塘栖 bridge')}&type=bridge&type=site&admin_area=${encodeURIComponent('浙江省/杭州市')}&year_from=-221&year_to=8` +
      '&bbox=30.3,120.1,30.5,120.25&near=30.48,120.19,2.5&sort=year_desc&page=3&per_page=50',
  );
  const href = searchHref('/search', query, { view: 'map' });
  const params = parseQueryString(href.split('?')[1]!);
  t.deepEqual(parseSearchQuery(params, 'en'), query);
  t.is(parseSearchView(params), 'map');
});

test('a map area is read as south,west,north,east in degrees', (t) => {
  t.deepEqual(parse('bbox=30.3,120.1,30.5,120.25').bbox, { south: 30.3, west: 120.1, north: 30.5, east: 120.25 });
  t.deepEqual(parse('bbox=-90,-180,90,180').bbox, { south: -90, west: -180, north: 90, east: 180 });
  t.deepEqual(parse('bbox=%2030.3%20,%20120.1,30.5,120.25%20').bbox, { south: 30.3, west: 120.1, north: 30.5, east: 120.25 }, 'spaces around numbers');
  t.false('bbox' in parse('bbox='), 'an empty value is no area');
});

for (const [bbox, why] of [
  ['30.5,120.1,30.3,120.25', 'south above north'],
  ['30.3,120.1,30.3,120.25', 'no height'],
  ['30.3,120.25,30.5,120.1', 'west east of east (across the antimeridian)'],
  ['-91,120,30,121', 'a latitude off the globe'],
  ['30,120,31,181', 'a longitude off the globe'],
  ['30,120,31', 'three numbers'],
  ['30,120,31,121,5', 'five numbers'],
  ['30,120,31,1e3', 'an exponent'],
  ['30,120,31,Infinity', 'infinity'],
  ['30,,31,121', 'a missing number'],
  ['north,west,south,east', 'words'],
] as const) {
  test(`a map area with ${why} is refused, echoing what was given`, (t) => {
    const error = refusal(t, `bbox=${encodeURIComponent(bbox)}`);
    t.is(error.messageKey, 'site.error.bad_bbox');
    t.is(error.params.value, bbox);
  });
}

test('a nearby search is read as lat,lon,km, the radius defaulted and clamped', (t) => {
  t.deepEqual(parse('near=30.48,120.19,2.5').near, { lat: 30.48, lon: 120.19, radiusKm: 2.5 });
  t.deepEqual(parse('near=30.48,120.19').near, { lat: 30.48, lon: 120.19, radiusKm: DEFAULT_NEAR_KM });
  t.is(parse('near=30.48,120.19,0.001').near?.radiusKm, MIN_NEAR_KM);
  t.is(parse('near=30.48,120.19,-5').near?.radiusKm, MIN_NEAR_KM);
  t.is(parse('near=30.48,120.19,40000').near?.radiusKm, MAX_NEAR_KM);
  t.false('near' in parse('near=%20'));
});

for (const near of ['30.48', '95,120', '30,200', '30,120,5,5', 'here', '30,120,km', '30;120;5']) {
  test(`the nearby search ${near} is refused`, (t) => {
    t.is(refusal(t, `near=${encodeURIComponent(near)}`).messageKey, 'site.error.bad_near');
  });
}

test('an over-long map parameter is echoed only in part', (t) => {
  const long = Array.from({ length: 40 }, () => '1').join(',');
  t.is(String(refusal(t, `bbox=${long}`).params.value).length, 60);
});

test('the view is list, timeline or map; any other is refused with the views that exist', (t) => {
  t.is(parseSearchView(parseQueryString('')), 'list');
  t.is(parseSearchView(parseQueryString('view=')), 'list');
  t.is(parseSearchView(parseQueryString('view=timeline&view=map')), 'timeline');
  const error = t.throws(() => parseSearchView(parseQueryString('view=globe')), { instanceOf: BadRequestError })!;
  t.is(error.messageKey, 'site.error.bad_view');
  t.is(error.params.options, 'list, timeline, map');
});

test('toggling a facet value adds it, toggling again removes it, and either goes back to page 1', (t) => {
  const query = atPage(parse('type=bridge'), 4);
  const added = toggleFilter(query, 'type', 'site');
  t.deepEqual(added.filters, { type: ['bridge', 'site'] });
  t.is(added.page, 1);
  t.deepEqual(toggleFilter(toggleFilter(query, 'type', 'bridge'), 'protection_level', 'national').filters, { protection_level: ['national'] });
});

test('defaults are left out of URLs and the language never goes in', (t) => {
  t.is(searchHref('/search', parse('lang=zh&sort=relevance&page=1&per_page=20')), '/search');
  t.is(searchHref('/search', { ...parse(''), pageSize: 1 }), '/search', 'an engine-only page size is no address');
  t.is(searchHref('/search', parse(''), { view: 'list' }), '/search');
  t.is(searchHref('/collections/x', parse('collection=x&type=site'), { fixed: ['collection'] }), '/collections/x?type=site');
});
