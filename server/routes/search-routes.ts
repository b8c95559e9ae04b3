/**
 * `/search`: `searchRecords` → present → render, in the view the URL asks for (list, timeline or
 * map). A page past the last redirects to the last.
 */
import { Router } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { queryParams } from '../params/query-params.ts';
import { presentSearchResults, VIEW_ASSETS } from '../present/present-search-results.ts';
import { renderPage } from '../render/render-page.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import { searchRecords } from '../services/search-records.ts';
import type { SiteContext } from '../site-context.ts';

export function searchRoutes(site: SiteContext): Router {
  const router = Router();
  router.get('/search', async (req, res) => {
    const lang = res.locals.lang as Lang;
    const { query, view, result, pastLastPage, thumbnails, lookups } = await searchRecords(site, { params: queryParams(req), lang });
    const url = { view };
    if (pastLastPage !== undefined) {
      res.redirect(302, searchHref('/search', atPage(query, pastLastPage), url));
      return;
    }
    const context = { path: '/search', query, lang, lookups, url, thumbnails };
    const heading = query.text ? translate(lang, 'site.search.heading_text', { text: query.text }) : translate(lang, 'site.search.heading_browse');
    renderPage(res, 'search', { heading, results: presentSearchResults(result, context, site.config.tiles) }, {
      title: heading,
      canonical: searchHref('/search', query, url),
      section: 'search',
      ...VIEW_ASSETS[view],
    });
  });
  return router;
}
