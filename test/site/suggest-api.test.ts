/** `/api/suggest`: what the search boxes suggest as people type, in Chinese, pinyin and English. */
import test from 'ava';
import request from 'supertest';
import { fullRecordId, hostileRecordId } from '../fixtures/site/index.ts';
import { MAX_SUGGEST_PREFIX } from '../../server/routes/api-routes.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { totalOf } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

interface Suggestions {
  suggestions: { text: string; url: string }[];
}

async function suggest(t: import('ava').ExecutionContext<FixtureSite>, q: string, lang = 'zh'): Promise<Suggestions['suggestions']> {
  const response = await request(t.context.app).get('/api/suggest').query({ q, lang });
  t.is(response.status, 200);
  t.regex(response.headers['content-type'] ?? '', /^application\/json/);
  return (response.body as Suggestions).suggestions;
}

typed('a Chinese prefix suggests the titles that start with it, each leading to its record', async (t) => {
  const suggestions = await suggest(t, '塘栖');
  t.true(suggestions.length > 0);
  t.true(suggestions.every((suggestion) => suggestion.text.startsWith('塘栖')), JSON.stringify(suggestions));
  t.deepEqual(suggestions.find((suggestion) => suggestion.text === '塘栖古镇'), { text: '塘栖古镇', url: '/items/tangqi-old-town' });
});

typed('a traditional-script prefix finds the simplified names', async (t) => {
  const suggestions = await suggest(t, '塘棲');
  t.true(suggestions.some((suggestion) => suggestion.text === '塘栖古镇'));
});

typed('the pinyin prefix tangq suggests 塘栖 names first', async (t) => {
  const suggestions = await suggest(t, 'tangq');
  t.true(suggestions.length > 0);
  t.true(suggestions[0]!.text.startsWith('塘栖'), suggestions[0]!.text);
});

typed('an English prefix suggests English titles to an English reader', async (t) => {
  const suggestions = await suggest(t, 'guangji', 'en');
  t.deepEqual(suggestions[0], { text: 'Guangji Bridge', url: `/items/${fullRecordId}` });
});

typed('a name that is not a title leads to a search for it, which finds records', async (t) => {
  const suggestions = await suggest(t, '石拱');
  const keyword = suggestions.find((suggestion) => suggestion.text === '石拱桥');
  t.truthy(keyword, JSON.stringify(suggestions));
  t.is(keyword!.url, `/search?q=${encodeURIComponent('石拱桥')}`);
  const search = await request(t.context.app).get(keyword!.url).set('Accept-Language', 'en');
  t.is(search.status, 200);
  t.true(totalOf(search.text) >= 1);
});

typed('an empty or blank prefix suggests nothing', async (t) => {
  t.deepEqual(await suggest(t, ''), []);
  t.deepEqual(await suggest(t, '   '), []);
  const without = await request(t.context.app).get('/api/suggest');
  t.deepEqual(without.body, { suggestions: [] });
});

typed('an over-long prefix is answered, not refused, with no suggestion', async (t) => {
  t.deepEqual(await suggest(t, '塘'.repeat(MAX_SUGGEST_PREFIX * 3)), []);
  const repeated = await request(t.context.app).get(`/api/suggest?q=${encodeURIComponent('塘栖')}&q=zzz&lang=zh&lang=en`);
  t.is(repeated.status, 200, 'repeated parameters take their first value');
  t.true((repeated.body as Suggestions).suggestions.length > 0);
});

typed('markup in a suggested title is escaped in the JSON and kept as text', async (t) => {
  const response = await request(t.context.app).get('/api/suggest').query({ q: '脚本', lang: 'zh' });
  t.false(/<script/i.test(response.text), 'no markup in the raw answer');
  t.true(response.text.includes('\\u003cscript\\u003e'));
  t.deepEqual((response.body as Suggestions).suggestions[0], { text: '脚本<script>alert(1)</script>测试', url: `/items/${hostileRecordId}` });
});

typed('a hostile prefix is answered as data, never echoed as markup or a 500', async (t) => {
  for (const q of ['</script><script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '\u0000', '%E0%A4%A', '\\', '*', '(']) {
    const response = await request(t.context.app).get('/api/suggest').query({ q });
    t.is(response.status, 200, q);
    t.false(/<(?:script|img)/i.test(response.text), q);
  }
});

typed('the API answers in the language asked for without setting a cookie', async (t) => {
  const response = await request(t.context.app).get('/api/suggest?q=guang&lang=en');
  t.is(response.headers['set-cookie'], undefined);
  t.regex(String(response.headers.vary), /Accept-Language/);
  t.is((response.body as Suggestions).suggestions[0]!.text, 'Guangji Bridge');
});

typed('an unknown API address is a 404 problem document in the visitor language', async (t) => {
  const response = await request(t.context.app).get('/api/nothing-here').set('Accept-Language', 'en');
  t.is(response.status, 404);
  t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
  t.like(response.body, { status: 404, detail: 'There is no page at this address.', language: 'en' });
});
