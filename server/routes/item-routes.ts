/**
 * `/items/:id`: the record page, from `readRecord` alone (it works while search is down). A
 * deleted record answers 410 Gone; a hidden one 404, like an id that never existed. Opened from
 * results (`?from=`), it leads back to them and steps to the records beside it (`locateInSearch`).
 */
import { Router } from 'express';
import { CITATION_DOWNLOADS, citationFile, type CitationContext, type CitationDownload } from '../../core/cite/cite-record.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { presentRecordMedia } from '../media/present-record-media.ts';
import { presentRecordMap, RECORD_MAP_ASSETS } from '../present/present-record-map.ts';
import { createCitationCache } from '../present/citation-cache.ts';
import { presentCitation } from '../present/present-citation.ts';
import { presentRecordHead } from '../present/present-record-head.ts';
import { presentRecordPage } from '../present/present-record-page.ts';
import { presentRecordTrail } from '../present/present-record-trail.ts';
import { itemHref } from '../present/record-summary.ts';
import { renderPage } from '../render/render-page.ts';
import { queryParams } from '../params/query-params.ts';
import { parseReturnSearch } from '../search/return-search.ts';
import { locateInSearch } from '../services/locate-in-search.ts';
import { readRecord } from '../services/read-record.ts';
import type { SiteContext } from '../site-context.ts';

export function itemRoutes(site: SiteContext): Router {
  const router = Router();
  const citations = createCitationCache();
  router.get('/items/:id', async (req, res) => {
    const reading = readRecord(site, req.params.id);
    if (reading.status === 'gone') throw new GoneError('site.error.record_gone', { date: reading.tombstone.deletedAt.slice(0, 10) });
    if (reading.status === 'not_found') throw new NotFoundError('site.error.record_not_found');
    const lang = res.locals.lang as Lang;
    const page = presentRecordPage(reading, lang, site.config.publicOrigin);
    const media = presentRecordMedia(reading.media, reading.stored.record, lang);
    const map = presentRecordMap(reading.stored.record, lang, site.config.tiles);
    const citation = presentCitation(reading.stored.record, lang, citationContext(site, reading.stored.modified), citations);
    const from = parseReturnSearch(queryParams(req));
    const place = from && (await locateInSearch(site, from, reading.stored.record.id, lang));
    const trail = presentRecordTrail(lang, reading.lookups, from, place);
    const view = { ...page, media: media.hasImages ? media : undefined, map, citation, trail };
    const head = presentRecordHead(reading, lang, site.config.publicOrigin);
    renderPage(res, 'item', view, { title: view.title.value, canonical: itemHref(reading.stored.record.id), section: 'items', ...(map && RECORD_MAP_ASSETS), ...head });
  });
  router.get('/items/:id/cite.:extension', (req, res) => {
    const format = (Object.keys(CITATION_DOWNLOADS) as CitationDownload[]).find((name) => CITATION_DOWNLOADS[name].extension === req.params.extension);
    if (!format) throw new NotFoundError();
    const reading = readRecord(site, req.params.id);
    if (reading.status === 'gone') throw new GoneError('site.error.record_gone', { date: reading.tombstone.deletedAt.slice(0, 10) });
    if (reading.status === 'not_found') throw new NotFoundError('site.error.record_not_found');
    const { record } = reading.stored;
    // The file name first: attachment() would otherwise set the type from the extension.
    res
      .attachment(`${record.id}.${CITATION_DOWNLOADS[format].extension}`)
      .type(`${CITATION_DOWNLOADS[format].type}; charset=utf-8`)
      .send(citationFile(record, format, citationContext(site, reading.stored.modified)));
  });
  return router;
}

function citationContext(site: SiteContext, modified: string): CitationContext {
  return { publicOrigin: site.config.publicOrigin, archiveName: site.config.archiveName, modified };
}
