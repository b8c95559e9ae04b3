/**
 * The public URLs of a photograph's files, and the rules a requested name must pass. Presenters
 * build URLs with the first half; the router accepts only what the second half allows, so a
 * request can never name a file outside a photograph's folder.
 */
import { FORMAT_NAMES, SIZE_NAMES, derivativeFileName, originalFileName, IIIF_FOLDER } from '../../core/media/derivatives.ts';
import { IMAGE_TYPES, canonicalExtension, type ImageType } from '../../core/media/image-types.ts';
import { isMediaHash } from '../../core/media/media-paths.ts';

export const mediaUrl = (hash: string, file: string) => `/media/${hash}/${file}`;
export const iiifBaseUrl = (hash: string) => `/${IIIF_FOLDER}/${hash}`;
export const iiifInfoUrl = (hash: string) => `${iiifBaseUrl(hash)}/info.json`;

const DERIVATIVE_FILES: ReadonlySet<string> = new Set(SIZE_NAMES.flatMap((size) => FORMAT_NAMES.map((format) => derivativeFileName(size, format))));
const ORIGINAL_FILES: ReadonlySet<string> = new Set((Object.keys(IMAGE_TYPES) as ImageType[]).map((type) => originalFileName(canonicalExtension(type))));

/** `/media/<hash>/<file>`: a derivative, or a published original (present only when originals are published). */
export function isServableMediaFile(hash: string, file: string): boolean {
  return isMediaHash(hash) && (DERIVATIVE_FILES.has(file) || ORIGINAL_FILES.has(file));
}

const REGION = /^(full|\d{1,6},\d{1,6},\d{1,6},\d{1,6})$/;
const SIZE = /^(max|\d{1,6},\d{1,6})$/;

/** `/iiif/<hash>/<region>/<size>/<rotation>/<quality>.<format>` as level-0 static tiles are named. */
export function isServableTile(hash: string, region: string, size: string, rotation: string, quality: string): boolean {
  return isMediaHash(hash) && REGION.test(region) && SIZE.test(size) && rotation === '0' && quality === 'default.jpg';
}
