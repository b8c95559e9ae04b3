/**
 * Static assets at `/assets/<version>/…`: the archive's own public/ (the offline base map's data
 * among it) and, under `vendor/leaflet/` and `vendor/markercluster/`, Leaflet's and
 * Leaflet.markercluster's dist/ straight from their npm packages (no CDN, no copy in the repository). The version
 * is a hash of every file of both, taken at start-up. Pages always link the current version, so
 * its files are cached for a year as immutable: a changed stylesheet or an upgraded Leaflet gets a
 * new URL, never a stale copy. A request for any other version (a page rendered before a deploy)
 * still gets the current file, cached briefly.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import compression from 'compression';
import express, { Router, type RequestHandler } from 'express';
import { PROJECT_ROOT } from '../../core/config.ts';

export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
const require = createRequire(import.meta.url);
const LEAFLET_DIR = path.join(path.dirname(require.resolve('leaflet/package.json')), 'dist');
const MARKERCLUSTER_DIR = path.join(path.dirname(require.resolve('leaflet.markercluster/package.json')), 'dist');

export interface AssetRoot {
  /** Where the folder appears under `/assets/<version>`; '' for the top. */
  prefix: string;
  dir: string;
}

/** Listed most specific first: a prefix is matched before the roots after it. */
export const ASSET_ROOTS: readonly AssetRoot[] = [
  { prefix: '/vendor/leaflet', dir: LEAFLET_DIR },
  { prefix: '/vendor/markercluster', dir: MARKERCLUSTER_DIR },
  { prefix: '', dir: PUBLIC_DIR },
];

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

/** A 12-hex-digit hash of the names and contents of every file under the roots. */
export function assetVersion(roots: readonly AssetRoot[] = ASSET_ROOTS): string {
  const hash = createHash('sha256');
  for (const { prefix, dir } of roots) {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files) hash.update(prefix).update(path.relative(dir, file)).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Mount at `/assets/:version`. Missing files end in the site's 404 page. */
export function serveAssets(version: string, roots: readonly AssetRoot[] = ASSET_ROOTS): RequestHandler {
  // mergeParams: the version is a parameter of the path the router is mounted at.
  const router = Router({ mergeParams: true });
  router.use((req, res, next) => {
    res.setHeader('Cache-Control', req.params.version === version ? IMMUTABLE : SHORT);
    next();
  });
  // Scripts, stylesheets and the base map's JSON are text that shrinks to a third or less;
  // compression's own filter leaves images (already compressed) alone.
  router.use(compression());
  for (const { prefix, dir } of roots) {
    const serve = express.static(dir, { cacheControl: false, fallthrough: false, index: false, redirect: false, dotfiles: 'ignore' });
    if (prefix) router.use(prefix, serve);
    else router.use(serve);
  }
  return router;
}
