import anyTest, { type TestFn } from 'ava';
import sharp from 'sharp';
import request from 'supertest';
import { MEDIA_ASSETS } from '../../server/media/media-assets.ts';
import { iiifTilePaths, type IiifInfo } from './helpers/iiif-tile-urls.ts';
import { createMediaTestApp } from './helpers/media-app.ts';
import { sharedLifetime } from './helpers/media-archive.ts';
import { openSampleArchive, type SampleArchive } from './helpers/sample-archive.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const test = anyTest as TestFn<{ archive: SampleArchive }>;
const lifetime = sharedLifetime();

// The tests only read: one imported archive serves them all.
test.before(async (t) => {
  t.context.archive = await openSampleArchive(lifetime);
});
test.after.always(() => lifetime.end());

test('derivatives are served with immutable cache headers and their image type', async (t) => {
  const { archive } = t.context;
  const app = createMediaTestApp(archive);
  const [hash] = archive.hashes.street;
  for (const [file, type] of [['thumb.avif', 'image/avif'], ['display.webp', 'image/webp'], ['large.jpg', 'image/jpeg']]) {
    const response = await request(app).get(`/media/${hash}/${file}`).responseType('blob');
    t.is(response.status, 200, file);
    t.is(response.headers['content-type'], type, file);
    t.is(response.headers['cache-control'], IMMUTABLE, file);
    t.is(response.headers['access-control-allow-origin'], '*');
    t.is(response.headers['cross-origin-resource-policy'], 'cross-origin', 'other sites may show the image despite helmet');
    t.truthy((await sharp(response.body as Buffer).metadata()).width, `${file} is an image`);
  }
});

test('info.json names the image at the archive\'s public origin, and the tiles it describes are served', async (t) => {
  const { archive } = t.context;
  const app = createMediaTestApp(archive);
  for (const hash of [archive.hashes.street[0]!, archive.hashes.chart[0]!]) {
    const response = await request(app).get(`/iiif/${hash}/info.json`);
    t.is(response.status, 200);
    t.is(response.headers['content-type'], 'application/ld+json; profile="http://iiif.io/api/image/3/context.json"; charset=utf-8');
    t.is(response.headers['access-control-allow-origin'], '*');
    const info = JSON.parse(response.text) as IiifInfo & { id: string; type: string; profile: string };
    t.like(info, { id: `http://archive.test:8080/iiif/${hash}`, type: 'ImageService3', profile: 'level0' });
    for (const tilePath of iiifTilePaths(info)) {
      const tile = await request(app).get(`${new URL(info.id).pathname}/${tilePath}`).responseType('blob');
      t.is(tile.status, 200, tilePath);
      t.is(tile.headers['content-type'], 'image/jpeg');
      t.is(tile.headers['cache-control'], IMMUTABLE);
      t.is((await sharp(tile.body as Buffer).metadata()).format, 'jpeg');
    }
  }
});

test('info.json names the configured public origin whatever the Host header says', async (t) => {
  const { archive } = t.context;
  const app = createMediaTestApp({ ...archive, publicOrigin: 'https://heritage.example.org' });
  const [hash] = archive.hashes.chart;
  for (const host of ['attacker.example', 'evil.example/"><script>']) {
    const response = await request(app).get(`/iiif/${hash}/info.json`).set('Host', host);
    t.is(response.status, 200);
    t.is(JSON.parse(response.text).id, `https://heritage.example.org/iiif/${hash}`);
  }
});

test('the IIIF base URI redirects to info.json', async (t) => {
  const { archive } = t.context;
  const [hash] = archive.hashes.chart;
  const response = await request(createMediaTestApp(archive)).get(`/iiif/${hash}`);
  t.is(response.status, 303);
  t.is(response.headers.location, `/iiif/${hash}/info.json`);
});

test('paths that try to leave the media folder, reach a private original or name unknown files get 404 or 400', async (t) => {
  const { archive } = t.context;
  const app = createMediaTestApp(archive);
  const [hash] = archive.hashes.street;
  const attempts: [string, number][] = [
    ['/media/..%2f..%2fetc/passwd', 404],
    ['/media/%2e%2e/%2e%2e%2fcatalog.db', 404],
    [`/media/${hash}/..%2f..%2f..%2fcatalog.db`, 404],
    [`/media/${hash}/%2e%2e%2fiiif%2finfo.json`, 404],
    [`/media/${hash}/original.jpg`, 404],
    [`/media/${hash!.toUpperCase()}/thumb.jpg`, 404],
    [`/media/${hash}/thumb.jpg%00.png`, 404],
    [`/media/${'0'.repeat(64)}/thumb.jpg`, 404],
    [`/iiif/${hash}/..%2f..%2fprivate/max/0/default.jpg`, 404],
    [`/iiif/${hash}/full/max/0/..%2f..%2finfo.json`, 404],
    [`/iiif/${hash}/full/max/90/default.jpg`, 404],
    [`/iiif/${hash}/full/max/0/default.png`, 404],
    ['/iiif/..%2f..%2fcatalog.db/info.json', 404],
    ['/media/%E0%A4%A/thumb.jpg', 400],
    [`/iiif/${hash}/%ZZ/max/0/default.jpg`, 400],
  ];
  for (const [url, status] of attempts) {
    const response = await request(app).get(url);
    t.is(response.status, status, url);
    t.false(String(response.headers['content-type'] ?? '').startsWith('image/'), url);
    t.false(response.text?.includes('SQLite format'), url);
  }
});

test('a published original is served beside the derivatives', async (t) => {
  const archive = await openSampleArchive(t, { publishOriginals: true });
  const [hash] = archive.hashes.chart;
  const response = await request(createMediaTestApp(archive)).get(`/media/${hash}/original.jpg`);
  t.is(response.status, 200);
  t.is(response.headers['content-type'], 'image/jpeg');
});

test('OpenSeadragon, its button images and the viewer script are served from this site, cached as immutable', async (t) => {
  const { archive } = t.context;
  const app = createMediaTestApp(archive);
  const script = await request(app).get(MEDIA_ASSETS.osdScript);
  t.is(script.status, 200);
  t.regex(script.headers['content-type'] ?? '', /javascript/);
  t.is(script.headers['cache-control'], IMMUTABLE);
  t.true(script.text.includes('OpenSeadragon'));
  const button = await request(app).get(`${MEDIA_ASSETS.osdImages}zoomin_rest.png`);
  t.deepEqual([button.status, button.headers['content-type']], [200, 'image/png']);
  for (const url of [MEDIA_ASSETS.viewerScript, MEDIA_ASSETS.stylesheet]) t.is((await request(app).get(url)).status, 200, url);
  t.is((await request(app).get('/vendor/openseadragon/0.0.0/openseadragon.min.js')).status, 404);
});
