/**
 * What every photograph becomes: a table of sizes × formats (the code loops over it) plus IIIF
 * tiles. Ingest writes these files, the router serves them and the presenters name them, so the
 * names live here once.
 */

/** Longest edge in pixels; a smaller photograph is never enlarged. */
export const DERIVATIVE_SIZES = { thumb: 320, display: 1024, large: 2048 } as const;
export type DerivativeSize = keyof typeof DERIVATIVE_SIZES;

/** Best first: `<picture>` lists sources in this order and the JPEG is the `<img>` fallback. */
export const DERIVATIVE_FORMATS = {
  avif: { extension: 'avif', mime: 'image/avif' },
  webp: { extension: 'webp', mime: 'image/webp' },
  jpeg: { extension: 'jpg', mime: 'image/jpeg' },
} as const;
export type DerivativeFormat = keyof typeof DERIVATIVE_FORMATS;

export const SIZE_NAMES = Object.keys(DERIVATIVE_SIZES) as DerivativeSize[];
export const FORMAT_NAMES = Object.keys(DERIVATIVE_FORMATS) as DerivativeFormat[];

/**
 * Bumped whenever the files a photograph becomes change (sizes, formats, encoder settings,
 * decoders): media made by an older pipeline is made again on the next import.
 */
export const MEDIA_PIPELINE_VERSION = 1;

/** The IIIF tile folder inside a photograph's folder; `info.json` is at its top. */
export const IIIF_FOLDER = 'iiif';
export const IIIF_TILE_SIZE = 512;

/** Actual pixel size of each derivative (smaller than the table for small photographs). */
export type DerivativeDimensions = Record<DerivativeSize, { width: number; height: number }>;

export function derivativeFileName(size: DerivativeSize, format: DerivativeFormat): string {
  return `${size}.${DERIVATIVE_FORMATS[format].extension}`;
}

/** The public file name of a published original, e.g. `original.tif`. */
export function originalFileName(extension: string): string {
  return `original.${extension}`;
}
