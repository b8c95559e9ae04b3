/**
 * The decoder allow-list, enforced inside libvips as well as by `sniffImageType`: every loader is
 * blocked except the in-memory loaders of the six allowed types, so an SVG, PDF or PSD can never
 * reach a decoder even if it slipped past the sniffing. Process-wide: called by the ingest's
 * media step, never at import time, because it also blocks loading images from file paths.
 */
import sharp from 'sharp';

const ALLOWED_LOADERS = [
  'VipsForeignLoadJpegBuffer',
  'VipsForeignLoadPngBuffer',
  'VipsForeignLoadWebpBuffer',
  'VipsForeignLoadTiffBuffer',
  'VipsForeignLoadHeifBuffer', // AVIF; HEVC-coded HEIF is refused before decoding
  'VipsForeignLoadNsgifBuffer',
];

let restricted = false;

export function restrictDecoders(): void {
  if (restricted) return;
  sharp.block({ operation: ['VipsForeignLoad'] });
  sharp.unblock({ operation: ALLOWED_LOADERS });
  restricted = true;
}
