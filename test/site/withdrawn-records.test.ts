/**
 * Withdrawn, embargoed and deleted records on every public surface of the site: a hidden record
 * is as absent as one that never existed; a deleted one answers 410 Gone; an embargo lifts by
 * itself. The fixture site is changed once, as a curator would, before the tests look at it.
 */
import test from 'ava';
import request from 'supertest';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { fixtureRecordCount, fullRecordId } from '../fixtures/site/index.ts';
import { afterEmbargo, observeWhileEmbargoed } from '../helpers/embargo-window.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { hitLinks, totalOf } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;
const curator = { actor: 'cli:curator' };
/** Related to the full record, withdrawn. */
const hiddenId = 'shangtang-river';
/** Related to the full record, deleted. */
const deletedId = 'html-trap';
/** The Liangzhu collection's cover, withdrawn. */
const hiddenCoverId = 'yujiashan-site';
/** Embargoed beyond the tests' lifetime. */
const embargoedId = 'chinese-only';
/** Embargoed for a few seconds by the one test that watches an embargo end. */
const liftingId = 'english-only';

typed.before(async (t) => {
  const site = await openFixtureSite();
  site.catalog.setVisibility([hiddenId, hiddenCoverId], HIDDEN, curator);
  site.catalog.deleteRecords([deletedId], { reason: 'a test record, not heritage', ...curator });
  site.catalog.setVisibility([embargoedId], { state: 'embargoed', until: '2099-01-01T00:00:00Z' }, curator);
  await syncIndex(site.catalog, site.engine);
  t.context = site;
});
typed.after.always(async (t) => {
  await t.context.close();
});

const get = (t: { context: FixtureSite }, path: string, lang = 'en') => request(t.context.app).get(path).set('Accept-Language', lang);
const withheld = [hiddenId, deletedId, hiddenCoverId];

typed('a deleted record answers 410 Gone with a page in both languages; an id that never existed stays 404', async (t) => {
  const [en, zh] = [await get(t, `/items/${deletedId}`), await get(t, `/items/${deletedId}`, 'zh')];
  t.is(en.status, 410);
  t.is(en.headers['cache-control'], 'no-store');
  t.regex(en.text, /Record deleted/);
  t.regex(en.text, /was deleted from the archive on \d{4}-\d{2}-\d{2}/);
  t.false(en.text.includes('a test record, not heritage'), 'the curator\'s reason stays internal');
  t.is(zh.status, 410);
  t.regex(zh.text, /记录已删除/);
  t.is((await get(t, '/items/never-was-here')).status, 404);
});

typed('a hidden record\'s page is a 404 no different from an id that never existed', async (t) => {
  const hidden = await get(t, `/items/${hiddenId}`);
  const unknown = await get(t, '/items/never-was-here');
  t.is(hidden.status, 404);
  // The same page but for the address itself, which the visitor typed.
  t.is(hidden.text.replaceAll(hiddenId, 'ID'), unknown.text.replaceAll('never-was-here', 'ID'));
});

typed('the record that names withdrawn and deleted records as related links to neither', async (t) => {
  const page = await get(t, `/items/${fullRecordId}`);
  t.is(page.status, 200);
  for (const id of [hiddenId, deletedId]) t.false(page.text.includes(`/items/${id}`), id);
});

typed('search, its totals and its facet counts leave hidden and deleted records out', async (t) => {
  for (const q of ['上塘河', '玉架山', 'Markup']) {
    const page = await get(t, `/search?q=${encodeURIComponent(q)}`);
    for (const id of withheld) t.false(page.text.includes(`/items/${id}`), `${q}: ${id}`);
  }
  const browse = await get(t, '/search?per_page=100');
  const listed = hitLinks(browse.text);
  for (const id of [...withheld, embargoedId]) t.false(listed.includes(`/items/${id}`), id);
  t.is(totalOf(browse.text), fixtureRecordCount - 4);
  const bySite = await get(t, '/search?type=site');
  t.false(bySite.text.includes(`/items/${hiddenCoverId}`));
});

typed('suggestions and the map\'s GeoJSON never name a withdrawn record', async (t) => {
  for (const prefix of ['上塘', 'Shangtang', 'shangt', '玉架', 'yujia']) {
    const response = await get(t, `/api/suggest?q=${encodeURIComponent(prefix)}`);
    t.deepEqual(response.body.suggestions.filter((s: { recordId?: string }) => withheld.includes(s.recordId ?? '')), [], prefix);
  }
  const geojson = await get(t, '/api/search.geojson');
  const ids = (geojson.body.features as { properties: { id?: string }; id?: string }[]).map((feature) => feature.id ?? feature.properties.id);
  t.true(ids.length > 0);
  for (const id of withheld) t.false(ids.includes(id), id);
});

typed('the home page counts, features and lists as recently added only what the public may see', async (t) => {
  const home = await get(t, '/');
  t.regex(home.text, new RegExp(`Records: ${fixtureRecordCount - 4}\\b`));
  for (const id of [...withheld, embargoedId]) t.false(home.text.includes(`/items/${id}"`), id);
  t.regex(home.text, /Recently added/);
});

typed('a collection whose cover was withdrawn shows neither the cover nor the record', async (t) => {
  const page = await get(t, '/collections/liangzhu');
  t.is(page.status, 200);
  t.false(page.text.includes(`/items/${hiddenCoverId}`));
});

// Serial, so it runs before the other tests: by their turn the record is public again, as they count it.
typed.serial('an embargoed record is a 404 until its embargo ends, then its page and search find it without a restart', async (t) => {
  const { catalog, engine } = t.context;
  const search = `/search?q=${encodeURIComponent('An English-only record')}`;
  const { observed, until } = await observeWhileEmbargoed(
    async (until) => {
      catalog.setVisibility([liftingId], { state: 'embargoed', until }, curator);
      await syncIndex(catalog, engine);
    },
    async () => ({ page: (await get(t, `/items/${liftingId}`)).status, found: hitLinks((await get(t, search)).text).includes(`/items/${liftingId}`) }),
  );
  t.deepEqual(observed, { page: 404, found: false });
  await afterEmbargo(until);
  t.is((await get(t, `/items/${liftingId}`)).status, 200);
  t.true(hitLinks((await get(t, search)).text).includes(`/items/${liftingId}`));
});
