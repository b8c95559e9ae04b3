/**
 * The map view and map search: `bbox` and `near` filter the results, the addresses a map action
 * produces return what they promised, the located records are listed with coordinates for
 * readers without JavaScript, and the GeoJSON the map draws holds the same records.
 */
import test from 'ava';
import request from 'supertest';
import { loadConfig, ConfigError } from '../../core/config.ts';
import { assetVersion } from '../../server/middleware/serve-assets.ts';
import { tileImageSource } from '../../server/middleware/security-headers.ts';
import { bceRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, withFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { asAttribute, decodeEntities, totalOf } from './helpers/html.ts';

const { test: typed, get } = withFixtureSite();

interface Features {
  type: string;
  features: { id: string; geometry: { type: string; coordinates: unknown }; properties: { title: string; url: string; lat: number; lon: number; period?: string } }[];
  total: number;
  truncated: boolean;
}

const geojson = async (t: import('ava').ExecutionContext<FixtureSite>, params: string): Promise<Features> => {
  const response = await get(t, `/api/search.geojson?${params}`);
  t.is(response.status, 200, params);
  t.regex(response.headers['content-type'] ?? '', /^application\/geo\+json/);
  return response.body as Features;
};

/** The `data-` attribute of the map element. */
function mapAttribute(html: string, name: string): string | undefined {
  const value = html.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

/** Hrefs of the records the map view lists. */
function listedRecords(html: string): string[] {
  // Without the way back (`?from=…`) each link carries.
  return [...html.matchAll(/<h4 class="map-list__title"><a href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!).split('?')[0]!);
}

const TANGQI_BOX = '30.47,120.18,30.49,120.2';
const LINPING_BOX = '30.4,120.1,30.5,120.4';

typed('a map area keeps the records whose point or line touches it', async (t) => {
  t.is(totalOf((await get(t, `/search?bbox=${TANGQI_BOX}`)).text), 1);
  t.is(totalOf((await get(t, `/search?bbox=${LINPING_BOX}`)).text), 2);
  t.is(totalOf((await get(t, '/search?bbox=0,0,1,1')).text), 0);
  // Only the line reaches 30.4804: the bridge's point is at 30.48.
  t.is(totalOf((await get(t, '/search?bbox=30.4803,120.18,30.49,120.2')).text), 1, 'the line counts, not just the point');
});

typed('a nearby search keeps the records within the radius of the point', async (t) => {
  t.is(totalOf((await get(t, '/search?near=30.48,120.19,1')).text), 1);
  t.is(totalOf((await get(t, '/search?near=30.48,120.19,20')).text), 2);
  t.is(totalOf((await get(t, '/search?near=0,0,500')).text), 0);
});

typed('the map area and the nearby point are active filters, each removable on its own', async (t) => {
  const page = await get(t, `/search?type=bridge&bbox=${TANGQI_BOX}&near=30.48,120.19,3&lang=en`);
  t.true(page.text.includes('<span class="chip__facet">Map area:</span> 30.47° N, 120.18° E to 30.49° N, 120.2° E'));
  t.true(page.text.includes('<span class="chip__facet">Nearby:</span> within 3 km of 30.48° N, 120.19° E'));
  const chips = [...page.text.matchAll(/<a class="chip" href="([^"]*)">/g)].map((m) => decodeEntities(m[1]!));
  t.deepEqual(chips, [
    '/search?bbox=30.47%2C120.18%2C30.49%2C120.2&near=30.48%2C120.19%2C3',
    '/search?type=bridge&near=30.48%2C120.19%2C3',
    '/search?type=bridge&bbox=30.47%2C120.18%2C30.49%2C120.2',
  ]);
  for (const chip of chips) t.is((await get(t, chip)).status, 200);
  const chinese = await get(t, `/search?near=30.48,120.19,3&lang=zh`, 'zh');
  t.true(chinese.text.includes('<span class="chip__facet">附近:</span> 北纬30.48°，东经120.19° 周围 3 公里内'));
});

typed('the search form keeps the map area, the point and the view when it is sent again', async (t) => {
  const page = await get(t, `/search?bbox=${TANGQI_BOX}&near=30.48,120.19,3&view=map`);
  t.true(page.text.includes(`<input type="hidden" name="bbox" value="${TANGQI_BOX}">`));
  t.true(page.text.includes('<input type="hidden" name="near" value="30.48,120.19,3">'));
  t.true(page.text.includes('<input type="hidden" name="view" value="map">'));
});

typed('a bad map area or point answers a friendly 400 in the visitor language, on pages and in the API', async (t) => {
  const english = await get(t, '/search?bbox=30.5,120,30.3,121');
  t.is(english.status, 400);
  t.true(english.text.includes('The map area “30.5,120,30.3,121” is not valid: give south,west,north,east as four numbers'));
  const chinese = await get(t, '/search?near=abc', 'zh');
  t.is(chinese.status, 400);
  t.true(chinese.text.includes('附近检索“abc”有误'));
  const api = await get(t, '/api/search.geojson?bbox=1,2,3');
  t.is(api.status, 400);
  t.regex(api.headers['content-type'] ?? '', /^application\/problem\+json/);
  t.true((api.body as { detail: string }).detail.startsWith('The map area “1,2,3” is not valid'));
  t.is((await get(t, '/search?view=globe')).status, 400);
});

typed('the map view lists the located records with their coordinates and shapes, for reading without JavaScript', async (t) => {
  const page = await get(t, '/search?view=map&lang=zh', 'zh');
  t.is(page.status, 200);
  t.deepEqual(listedRecords(page.text).sort(), [`/items/${fullRecordId}`, `/items/${bceRecordId}`].sort());
  t.true(page.text.includes('<dd>北纬30.48°，东经120.19°</dd>'));
  t.true(page.text.includes('<dd>线（2 个点）</dd>'), 'the bridge is drawn as a short line');
  t.true(page.text.includes('<dd lang="zh-Hans">良渚文化（公元前3300年–前2300年）</dd>'), 'BCE years in the list');
  t.regex(page.text, /共 2 条有位置的记录，当前列出第 1–2 条/);
  t.true(page.text.includes('底图为离线绘制的海岸线、河流、湖泊与省界（Natural Earth），不含地级市界线，亦非经审核的标准地图。'), 'what the offline base map shows');
  t.is(mapAttribute(page.text, 'data-base-map-credit'), '底图数据：Natural Earth（公有领域）');
  t.is(mapAttribute(page.text, 'data-base-map-lang'), 'zh');
  t.true(page.text.includes(`<a href="${asAttribute('/search?view=map')}" aria-current="page">地图</a>`));
  const english = await get(t, '/search?view=map&lang=en');
  t.true(english.text.includes('The base map is drawn offline from Natural Earth: coastlines, rivers, lakes and provincial borders.'));
  t.is(mapAttribute(english.text, 'data-base-map-lang'), 'en');
  t.true(english.text.includes('<dd>30.48° N, 120.19° E</dd>'));
});

typed('the map view links Leaflet and its own script through the asset pipeline, and other views do not', async (t) => {
  const page = await get(t, '/search?view=map');
  const assets = `/assets/${assetVersion()}`;
  for (const file of ['vendor/leaflet/leaflet.css', 'vendor/markercluster/MarkerCluster.css', 'css/map.css']) t.true(page.text.includes(`<link rel="stylesheet" href="${assets}/${file}">`), file);
  const scripts = [...page.text.matchAll(/<script src="([^"]+)" defer><\/script>/g)].map((m) => m[1]!.slice(assets.length + 1));
  t.deepEqual(scripts, ['js/suggest.js', 'vendor/leaflet/leaflet.js', 'vendor/markercluster/leaflet.markercluster.js', 'js/map-background.js', 'js/map.js'], 'Leaflet, then its plugin, then the site\'s map scripts');
  for (const [file, type] of [
    ['vendor/leaflet/leaflet.js', /javascript/],
    ['vendor/leaflet/leaflet.css', /^text\/css/],
    ['vendor/leaflet/images/marker-icon.png', /^image\/png/],
    ['js/map.js', /javascript/],
    ['vendor/markercluster/leaflet.markercluster.js', /javascript/],
    ['base-map/overview.json', /^application\/json/],
  ] as const) {
    const asset = await request(t.context.app).get(`${assets}/${file}`);
    t.is(asset.status, 200, file);
    t.regex(asset.headers['content-type'] ?? '', type);
    t.is(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
  }
  const list = await get(t, '/search');
  t.false(list.text.includes('leaflet'));
  t.is((await request(t.context.app).get(`${assets}/vendor/leaflet/../../package.json`)).status, 404);
});

typed('the GeoJSON holds the located records of the whole search, lines as lines, with text for popups', async (t) => {
  const all = await geojson(t, 'lang=zh');
  t.is(all.type, 'FeatureCollection');
  t.is(all.total, 2);
  t.false(all.truncated);
  const bridge = all.features.find((feature) => feature.id === fullRecordId)!;
  t.deepEqual(bridge.geometry, { type: 'LineString', coordinates: [[120.19, 30.4795], [120.19, 30.4805]] });
  t.like(bridge.properties, { title: '广济桥', url: `/items/${fullRecordId}`, lat: 30.48, lon: 120.19, period: '明（1489年）' });
  const site = all.features.find((feature) => feature.id === bceRecordId)!;
  t.deepEqual(site.geometry, { type: 'Point', coordinates: [120.31, 30.42] });
  const english = await geojson(t, 'lang=en');
  t.is(english.features.find((feature) => feature.id === bceRecordId)!.properties.period, 'Liangzhu culture (3300–2300 BCE)');
  t.deepEqual((await geojson(t, `q=${encodeURIComponent('塘栖')}`)).features.map((feature) => feature.id), [fullRecordId], 'the text applies');
  t.deepEqual((await geojson(t, 'type=site')).features.map((feature) => feature.id), [bceRecordId], 'the facets apply');
  t.deepEqual((await geojson(t, 'period=ming&page=7&view=timeline')).features.map((feature) => feature.id), [fullRecordId], 'page and view are not filters');
});

typed('the map view, the GeoJSON and "search this area" agree on what an area holds', async (t) => {
  const page = await get(t, '/search?view=map&q=%E5%A1%98%E6%A0%96');
  const base = mapAttribute(page.text, 'data-map-base')!;
  const data = mapAttribute(page.text, 'data-map-geojson')!;
  t.is(base, '/search?q=%E5%A1%98%E6%A0%96&view=map');
  t.is(data, '/api/search.geojson?q=%E5%A1%98%E6%A0%96');
  // As public/js/map.js does: the base address plus the box the map shows.
  const area = await get(t, `${base}&bbox=${encodeURIComponent(LINPING_BOX)}`);
  t.is(area.status, 200);
  const promised = (await geojson(t, `${data.split('?')[1]}&bbox=${encodeURIComponent(LINPING_BOX)}`)).features.map((feature) => feature.properties.url);
  t.deepEqual(listedRecords(area.text), promised);
  t.deepEqual(promised, [`/items/${fullRecordId}`]);
  t.is(mapAttribute(area.text, 'data-map-bbox'), LINPING_BOX, 'the map opens on the area searched');
});

typed('a record with a place links to the records near it, which the map view then lists', async (t) => {
  const record = await get(t, `/items/${bceRecordId}`);
  const nearby = record.text.match(/<a href="([^"]*near[^"]*)">Records within 5 km \(map\)<\/a>/)?.[1];
  t.truthy(nearby);
  const href = decodeEntities(nearby!);
  t.is(href, '/search?near=30.42%2C120.31%2C5&view=map');
  const page = await get(t, href);
  t.deepEqual(listedRecords(page.text), [`/items/${bceRecordId}`]);
  t.is(mapAttribute(page.text, 'data-map-near'), '30.42,120.31,5');
  const without = await get(t, '/items/english-only');
  t.false(without.text.includes('Records within'), 'a record without a place has no such link');
});

typed('the map works on a collection page too, keeping the collection', async (t) => {
  const page = await get(t, '/collections/liangzhu?view=map');
  t.is(page.status, 200);
  t.deepEqual(listedRecords(page.text), [`/items/${bceRecordId}`]);
  t.is(mapAttribute(page.text, 'data-map-geojson'), '/api/search.geojson?collection=liangzhu');
  t.is(mapAttribute(page.text, 'data-map-base'), '/collections/liangzhu?view=map');
});

typed('a map view page past the last goes back to the first, which holds every located record', async (t) => {
  const response = await get(t, '/search?view=map&page=9');
  t.is(response.status, 302);
  t.is(response.headers.location, '/search?view=map');
});

typed('no tile server is contacted unless one is configured, and then only that one', async (t) => {
  const page = await get(t, '/search?view=map');
  t.false(page.text.includes('data-tile-url'));
  t.regex(String(page.headers['content-security-policy']), /img-src 'self' data:;/);

  const tiled = await openFixtureSite(undefined, { ARCHIVE_TILE_URL: 'https://{s}.tile.example.org/{z}/{x}/{y}.png', ARCHIVE_TILE_ATTRIBUTION: '© Example <contributors>' });
  t.teardown(() => tiled.close());
  const withTiles = await request(tiled.app).get('/search?view=map&lang=en');
  t.regex(String(withTiles.headers['content-security-policy']), /img-src 'self' data: https:\/\/\*\.tile\.example\.org;/);
  t.true(withTiles.text.includes('data-tile-url="https://{s}.tile.example.org/{z}/{x}/{y}.png"'));
  t.true(withTiles.text.includes('data-tile-attribution="© Example &lt;contributors&gt;"'));
  t.false(withTiles.text.includes('data-base-map-credit'), 'a tile server replaces the offline base map');
  t.false(withTiles.text.includes('The base map is drawn offline'));
});

test('a tile URL must be an http(s) template with {z}, {x} and {y} and no placeholder inside its host', (t) => {
  const config = (url: string) => loadConfig({ ARCHIVE_DATA_DIR: '/tmp/tiles-config-test', ARCHIVE_TILE_URL: url });
  t.is(config('https://tile.openstreetmap.org/{z}/{x}/{y}.png').tiles.url, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
  t.is(loadConfig({ ARCHIVE_DATA_DIR: '/tmp/tiles-config-test' }).tiles.url, undefined, 'no tile server by default');
  for (const bad of ['tile.example.org/{z}/{x}/{y}.png', 'javascript:alert(1)//{z}{x}{y}', 'https://tile.example.org/{z}/{x}.png', 'https://a{s}.example.org/{z}/{x}/{y}.png']) {
    t.throws(() => config(bad), { instanceOf: ConfigError }, bad);
  }
  t.is(tileImageSource('https://{s}.tile.example.org/{z}/{x}/{y}.png'), 'https://*.tile.example.org');
  t.is(tileImageSource('http://localhost:8080/tiles/{z}/{x}/{y}.png'), 'http://localhost:8080');
});
