/**
 * The site and the image pipeline together: a record imported with a photograph shows it on its
 * record page (picture sources and the deep-zoom viewer) and as a thumbnail in search hits, and
 * the URLs the page gives are served.
 */
import test from 'ava';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Catalog } from '../../core/catalog/catalog.ts';
import { loadConfig } from '../../core/config.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import { createApp } from '../../server/app.ts';
import { images } from '../fixtures/images/index.ts';
import { silentLogger } from './helpers/fixture-site.ts';
import { openApiCheck } from '../api/helpers/openapi-check.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'site-images-'));
const config = loadConfig({ ARCHIVE_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent' });
const catalog = Catalog.open(path.join(dir, 'catalog.db'));
const engine = new EmbeddedEngine(catalog);
const app = createApp({ config, catalog, engine, logger: silentLogger });

test.before(async () => {
  const folder = path.join(dir, 'import');
  mkdirSync(path.join(folder, 'photos'), { recursive: true });
  copyFileSync(images.orientation6, path.join(folder, 'photos', 'chart.jpg'));
  writeFileSync(path.join(folder, 'records.csv'), 'id,title_zh,title_en,images\nphoto-record,测试照片,Test photograph,photos/chart.jpg\n');
  const { report } = await runIngest({ catalog, engine, paths: [folder], media: { mediaDir: config.mediaDir } });
  if (report.hasFailures()) throw new Error(JSON.stringify(report.entries));
});

test.after.always(async () => {
  await engine.close();
  catalog.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a record page shows its photograph as a picture with AVIF and WebP sources and a deep-zoom viewer', async (t) => {
  const page = await request(app).get('/items/photo-record?lang=en').expect(200);
  t.regex(page.text, /<picture>\s*<source type="image\/avif"/);
  t.regex(page.text, /<source type="image\/webp"/);
  const info = /data-iiif-info="([^"]+)"/.exec(page.text)?.[1];
  t.truthy(info, 'the viewer is given an IIIF info.json');
  const served = await request(app).get(new URL(info!, 'http://localhost').pathname).expect(200);
  t.is(served.body.type, 'ImageService3');
  const src = /<img src="([^"]+)"/.exec(page.text)?.[1];
  await request(app).get(src!).expect(200).expect('Content-Type', /image\/jpeg/);
});

test('a record without photographs has no images section', async (t) => {
  await runIngest({ catalog, engine, paths: [writeRecords('no-photo,无图记录')] });
  const page = await request(app).get('/items/no-photo').expect(200);
  t.false(page.text.includes('data-iiif-info'));
  t.false(page.text.includes('class="record__images"'));
});

function writeRecords(row: string): string {
  const file = path.join(dir, 'more.csv');
  writeFileSync(file, `id,title_zh\n${row}\n`);
  return file;
}

test('a search hit with a photograph shows its thumbnail, and the thumbnail is served', async (t) => {
  const page = await request(app).get('/search?q=%E6%B5%8B%E8%AF%95%E7%85%A7%E7%89%87').expect(200);
  const thumbnail = /<picture class="media-thumbnail">[\s\S]*?<img src="([^"]+)"[^>]*alt="测试照片"/.exec(page.text);
  t.truthy(thumbnail, 'the hit carries a thumbnail described by its title');
  await request(app).get(thumbnail![1]!).expect(200).expect('Content-Type', /image\/jpeg/);
});

test('the JSON API lists the photograph with the IIIF service and derivatives the archive serves, at the public origin', async (t) => {
  const openApi = openApiCheck((await request(app).get('/api/v1/openapi.json')).body);
  const local = (url: string) => url.slice(config.publicOrigin.length);
  const url = '/api/v1/records/photo-record';
  const response = await request(app).get(url);
  openApi.check(t, url, response);
  const [image] = response.body.images;
  t.truthy(image);
  t.true(image.iiif_info.startsWith(`${config.publicOrigin}/iiif/`));
  const info = await request(app).get(local(image.iiif_info)).expect(200);
  t.is(info.body.type, 'ImageService3');
  t.is(info.body.width, image.width, 'the image size is the service\'s');
  for (const size of ['thumb', 'display', 'large']) {
    await request(app).get(local(image.derivatives[size].url)).expect(200).expect('Content-Type', /image\/jpeg/);
  }
  t.false('images' in response.body.record, 'the import path of the photograph stays inside');
  const searchUrl = '/api/v1/search?q=photograph';
  const search = await request(app).get(searchUrl).set('Accept-Language', 'en');
  openApi.check(t, searchUrl, search);
  t.true(search.body.hits[0].thumbnail.url.startsWith(`${config.publicOrigin}/media/`));
});
