/**
 * The viewer's files: OpenSeadragon from its npm package (no CDN) and the archive's own
 * public/media/ (the viewer's start-up script and styles). Each is served under a version in the
 * URL, so it can be cached as immutable.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';

const require = createRequire(import.meta.url);

export const OSD_DIR = path.dirname(require.resolve('openseadragon'));
const OSD_VERSION = (JSON.parse(readFileSync(require.resolve('openseadragon/package.json'), 'utf8')) as { version: string }).version;

export const PUBLIC_MEDIA_DIR = path.join(PROJECT_ROOT, 'public', 'media');
const PUBLIC_MEDIA_VERSION = contentVersion(PUBLIC_MEDIA_DIR);

export const OSD_PREFIX = `/vendor/openseadragon/${OSD_VERSION}`;
export const MEDIA_ASSETS_PREFIX = `/vendor/media/${PUBLIC_MEDIA_VERSION}`;

/** URLs the record-images partial links. */
export const MEDIA_ASSETS = Object.freeze({
  osdScript: `${OSD_PREFIX}/openseadragon.min.js`,
  osdImages: `${OSD_PREFIX}/images/`,
  viewerScript: `${MEDIA_ASSETS_PREFIX}/viewer.js`,
  stylesheet: `${MEDIA_ASSETS_PREFIX}/media.css`,
});

function contentVersion(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(name).update('\0').update(readFileSync(path.join(dir, name)));
  return hash.digest('hex').slice(0, 12);
}
