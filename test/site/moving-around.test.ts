/**
 * Moving around the results: a choice of 20, 50 or 100 records a page on search and collection
 * pages, kept by every link that changes the search.
 */
import { fixtureRecordCount } from '../fixtures/site/index.ts';
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities, facetLinks, hitLinks } from './helpers/html.ts';

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
