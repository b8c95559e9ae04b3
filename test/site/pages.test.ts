/** Every page type answers in both languages with the right status and its main content. */
import test from 'ava';
import request from 'supertest';
import { bceRecordId, bceToCeRecordId, fixtureRecordCount, fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { asAttribute, decodeEntities, totalOf } from './helpers/html.ts';
import { settledHealth } from './helpers/settled-health.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

const PAGES = [
  { name: 'home', path: '/', zh: '精选记录', en: 'Featured records' },
  { name: 'search', path: '/search?q=%E5%A1%98%E6%A0%96', zh: '“塘栖”的检索结果', en: 'Search results for “塘栖”' },
  { name: 'record', path: `/items/${fullRecordId}`, zh: '广济桥', en: 'Guangji Bridge' },
  { name: 'collections index', path: '/collections', zh: '大运河（测试）', en: 'The Grand Canal (fixture)' },
  { name: 'collection', path: '/collections/liangzhu', zh: '玉架山遗址是良渚文化的环壕聚落', en: 'ring-moated settlement' },
  { name: 'about', path: '/about', zh: '如何检索', en: 'How to search' },
];

for (const page of PAGES) {
  for (const lang of ['zh', 'en'] as const) {
    typed(`the ${page.name} page renders in ${lang === 'zh' ? 'Chinese' : 'English'} with the matching html lang`, async (t) => {
      const response = await request(t.context.app).get(`${page.path}${page.path.includes('?') ? '&' : '?'}lang=${lang}`);
      t.is(response.status, 200);
      t.regex(response.headers['content-type'] ?? '', /^text\/html; charset=utf-8/);
      t.true(response.text.startsWith('<!doctype html>'));
      t.true(response.text.includes(`<html lang="${lang === 'zh' ? 'zh-Hans' : 'en'}">`));
      t.true(response.text.includes(page[lang]), `expected “${page[lang]}” on ${page.path}`);
      t.true(response.text.includes(lang === 'zh' ? '跳到正文' : 'Skip to content'));
    });
  }
}

for (const [name, path, status, zh, en] of [
  ['an unknown address', '/no/such/page', 404, '找不到页面', 'Page not found'],
  ['an unknown record', '/items/no-such-record', 404, '档案中没有这条记录', 'The archive has no such record'],
  ['an unknown collection', '/collections/no-such-collection', 404, '档案中没有这个专题', 'The archive has no such collection'],
  ['a bad search', '/search?sort=unknown', 400, '请求有误', 'Something in the address is not right'],
] as const) {
  typed(`${name} answers ${status} with an explanation in both languages`, async (t) => {
    const chinese = await request(t.context.app).get(path).set('Accept-Language', 'zh-CN');
    const english = await request(t.context.app).get(path).set('Accept-Language', 'en-GB');
    t.is(chinese.status, status);
    t.is(english.status, status);
    t.true(chinese.text.includes(zh));
    t.true(english.text.includes(en));
    t.true(chinese.text.includes('<html lang="zh-Hans">'));
    t.true(english.text.includes('<html lang="en">'));
  });
}

typed('browsing without a query lists every record', async (t) => {
  const response = await request(t.context.app).get('/search?lang=en');
  t.is(response.status, 200);
  t.is(totalOf(response.text), fixtureRecordCount);
  t.true(response.text.includes('All records'));
});

typed('the home page says what the archive holds and lists the collections with their summaries', async (t) => {
  const response = await request(t.context.app).get('/?lang=en');
  t.true(response.text.includes(`Records: ${fixtureRecordCount} · Collections: 3`));
  t.true(response.text.includes('Canal sections, bridges and documents.'));
  t.true(response.text.includes('href="/collections/grand-canal"'));
  t.true(response.text.includes('<form class="search-form search-form--hero" role="search" action="/search" method="get"'));
  t.true(response.text.includes(`href="/items/${fullRecordId}"`), 'a cover record is featured');
});

typed('the search page shows the total, highlighted hits with period and place, and facets', async (t) => {
  const response = await request(t.context.app).get('/search?q=%E5%B9%BF%E6%B5%8E%E6%A1%A5&lang=zh');
  t.is(totalOf(response.text), 1);
  t.true(response.text.includes('<mark>广济桥</mark>'));
  t.true(response.text.includes('明（1489年）'));
  t.true(response.text.includes('塘栖镇'));
  for (const facet of ['collection', 'type', 'period', 'admin_area', 'protection_level', 'has_image']) {
    t.true(response.text.includes(`aria-labelledby="facet-${facet}"`), `facet ${facet}`);
  }
});

typed('periods are written with their eras in both languages on record pages', async (t) => {
  const bceZh = await request(t.context.app).get(`/items/${bceRecordId}?lang=zh`);
  const bceEn = await request(t.context.app).get(`/items/${bceRecordId}?lang=en`);
  const crossing = await request(t.context.app).get(`/items/${bceToCeRecordId}?lang=en`);
  t.true(bceZh.text.includes('良渚文化（公元前3300年–前2300年）'));
  t.true(bceEn.text.includes('Liangzhu culture (3300–2300 BCE)'));
  t.true(crossing.text.includes('Qin to Han (221 BCE – 8 CE)'));
});

typed('a year range with BCE years finds the records that overlap it', async (t) => {
  const response = await request(t.context.app).get(`/search?year_from=${encodeURIComponent('公元前3000年')}&year_to=-2500&lang=en`);
  t.is(response.status, 200);
  t.is(totalOf(response.text), 2);
  t.true(response.text.includes('value="3000 BCE"'), 'the form echoes the year in the visitor language');
});

typed('the sort orders rearrange the hits', async (t) => {
  const oldest = await request(t.context.app).get('/search?sort=year_asc&lang=en');
  const newest = await request(t.context.app).get('/search?sort=year_desc&lang=en');
  t.true(oldest.text.indexOf('Yujiashan Site') < oldest.text.indexOf('Guangji Bridge'));
  t.true(newest.text.indexOf('Guangji Bridge') < newest.text.indexOf('Yujiashan Site') || !newest.text.includes('Yujiashan Site'));
  t.true(oldest.text.includes('<option value="year_asc" selected>'));
});

typed('pagination links lead to the next page and mark the current one', async (t) => {
  const first = await request(t.context.app).get('/search?q=%E5%A1%98%E6%A0%96&lang=en');
  t.true(first.text.includes('rel="next"'));
  const next = decodeEntities(first.text.match(/<a href="([^"]*)" rel="next">/)![1]!);
  t.is(next, '/search?q=%E5%A1%98%E6%A0%96&page=2');
  const second = await request(t.context.app).get(next).set('Accept-Language', 'en');
  t.true(second.text.includes(`href="${asAttribute(next)}" aria-current="page"><span class="visually-hidden">Page 2</span>`));
  t.true(second.text.includes('Records 21–'));
});

typed('a page past the last redirects to the last page', async (t) => {
  const response = await request(t.context.app).get('/search?q=%E5%A1%98%E6%A0%96&page=1e9');
  t.is(response.status, 302);
  t.is(response.headers.location, '/search?q=%E5%A1%98%E6%A0%96&page=2');
});

typed('an empty result explains itself and offers ways out', async (t) => {
  const response = await request(t.context.app).get('/search?q=zzzqqq&type=bridge&lang=en');
  t.is(response.status, 200);
  t.is(totalOf(response.text), 0);
  t.true(response.text.includes('Nothing was found for “zzzqqq”'));
  t.true(response.text.includes('Check the spelling.'));
  t.true(response.text.includes(`href="${asAttribute('/search?q=zzzqqq')}">Without “Type: Bridge”</a>`));
  t.true(response.text.includes('Search for the text without any filter'));
});

typed('a collection page shows its narrative and searches only its records', async (t) => {
  const response = await request(t.context.app).get('/collections/liangzhu?lang=en');
  t.true(response.text.includes('Search this collection'));
  t.true(response.text.includes('action="/collections/liangzhu"'));
  t.is(totalOf(response.text), 2);
  t.false(response.text.includes('aria-labelledby="facet-collection"'), 'the collection facet is fixed by the page');
  const filtered = await request(t.context.app).get('/collections/liangzhu?type=artifact&lang=en');
  t.is(totalOf(filtered.text), 1);
  t.true(filtered.text.includes('href="/collections/liangzhu"'), 'removing the last filter stays in the collection');
});

typed('the health check reports the catalog and the engine', async (t) => {
  const response = await settledHealth(t.context.app);
  t.is(response.status, 200);
  t.deepEqual(response.body, { catalog: 'ok', engine: { ok: true } });
});
