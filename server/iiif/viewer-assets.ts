/**
 * The viewer's files: Mirador's self-contained bundle straight from its npm package (no CDN, no
 * copy in the repository), under its version so it can be cached as immutable, and the archive's
 * own start-up script and styles in public/iiif/ (served with the site's assets).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { type RequestHandler } from 'express';

const require = createRequire(import.meta.url);
// The package exports only its bundles: `require` resolves to dist/mirador.min.js.
const MIRADOR_DIST = path.dirname(require.resolve('mirador'));
const MIRADOR_VERSION = (JSON.parse(readFileSync(path.join(MIRADOR_DIST, '..', 'package.json'), 'utf8')) as { version: string }).version;

export const MIRADOR_PREFIX = `/vendor/mirador/${MIRADOR_VERSION}`;
export const MIRADOR_SCRIPT = `${MIRADOR_PREFIX}/mirador.min.js`;
/** Under the site's asset root (`/assets/<version>/…`). */
export const VIEWER_ASSETS = { script: 'iiif/start-viewer.js', stylesheet: 'iiif/viewer.css', logo: 'iiif/iiif-logo.svg' } as const;

/** Mount at MIRADOR_PREFIX. */
export function serveMirador(): RequestHandler {
  return express.static(MIRADOR_DIST, { maxAge: 31_536_000_000, immutable: true, index: false, redirect: false, dotfiles: 'deny' });
}
