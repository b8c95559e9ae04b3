import { readFileSync } from 'node:fs';
import test from 'ava';
import { normalizeMetadata } from '../../ingest/media/normalize-metadata.ts';
import { readImageMetadata } from '../../ingest/media/read-image-metadata.ts';
import { images } from '../fixtures/images/index.ts';

const read = (file: string, type: Parameters<typeof readImageMetadata>[1] = 'jpeg') => readImageMetadata(readFileSync(file), type);

test('a Pixel photograph yields its capture time, GPS position, orientation and camera', async (t) => {
  t.deepEqual(await read(images.jpegWithGps), {
    metadata: { captureDate: '2018-07-25T16:34:23', gps: { lat: 50.299603, lon: 14.820294 }, orientation: 1, camera: 'Google Pixel' },
  });
});

test('IPTC/XMP headline, caption, creator, copyright and credit are read, XMP first', async (t) => {
  const { metadata, problem } = await read(images.iptcStaffPhotographer);
  t.is(problem, undefined);
  t.is(metadata.headline, 'Farmer planting onions');
  t.is(metadata.caption, 'After digging the furrows another ten yards with the tractor, Jim Moore hops off to hand-set more leeks and onions.');
  t.is(metadata.creator, 'John Doe');
  t.is(metadata.copyright, '©2010 Big Newspaper, all rights reserved');
  t.is(metadata.credit, 'Big Newspaper');
  // photoshop:DateCreated (when the picture was made), not xmp:CreateDate (when the file was).
  t.is(metadata.captureDate, '2007-04-19T11:03:15-06:00');
  t.is(metadata.gps, undefined);
});

test('a TIFF with EXIF, IPTC, XMP and ICC yields camera, date and copyright; serial numbers are not kept', async (t) => {
  const { metadata } = await read(images.tiffWithIptcIccXmp, 'tiff');
  t.deepEqual(metadata, { captureDate: '2013-09-07T06:45:12', orientation: 1, camera: 'Canon EOS 5D Mark III', copyright: 'JET2HOLIDAYS' });
  t.false(JSON.stringify(metadata).includes('083024003204'), 'the camera serial number is not kept');
});

test('the eXIf chunk of a PNG and the EXIF of an AVIF are read', async (t) => {
  const png = await read(images.pngWithExif, 'png');
  t.deepEqual(png.metadata.gps, { lat: 50.299603, lon: 14.820294 });
  t.is(png.metadata.camera, 'Canon PowerShot S40');
  t.is(png.metadata.captureDate, '2003-12-14T12:01:44');
  t.false(JSON.stringify(png.metadata).includes('Huggel'), 'the owner name is not kept');
  t.deepEqual((await read(images.avif, 'avif')).metadata, { captureDate: '2010-05-11T10:51:45', camera: 'Apple iPhone 3GS' });
});

test('orientation 6 and 8 are read as numbers', async (t) => {
  t.is((await read(images.orientation6)).metadata.orientation, 6);
  t.is((await read(images.orientation8)).metadata.orientation, 8);
});

test('EXIF with offsets outside the file still gives up its IPTC caption and by-line', async (t) => {
  const { metadata } = await read(images.exifBadOffsets);
  t.is(metadata.creator, 'Wolfgang Rattay');
  t.is(metadata.credit, 'REUTERS');
  t.true(metadata.caption?.startsWith('FILE PHOTO: A moving stairway'));
  t.is(metadata.captureDate, '2020-07-23');
});

test('metadata that cannot be read never throws: garbage after a JPEG marker, WebP, no metadata at all', async (t) => {
  const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0MM\0*\xff\xff\xff\xff', 'latin1'), Buffer.alloc(64, 0xff)]);
  const outcome = await readImageMetadata(garbage, 'jpeg');
  t.deepEqual(outcome.metadata, {});
  t.deepEqual(await read(images.webp, 'webp'), { metadata: {} });
  t.deepEqual(await read(images.noExif), { metadata: {} });
});

test('implausible values are dropped rather than guessed at', (t) => {
  const metadata = normalizeMetadata({
    exif: { DateTimeOriginal: '0000:00:00 00:00:00', CreateDate: '2019:02:30 10:00:00' },
    gps: { latitude: 0, longitude: 0 },
    ifd0: { Orientation: 9, Make: 'SONY', Model: 'DSC-RX100', ImageDescription: 'SONY DSC          ' },
  });
  t.deepEqual(metadata, { camera: 'SONY DSC-RX100' });
});

test('XMP language alternatives prefer x-default, repeated creators are joined, control characters are removed', (t) => {
  const metadata = normalizeMetadata({
    dc: {
      description: [{ lang: 'zh-CN', value: '塘栖的广济桥' }, { lang: 'x-default', value: 'Guangji Bridge\u0007 at Tangqi' }],
      creator: ['王五', 'Li Si'],
      rights: { lang: 'x-default', value: '© 临平区文物保护所' },
    },
    exif: { DateTimeOriginal: '2021:04:05 09:30:00', OffsetTimeOriginal: '+08:00' },
  });
  t.deepEqual(metadata, { captureDate: '2021-04-05T09:30:00+08:00', caption: 'Guangji Bridge at Tangqi', creator: '王五; Li Si', copyright: '© 临平区文物保护所' });
});
