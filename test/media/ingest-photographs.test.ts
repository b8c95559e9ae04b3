import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { photoIdOf } from '../../ingest/media/read-photo-folder.ts';
import { images } from '../fixtures/images/index.ts';
import { csv, openMediaArchive } from './helpers/media-archive.ts';
import { countRows } from '../helpers/catalog-sql.ts';

const linkedHashes = (archive: ReturnType<typeof openMediaArchive>, id: string) => archive.catalog.media.ofRecord(id).map((media) => media.hash);

test('a record imports with its photographs, and GPS fills coordinates only where the record has none', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.orientation6, 'photos/chart.jpg');
  archive.addPhoto(images.jpegWithGps, 'photos/street.jpg');
  archive.write('records.csv', csv([
    ['id', 'title_zh', 'lat', 'lon', 'images'],
    ['guangji-bridge', '广济桥', 30.479, 120.196, 'photos/chart.jpg;photos/street.jpg'],
    ['linping-street', '临平街景', '', '', 'photos/street.jpg'],
    ['no-images', '无图记录', '', '', ''],
  ]));
  const { report, media } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
  t.like(media, { processed: 2, unchanged: 1, failed: 0 }, 'the photograph shown by two records is processed once');
  t.deepEqual(
    report.entries.map((entry) => [entry.file, entry.line, entry.id, entry.severity, entry.field, entry.message.key]),
    [['records.csv', 3, 'linping-street', 'warning', 'lat', 'media.coordinates_from_photo']],
  );
  t.like(archive.catalog.getRecord('guangji-bridge')?.record, { lat: 30.479, lon: 120.196, images: ['photos/chart.jpg', 'photos/street.jpg'] });
  t.is(archive.catalog.getRecord('guangji-bridge')?.record.coordinates_source, undefined);
  t.like(archive.catalog.getRecord('linping-street')?.record, { lat: 50.299603, lon: 14.820294, coordinates_source: 'photograph' });
  const [chart, street] = linkedHashes(archive, 'guangji-bridge');
  t.truthy(chart && street && chart !== street);
  t.deepEqual(linkedHashes(archive, 'linping-street'), [street], 'one photograph, two records, processed once');
  t.deepEqual(linkedHashes(archive, 'no-images'), []);
  t.true(existsSync(path.join(archive.mediaDir, street!.slice(0, 2), street!, 'iiif', 'info.json')));
});

test('a corrupt, hostile or unsupported photograph is reported against its record, and the record still imports', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.truncatedJpeg, 'scan.jpg');
  archive.addPhoto(images.heic, 'iphone.heic');
  archive.addPhoto(images.pixelBomb, 'bomb.jpg');
  archive.write('notes.jpg', 'not a photograph\n');
  archive.addPhoto(images.noExif, 'fine.jpg');
  archive.write('records.csv', csv([
    ['id', 'title_en', 'images'],
    ['broken-scan', 'A broken scan', 'scan.jpg'],
    ['iphone-photo', 'An iPhone photo', 'iphone.heic;fine.jpg'],
    ['pixel-flood', 'A pixel flood', 'bomb.jpg'],
    ['renamed-text', 'A renamed text file', 'notes.jpg'],
  ]));
  const { report, media } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 4, updated: 0, unchanged: 0, failed: 0 });
  t.true(report.hasFailures(), 'a media problem fails the import report');
  t.like(media, { processed: 1, failed: 4 });
  t.deepEqual(
    report.entries.map((entry) => [entry.line, entry.id, entry.severity, entry.field, entry.message.key, entry.message.params?.path]),
    [
      [2, 'broken-scan', 'media', 'images', 'media.undecodable', 'scan.jpg'],
      [3, 'iphone-photo', 'media', 'images', 'media.heic_not_supported', 'iphone.heic'],
      [4, 'pixel-flood', 'media', 'images', 'media.too_many_pixels', 'bomb.jpg'],
      [5, 'renamed-text', 'media', 'images', 'media.text_refused', 'notes.jpg'],
    ],
  );
  t.true(report.render(report.entries[1]!, 'en').includes('convert it to JPEG'));
  t.true(report.render(report.entries[1]!, 'zh').includes('转换为 JPEG'));
  t.is(linkedHashes(archive, 'iphone-photo').length, 1, 'the good photograph of the same record is shown');
  t.deepEqual(linkedHashes(archive, 'broken-scan'), []);
});

test('re-importing unchanged photographs processes nothing and reports the same problems', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.jpegWithGps, 'street.jpg');
  archive.addPhoto(images.truncatedJpeg, 'scan.jpg');
  archive.write('records.csv', csv([['id', 'title_en', 'images'], ['street', 'Street', 'street.jpg'], ['scan', 'Scan', 'scan.jpg']]));
  const first = await archive.ingest();
  const second = await archive.ingest();
  t.like(first.media, { processed: 1, unchanged: 0, failed: 1 });
  t.like(second.media, { processed: 0, unchanged: 1, failed: 1 });
  t.deepEqual(second.report.totals(), { created: 0, updated: 0, unchanged: 2, failed: 0 });
  t.deepEqual(second.report.entries.map((entry) => entry.message.key), first.report.entries.map((entry) => entry.message.key));
});

test('a dry run checks the photographs but writes no derivative and no record', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.jpegWithGps, 'street.jpg');
  archive.addPhoto(images.heic, 'iphone.heic');
  archive.write('records.csv', csv([['id', 'title_en', 'images'], ['street', 'Street', 'street.jpg;iphone.heic']]));
  const { report, media } = await archive.ingest(undefined, { dryRun: true });
  t.like(media, { checked: 1, failed: 1, processed: 0 });
  t.deepEqual(report.entries.map((entry) => entry.message.key), ['media.heic_not_supported', 'media.coordinates_from_photo']);
  t.false(existsSync(archive.mediaDir));
  t.is(archive.catalog.countRecords(), 0);
  t.deepEqual(['media', 'record_media', 'media_sources'].map((table) => countRows(archive.catalog, table)), [0, 0, 0], 'no photograph was recorded');
});

test('a folder of photographs becomes one record per photograph, described by what its camera recorded', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.iptcStaffPhotographer, 'Farm Shoot/IPTC example.jpg');
  archive.addPhoto(images.orientation8, 'Farm Shoot/orientation_f8t.jpg');
  archive.addPhoto(images.pngWithExif, 'Farm Shoot/IMG_0042.PNG');
  const { report } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 3, updated: 0, unchanged: 0, failed: 0 });
  t.is(report.files[0]?.file, 'Farm Shoot');
  const farmerId = photoIdOf('IPTC example');
  t.regex(farmerId, /^iptc-example-[0-9a-f]{8}$/, 'a file name with a space becomes a safe id');
  t.like(archive.catalog.getRecord(farmerId)?.record, {
    id: farmerId,
    identifier: 'IPTC example.jpg',
    title_en: 'Farmer planting onions',
    description_en: 'After digging the furrows another ten yards with the tractor, Jim Moore hops off to hand-set more leeks and onions.',
    type: 'photograph',
    start_year: 2007,
    end_year: 2007,
    rights: '©2010 Big Newspaper, all rights reserved',
    images: ['IPTC example.jpg'],
  });
  t.like(archive.catalog.getRecord('orientation_f8t')?.record, { title_en: 'orientation_f8t', type: 'photograph', images: ['orientation_f8t.jpg'] });
  t.like(archive.catalog.getRecord('img_0042')?.record, { identifier: 'IMG_0042.PNG', lat: 50.299603, lon: 14.820294, coordinates_source: 'photograph', start_year: 2003 });
  t.is(linkedHashes(archive, 'img_0042').length, 1);
});

test('a sidecar supplies fields for the photographs it names by file name or by id; its other rows are records too', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.iptcStaffPhotographer, 'shoot/farmer.jpg');
  archive.addPhoto(images.orientation8, 'shoot/chart.jpg');
  archive.addPhoto(images.noExif, 'shoot/plain.jpg');
  archive.write('shoot/sidecar.csv', csv([
    ['id', 'title_zh', 'description_en', 'images'],
    ['', '种洋葱的农民', '', 'farmer.jpg'],
    ['chart', '', 'A test chart', ''],
    ['extra-record', '额外记录', '', ''],
  ]));
  const { report } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 4, updated: 0, unchanged: 0, failed: 0 });
  t.is(report.files[0]?.file, path.join('shoot', 'sidecar.csv'));
  t.like(archive.catalog.getRecord('farmer')?.record, { title_zh: '种洋葱的农民', title_en: 'Farmer planting onions', type: 'photograph', images: ['farmer.jpg'] });
  t.like(archive.catalog.getRecord('chart')?.record, { title_en: 'chart', description_en: 'A test chart', images: ['chart.jpg'] });
  t.like(archive.catalog.getRecord('plain')?.record, { title_en: 'plain', images: ['plain.jpg'] });
  t.deepEqual(archive.catalog.getRecord('extra-record')?.record, { id: 'extra-record', title_zh: '额外记录' });
});

test('photographs that a record file of the same import already shows get no record of their own', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.noExif, 'images/shown.jpg');
  archive.addPhoto(images.orientation6, 'images/unlisted.jpg');
  archive.write('records.csv', csv([['id', 'title_zh', 'images'], ['bridge', '桥', 'images/shown.jpg']]));
  const { report } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 2, updated: 0, unchanged: 0, failed: 0 });
  t.deepEqual(archive.catalog.getRecords(['bridge', 'shown', 'unlisted']).map((stored) => stored.record.id), ['bridge', 'unlisted']);
});

test('a folder that holds photographs beside an ordinary record file is not a folder of photographs', async (t) => {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.noExif, 'shown.jpg');
  archive.addPhoto(images.orientation6, 'unlisted.jpg');
  archive.write('records.csv', csv([['id', 'title_zh', 'images'], ['bridge', '桥', 'shown.jpg']]));
  const { report } = await archive.ingest();
  t.deepEqual(report.totals(), { created: 1, updated: 0, unchanged: 0, failed: 0 });
  t.deepEqual(readdirSync(archive.importDir).sort(), ['records.csv', 'shown.jpg', 'unlisted.jpg']);
});
