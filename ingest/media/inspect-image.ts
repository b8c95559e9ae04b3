/**
 * Decides whether a file may be decoded at all, from its bytes and header only: the type must be
 * on the allow-list and match the file's extension, and the pixel count must be under the limit
 * (a 600 KB PNG can claim 14000×14000 pixels; bad-inputs row 17).
 */
import path from 'node:path';
import sharp from 'sharp';
import { HEIC_EXTENSIONS, IMAGE_TYPES, type ImageType } from '../../core/media/image-types.ts';
import type { MediaProblem } from '../../core/media/media-repository.ts';
import { mediaProblem } from './media-problem.ts';
import { sniffImageType } from './sniff-image-type.ts';

export interface Inspected {
  type: ImageType;
  /** Pages or frames in the file; only the first is used. */
  pages: number;
  warnings: MediaProblem[];
}

/** What sharp's header reader calls each allowed type. */
const SHARP_FORMATS: Record<ImageType, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', tiff: 'tiff', avif: 'heif', gif: 'gif' };
const REFUSED_KEYS = { svg: 'media.svg_refused', pdf: 'media.pdf_refused', psd: 'media.psd_refused', text: 'media.text_refused', unknown: 'media.unknown_format' } as const;

/** Throws a `MediaProblemError` naming `reference` when the file must not be decoded. */
export async function inspectImage(bytes: Uint8Array, reference: string, limits: { maxPixels: number }): Promise<Inspected> {
  const sniffed = sniffImageType(bytes);
  if (sniffed.kind === 'heic') throw mediaProblem('media.heic_not_supported', { path: reference });
  if (sniffed.kind === 'refused') throw mediaProblem(REFUSED_KEYS[sniffed.what], { path: reference });
  const { type } = sniffed;
  checkExtension(reference, type);

  // The header only: nothing is decoded yet, so the pixel limit can be checked against what the file claims.
  const header = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (header.format !== SHARP_FORMATS[type]) throw mediaProblem('media.unknown_format', { path: reference });
  if (header.format === 'heif' && header.compression !== 'av1') throw mediaProblem('media.heic_not_supported', { path: reference });
  const width = header.width ?? 0;
  const height = header.height ?? 0;
  if (width * height > limits.maxPixels) {
    throw mediaProblem('media.too_many_pixels', { path: reference, width, height, megapixels: megapixels(width * height), limit: megapixels(limits.maxPixels) });
  }
  const pages = header.pages ?? 1;
  const warnings: MediaProblem[] = pages > 1 ? [{ key: 'media.first_page_only', params: { path: reference, pages } }] : [];
  return { type, pages, warnings };
}

function checkExtension(reference: string, type: ImageType): void {
  const extension = path.extname(reference).slice(1).toLowerCase();
  if ((IMAGE_TYPES[type].extensions as readonly string[]).includes(extension)) return;
  if ((HEIC_EXTENSIONS as readonly string[]).includes(extension) && type === 'avif') return;
  throw mediaProblem('media.extension_mismatch', { path: reference, extension: extension || '—', type: IMAGE_TYPES[type].label, expected: IMAGE_TYPES[type].extensions[0] });
}

function megapixels(pixels: number): number {
  return Math.round(pixels / 100_000) / 10;
}
