import path from 'node:path';
import anyTest, { type TestFn } from 'ava';
import request from 'supertest';
import { Catalog } from '../../core/catalog/catalog.ts';
import { MEDIA_ASSETS } from '../../server/media/media-assets.ts';
import { formatCaptureDate, presentRecordMedia } from '../../server/media/present-record-media.ts';
import { presentThumbnail, presentThumbnails } from '../../server/media/present-thumbnail.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { createMediaTestApp } from './helpers/media-app.ts';
import { sharedLifetime } from './helpers/media-archive.ts';
import { HOSTILE_CAPTION, openSampleArchive, type SampleArchive } from './helpers/sample-archive.ts';

const test = anyTest as TestFn<{ archive: SampleArchive }>;
const lifetime = sharedLifetime();

/** The record page's images, read as readRecord reads them. */
const mediaOf = (catalog: Catalog, id: string, lang: 'zh' | 'en') => presentRecordMedia(catalog.media.ofRecord(id), catalog.getRecord(id)?.record, lang);

test.before(async (t) => {
  t.context.archive = await openSampleArchive(lifetime);
});
test.after.always(() => lifetime.end());

test('each photograph of a record gets AVIF and WebP sources, a JPEG fallback, srcset by real widths and its IIIF info.json', (t) => {
  const { archive } = t.context;
  const [street, farmer] = archive.hashes.street;
  const view = mediaOf(archive.catalog, 'street', 'en');
  t.true(view.hasImages);
  t.deepEqual(view.assets, MEDIA_ASSETS);
  t.is(view.images.length, 2);
  t.deepEqual(view.images[0], {
    alt: 'A street in Linping',
    src: `/media/${street}/display.jpg`,
    // A 1012-pixel photograph: its display and large sizes are the same file width, listed once.
    srcset: `/media/${street}/thumb.jpg 320w, /media/${street}/display.jpg 1012w`,
    sizes: '(min-width: 64rem) 66vw, 100vw',
    width: 1012,
    height: 759,
    sources: [
      { type: 'image/avif', srcset: `/media/${street}/thumb.avif 320w, /media/${street}/display.avif 1012w` },
      { type: 'image/webp', srcset: `/media/${street}/thumb.webp 320w, /media/${street}/display.webp 1012w` },
    ],
    largeUrl: `/media/${street}/large.jpg`,
    iiifInfoUrl: `/iiif/${street}/info.json`,
    loading: 'eager',
    captured: { datetime: '2018-07-25T16:34:23', text: 'Taken 25 July 2018' },
    credits: [],
    position: 'image 1 of 2',
  });
  t.like(view.images[1], { alt: 'Farmer planting onions', loading: 'lazy', iiifInfoUrl: `/iiif/${farmer}/info.json`, position: 'image 2 of 2' });
});

test('capture date and credits are shown in the page language; GPS, camera and serial numbers never are', (t) => {
  const view = mediaOf(t.context.archive.catalog, 'street', 'zh');
  t.deepEqual(view.images[1]?.credits.length, 2);
  t.like(view.images[1], {
    caption: 'After digging the furrows another ten yards with the tractor, Jim Moore hops off to hand-set more leeks and onions.',
    captured: { datetime: '2007-04-19T11:03:15-06:00', text: '拍摄于 2007年4月19日' },
    // The credit line "Big Newspaper" is already in the copyright notice, so it is not repeated.
    credits: ['摄影：John Doe', '©2010 Big Newspaper, all rights reserved'],
    position: '第 2 张，共 2 张',
  });
  t.is(view.zoomLabel, '查看大图');
  const json = JSON.stringify(view);
  for (const secret of ['50.29', '14.82', 'Pixel', 'gps']) t.false(json.includes(secret), secret);
});

test('the capture date is the day the camera wrote, whatever the time zone', (t) => {
  t.is(formatCaptureDate('2018-07-25T23:59:59-10:00', 'en'), '25 July 2018');
  t.is(formatCaptureDate('2007-04-19', 'zh'), '2007年4月19日');
});

test('a record without photographs, and an archive that never imported one, have no images', (t) => {
  t.false(mediaOf(t.context.archive.catalog, 'no-images', 'en').hasImages);
  const dir = makeTempDir(t);
  const fresh = Catalog.open(path.join(dir, 'catalog.db'));
  t.teardown(() => fresh.close());
  t.deepEqual(mediaOf(fresh, 'anything', 'zh').images, []);
  t.is(presentThumbnail(fresh, 'anything', 'x'), undefined);
});

test("thumbnails for a page of hits name each record's first thumbnail, in every format", (t) => {
  const { archive } = t.context;
  const [street] = archive.hashes.street;
  const [chart] = archive.hashes.chart;
  const thumbnails = presentThumbnails(archive.catalog, [{ id: 'street', alt: '临平街景' }, { id: 'no-images', alt: '无图' }, { id: 'chart', alt: '测试图' }]);
  t.deepEqual([...thumbnails.keys()], ['street', 'chart']);
  t.deepEqual(thumbnails.get('street'), {
    src: `/media/${street}/thumb.jpg`,
    width: 320,
    height: 240,
    alt: '临平街景',
    sources: [
      { type: 'image/avif', srcset: `/media/${street}/thumb.avif` },
      { type: 'image/webp', srcset: `/media/${street}/thumb.webp` },
    ],
  });
  t.like(thumbnails.get('chart'), { src: `/media/${chart}/thumb.jpg`, width: 48, height: 80 });
});

test('the record-images partial renders <picture> elements, a viewer container per image and only external scripts', async (t) => {
  const { archive } = t.context;
  const [street, farmer] = archive.hashes.street;
  const response = await request(createMediaTestApp(archive)).get('/records/street?lang=en');
  t.is(response.status, 200);
  const html = response.text;
  t.is(html.match(/<picture>/g)?.length, 2);
  t.true(html.includes(`<source type="image/avif" srcset="/media/${street}/thumb.avif 320w, /media/${street}/display.avif 1012w" sizes="(min-width: 64rem) 66vw, 100vw">`));
  t.true(html.includes(`<img src="/media/${street}/display.jpg" srcset="/media/${street}/thumb.jpg 320w, /media/${street}/display.jpg 1012w" sizes="(min-width: 64rem) 66vw, 100vw" width="1012" height="759" alt="A street in Linping" loading="eager" decoding="async">`));
  t.true(html.includes(`data-iiif-info="/iiif/${farmer}/info.json" data-osd-images="${MEDIA_ASSETS.osdImages}"`));
  t.true(html.includes(`<time datetime="2018-07-25T16:34:23">Taken 25 July 2018</time>`));
  t.deepEqual([...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]), [`<script src="${MEDIA_ASSETS.osdScript}" defer>`, `<script src="${MEDIA_ASSETS.viewerScript}" defer>`]);
  t.false(/\sstyle=/.test(html), 'no inline style: the CSP forbids it');
  t.true(html.includes(`<a class="record-image__zoom" href="/media/${street}/large.jpg" data-iiif-zoom>Open the large image</a>`));
});

test('a caption and artist written as HTML in the EXIF are shown as text, never as markup', async (t) => {
  const response = await request(createMediaTestApp(t.context.archive)).get('/records/hostile?lang=en');
  t.false(response.text.includes(HOSTILE_CAPTION));
  t.false(response.text.includes('<script>alert(2)'));
  t.true(response.text.includes('alt="&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;"'));
  t.true(response.text.includes('Photo: &lt;script&gt;alert(2)&lt;/script&gt;'));
});

test('a record page without photographs renders no image section and no viewer script', async (t) => {
  const response = await request(createMediaTestApp(t.context.archive)).get('/records/no-images');
  t.is(response.status, 200);
  t.false(response.text.includes('<picture'));
  t.false(response.text.includes('<script'));
});
