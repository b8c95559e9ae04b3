/**
 * Serves photographs: derivatives at `/media/<hash>/<file>` and IIIF Image API 3 (level 0) at
 * `/iiif/<hash>/info.json` and `/iiif/<hash>/<region>/<size>/0/default.jpg`, all cached as
 * immutable (the hash names the content), plus the viewer's scripts under `/vendor/`. Every path
 * segment is checked against what ingest writes before the disk is touched, so no request can
 * name a file outside a photograph's folder (bad-inputs row 30); private originals are never
 * reachable.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Config } from '../../core/config.ts';
import { IIIF_FOLDER } from '../../core/media/derivatives.ts';
import { isMediaHash, mediaFolderOf } from '../../core/media/media-paths.ts';
import { MEDIA_ASSETS_PREFIX, OSD_DIR, OSD_PREFIX, PUBLIC_MEDIA_DIR } from './media-assets.ts';
import { iiifBaseUrl, iiifInfoUrl, isServableMediaFile, isServableTile } from './media-urls.ts';

export interface MediaRouterParts {
  /** `publicOrigin` is the base of the `id` in info.json: never the request's Host header. */
  config: Pick<Config, 'mediaDir' | 'publicOrigin'>;
}

const YEAR_SECONDS = 31_536_000;
const IMMUTABLE = { maxAge: YEAR_SECONDS * 1000, immutable: true, dotfiles: 'deny', index: false, redirect: false } as const;
const IIIF_CONTEXT = 'http://iiif.io/api/image/3/context.json';
const INFO_CACHE = 'public, max-age=86400';
/**
 * IIIF viewers and pages on other sites may load these public images (CORS for scripts, CORP for
 * <img>); these override helmet's same-origin Cross-Origin-Resource-Policy for media only.
 */
const SHARED_ACROSS_ORIGINS = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };

export function createMediaRouter({ config }: MediaRouterParts): Router {
  const router = express.Router();
  const folderOf = (hash: string) => mediaFolderOf(config.mediaDir, hash);

  router.get('/media/:hash/:file', (req, res, next) => {
    const { hash, file } = req.params as Record<string, string>;
    if (!isServableMediaFile(hash!, file!)) return next();
    sendImmutable(res, next, file!, folderOf(hash!));
  });

  router.get(`/${IIIF_FOLDER}/:hash`, (req, res, next) => {
    const { hash } = req.params as Record<string, string>;
    if (!isMediaHash(hash!)) return next();
    res.redirect(303, iiifInfoUrl(hash!));
  });

  router.get(`/${IIIF_FOLDER}/:hash/info.json`, async (req, res, next) => {
    const { hash } = req.params as Record<string, string>;
    if (!isMediaHash(hash!)) return next();
    const text = await readFile(path.join(folderOf(hash!), IIIF_FOLDER, 'info.json'), 'utf8').catch(() => undefined);
    if (text === undefined) return next();
    const info = { ...(JSON.parse(text) as Record<string, unknown>), id: `${config.publicOrigin}${iiifBaseUrl(hash!)}` };
    res
      .set({ 'Cache-Control': INFO_CACHE, ...SHARED_ACROSS_ORIGINS })
      .type(`application/ld+json;profile="${IIIF_CONTEXT}"`)
      .send(JSON.stringify(info));
  });

  router.get(`/${IIIF_FOLDER}/:hash/:region/:size/:rotation/:quality`, (req, res, next) => {
    const { hash, region, size, rotation, quality } = req.params as Record<string, string>;
    if (!isServableTile(hash!, region!, size!, rotation!, quality!)) return next();
    sendImmutable(res, next, path.join(region!, size!, rotation!, quality!), path.join(folderOf(hash!), IIIF_FOLDER));
  });

  router.use(OSD_PREFIX, express.static(OSD_DIR, IMMUTABLE));
  router.use(MEDIA_ASSETS_PREFIX, express.static(PUBLIC_MEDIA_DIR, IMMUTABLE));
  return router;
}

/** Sends `file` from under `root`; a missing file falls through to the site's 404 page. */
function sendImmutable(res: Response, next: NextFunction, file: string, root: string): void {
  res.set(SHARED_ACROSS_ORIGINS);
  res.sendFile(file, { ...IMMUTABLE, root }, (error?: Error & { status?: number; statusCode?: number }) => {
    if (!error) return;
    if ((error.status ?? error.statusCode) === 404) {
      for (const name of Object.keys(SHARED_ACROSS_ORIGINS)) res.removeHeader(name);
      return next();
    }
    next(error);
  });
}
