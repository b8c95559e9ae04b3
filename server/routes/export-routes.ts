/**
 * `/export.csv`, `/export.json`, `/export.jsonl` with any search's parameters (`?q=…&type=…`,
 * `?collection=…`): every public record of the search, streamed in the import template's form.
 */
import { pipeline } from 'node:stream/promises';
import { Router } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { NotFoundError } from '../errors.ts';
import { queryParams } from '../params/query-params.ts';
import { EXPORT_FORMATS, exportStream, type ExportFormat } from '../services/export-records.ts';
import { walkRecords } from '../services/search-records.ts';
import type { SiteContext } from '../site-context.ts';

export function exportRoutes(site: SiteContext): Router {
  const router = Router();
  router.get('/export.:extension', async (req, res) => {
    const format = (Object.keys(EXPORT_FORMATS) as ExportFormat[]).find((name) => EXPORT_FORMATS[name].extension === req.params.extension);
    if (!format) throw new NotFoundError();
    const walk = walkRecords(site, { params: queryParams(req), lang: res.locals.lang as Lang });
    // The first page is read before anything is sent: search down or a bad parameter is still an error page.
    const first = await walk.next();
    const pages = (async function* () {
      if (!first.done) yield first.value;
      yield* walk;
    })();
    const day = new Date().toISOString().slice(0, 10);
    res.attachment(`archive-export-${day}.${EXPORT_FORMATS[format].extension}`).type(EXPORT_FORMATS[format].type).set('Cache-Control', 'no-store');
    try {
      await pipeline(exportStream(pages, format), res);
    } catch (error) {
      // Past the first page the client sees a cut-short file (or has gone away); the log says why.
      site.logger.warn({ err: error, url: req.originalUrl }, 'export stopped');
      res.destroy();
    }
  });
  return router;
}
