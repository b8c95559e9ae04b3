import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import exifr from 'exifr';
import sharp, { type Sharp } from 'sharp';
import { FORMAT_NAMES, SIZE_NAMES, derivativeFileName } from '../../core/media/derivatives.ts';
import { privateOriginalOf, stagingDirOf } from '../../core/media/media-paths.ts';
import { images } from '../fixtures/images/index.ts';
import { iiifTilePaths, type IiifInfo } from './helpers/iiif-tile-urls.ts';
import { expectReady, greyPixels, meanDifference, openPipeline } from './helpers/pipeline.ts';

const derivativeFiles = SIZE_NAMES.flatMap((size) => FORMAT_NAMES.map((format) => derivativeFileName(size, format)));

test('orientation 6 and 8 photographs come out upright in every size and format', async (t) => {
  const pipeline = openPipeline(t);
  const upright = await greyPixels(images.orientationUpright, 48, 80);
  const storedSideways = await greyPixels(images.orientation6, 48, 80);
  t.true(meanDifference(storedSideways, upright) > 40, 'the comparison tells a sideways chart from an upright one');
  for (const fixture of [images.orientation6, images.orientation8]) {
    const { hash } = expectReady(t, await pipeline.process(fixture));
    for (const file of derivativeFiles) {
      const output = path.join(pipeline.folderOf(hash), file);
      const { width, height } = await sharp(readFileSync(output)).metadata();
      t.deepEqual({ width, height }, { width: 48, height: 80 }, `${path.basename(fixture)} ${file}`);
      t.true(meanDifference(await greyPixels(output, 48, 80), upright) < 12, `${path.basename(fixture)} ${file} is upright`);
    }
  }
});

test('derivatives and tiles carry no EXIF, GPS or XMP, and the original with its GPS stays private', async (t) => {
  const pipeline = openPipeline(t);
  const { hash } = expectReady(t, await pipeline.process(images.jpegWithGps));
  const folder = pipeline.folderOf(hash);
  const tile = path.join(folder, 'iiif', 'full', 'max', '0', 'default.jpg');
  for (const output of [...derivativeFiles.map((file) => path.join(folder, file)), path.join(folder, 'iiif', '0,0,512,512', '512,512', '0', 'default.jpg')]) {
    const bytes = readFileSync(output);
    const metadata = await sharp(bytes).metadata();
    t.is(metadata.exif, undefined, `${output} has no EXIF`);
    t.is(metadata.xmp, undefined, `${output} has no XMP`);
    t.is(metadata.iptc, undefined, `${output} has no IPTC`);
    if (!output.endsWith('.avif')) t.falsy(await exifr.gps(bytes).catch(() => undefined), `${output} has no GPS`);
  }
  t.false(existsSync(tile), 'a photograph larger than one tile has no full/max alias');
  t.false(readdirSync(folder).some((name) => name.startsWith('original')), 'no original in the public folder');
  const original = privateOriginalOf(pipeline.mediaDir, hash, 'jpg');
  t.deepEqual(readFileSync(original), readFileSync(images.jpegWithGps), 'the original is kept byte for byte, privately');
  t.false(existsSync(path.join(folder, 'vips-properties.xml')));
});

test('when originals are published the original sits beside the derivatives', async (t) => {
  const pipeline = openPipeline(t, { publishOriginals: true });
  const { hash } = expectReady(t, await pipeline.process(images.tiffWithIptcIccXmp));
  t.deepEqual(readFileSync(path.join(pipeline.folderOf(hash), 'original.tif')), readFileSync(images.tiffWithIptcIccXmp));
  t.like(pipeline.repository.find(hash), { status: 'ready', original: 'public' });
});

test('derivatives are never enlarged and keep the aspect ratio', async (t) => {
  const pipeline = openPipeline(t);
  const { hash } = expectReady(t, await pipeline.process(images.jpegWithGps));
  const stored = pipeline.repository.find(hash);
  t.like(stored, {
    status: 'ready',
    format: 'jpeg',
    width: 1012,
    height: 759,
    derivatives: { thumb: { width: 320, height: 240 }, display: { width: 1012, height: 759 }, large: { width: 1012, height: 759 } },
  });
  const avif = await sharp(readFileSync(path.join(pipeline.folderOf(hash), 'thumb.avif'))).metadata();
  t.deepEqual([avif.format, avif.width, avif.height], ['heif', 320, 240]);
});

test('a CMYK JPEG becomes sRGB derivatives with the colours its ICC profile describes', async (t) => {
  const pipeline = openPipeline(t);
  const { hash } = expectReady(t, await pipeline.process(images.cmykJpeg));
  const display = readFileSync(path.join(pipeline.folderOf(hash), 'display.jpg'));
  const metadata = await sharp(display).metadata();
  t.deepEqual([metadata.space, metadata.channels], ['srgb', 3]);
  const mean = async (input: Buffer) => (await sharp(input).stats()).channels.slice(0, 3).map((channel) => channel.mean);
  const reference = await mean(await sharp(readFileSync(images.cmykJpeg)).png().toBuffer());
  const derived = await mean(display);
  derived.forEach((value, index) => t.true(Math.abs(value - reference[index]!) < 3, `channel ${index}: ${value} vs ${reference[index]}`));
});

test('PNG, TIFF, WebP, AVIF and GIF photographs all get every derivative', async (t) => {
  const pipeline = openPipeline(t);
  const gif = path.join(pipeline.dir, 'small.gif');
  writeFileSync(gif, await sharp({ create: { width: 60, height: 40, channels: 3, background: '#2a6' } }).gif().toBuffer());
  for (const fixture of [images.pngWithExif, images.tiffWithIptcIccXmp, images.webp, images.avif, gif]) {
    const { hash } = expectReady(t, await pipeline.process(fixture));
    t.deepEqual(readdirSync(pipeline.folderOf(hash)).filter((name) => name !== 'iiif').sort(), [...derivativeFiles].sort(), path.basename(fixture));
  }
});

test('info.json is IIIF Image API 3 level 0, and every tile a IIIF client asks for is a JPEG of the right size', async (t) => {
  const pipeline = openPipeline(t);
  for (const fixture of [images.jpegWithGps, images.orientation8]) {
    const { hash } = expectReady(t, await pipeline.process(fixture));
    const iiif = path.join(pipeline.folderOf(hash), 'iiif');
    const info = JSON.parse(readFileSync(path.join(iiif, 'info.json'), 'utf8')) as IiifInfo & Record<string, unknown>;
    t.like(info, { '@context': 'http://iiif.io/api/image/3/context.json', type: 'ImageService3', protocol: 'http://iiif.io/api/image', profile: 'level0' });
    t.is(typeof info.id, 'string');
    const stored = pipeline.repository.find(hash);
    t.deepEqual([info.width, info.height], stored?.status === 'ready' ? [stored.width, stored.height] : [], 'upright dimensions');
    const paths = iiifTilePaths(info);
    t.true(paths.length > 0);
    for (const tilePath of paths) {
      const bytes = readFileSync(path.join(iiif, tilePath));
      const { format, width, height } = await sharp(bytes).metadata();
      const size = tilePath.split('/')[1]!;
      t.is(format, 'jpeg', tilePath);
      t.is(size === 'max' ? `${info.width},${info.height}` : size, `${width},${height}`, tilePath);
    }
  }
});

test('an unchanged photograph is never processed twice, even under another name', async (t) => {
  const pipeline = openPipeline(t);
  const first = expectReady(t, await pipeline.process(images.jpegWithGps));
  t.is(first.status, 'processed');
  const madeAt = statSync(path.join(pipeline.folderOf(first.hash), 'large.webp')).mtimeMs;
  const again = expectReady(t, await pipeline.process(images.jpegWithGps));
  t.deepEqual([again.status, again.hash, again.metadata], ['unchanged', first.hash, first.metadata]);
  const copy = path.join(pipeline.dir, 'renamed copy.jpg');
  copyFileSync(images.jpegWithGps, copy);
  t.like(await pipeline.process(copy), { ok: true, status: 'unchanged', hash: first.hash });
  t.is(statSync(path.join(pipeline.folderOf(first.hash), 'large.webp')).mtimeMs, madeAt, 'the derivatives were not written again');
});

test('a file with the same size and modification time is not even read again', async (t) => {
  const pipeline = openPipeline(t);
  const file = path.join(pipeline.dir, 'photo.jpg');
  const modified = new Date('2024-05-01T08:00:00Z');
  copyFileSync(images.truncatedJpeg, file);
  utimesSync(file, modified, modified);
  const first = await pipeline.process(file);
  t.like(first, { ok: false, problem: { key: 'media.undecodable' } });
  // Same length, same mtime, different bytes: only a read would notice.
  writeFileSync(file, Buffer.alloc(statSync(file).size, 0x20));
  utimesSync(file, modified, modified);
  t.deepEqual(await pipeline.process(file), first);
});

test('corrupt, hostile and unsupported files fail with a message naming them, and leave nothing behind', async (t) => {
  const pipeline = openPipeline(t);
  const write = (name: string, bytes: string | Buffer) => {
    writeFileSync(path.join(pipeline.dir, name), bytes);
    return path.join(pipeline.dir, name);
  };
  const cases: [string, string, Record<string, unknown>][] = [
    [images.truncatedJpeg, 'media.undecodable', {}],
    [images.heic, 'media.heic_not_supported', {}],
    [images.pixelBomb, 'media.too_many_pixels', { width: 20000, height: 14000, megapixels: 280, limit: 120 }],
    [write('drawing.jpg', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'media.svg_refused', {}],
    [write('notes.jpg', 'shopping list\n'), 'media.text_refused', {}],
    [write('scan.pdf.jpg', '%PDF-1.4\n'), 'media.pdf_refused', {}],
    [write('really-a-png.jpg', readFileSync(images.pngWithExif)), 'media.extension_mismatch', { extension: 'jpg', type: 'PNG', expected: 'png' }],
    [write('empty.jpg', ''), 'media.empty_file', {}],
  ];
  for (const [file, key, params] of cases) {
    const outcome = await pipeline.process(file);
    t.like(outcome, { ok: false, problem: { key, params: { path: path.basename(file), ...params } } }, path.basename(file));
  }
  t.deepEqual(readdirSync(stagingDirOf(pipeline.mediaDir)).length, 0, 'no staging folder is left');
  t.false(readdirSync(pipeline.mediaDir).some((name) => /^[0-9a-f]{2}$/.test(name)), 'no photograph folder exists');
});

// Serial: libvips keeps one error buffer, and a decode failing at the same moment elsewhere in
// the process can leave sharp with "Unknown error" instead of the decoder's message.
test.serial('failOn "error": a PNG with a broken ICC chunk is accepted, a truncated JPEG is refused with the decoder\'s reason', async (t) => {
  const pipeline = openPipeline(t);
  t.like(await pipeline.process(images.pngInvalidIccp), { ok: true, status: 'processed' });
  t.like(await pipeline.process(images.truncatedJpeg), { ok: false, problem: { key: 'media.undecodable', params: { detail: 'VipsJpeg: premature end of JPEG image' } } });
});

test('a photograph that runs out of time is skipped, not committed and not remembered as failed', async (t) => {
  const pipeline = openPipeline(t, { timeoutMs: 1 });
  const outcome = await pipeline.process(images.canonDslr);
  t.like(outcome, { ok: false, transient: true, problem: { key: 'media.timed_out', params: { path: 'canon-dslr.jpg' } } });
  t.is(pipeline.repository.findSource(images.canonDslr), undefined, 'the next import tries again');
  t.deepEqual(readdirSync(stagingDirOf(pipeline.mediaDir)), []);
});

test('an animated GIF and a multi-page TIFF keep their first frame, with a warning', async (t) => {
  const pipeline = openPipeline(t);
  const frames = await Promise.all(['#ff0000', '#00ff00', '#0000ff'].map((colour) => sharp({ create: { width: 40, height: 30, channels: 3, background: colour } }).png().toBuffer()));
  for (const [name, encode] of [['animated.gif', (image: Sharp) => image.gif()], ['pages.tif', (image: Sharp) => image.tiff()]] as const) {
    const file = path.join(pipeline.dir, name);
    writeFileSync(file, await encode(sharp(frames, { join: { animated: true } })).toBuffer());
    const outcome = expectReady(t, await pipeline.process(file));
    t.deepEqual(outcome.warnings, [{ key: 'media.first_page_only', params: { path: name, pages: 3 } }]);
    const { data, info } = await sharp(readFileSync(path.join(pipeline.folderOf(outcome.hash), 'display.jpg'))).raw().toBuffer({ resolveWithObject: true });
    t.deepEqual([info.width, info.height], [40, 30], 'one frame, not a strip of three');
    t.true(data[0]! > 200 && data[1]! < 60 && data[2]! < 60, `${name} shows its first (red) frame`);
  }
});

test('a dry run inspects and reads metadata but writes nothing', async (t) => {
  const pipeline = openPipeline(t, {}, 'check');
  t.like(await pipeline.process(images.jpegWithGps), { ok: true, status: 'checked', metadata: { gps: { lat: 50.299603, lon: 14.820294 } } });
  t.like(await pipeline.process(images.heic), { ok: false, problem: { key: 'media.heic_not_supported' } });
  t.false(existsSync(pipeline.mediaDir));
  t.is(pipeline.repository.findSource(images.jpegWithGps), undefined);
});
