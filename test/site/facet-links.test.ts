/** Facet links round-trip: the URL a facet link produces returns the results it promised. */
import test from 'ava';
import request from 'supertest';
import { tangqiBuildingCount } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities, facetLinks, totalOf } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

const get = (t: import('ava').ExecutionContext<FixtureSite>, path: string) => request(t.context.app).get(path).set('Accept-Language', 'en');

for (const start of ['/search', `/search?q=${encodeURIComponent('塘栖')}`, '/collections/tangqi-old-town']) {
  typed(`every facet value offered on ${decodeURIComponent(start)} leads to as many records as its count, with the value selected`, async (t) => {
    const page = await get(t, start);
    const links = facetLinks(page.text);
    t.true(links.length >= 6, 'the page offers facet values');
    for (const link of links) {
      const filtered = await get(t, link.href);
      t.is(filtered.status, 200, link.href);
      t.is(totalOf(filtered.text), link.count, `${link.facet}=${link.label} promised ${link.count}`);
      const selected = facetLinks(filtered.text).filter((entry) => entry.selected);
      t.true(selected.some((entry) => entry.facet === link.facet && entry.label === link.label), `${link.facet}=${link.label} is shown as selected`);
    }
  });
}

typed('a selected facet value links back to the search without it', async (t) => {
  const start = `/search?q=${encodeURIComponent('塘栖')}`;
  const before = totalOf((await get(t, start)).text);
  const building = facetLinks((await get(t, start)).text).find((link) => link.facet === 'type' && link.label === 'Building')!;
  const filtered = await get(t, building.href);
  t.is(totalOf(filtered.text), tangqiBuildingCount);
  const remove = facetLinks(filtered.text).find((link) => link.selected)!;
  t.is(remove.href, start);
  t.is(totalOf((await get(t, remove.href)).text), before);
});

typed('values of two facets combine, and each active filter can be removed on its own', async (t) => {
  const filtered = await get(t, '/search?type=building&period=ming');
  t.is(totalOf(filtered.text), 13);
  const chips = [...filtered.text.matchAll(/<a class="chip" href="([^"]*)">/g)].map((m) => decodeEntities(m[1]!));
  t.deepEqual(chips, ['/search?period=ming', '/search?type=building']);
  t.is(totalOf((await get(t, chips[0]!)).text), 15, 'every Ming record: 13 houses, the bridge and the old town (明、清)');
  t.is(totalOf((await get(t, chips[1]!)).text), tangqiBuildingCount);
});

typed('an admin area level selects every record at or below it and is shown as a path', async (t) => {
  const response = await get(t, `/search?admin_area=${encodeURIComponent('浙江省/杭州市/临平区')}`);
  t.is(totalOf(response.text), 37);
  t.true(response.text.includes('Zhejiang Province › Hangzhou › Linping District'));
});
