/** The interface language: chosen by ?lang, remembered in a cookie, defaulting from Accept-Language; record text falls back, marked. */
import test from 'ava';
import request from 'supertest';
import { chineseOnlyCollectionId, chineseOnlyRecordId, englishOnlyRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

const htmlLang = (html: string) => html.match(/<html lang="([^"]+)">/)?.[1];

typed('Accept-Language picks the language when nothing else does', async (t) => {
  const cases: [string | undefined, string][] = [
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-Hans'],
    ['zh-TW', 'zh-Hans'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,en;q=0.5,zh;q=0.4', 'en'],
    ['de-DE', 'en'],
    [undefined, 'zh-Hans'],
  ];
  for (const [header, expected] of cases) {
    const call = request(t.context.app).get('/');
    const response = await (header ? call.set('Accept-Language', header) : call);
    t.is(htmlLang(response.text), expected, `Accept-Language: ${header}`);
  }
});

typed('?lang switches the language and a cookie remembers it for plain links', async (t) => {
  const agent = request.agent(t.context.app);
  const switched = await agent.get('/?lang=en').set('Accept-Language', 'zh-CN');
  t.is(htmlLang(switched.text), 'en');
  t.regex(String(switched.headers['set-cookie']), /lang=en; Max-Age=31536000; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/);
  const next = await agent.get('/collections').set('Accept-Language', 'zh-CN');
  t.is(htmlLang(next.text), 'en');
  const back = await agent.get('/collections?lang=zh').set('Accept-Language', 'en');
  t.is(htmlLang(back.text), 'zh-Hans');
  t.is(htmlLang((await agent.get('/about')).text), 'zh-Hans');
});

typed('an unknown ?lang is ignored and sets no cookie', async (t) => {
  const response = await request(t.context.app).get('/?lang=fr').set('Accept-Language', 'en');
  t.is(htmlLang(response.text), 'en');
  t.is(response.headers['set-cookie'], undefined);
});

typed('pages vary by language and the switch links to the same page in the other language', async (t) => {
  const response = await request(t.context.app).get(`/search?q=${encodeURIComponent('塘栖')}&type=building&lang=zh`);
  t.regex(String(response.headers.vary), /Accept-Language/);
  t.regex(String(response.headers.vary), /Cookie/);
  t.true(response.text.includes('<a class="lang-switch" href="/search?q&#x3D;%E5%A1%98%E6%A0%96&amp;type&#x3D;building&amp;lang&#x3D;en" lang="en"'));
  t.true(response.text.includes('>English</a>'));
});

typed('a record missing the visitor language shows the other language, marked, with its lang attribute', async (t) => {
  const english = await request(t.context.app).get(`/items/${englishOnlyRecordId}?lang=zh`);
  t.true(english.text.includes('<span lang="en">An English-only record</span> <span class="fallback-marker">（仅有英文）</span>'));
  t.true(english.text.includes('<p class="record__text" lang="en">Only English text was catalogued for this record.</p>'));
  const chinese = await request(t.context.app).get(`/items/${chineseOnlyRecordId}?lang=en`);
  t.true(chinese.text.includes('<span lang="zh-Hans">只有中文的记录</span> <span class="fallback-marker">(Chinese only)</span>'));
  t.true(chinese.text.includes('lang="zh-Hans">中文</a>'), 'fallback keywords carry their language');
});

typed('fallback is marked in search hits and collection titles too', async (t) => {
  const hits = await request(t.context.app).get(`/search?q=${encodeURIComponent('只有中文')}&lang=en`);
  t.true(hits.text.includes('<span class="fallback-marker">(Chinese only)</span>'));
  const collections = await request(t.context.app).get('/collections?lang=en');
  t.true(collections.text.includes(`<a href="/collections/${chineseOnlyCollectionId}" lang="zh-Hans">塘栖古镇（测试）</a> <span class="fallback-marker">(Chinese only)</span>`));
});

typed('a bilingual record shows the other language title and description, not marked as fallback', async (t) => {
  const response = await request(t.context.app).get(`/items/${fullRecordId}?lang=en`);
  t.true(response.text.includes('<span lang="en">Guangji Bridge</span></h1>'));
  t.true(response.text.includes('<p class="record__other-title" lang="zh-Hans">广济桥</p>'));
  t.true(response.text.includes('Description in Chinese'));
  t.false(response.text.includes('fallback-marker">'));
});

typed('vocabulary and facet labels follow the interface language', async (t) => {
  const chinese = await request(t.context.app).get('/search?lang=zh');
  const english = await request(t.context.app).get('/search?lang=en');
  t.true(chinese.text.includes('<h3 id="facet-protection_level">保护级别</h3>'));
  t.true(english.text.includes('<h3 id="facet-protection_level">Protection level</h3>'));
  t.true(chinese.text.includes('<span class="facet-value__label">世界文化遗产</span>'));
  t.true(english.text.includes('<span class="facet-value__label">World Heritage</span>'));
  t.true(english.text.includes('<span class="facet-value__label">Ming dynasty</span>'), 'period values are named in English');
  t.true(chinese.text.includes('<span class="facet-value__label">明</span>'));
});
