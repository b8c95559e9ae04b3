/**
 * The JSON API, version 1, under `/api/v1`: search (with cursor walks to the last result),
 * records, collections, and its own OpenAPI description. Each route parses at the edge, asks
 * the one service (`searchRecords`, `readRecord`), presents, and sends; errors become problem
 * documents in the one error handler. Every URL it writes is at `config.publicOrigin`.
 */
import { Router, type Request, type Response } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { API_V1 } from '../api/api-urls.ts';
import type { LinksJson } from '../api/api-schemas.ts';
import { answerOnly } from '../api/negotiate.ts';
import { openApiDocument } from '../api/openapi-document.ts';
import { parseWalk } from '../api/parse-walk.ts';
import { presentApiCollection } from '../api/present-api-collections.ts';
import { presentApiRecord } from '../api/present-api-record.ts';
import { presentApiSearch, type ApiSearchContext } from '../api/present-api-search.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { queryParams } from '../params/query-params.ts';
import { collectionCounts } from '../present/present-collections.ts';
import { readRecord } from '../services/read-record.ts';
import { searchRecords, type SearchRequest } from '../services/search-records.ts';
import { visibleRecordIds } from '../services/visible-records.ts';
import type { SiteContext } from '../site-context.ts';
import { readCovers } from './read-covers.ts';

const JSON_ONLY = answerOnly(['application/json']);
/** Answers follow the catalog, which an import may change at any moment: caches revalidate. */
const REVALIDATE = 'no-cache';

/** Mount under `/api`, after `apiLanguage`. */
export function apiV1Routes(site: SiteContext): Router {
  const origin = site.config.publicOrigin;
  const router = Router();
  // Generated once: it depends on the code and the public origin only.
  const openApi = openApiDocument(origin);

  router.get(`/v1/search`, JSON_ONLY, async (req, res) => {
    const body = await searchAnswer(site, req, res, {}, { path: `${API_V1}/search`, htmlPath: '/search' });
    sendWithLinks(res, body.links, body);
  });

  router.get('/v1/records/:id', JSON_ONLY, (req, res) => {
    const reading = readRecord(site, String(req.params.id));
    if (reading.status === 'gone') {
      const { deletedAt } = reading.tombstone;
      throw new GoneError('site.error.record_gone', { date: deletedAt.slice(0, 10) }, deletedAt);
    }
    if (reading.status === 'not_found') throw new NotFoundError('site.error.record_not_found');
    res.set('Cache-Control', REVALIDATE).json(presentApiRecord(reading, origin));
  });

  router.get('/v1/collections', JSON_ONLY, async (_req, res) => {
    const { collections } = site.lookups.current();
    const counts = collectionCounts((await site.overview.get())?.result);
    const covers = readCovers(site.catalog, collections);
    res.set('Cache-Control', REVALIDATE).json({ collections: collections.map((collection) => presentApiCollection(collection, { origin, covers, ...(counts && { counts }) })) });
  });

  router.get('/v1/collections/:id', JSON_ONLY, async (req, res) => {
    const collection = site.lookups.current().collectionById.get(String(req.params.id));
    if (!collection) throw new NotFoundError('site.error.collection_not_found');
    const path = `${API_V1}/collections/${encodeURIComponent(collection.id)}`;
    const search = await searchAnswer(site, req, res, { scope: { collection: collection.id } }, { path, htmlPath: `/collections/${encodeURIComponent(collection.id)}`, fixed: ['collection'] });
    const counts = collectionCounts((await site.overview.get())?.result);
    const presented = presentApiCollection(collection, { origin, covers: readCovers(site.catalog, [collection]), ...(counts && { counts }) });
    sendWithLinks(res, search.links, { collection: presented, ...search });
  });

  router.get('/v1/openapi.json', JSON_ONLY, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(openApi);
  });

  return router;
}

/** One search of the API: the request's parameters through `searchRecords`, presented with its links. */
async function searchAnswer(site: SiteContext, req: Request, res: Response, extra: Pick<SearchRequest, 'scope'>, context: Pick<ApiSearchContext, 'path' | 'htmlPath' | 'fixed'>) {
  const params = queryParams(req);
  const walk = parseWalk(params, site.engine.name);
  const outcome = await searchRecords(site, { params, lang: res.locals.lang as Lang, ...extra, ...(walk.continueFrom && { continueFrom: walk.continueFrom }) });
  const shownRelated = visibleRecordIds(site.catalog, outcome.result.hits.flatMap((hit) => hit.record.related ?? []));
  return presentApiSearch(outcome, { ...context, origin: site.config.publicOrigin, engine: site.engine.name, paged: walk.paged, shownRelated, ...(walk.cursor && { cursor: walk.cursor }) });
}

/**
 * The body, with its next page also as `Link: <…>; rel="next"` (RFC 8288) so clients can page
 * without reading it. The URL is built by URLSearchParams, so it holds no `>` to escape.
 */
function sendWithLinks(res: Response, links: LinksJson, body: object): void {
  if (links.next) res.set('Link', `<${links.next}>; rel="next"`);
  res.set('Cache-Control', REVALIDATE).json(body);
}
