/** `/items/:id`: the record page, read from the catalog alone (it works while search is down). */
import { Router } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { NotFoundError } from '../errors.ts';
import { presentRecordMedia } from '../media/present-record-media.ts';
import { presentRecordPage } from '../present/present-record-page.ts';
import { itemHref } from '../present/record-summary.ts';
import { renderPage } from '../render/render-page.ts';
import type { SiteContext } from '../site-context.ts';

export function itemRoutes({ catalog, lookups, config }: SiteContext): Router {
  const router = Router();
  router.get('/items/:id', (req, res) => {
    const stored = catalog.getRecord(req.params.id);
    if (!stored) throw new NotFoundError('site.error.record_not_found');
    const lang = res.locals.lang as Lang;
    const related = catalog.getRecords(stored.record.related ?? []);
    const origin = `${req.protocol}://${req.get('host') ?? `${config.host}:${config.port}`}`;
    const page = presentRecordPage(stored, related, lang, lookups.current(), origin);
    const media = presentRecordMedia(catalog, stored.record.id, lang);
    const view = { ...page, media: media.hasImages ? media : undefined };
    renderPage(res, 'item', view, { title: view.title.value, canonical: itemHref(stored.record.id), section: 'items' });
  });
  return router;
}
