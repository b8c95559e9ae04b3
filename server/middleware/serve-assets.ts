/**
 * Static assets (public/) at `/assets/<version>/…`, where the version is a hash of every file in
 * public/ taken at start-up. Pages always link the current version, so its files are cached for a
 * year as immutable: a changed stylesheet gets a new URL, never a stale copy. A request for any
 * other version (a page rendered before a deploy) still gets the current file, cached briefly.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { PROJECT_ROOT } from '../../core/config.ts';

export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';

/** A 12-hex-digit hash of the names and contents of every file under `dir`. */
export function assetVersion(dir: string = PUBLIC_DIR): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(dir, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

/** Mount at `/assets/:version`. Missing files end in the site's 404 page. */
export function serveAssets(version: string, dir: string = PUBLIC_DIR): RequestHandler {
  const serve = express.static(dir, { cacheControl: false, fallthrough: false, index: false, redirect: false, dotfiles: 'ignore' });
  return (req, res, next) => {
    res.setHeader('Cache-Control', req.params.version === version ? IMMUTABLE : SHORT);
    serve(req, res, next);
  };
}
