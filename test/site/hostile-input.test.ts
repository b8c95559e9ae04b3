/**
 * bad-inputs.md rows 25–30: hostile text in queries and records is always escaped, abusive
 * parameters are clamped or refused with a 400, never a 500, and paths cannot leave their roots.
 */
import test from 'ava';
import request from 'supertest';
import { fixtureRecordCount, hostilePeriodValue, hostileRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { asAttribute, foreignScripts, hitLinks, totalOf } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

/** Nothing in a page may run but the site's own script files: no inline script, handlers or javascript: links. */
function assertInert(t: import('ava').ExecutionContext, html: string): void {
  t.deepEqual(foreignScripts(html), [], 'no <script> element but the site\'s own files');
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  t.deepEqual(tags.filter((tag) => /\son\w+\s*=/i.test(tag)), [], 'no element with an event handler');
  t.false(/href="javascript:/i.test(html), 'no javascript: link');
  t.false(/<iframe/i.test(html), 'no frame');
}

const SCRIPT_QUERY = '</script><script>alert(1)</script>';
const ESCAPED_SCRIPT_QUERY = '&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;';

// Row 25
typed('a script in the query is escaped in the heading, the search box and the empty state', async (t) => {
  for (const lang of ['zh', 'en']) {
    const response = await request(t.context.app).get(`/search?q=${encodeURIComponent(SCRIPT_QUERY)}&lang=${lang}`);
    t.is(response.status, 200);
    assertInert(t, response.text);
    t.true(response.text.includes(`value="${asAttribute(SCRIPT_QUERY)}"`), 'the input value');
    t.true(response.text.includes(`“${ESCAPED_SCRIPT_QUERY}”`), 'the heading and the empty state');
  }
});

typed('a script in the query is escaped on a collection page too', async (t) => {
  const response = await request(t.context.app).get(`/collections/grand-canal?q=${encodeURIComponent(SCRIPT_QUERY)}`);
  t.is(response.status, 200);
  assertInert(t, response.text);
  t.true(response.text.includes(ESCAPED_SCRIPT_QUERY));
});

typed('markup in a record is shown as text on the record page, in hits and in highlights', async (t) => {
  const record = await request(t.context.app).get(`/items/${hostileRecordId}?lang=zh`);
  assertInert(t, record.text);
  t.true(record.text.includes('脚本&lt;script&gt;alert(1)&lt;/script&gt;测试'));
  t.true(record.text.includes('Markup &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; record'));
  t.true(record.text.includes('&lt;svg onload&#x3D;alert(1)&gt;'));
  t.true(record.text.includes('javascript:alert(1)'), 'a hostile source is printed as text');

  const hits = await request(t.context.app).get(`/search?q=${encodeURIComponent('脚本')}&lang=zh`);
  assertInert(t, hits.text);
  t.true(hits.text.includes('<mark>脚本</mark>&lt;script&gt;alert(1)&lt;/script&gt;测试'), 'the highlight marks escaped text');
  const english = await request(t.context.app).get('/search?q=markup&lang=en');
  assertInert(t, english.text);
  t.true(english.text.includes('<mark>Markup</mark> &lt;img src=x onerror=alert(1)&gt; record'));
  t.true(english.text.includes('Contains &lt;b&gt;<mark>markup</mark>&lt;/b&gt; &amp; &quot;quotes&quot;'));
});

typed('a collection narrative keeps its formatting but loses scripts, frames, handlers and javascript: links', async (t) => {
  for (const lang of ['zh', 'en']) {
    const response = await request(t.context.app).get(`/collections/grand-canal?lang=${lang}`);
    assertInert(t, response.text);
  }
  const chinese = await request(t.context.app).get('/collections/grand-canal?lang=zh');
  t.true(chinese.text.includes('<h2>因河而兴</h2>'), 'a narrative h1 becomes h2 under the page title');
  t.true(chinese.text.includes('<strong>临平</strong>'));
  t.true(chinese.text.includes('<a href="https://whc.unesco.org/en/list/1443">联合国教科文组织</a>'));
  t.false(chinese.text.includes("alert('narrative')"));
});

// Row 26
for (const [path, expected] of [
  ['/search?page=-1', 200],
  ['/search?page=0', 200],
  ['/search?page=1e9', 302],
  ['/search?page=abc', 400],
  ['/search?limit=100000', 200],
  ['/search?year_from=abc', 400],
  ['/search?year_from=99999999', 400],
  ['/search?year_to=0', 400],
] as const) {
  typed(`${path} answers ${expected}`, async (t) => {
    const response = await request(t.context.app).get(path).set('Accept-Language', 'en');
    t.is(response.status, expected);
    if (expected === 400) t.true(response.text.includes('Something in the address is not right'));
  });
}

typed('a huge page size cannot be asked for: undeclared keys are ignored and per_page stops at 100', async (t) => {
  const response = await request(t.context.app).get('/search?limit=100000&pageSize=100000&page_size=100000');
  t.is(hitLinks(response.text).length, 20);
  const largest = await request(t.context.app).get('/search?per_page=100000');
  t.is(largest.status, 200);
  t.is(hitLinks(largest.text).length, fixtureRecordCount, 'every record of the fixture fits on a page of 100');
  t.is((await request(t.context.app).get('/search?per_page=all&lang=en')).status, 400);
});

typed('a bad year is refused with a message naming the field and the forms that work', async (t) => {
  const response = await request(t.context.app).get('/search?year_from=abc&lang=en');
  t.is(response.status, 400);
  t.true(response.text.includes('From year “abc” is not a year; write for example 1990, -3300, 3300 BCE or 公元前3300年.'));
});

// Row 27
typed('repeated facet parameters select several values; repeated scalars take the first', async (t) => {
  const both = await request(t.context.app).get('/search?type=bridge&type=site&lang=en');
  t.is(totalOf(both.text), 9, "7 bridges and 2 sites");
  const repeated = await request(t.context.app).get(`/search?q=${encodeURIComponent('广济桥')}&q=zzzqqq&page=1&page=2`);
  t.is(repeated.status, 200);
  t.is(totalOf(repeated.text), 1);
  t.true(repeated.text.includes(`<link rel="canonical" href="${asAttribute(`${t.context.config.publicOrigin}/search?q=${encodeURIComponent('广济桥')}`)}">`));
});

typed('nested-looking parameters are flat keys and are ignored', async (t) => {
  const response = await request(t.context.app).get('/search?f[x][y]=1&f[type][]=bridge&type[]=site&lang=en');
  t.is(response.status, 200);
  t.is(totalOf(response.text), 40);
});

// Row 28
typed('a facet value with quotes, OR and a backslash matches literally and is echoed escaped', async (t) => {
  const response = await request(t.context.app).get(`/search?period=${encodeURIComponent(hostilePeriodValue)}&lang=zh`);
  t.is(response.status, 200);
  t.deepEqual(hitLinks(response.text), [`/items/${hostileRecordId}`]);
  t.true(response.text.includes('&quot;引号&quot; OR 1&#x3D;1 \\'), 'the active filter shows the value as text');
  const injection = await request(t.context.app).get(`/search?admin_area=${encodeURIComponent("' OR '1'='1")}&collection=${encodeURIComponent('x" onmouseover="alert(1)')}`);
  t.is(injection.status, 200);
  t.is(totalOf(injection.text), 0);
  assertInert(t, injection.text);
});

// Row 29
typed('filters and sorts on undeclared fields are refused with a friendly 400', async (t) => {
  const filter = await request(t.context.app).get('/search?rights=CC&lang=en');
  t.is(filter.status, 400);
  t.true(filter.text.includes('Records cannot be filtered by “rights”; the filters are: collection, type, period, admin_area, protection_level, has_image'));
  const sort = await request(t.context.app).get('/search?sort=rights&lang=zh');
  t.is(sort.status, 400);
  t.true(sort.text.includes('无法按“rights”排序'));
  t.false(sort.text.includes(' at '), 'no stack trace');
});

// Row 30
for (const path of [
  '/media/..%2f..%2fetc/passwd',
  '/assets/0/..%2f..%2fpackage.json',
  '/assets/0/%2e%2e/%2e%2e/package.json',
  '/assets/0/../../package.json',
  '/items/..%2f..%2fcatalog.db',
]) {
  typed(`${path} serves no file from outside the asset root`, async (t) => {
    const response = await request(t.context.app).get(path);
    t.true(response.status === 404 || response.status === 400, `status ${response.status}`);
    t.false(response.text.includes('"name": "heritage-archive"'));
    t.false(response.text.includes('root:'));
  });
}

typed('bad percent-escapes answer 400 in a path and are read literally in a query', async (t) => {
  const path = await request(t.context.app).get('/items/%E0%A4%A').set('Accept-Language', 'en');
  t.is(path.status, 400);
  t.true(path.text.includes('The address is malformed'));
  const query = await request(t.context.app).get('/search?q=%E0%A4%A');
  t.is(query.status, 200);
});

typed('no abusive address makes the server answer 500', async (t) => {
  const paths = [
    '/search?q=%00', '/search?q=' + 'x'.repeat(5000), '/search?page=', '/search?page=%20', '/search?sort=',
    '/search?type=', '/search?year_from=--1', '/search?year_from=1e400', '/search?__proto__[x]=1', '/search?constructor=x',
    '/search?toString=1', '/search?lang=xx', '/search?lang[]=en', '/collections/%00', '/items/%00', '/items/' + 'a'.repeat(300),
    '/?lang=en&lang=zh', '/collections/grand-canal?page=-5&sort=title', '/search?' + Array.from({ length: 500 }, (_, i) => `k${i}=v`).join('&'),
    '/search?bbox=' + '9,'.repeat(2000), '/search?bbox=NaN,NaN,NaN,NaN', '/search?near=1e308,1e308', '/search?near=-0,-0,-0', '/search?view[]=map',
    '/search?view=map&bbox=-90,-180,90,180&page=1e9', '/search?view=timeline&page=abc', '/collections/liangzhu?view=map&near=%00',
    '/api/suggest?q[]=x', '/api/suggest?q=%00&lang=%00', '/api/search.geojson?bbox=%00', '/api/search.geojson?sort=x', '/api/search.geojson?q=' + 'x'.repeat(5000),
  ];
  for (const path of paths) {
    const response = await request(t.context.app).get(path);
    t.true(response.status < 500, `${path.slice(0, 60)} answered ${response.status}`);
  }
});
