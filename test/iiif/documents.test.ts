/**
 * The manifests and collections, as a IIIF client fetches them over HTTP from a real archive (the demo archive
 * plus the IIIF fixture collection, photographs included).
 */
import anyTest, { type TestFn } from 'ava';
import request from 'supertest';
import { translate } from '../../core/i18n/translate.ts';
import { recordStatements } from '../../core/schema/record-statements.ts';
import { ids, openIiifArchive, type IiifArchive } from './helpers/iiif-archive.ts';

const test = anyTest as TestFn<IiifArchive>;
const ORIGIN = 'https://archive.example.org';
/** An address under the archive's public origin, as the app serves it. */
const pathOf = (url: string) => url.slice(ORIGIN.length);

test.before(async (t) => {
  t.context = await openIiifArchive(ORIGIN);
});
test.after.always(async (t) => {
  await t.context.close();
});

const manifestOf = async (t: { context: IiifArchive }, id: string) => (await request(t.context.app).get(`/iiif/manifests/${id}`).expect(200)).body;

test('a bilingual record has zh-Hans and en language maps for its label, summary and every metadata pair', async (t) => {
  const manifest = await manifestOf(t, ids.bilingual);
  t.deepEqual(manifest.label, { 'zh-Hans': ['广济桥'], en: ['Guangji Bridge'] });
  t.deepEqual(manifest.summary, { 'zh-Hans': ['七孔石拱桥。'], en: ['A seven-arch stone bridge.'] });
  for (const pair of manifest.metadata) {
    t.deepEqual(Object.keys(pair.label), ['zh-Hans', 'en']);
    t.true(Object.keys(pair.value).every((language) => ['zh-Hans', 'en', 'none'].includes(language)), JSON.stringify(pair.value));
  }
  const type = manifest.metadata.find((pair: { label: { en: string[] } }) => pair.label.en[0] === 'Type');
  t.deepEqual(type.value, { 'zh-Hans': ['桥梁'], en: ['Bridge'] });
  const coordinates = manifest.metadata.find((pair: { label: { en: string[] } }) => pair.label.en[0] === 'Coordinates');
  t.deepEqual(coordinates.value, { none: ['30.48, 120.19'] }, 'a value without a language is "none"');
});

test('the metadata pairs are the schema’s statements, less those with properties of their own', async (t) => {
  const manifest = await manifestOf(t, ids.zhOnly);
  const stored = t.context.catalog.getRecord(ids.zhOnly)!;
  const expected = recordStatements(stored.record, { publicOrigin: ORIGIN, collectionById: new Map(t.context.catalog.listCollections().map((c) => [c.id, c])) })
    .filter((statement) => !['title', 'description', 'rights'].includes(statement.dc ?? ''))
    .map((statement) => translate('en', statement.label));
  t.deepEqual(
    manifest.metadata.map((pair: { label: { en: string[] } }) => pair.label.en[0]),
    expected,
  );
});

test('a record in one language has only that language, never an empty other one', async (t) => {
  const zh = await manifestOf(t, ids.zhOnly);
  t.deepEqual(zh.label, { 'zh-Hans': ['乾隆御碑'] });
  t.deepEqual(zh.summary, { 'zh-Hans': ['只有中文的记录。'] });
  const en = await manifestOf(t, ids.enOnly);
  t.deepEqual(en.label, { en: ['English-only document'] });
  t.deepEqual(en.summary, { en: ['A record described in English only.'] });
});

test('rights text that names a licence or statement gives its URI; other text only the requiredStatement', async (t) => {
  const expectations: [string, string | undefined, string][] = [
    [ids.bilingual, 'http://creativecommons.org/licenses/by-sa/4.0/', 'CC BY-SA 4.0'],
    [ids.zhOnly, 'http://creativecommons.org/publicdomain/mark/1.0/', '公有领域'],
    [ids.enOnly, 'http://rightsstatements.org/vocab/InC/1.0/', 'In Copyright'],
    [ids.bce, 'http://creativecommons.org/publicdomain/zero/1.0/', 'CC0'],
    [ids.line, undefined, '临平区文物局提供'],
  ];
  for (const [id, rights, text] of expectations) {
    const manifest = await manifestOf(t, id);
    t.is(manifest.rights, rights, id);
    t.deepEqual(manifest.requiredStatement, { label: { 'zh-Hans': ['权利'], en: ['Rights'] }, value: { none: [text] } }, id);
  }
});

test('navDate is the start year as an XSD dateTime, BCE years numbered astronomically', async (t) => {
  t.is((await manifestOf(t, ids.bilingual)).navDate, '1489-01-01T00:00:00Z');
  t.is((await manifestOf(t, ids.enOnly)).navDate, '1920-01-01T00:00:00Z');
  t.is((await manifestOf(t, ids.bce)).navDate, '-3299-01-01T00:00:00Z');
  t.is((await manifestOf(t, ids.oneBce)).navDate, '0000-01-01T00:00:00Z');
  t.false('navDate' in (await manifestOf(t, ids.line)), 'a record without years has no navDate');
  const years = (await manifestOf(t, ids.bce)).metadata.find((pair: { label: { en: string[] } }) => pair.label.en[0] === 'Years');
  t.deepEqual(years.value, { 'zh-Hans': ['公元前3300年–前2300年'], en: ['3300–2300 BCE'] });
});

test('navPlace is a GeoJSON FeatureCollection of the record’s line, or else its point, with the navPlace context', async (t) => {
  const line = await manifestOf(t, ids.line);
  t.deepEqual(line['@context'], ['http://iiif.io/api/extension/navplace/context.json', 'http://iiif.io/api/presentation/3/context.json']);
  t.is(line.navPlace.type, 'FeatureCollection');
  t.deepEqual(line.navPlace.features[0].geometry, { type: 'LineString', coordinates: [[120.3, 30.35], [120.35, 30.36], [120.4, 30.38]] });
  t.deepEqual(line.navPlace.features[0].properties.label, { 'zh-Hans': ['海塘'], en: ['Ancient seawall'] });
  const point = await manifestOf(t, ids.bilingual);
  t.deepEqual(point.navPlace.features[0].geometry, { type: 'Point', coordinates: [120.19, 30.48] });
  const nowhere = await manifestOf(t, ids.enOnly);
  t.false('navPlace' in nowhere);
  t.is(nowhere['@context'], 'http://iiif.io/api/presentation/3/context.json');
});

test('each photograph is a canvas of its info.json size, painted with its level-0 image service, with a thumbnail that is served', async (t) => {
  const manifest = await manifestOf(t, ids.bilingual);
  t.is(manifest.items.length, 2);
  for (const canvas of manifest.items) {
    const [annotation] = canvas.items[0].items;
    t.is(annotation.motivation, 'painting');
    t.is(annotation.target, canvas.id);
    const [service] = annotation.body.service;
    t.like(service, { type: 'ImageService3', profile: 'level0' });
    const info = (await request(t.context.app).get(`${pathOf(service.id)}/info.json`).expect(200)).body;
    t.is(info.id, service.id);
    t.deepEqual([canvas.width, canvas.height], [info.width, info.height]);
    await request(t.context.app).get(pathOf(annotation.body.id)).expect(200).expect('Content-Type', 'image/jpeg');
    await request(t.context.app).get(pathOf(canvas.thumbnail[0].id)).expect(200).expect('Content-Type', 'image/jpeg');
  }
  t.deepEqual([manifest.items[0].width, manifest.items[0].height], [1012, 759]);
  t.deepEqual([manifest.items[1].width, manifest.items[1].height], [48, 80], 'the upright size of a photograph stored on its side');
  t.deepEqual(manifest.thumbnail, manifest.items[0].thumbnail);
});

test('a record without photographs still has a manifest, with one empty canvas', async (t) => {
  const manifest = await manifestOf(t, ids.enOnly);
  t.is(manifest.items.length, 1);
  t.like(manifest.items[0], { type: 'Canvas', width: 1200, height: 900, items: [] });
  t.deepEqual(manifest.items[0].label, { 'zh-Hans': ['本记录没有图像'], en: ['This record has no image'] });
  t.false('thumbnail' in manifest);
});

test('homepage is the record page in each language, seeAlso its Linked Art and citation, and partOf names its collections and the archive', async (t) => {
  const manifest = await manifestOf(t, ids.bilingual);
  t.deepEqual(
    manifest.homepage.map((page: { id: string; language: string[] }) => [page.id, page.language]),
    [[`${ORIGIN}/items/${ids.bilingual}?lang=zh`, ['zh-Hans']], [`${ORIGIN}/items/${ids.bilingual}?lang=en`, ['en']]],
  );
  for (const page of manifest.homepage) await request(t.context.app).get(pathOf(page.id)).expect(200).expect('Content-Type', /text\/html/);
  t.deepEqual(manifest.partOf.map((part: { id: string }) => part.id), [`${ORIGIN}/iiif/collections/iiif-fixture`, `${ORIGIN}/iiif/archive`]);
  t.deepEqual(
    manifest.seeAlso.map((data: { id: string; format: string; profile?: string }) => [data.id, data.format, data.profile]),
    [
      [`${ORIGIN}/records/${ids.bilingual}.linkedart.json`, 'application/ld+json', 'https://linked.art/ns/v1/linked-art.json'],
      [`${ORIGIN}/items/${ids.bilingual}/cite.json`, 'application/vnd.citationstyles.csl+json', undefined],
    ],
  );
  for (const data of manifest.seeAlso) {
    const response = await request(t.context.app).get(pathOf(data.id)).expect(200);
    t.true(String(response.headers['content-type']).startsWith(data.format), data.id);
    t.regex(response.text, /广济桥/, `${data.id} describes the same record`);
  }
  t.deepEqual(manifest.provider[0].label, { 'zh-Hans': ['文化遗产档案'], en: ['Heritage Archive'] });
});

test('text that a client would take for HTML is sent as escaped text in a span', async (t) => {
  const manifest = await manifestOf(t, ids.markup);
  t.deepEqual(manifest.summary, { 'zh-Hans': ['<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>'], en: ['<span>&lt;img src=x onerror=alert(1)&gt;</span>'] });
  t.deepEqual(manifest.requiredStatement.value, { none: ['<span>&lt;a href=&quot;javascript:alert(1)&quot;&gt;rights&lt;/a&gt;</span>'] });
  t.false('rights' in manifest);
});

test('every id is at the public origin, whatever Host the request names', async (t) => {
  const response = await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example').expect(200);
  t.false(response.text.includes('evil.example'));
  t.is(response.body.id, `${ORIGIN}/iiif/manifests/${ids.bilingual}`);
  t.false(/"id":"(?!https:\/\/archive\.example\.org\/)/.test(response.text), 'no id anywhere else');
});

test('manifests are JSON-LD with the Presentation 3 profile, open to every origin', async (t) => {
  const response = await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).set('Origin', 'https://viewer.example').expect(200);
  t.is(response.headers['content-type'], 'application/ld+json; profile="http://iiif.io/api/presentation/3/context.json"; charset=utf-8');
  t.is(response.headers['access-control-allow-origin'], '*');
  t.is(response.headers['cross-origin-resource-policy'], 'cross-origin');
  t.is(response.headers['cache-control'], 'no-cache', 'a withdrawn record must not linger in caches');
  await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).set('If-None-Match', String(response.headers.etag)).expect(304);
});

test('a hidden or embargoed record’s manifest is a 404 exactly like an unknown id’s, and never named by another record', async (t) => {
  const hidden = await request(t.context.app).get(`/iiif/manifests/${ids.hidden}`).expect(404);
  const embargoed = await request(t.context.app).get(`/iiif/manifests/${ids.embargoed}`).expect(404);
  const unknown = await request(t.context.app).get('/iiif/manifests/no-such-record').expect(404);
  t.deepEqual(hidden.body, unknown.body);
  t.deepEqual(embargoed.body, unknown.body);
  t.deepEqual(hidden.body.error.message, {
    'zh-Hans': ['没有这条记录的 IIIF 清单：记录不存在或未公开'],
    en: ['There is no IIIF manifest for this record: it does not exist or is not public'],
  });
  const relating = await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).expect(200);
  t.false(relating.text.includes(ids.hidden));
  t.false(relating.text.includes(ids.deleted));
  t.true(relating.text.includes(`${ORIGIN}/items/${ids.zhOnly}`), 'the visible related record is named');
});

test('a deleted record’s manifest is 410 Gone, saying when, in both languages', async (t) => {
  const response = await request(t.context.app).get(`/iiif/manifests/${ids.deleted}`).expect(410);
  t.regex(response.body.error.message['zh-Hans'][0], /^这条记录已于 \d{4}-\d{2}-\d{2} 从档案中删除/);
  t.regex(response.body.error.message.en[0], /^This record was deleted from the archive on \d{4}-\d{2}-\d{2}/);
});

test('asking for a format IIIF documents do not come in is a bilingual 406, and JSON or anything is fine', async (t) => {
  const refused = await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).set('Accept', 'application/xml').expect(406);
  t.truthy(refused.body.error.message['zh-Hans'][0]);
  t.regex(refused.body.error.message.en[0], /JSON-LD/);
  for (const accept of ['application/json', 'application/ld+json', '*/*', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8']) {
    await request(t.context.app).get(`/iiif/manifests/${ids.bilingual}`).set('Accept', accept).expect(200);
  }
});

test('odd ids never reach a 500', async (t) => {
  for (const id of ['%2e%2e%2f%2e%2e%2fetc%2fpasswd', 'x'.repeat(5000), '%E4%B8%AD%E6%96%87', "' OR 1=1 --", '__proto__']) {
    const response = await request(t.context.app).get(`/iiif/manifests/${id}`);
    t.true([400, 404].includes(response.status), `${id.slice(0, 40)}: ${response.status}`);
  }
});

// ── collections ────────────────────────────────────────────────────────────────────────────────

test('the whole archive is a collection of pages whose manifests are every public record, in catalog order', async (t) => {
  const top = (await request(t.context.app).get('/iiif/archive').expect(200)).body;
  t.like(top, { type: 'Collection', label: { 'zh-Hans': ['文化遗产档案：全部记录'], en: ['Heritage Archive: all records'] } });
  t.deepEqual(top.items, [{ id: `${ORIGIN}/iiif/archive/pages/1`, type: 'Collection', label: { 'zh-Hans': ['文化遗产档案：全部记录，第 1 页'], en: ['Heritage Archive: all records, page 1'] } }]);
  const page = (await request(t.context.app).get('/iiif/archive/pages/1').expect(200)).body;
  t.deepEqual(page.partOf, [{ id: `${ORIGIN}/iiif/archive`, type: 'Collection', label: top.label }]);
  const listed = page.items.map((item: { id: string }) => item.id.split('/').at(-1));
  const expected: string[] = [];
  for (const batch of t.context.catalog.iterateRecords()) expected.push(...batch.filter((stored) => stored.visibility.state === 'public').map((stored) => stored.record.id));
  t.deepEqual(listed, expected);
  t.false(listed.includes(ids.hidden));
  const bridge = page.items.find((item: { id: string }) => item.id.endsWith(`/${ids.bilingual}`));
  t.deepEqual(bridge.label, { 'zh-Hans': ['广济桥'], en: ['Guangji Bridge'] });
  await request(t.context.app).get(pathOf(bridge.thumbnail[0].id)).expect(200).expect('Content-Type', 'image/jpeg');
});

test('each themed collection lists the manifests of its public members, with its own titles and summary', async (t) => {
  const themed = (await request(t.context.app).get('/iiif/collections').expect(200)).body;
  t.deepEqual(
    themed.items.map((item: { id: string }) => item.id),
    t.context.catalog.listCollections().map((collection) => `${ORIGIN}/iiif/collections/${collection.id}`),
  );
  const fixture = (await request(t.context.app).get('/iiif/collections/iiif-fixture').expect(200)).body;
  t.deepEqual(fixture.label, { 'zh-Hans': ['IIIF 测试专题'], en: ['IIIF fixture collection'] });
  t.deepEqual(fixture.summary, { 'zh-Hans': ['双语、单语、无图、公元前与线状地物的记录。'], en: ['Bilingual, one-language, image-less, BCE and line-shaped records.'] });
  t.deepEqual(
    fixture.items.map((item: { id: string }) => item.id.split('/').at(-1)),
    [ids.bilingual, ids.zhOnly, ids.enOnly, ids.bce, ids.oneBce, ids.line, ids.markup],
  );
  t.is(fixture.homepage[0].id, `${ORIGIN}/collections/iiif-fixture`);
  const demo = (await request(t.context.app).get('/iiif/collections/grand-canal').expect(200)).body;
  t.is(demo.items.length, t.context.catalog.recordsInCollection('grand-canal', 1000, { publicOnly: true }).total);
});

test('unknown collections and pages are bilingual 404s, never 500s', async (t) => {
  const unknown = await request(t.context.app).get('/iiif/collections/no-such-collection').expect(404);
  t.deepEqual(unknown.body.error.message, { 'zh-Hans': ['没有这个 IIIF 集合'], en: ['There is no such IIIF collection'] });
  const past = await request(t.context.app).get('/iiif/archive/pages/2').expect(404);
  t.deepEqual(past.body.error.message.en, ['There is no such page: pages are whole numbers from 1 to 1']);
  for (const page of ['0', '-1', '1e9', 'abc', '1.5', '99999999999999999999']) {
    const response = await request(t.context.app).get(`/iiif/archive/pages/${page}`).expect(404);
    t.truthy(response.body.error.message['zh-Hans'], page);
  }
  await request(t.context.app).get('/iiif/collections/iiif-fixture/pages/2').expect(404);
  await request(t.context.app).get('/iiif/collections/iiif-fixture/pages/1').expect(200);
});

// ── the record page and the viewer page ─────────────────────────────────────────────────────────

test('the record page links its manifest by the IIIF drag-and-drop convention, in zh and en', async (t) => {
  const manifest = `${ORIGIN}/iiif/manifests/${ids.bilingual}`;
  for (const [lang, label] of [['zh', 'IIIF 清单'], ['en', 'IIIF manifest']] as const) {
    const page = await request(t.context.app).get(`/items/${ids.bilingual}?lang=${lang}`).expect(200);
    const link = /<a class="iiif-link__viewer" href="([^"]+)"[^>]*><img src="([^"]+)" alt="([^"]+)"[^>]*> <span>([^<]+)<\/span><\/a>/.exec(page.text);
    t.truthy(link, lang);
    // As the browser reads the attribute (Handlebars writes `=` as `&#x3D;`).
    const href = link![1]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    t.is(href, `/iiif/viewer?manifest=${encodeURIComponent(manifest)}`);
    t.is(new URL(href, ORIGIN).searchParams.get('manifest'), manifest, 'a viewer the link is dropped on finds the manifest');
    t.is(link![4], label);
    await request(t.context.app).get(link![2]!).expect(200).expect('Content-Type', /image\/svg\+xml/);
    t.true(page.text.includes(`<a class="iiif-link__json" href="${manifest}" type="application/ld+json">`));
  }
});

test('the viewer page opens only the archive’s own documents, under a CSP of its own; other pages keep the site’s', async (t) => {
  const manifest = `${ORIGIN}/iiif/manifests/${ids.bilingual}`;
  const page = await request(t.context.app).get(`/iiif/viewer?manifest=${encodeURIComponent(manifest)}&lang=en`).expect(200);
  t.true(page.text.includes(`data-manifest="${manifest}"`));
  t.true(page.text.includes(`<a href="/items/${ids.bilingual}">Back to the archive</a>`));
  const csp = String(page.headers['content-security-policy']);
  t.regex(csp, /script-src 'self'(;|$)/);
  t.regex(csp, /style-src 'self' 'sha256-47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU='(;|$)/, 'only the empty style element');
  t.notRegex(csp, /unsafe-(inline|eval)/);
  const record = await request(t.context.app).get(`/items/${ids.bilingual}`).expect(200);
  t.notRegex(String(record.headers['content-security-policy']), /sha256/);
  t.true((await request(t.context.app).get('/iiif/viewer').expect(200)).text.includes(`data-manifest="${ORIGIN}/iiif/archive"`));
  for (const foreign of ['https://evil.example/manifest.json', `${ORIGIN}/iiif/../admin`, `${ORIGIN}.evil.example/iiif/manifests/x`, 'javascript:alert(1)', `${ORIGIN}/iiif/manifests/x?y=1`]) {
    const refused = await request(t.context.app).get(`/iiif/viewer?manifest=${encodeURIComponent(foreign)}&lang=en`).expect(400);
    t.true(refused.text.includes('This viewer opens this archive’s IIIF manifests and collections only'), foreign);
    t.false(refused.text.includes('evil.example/manifest'), 'the address is not echoed into the page');
  }
  const zh = await request(t.context.app).get(`/iiif/viewer?manifest=x&lang=zh`).expect(400);
  t.true(zh.text.includes('此查看器只打开本档案的 IIIF 清单和集合'));
});
