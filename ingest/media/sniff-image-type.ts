/**
 * Decides what a file is from its first bytes, never from its name: only allow-listed image types
 * reach a decoder. HEIC is recognised separately so the report can say how to convert it.
 */
import { isUtf8 } from 'node:buffer';
import type { ImageType } from '../../core/media/image-types.ts';

export type Sniffed =
  | { kind: 'image'; type: ImageType }
  | { kind: 'heic' }
  | { kind: 'refused'; what: 'svg' | 'pdf' | 'psd' | 'text' | 'unknown' };

/** HEIF brands whose pictures are HEVC-coded; `mif1`/`msf1` alone mean HEIF too unless an AVIF brand is present. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const TEXT_SAMPLE = 512;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

export function sniffImageType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', type: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', type: 'png' };
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return { kind: 'image', type: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { kind: 'image', type: 'webp' };
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(bytes, 0, 4))) return { kind: 'image', type: 'tiff' };
  if (ascii(bytes, 4, 8) === 'ftyp') return sniffIsoMedia(bytes);
  if (ascii(bytes, 0, 5) === '%PDF-') return { kind: 'refused', what: 'pdf' };
  if (ascii(bytes, 0, 4) === '8BPS') return { kind: 'refused', what: 'psd' };
  return sniffText(bytes);
}

/** ISO base media files (HEIF, AVIF, MP4 …): the `ftyp` box lists a major brand and compatible brands. */
function sniffIsoMedia(bytes: Uint8Array): Sniffed {
  const boxSize = Math.min(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return { kind: 'image', type: 'avif' };
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return { kind: 'heic' };
  return { kind: 'refused', what: 'unknown' };
}

/** SVG is XML text; other text (a renamed .txt or .html) is refused as text. */
function sniffText(bytes: Uint8Array): Sniffed {
  const sample = bytes.subarray(0, TEXT_SAMPLE);
  if (sample.includes(0) || !looksLikeUtf8(sample)) return { kind: 'refused', what: 'unknown' };
  const text = Buffer.from(sample).toString('utf8').toLowerCase();
  if (/<svg[\s>]|<!doctype svg/.test(text)) return { kind: 'refused', what: 'svg' };
  return { kind: 'refused', what: 'text' };
}

/** A sample can end in the middle of a multi-byte character; allow up to three trailing bytes to be cut. */
function looksLikeUtf8(sample: Uint8Array): boolean {
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    if (isUtf8(sample.subarray(0, sample.length - cut))) return true;
  }
  return sample.length === 0;
}
