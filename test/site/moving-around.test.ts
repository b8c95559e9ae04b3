/**
 * Moving around the results: a choice of 20, 50 or 100 records a page on search and collection
 * pages, kept by every link that changes the search; and from a record, the way back to the
 * results it was opened from, with the records before and after it there, carried in the URL.
 */
import { fixtureRecordCount, fullRecordId } from '../fixtures/site/index.ts';
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities, facetLinks, hitHrefs, hitLinks, totalOf } from './helpers/html.ts';

const { test: typed, get } = withFixtureSite();

/** The options of the page-size select, as `[value, label, selected]`. */
function pageSizeOptions(html: string): [string, string, boolean][] {
  const select = html.match(/<select id="search-per-page" name="per_page">([\s\S]*?)<\/select>/)?.[1] ?? '';
  return [...select.matchAll(/<option value="(\d+)"( selected)?>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[3]!, m[2] !== undefined]);
}

typed('the search form offers 20, 50 or 100 records a page in both languages, the one in force selected', async (t) => {
  const english = await get(t, '/search?per_page=50');
  t.true(english.text.includes('<label for="search-per-page">Per page</label>'));
  t.deepEqual(pageSizeOptions(english.text), [['20', '20', false], ['50', '50', true], ['100', '100', false]]);
  const chinese = await get(t, '/search', 'zh');
  t.true(chinese.text.includes('<label for="search-per-page">每页显示</label>'));
  t.deepEqual(pageSizeOptions(chinese.text), [['20', '20 条', true], ['50', '50 条', false], ['100', '100 条', false]]);
});

typed('a page of 50 holds every fixture record and needs no page links; a page of 20 does', async (t) => {
  const fifty = await get(t, '/search?per_page=50');
  t.is(hitLinks(fifty.text).length, fixtureRecordCount);
  t.false(fifty.text.includes('class="pagination"'));
  t.true(fifty.text.includes(`Records 1–${fixtureRecordCount} of ${fixtureRecordCount}`));
  const twenty = await get(t, '/search');
  t.is(hitLinks(twenty.text).length, 20);
  t.true(decodeEntities(twenty.text).includes('<a href="/search?page=2" rel="next">'));
});

typed('facet links, page links and the canonical address keep the chosen page size', async (t) => {
  const page = await get(t, '/search?per_page=100&type=building');
  t.true(facetLinks(page.text).every((link) => link.href.includes('per_page=100')), 'every facet link');
  t.true(decodeEntities(page.text).includes(`<link rel="canonical" href="${t.context.config.publicOrigin}/search?type=building&per_page=100">`));
  const paged = decodeEntities((await get(t, '/search?q=%E5%A1%98%E6%A0%96&per_page=20&page=2')).text);
  t.true(paged.includes(`<link rel="canonical" href="${t.context.config.publicOrigin}/search?q=%E5%A1%98%E6%A0%96&page=2">`), 'the default size is left out');
});

typed('a collection page takes the page size too, and keeps its own collection', async (t) => {
  const page = await get(t, '/collections/grand-canal?per_page=50');
  t.is(page.status, 200);
  t.deepEqual(pageSizeOptions(page.text).find(([, , selected]) => selected)?.[0], '50');
  t.true(decodeEntities(page.text).includes(`<link rel="canonical" href="${t.context.config.publicOrigin}/collections/grand-canal?per_page=50">`));
});

typed('a page size that is no number is a bilingual 400, never a 500', async (t) => {
  const english = await get(t, '/search?per_page=lots');
  t.is(english.status, 400);
  t.true(decodeEntities(english.text).includes('The page size “lots” is not a number; the choices are 20, 50, 100.'));
  const chinese = await get(t, '/search?per_page=lots', 'zh');
  t.true(decodeEntities(chinese.text).includes('每页条数“lots”不是数字；可选：20, 50, 100。'));
});

/** The record page's way back and steps, as links and text. */
function trailOf(html: string): { back?: { href: string; label: string }; position?: string; previous?: string; next?: string } {
  const nav = html.match(/<nav class="record-trail"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
  const back = nav.match(/<p class="breadcrumb"><a href="([^"]*)">([^<]*)<\/a><\/p>/);
  const position = nav.match(/<li class="record-trail__position">([^<]*)<\/li>/)?.[1];
  const previous = nav.match(/<a href="([^"]*)" rel="prev">/)?.[1];
  const next = nav.match(/<a href="([^"]*)" rel="next">/)?.[1];
  return {
    ...(back && { back: { href: decodeEntities(back[1]!), label: decodeEntities(back[2]!) } }),
    ...(position && { position: decodeEntities(position) }),
    ...(previous && { previous: decodeEntities(previous) }),
    ...(next && { next: decodeEntities(next) }),
  };
}

const TANGQI = `q=${encodeURIComponent('塘栖')}`;

typed('every hit links to its record with the address of the results it is listed in', async (t) => {
  const hrefs = hitHrefs((await get(t, `/search?${TANGQI}&page=2`)).text);
  t.true(hrefs.length > 0);
  for (const href of hrefs) t.regex(href, new RegExp(`^/items/[^?]+\\?from=${encodeURIComponent(`/search?${TANGQI}&page=2`)}$`));
});

typed('a record opened from a search leads back to it and steps to the records before and after it', async (t) => {
  const results = (await get(t, `/search?${TANGQI}`)).text;
  const total = totalOf(results);
  const hrefs = hitHrefs(results);
  const trail = trailOf((await get(t, hrefs[1]!)).text);
  t.deepEqual(trail.back, { href: `/search?${TANGQI}`, label: 'Back to the results for “塘栖”' });
  t.is(trail.position, `Record 2 of ${total}`);
  t.is(trail.previous, hrefs[0]);
  t.is(trail.next, hrefs[2]);
  const chinese = trailOf((await get(t, hrefs[1]!, 'zh')).text);
  t.is(chinese.back?.label, '返回“塘栖”的检索结果');
  t.is(chinese.position, `第 2 条，共 ${total} 条`);
});

typed('the steps cross page boundaries, and each record leads back to the page that lists it', async (t) => {
  const results = (await get(t, `/search?${TANGQI}`)).text;
  const total = totalOf(results);
  t.true(total > 20 && total <= 40, 'two pages of 20');
  const first = hitHrefs(results);
  const second = hitHrefs((await get(t, `/search?${TANGQI}&page=2`)).text);
  const twentieth = trailOf((await get(t, first[19]!)).text);
  t.is(twentieth.position, `Record 20 of ${total}`);
  t.is(twentieth.next, second[0], 'the 21st, listed on page 2');
  const twentyFirst = trailOf((await get(t, second[0]!)).text);
  t.is(twentyFirst.back?.href, `/search?${TANGQI}&page=2`);
  t.is(twentyFirst.previous, first[19], 'the 20th, listed on page 1');
  const firstRecord = trailOf((await get(t, first[0]!)).text);
  t.is(firstRecord.previous, undefined);
  const last = trailOf((await get(t, second.at(-1)!)).text);
  t.is(last.position, `Record ${total} of ${total}`);
  t.is(last.next, undefined);
});

typed('the chosen page size, sort and view come along, and a collection’s records lead back to the collection', async (t) => {
  const hrefs = hitHrefs((await get(t, `/search?${TANGQI}&sort=title&per_page=50`)).text);
  const trail = trailOf((await get(t, hrefs[25]!)).text);
  t.is(trail.back?.href, `/search?${TANGQI}&sort=title&per_page=50`);
  t.is(trail.next, hrefs[26]);
  const inCollection = hitHrefs((await get(t, '/collections/grand-canal')).text);
  const collectionTrail = trailOf((await get(t, inCollection[0]!)).text);
  t.deepEqual(collectionTrail.back, { href: '/collections/grand-canal', label: 'Back to the collection: The Grand Canal (fixture)' });
  t.regex(collectionTrail.position ?? '', /^Record 1 of \d+$/);
  t.true(collectionTrail.next?.includes(`?from=${encodeURIComponent('/collections/grand-canal')}`));
});

typed('a record opened from the map view leads back to the map', async (t) => {
  const page = await get(t, '/search?view=map');
  const href = decodeEntities(page.text.match(/<h4 class="map-list__title"><a href="([^"]*)"/)![1]!);
  t.is(trailOf((await get(t, href)).text).back?.href, '/search?view=map');
});

typed('a record opened from elsewhere has the plain way back to search', async (t) => {
  t.deepEqual(trailOf((await get(t, `/items/${fullRecordId}`)).text), { back: { href: '/search', label: 'Search' } });
});

for (const [from, why] of [
  ['https://evil.example/search?q=x', 'an absolute URL'],
  ['//evil.example/search', 'a protocol-relative URL'],
  ['/\\evil.example/search', 'a backslash'],
  ['javascript:alert(1)', 'a script URL'],
  ['/admin?q=x', 'a path that is not a search'],
  ['/collections/no-such-collection', 'a collection that does not exist'],
  [`/search?q=${'x'.repeat(5000)}`, 'an over-long address'],
  ['/search?year_from=abc', 'a search that is refused'],
  ['/search?per_page=lots', 'a page size that is refused'],
] as const) {
  typed(`a record page whose way back is ${why} still shows the record, and never links elsewhere`, async (t) => {
    const page = await get(t, `/items/${fullRecordId}?from=${encodeURIComponent(from)}`);
    t.is(page.status, 200);
    const trail = trailOf(page.text);
    t.true(trail.back!.href.startsWith('/') && !trail.back!.href.startsWith('//'), trail.back!.href);
    t.false(page.text.includes('evil.example'));
    t.is(trail.position, undefined);
  });
}
