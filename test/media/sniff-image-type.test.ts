import { readFileSync } from 'node:fs';
import test from 'ava';
import sharp from 'sharp';
import { sniffImageType } from '../../ingest/media/sniff-image-type.ts';
import { images } from '../fixtures/images/index.ts';

const sniffFile = (file: string) => sniffImageType(readFileSync(file));

test('real photographs are recognised from their bytes: JPEG, PNG, WebP, TIFF and AVIF', (t) => {
  t.deepEqual(sniffFile(images.jpegWithGps), { kind: 'image', type: 'jpeg' });
  t.deepEqual(sniffFile(images.pngWithExif), { kind: 'image', type: 'png' });
  t.deepEqual(sniffFile(images.webp), { kind: 'image', type: 'webp' });
  t.deepEqual(sniffFile(images.tiffWithIptcIccXmp), { kind: 'image', type: 'tiff' });
  t.deepEqual(sniffFile(images.avif), { kind: 'image', type: 'avif' });
});

test('a GIF is recognised, and a big-endian TIFF as much as a little-endian one', async (t) => {
  const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#c00' } }).gif().toBuffer();
  t.deepEqual(sniffImageType(gif), { kind: 'image', type: 'gif' });
  t.deepEqual(sniffImageType(Buffer.from('MM\0*\0\0\0\x08', 'latin1')), { kind: 'image', type: 'tiff' });
});

test('an iPhone HEIC is told apart from an AVIF by the brands of its ftyp box', (t) => {
  t.deepEqual(sniffFile(images.heic), { kind: 'heic' });
  const ftyp = (major: string, ...compatible: string[]) => Buffer.from(`\0\0\0${String.fromCharCode(16 + 4 * compatible.length)}ftyp${major}\0\0\0\0${compatible.join('')}`, 'latin1');
  t.deepEqual(sniffImageType(ftyp('heic', 'mif1', 'heic')), { kind: 'heic' });
  t.deepEqual(sniffImageType(ftyp('mif1', 'mif1', 'avif')), { kind: 'image', type: 'avif' });
  t.deepEqual(sniffImageType(ftyp('isom', 'isom', 'mp41')), { kind: 'refused', what: 'unknown' });
});

test('SVG (with or without an XML prologue), PDF and PSD are refused before any decoder sees them', (t) => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  t.deepEqual(sniffImageType(Buffer.from(svg)), { kind: 'refused', what: 'svg' });
  t.deepEqual(sniffImageType(Buffer.from(`\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n${svg}`)), { kind: 'refused', what: 'svg' });
  t.deepEqual(sniffImageType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')), { kind: 'refused', what: 'pdf' });
  t.deepEqual(sniffImageType(Buffer.from('8BPS\0\x01\0\0\0\0\0\0', 'latin1')), { kind: 'refused', what: 'psd' });
});

test('a text file renamed to .jpg is refused as text, and unknown binary as an unknown format', (t) => {
  t.deepEqual(sniffImageType(Buffer.from('这不是图像 — just notes\n')), { kind: 'refused', what: 'text' });
  t.deepEqual(sniffImageType(Buffer.from([0x00, 0x01, 0x02, 0x03, 0xfe, 0xff])), { kind: 'refused', what: 'unknown' });
  t.deepEqual(sniffImageType(Buffer.alloc(0)), { kind: 'refused', what: 'text' });
});
