/** `/` and `/about`. */
import { Router } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { presentHomePage } from '../present/present-home-page.ts';
import { renderPage } from '../render/render-page.ts';
import type { SiteContext } from '../site-context.ts';
import { thumbnailsOfRecords } from '../media/present-thumbnail.ts';
import { readCovers } from './read-covers.ts';

/** How many of the newest records the home page shows. */
const RECENTLY_ADDED = 6;

export function homeRoutes(site: SiteContext): Router {
  const { catalog, lookups } = site;
  const router = Router();

  router.get('/', async (_req, res) => {
    const lang = res.locals.lang as Lang;
    const current = lookups.current();
    const covers = readCovers(catalog, current.collections);
    const recent = catalog.recentlyAdded(RECENTLY_ADDED);
    const browse = await site.overview.get();
    const view = presentHomePage({
      lang,
      // The browse-everything search already counted the public records (kept, see OverviewCache):
      // counting them in the catalog scans every row, 0.4 s at a million records, on every visit.
      recordCount: browse?.result.totalIsExact ? browse.result.total : catalog.countRecords({ publicOnly: true }),
      collections: current.collections,
      covers,
      recent,
      thumbnails: thumbnailsOfRecords(catalog, [...covers.values(), ...recent].map((stored) => stored.record), lang),
      browse,
      lookups: current,
    });
    renderPage(res, 'home', view, { canonical: '/', section: 'home' });
  });

  router.get('/about', (_req, res) => {
    const lang = res.locals.lang as Lang;
    renderPage(res, 'about', {}, { title: translate(lang, 'site.about.title'), canonical: '/about', section: 'about' });
  });

  return router;
}
