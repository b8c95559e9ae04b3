/**
 * IIIF Presentation 3 at `/iiif/…`: a manifest per public record, the whole archive and each
 * themed collection as Collections (in pages), and the archive's Mirador viewer. Documents are
 * JSON-LD with the Presentation 3 profile, open to every origin (CORS), and answer a deleted
 * record with 410 and a hidden or unknown one with 404 — never a hint of what is hidden. Errors
 * are JSON with the message in both languages.
 */
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { GoneError, HttpError, NotFoundError } from '../errors.ts';
import { firstValue, queryParams } from '../params/query-params.ts';
import { readRecord } from '../services/read-record.ts';
import type { SiteContext } from '../site-context.ts';
import { PRESENTATION_MEDIA_TYPE, VIEWER_PATH } from './iiif-urls.ts';
import { messageMap } from './language-map.ts';
import { presentArchiveCollection, presentArchivePage, presentThemedCollection, presentThemedCollectionPage, presentThemedCollections } from './present-collection.ts';
import { presentManifest } from './present-manifest.ts';
import { parseViewerDocument, presentViewerPage } from './present-viewer-page.ts';
import { readArchivePage, readArchivePageNumbers, readCollectionListing, type ListingOutcome } from './read-listings.ts';
import { MIRADOR_PREFIX, serveMirador } from './viewer-assets.ts';
import { viewerContentSecurityPolicy } from './viewer-csp.ts';

/** Any viewer on any site may read the archive's IIIF documents (CORS for fetch, CORP for the rest). */
const OPEN_TO_EVERY_ORIGIN = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
/**
 * Documents follow the catalog, which an import may change and a curator may withdraw from at
 * any moment: caches must ask again every time (the ETag makes that a cheap 304).
 */
const DOCUMENT_CACHE = 'no-cache';
const PAGE_NUMBER = /^[1-9]\d{0,8}$/;

/** Mount after `chooseLanguage`: the viewer page is in the visitor's language. */
export function iiifRoutes(site: SiteContext): Router {
  const { publicOrigin } = site.config;
  const router = Router();

  router.get('/iiif/manifests/:id', (req, res) => {
    const reading = readRecord(site, req.params.id);
    if (reading.status === 'gone') throw new GoneError('iiif.record_gone', { date: reading.tombstone.deletedAt.slice(0, 10) });
    if (reading.status === 'not_found') throw new NotFoundError('iiif.record_not_found');
    sendDocument(req, res, presentManifest(reading, publicOrigin));
  });

  router.get('/iiif/archive', (req, res) => {
    sendDocument(req, res, presentArchiveCollection(readArchivePageNumbers(site), publicOrigin));
  });

  router.get('/iiif/archive/pages/:page', (req, res) => {
    const page = parsePage(req.params.page);
    sendDocument(req, res, presentArchivePage(page, found(readArchivePage(site, page)), publicOrigin));
  });

  router.get('/iiif/collections', (req, res) => {
    sendDocument(req, res, presentThemedCollections(site.lookups.current().collections, publicOrigin));
  });

  router.get('/iiif/collections/:id', (req, res) => {
    sendDocument(req, res, presentThemedCollection(found(readCollectionListing(site, req.params.id)), publicOrigin));
  });

  router.get('/iiif/collections/:id/pages/:page', (req, res) => {
    const page = parsePage(req.params.page);
    sendDocument(req, res, presentThemedCollectionPage(page, found(readCollectionListing(site, req.params.id, page)), publicOrigin));
  });

  router.get(VIEWER_PATH, (req, res) => {
    const documentUrl = parseViewerDocument(firstValue(queryParams(req), 'manifest'), publicOrigin);
    const view = presentViewerPage(documentUrl, res.locals.lang as Lang, publicOrigin, String(res.app.locals.assets));
    // Replaces the site's policy for this page only (helmet set it before any route ran).
    res.set('Content-Security-Policy', viewerContentSecurityPolicy(publicOrigin));
    res.render('iiif-viewer', { ...view, layout: false });
  });

  router.use(MIRADOR_PREFIX, serveMirador());
  router.use(answerErrorsAsJson);
  return router;
}

function sendDocument(req: Request, res: Response, document: object): void {
  res.set({ ...OPEN_TO_EVERY_ORIGIN, 'Cache-Control': DOCUMENT_CACHE }).vary('Accept');
  if (!req.accepts(['application/ld+json', 'application/json'])) throw new HttpError(406, 'iiif.not_acceptable');
  // res.json keeps a content type already set.
  res.type(PRESENTATION_MEDIA_TYPE).json(document);
}

/** A page number as the paths write it; anything else is no page. */
function parsePage(text: string): number {
  if (!PAGE_NUMBER.test(text)) throw new HttpError(404, 'iiif.page_malformed');
  return Number(text);
}

function found<T>(outcome: ListingOutcome<T>): T {
  if (outcome.status === 'not_found') throw new NotFoundError('iiif.collection_not_found');
  if (outcome.status === 'no_page') throw new HttpError(404, 'iiif.page_not_found', { last: outcome.last });
  return outcome.value;
}

/** The documents' own errors as JSON in both languages; the viewer page's go to the site's error page. */
const answerErrorsAsJson: ErrorRequestHandler = (error, req, res, next) => {
  if (!(error instanceof HttpError) || req.path === VIEWER_PATH) return next(error);
  res
    .status(error.status)
    .set({ ...OPEN_TO_EVERY_ORIGIN, 'Cache-Control': 'no-store' })
    .json({ error: { status: error.status, message: messageMap(error.messageKey, error.params) } });
};
