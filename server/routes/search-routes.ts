/**
 * `/search`: parse → engine → present → render, in the view the URL asks for (list, timeline or
 * map). A page past the last redirects to the last.
 */
import { thumbnailsOfRecords } from '../media/present-thumbnail.ts';
import { Router, type Request } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { queryParams } from '../params/query-params.ts';
import { presentSearchResults, VIEW_ASSETS } from '../present/present-search-results.ts';
import { renderPage } from '../render/render-page.ts';
import { parseSearchQuery } from '../search/parse-search-query.ts';
import { parseSearchView } from '../search/parse-search-view.ts';
import { queryForView } from '../search/search-for-view.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SiteContext } from '../site-context.ts';

export function searchRoutes({ catalog, engine, lookups, config }: SiteContext): Router {
  const router = Router();
  router.get('/search', async (req: Request, res) => {
    const lang = res.locals.lang as Lang;
    const params = queryParams(req);
    const view = parseSearchView(params);
    const parsed = parseSearchQuery(params, lang);
    // The timeline shows the whole result set: it has no pages.
    const query = view === 'timeline' ? atPage(parsed, 1) : parsed;
    const url = { view };
    const result = await engine.search(queryForView(query, view));
    if (query.page > 1 && query.page > result.pageCount) {
      res.redirect(302, searchHref('/search', atPage(query, Math.max(1, result.pageCount)), url));
      return;
    }
    const thumbnails = thumbnailsOfRecords(catalog, result.hits.map((hit) => hit.record), lang);
    const context = { path: '/search', query, lang, lookups: lookups.current(), url, thumbnails };
    const heading = query.text ? translate(lang, 'site.search.heading_text', { text: query.text }) : translate(lang, 'site.search.heading_browse');
    renderPage(res, 'search', { heading, results: presentSearchResults(result, context, config.tiles) }, {
      title: heading,
      canonical: searchHref('/search', query, url),
      section: 'search',
      ...VIEW_ASSETS[view],
    });
  });
  return router;
}
