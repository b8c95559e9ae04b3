/**
 * IIIF Image API 3, level 0: static JPEG tiles and `info.json`, written by sharp's `iiif3` tile
 * layout. The `id` in info.json is a placeholder: the router replaces it with the URL it serves
 * the image at, so the files do not depend on the host name.
 */
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Sharp } from 'sharp';
import { IIIF_FOLDER, IIIF_TILE_SIZE } from '../../core/media/derivatives.ts';

export const IIIF_ID_PLACEHOLDER = 'https://iiif.invalid';

/** Tiles are JPEG (what every IIIF client reads), flattened on white like the JPEG derivatives. */
export function encodeTiles(image: Sharp): Sharp {
  return image.flatten({ background: '#ffffff' }).jpeg({ quality: 80 }).tile({ layout: 'iiif3', size: IIIF_TILE_SIZE, id: IIIF_ID_PLACEHOLDER });
}

export async function writeIiifTiles(decoded: Sharp, folder: string, options: { seconds: () => number }): Promise<void> {
  await encodeTiles(decoded.clone())
    .timeout({ seconds: options.seconds() })
    .toFile(path.join(folder, IIIF_FOLDER));
  // libvips leaves a list of image properties beside the tile folder; it is not part of IIIF.
  await rm(path.join(folder, 'vips-properties.xml'), { force: true });
}

/**
 * An image that fits in one tile has one full-size file, which sharp names `full/<w>,<h>/…` but
 * IIIF 3 viewers (OpenSeadragon among them) request as `full/max/…`; both names must exist.
 */
export async function addFullSizeAlias(folder: string, size: { width: number; height: number }): Promise<void> {
  const tiles = path.join(folder, IIIF_FOLDER, 'full');
  const fullSize = path.join(tiles, `${size.width},${size.height}`, '0', 'default.jpg');
  if (!(await stat(fullSize).catch(() => undefined))) return;
  await mkdir(path.join(tiles, 'max', '0'), { recursive: true });
  await copyFile(fullSize, path.join(tiles, 'max', '0', 'default.jpg'));
}
