/** The record page shows every field of the record with its label, in either language. */
import test from 'ava';
import request from 'supertest';
import { RECORD_FIELDS } from '../../core/schema/record.ts';
import { bceRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { asAttribute } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

const PUBLIC_ORIGIN = 'https://heritage.example.org';

typed.before(async (t) => {
  t.context = await openFixtureSite(undefined, { ARCHIVE_PUBLIC_URL: PUBLIC_ORIGIN });
});
typed.after.always(async (t) => {
  await t.context.close();
});

/** How each field of the fully catalogued fixture record reads on its Chinese and English pages. */
const SHOWN: Record<(typeof RECORD_FIELDS)[number], { zh: string[]; en: string[] } | 'images slot'> = {
  id: { zh: ['<dt>记录编号</dt>', 'guangji-bridge'], en: ['<dt>Record ID</dt>'] },
  identifier: { zh: ['<dt>原始编号</dt>', 'GC-001'], en: ['<dt>Original identifier</dt>', 'GC-001'] },
  title_zh: { zh: ['<span lang="zh-Hans">广济桥</span></h1>'], en: ['<p class="record__other-title" lang="zh-Hans">广济桥</p>'] },
  title_en: { zh: ['<p class="record__other-title" lang="en">Guangji Bridge</p>'], en: ['<span lang="en">Guangji Bridge</span></h1>'] },
  description_zh: { zh: ['广济桥横跨京杭大运河'], en: ['<h3 class="record__other-language">Description in Chinese</h3>', '广济桥横跨京杭大运河'] },
  description_en: { zh: ['<h3 class="record__other-language">英文简介</h3>', 'A seven-arch stone bridge'], en: ['A seven-arch stone bridge'] },
  type: { zh: ['<dt>类型</dt>', '桥梁'], en: ['<dt>Type</dt>', 'Bridge'] },
  period_zh: { zh: ['<dt>年代</dt>', '明（1489年）'], en: ['<dt>Period</dt>'] },
  period_en: { zh: [], en: ['Ming dynasty (1489)'] },
  start_year: { zh: ['1489年'], en: ['(1489)'] },
  end_year: { zh: ['1489年'], en: ['(1489)'] },
  place_zh: { zh: ['<dt>地点</dt>', '塘栖镇'], en: ['<dt>Place</dt>'] },
  place_en: { zh: [], en: ['Tangqi Town'] },
  admin_area: {
    zh: ['<dt>行政区划</dt>', `<a href="${asAttribute(`/search?admin_area=${encodeURIComponent('浙江省/杭州市/临平区/塘栖镇')}`)}" lang="zh-Hans">塘栖镇</a>`],
    en: ['<dt>Administrative area</dt>', `<a href="${asAttribute(`/search?admin_area=${encodeURIComponent('浙江省')}`)}" lang="en">Zhejiang Province</a>`],
  },
  lat: { zh: ['<dt>坐标</dt>', '北纬30.48°，东经120.19°'], en: ['<dt>Coordinates</dt>', '30.48° N, 120.19° E'] },
  lon: { zh: ['东经120.19°'], en: ['120.19° E'] },
  collections: {
    zh: ['<dt>所属专题</dt>', '<a href="/collections/grand-canal" lang="zh-Hans">大运河（测试）</a>', '<a href="/collections/tangqi-old-town" lang="zh-Hans">塘栖古镇（测试）</a>'],
    en: ['<dt>Collections</dt>', '<a href="/collections/grand-canal" lang="en">The Grand Canal (fixture)</a>'],
  },
  keywords_zh: { zh: ['<dt>关键词</dt>', '>石拱桥</a>', '>运河</a>'], en: [] },
  keywords_en: { zh: [], en: ['<dt>Keywords</dt>', '>stone arch bridge</a>'] },
  protection_level: { zh: ['<dt>保护级别</dt>', '世界文化遗产'], en: ['<dt>Protection level</dt>', 'World Heritage'] },
  rights: { zh: ['<dt>权利</dt>', 'CC BY 4.0'], en: ['<dt>Rights</dt>', 'CC BY 4.0'] },
  source: { zh: ['<dt>来源</dt>', '清光绪《唐栖志》卷三'], en: ['<dt>Source</dt>', '清光绪《唐栖志》卷三'] },
  images: 'images slot',
  coordinates_source: { zh: ['北纬30.48°，东经120.19°'], en: ['30.48° N, 120.19° E'] },
  geometry: { zh: ['<dt>形状</dt>', '线（2 个点）'], en: ['<dt>Shape</dt>', 'Line (2 points)'] },
  related: { zh: ['<h2 id="record-related">相关记录</h2>', 'href="/items/shangtang-river"'], en: ['<h2 id="record-related">Related records</h2>', 'href="/items/html-trap"'] },
};

typed('every field of a fully catalogued record is shown with its label in both languages', async (t) => {
  t.deepEqual(Object.keys(SHOWN).sort(), [...RECORD_FIELDS].sort(), 'the table covers every field of the schema');
  for (const lang of ['zh', 'en'] as const) {
    const response = await request(t.context.app).get(`/items/${fullRecordId}?lang=${lang}`);
    for (const [field, shown] of Object.entries(SHOWN)) {
      if (shown === 'images slot') continue;
      for (const fragment of shown[lang]) t.true(response.text.includes(fragment), `${lang} ${field}: ${fragment}`);
    }
  }
});

typed('a related record that does not exist is left out', async (t) => {
  const response = await request(t.context.app).get(`/items/${fullRecordId}`);
  t.false(response.text.includes('no-such-record'));
});

typed('the permanent URL is absolute at the configured public origin whatever Host a request sends, and the canonical link is the same page', async (t) => {
  for (const host of ['archive.example:3000', 'evil.example', 'evil.example/"><script>']) {
    const response = await request(t.context.app).get(`/items/${fullRecordId}?lang=en`).set('Host', host);
    t.true(response.text.includes(`<a href="${PUBLIC_ORIGIN}/items/${fullRecordId}">${PUBLIC_ORIGIN}/items/${fullRecordId}</a>`), host);
    t.false(response.text.includes('evil.example'), host);
    t.true(response.text.includes(`<link rel="canonical" href="${PUBLIC_ORIGIN}/items/${fullRecordId}">`));
  }
});

typed('a record without place, coordinates or collections shows no empty rows', async (t) => {
  const response = await request(t.context.app).get(`/items/${bceRecordId}?lang=en`);
  t.false(response.text.includes('<dt>Place</dt>'));
  t.false(response.text.includes('<dt>Keywords</dt>'));
  t.true(response.text.includes('<dt>Coordinates</dt>'));
});

typed('the record page has a print stylesheet and a single h1', async (t) => {
  const response = await request(t.context.app).get(`/items/${fullRecordId}`);
  t.regex(response.text, /<link rel="stylesheet" href="\/assets\/[0-9a-f]{12}\/css\/print\.css" media="print">/);
  t.is([...response.text.matchAll(/<h1/g)].length, 1);
});
