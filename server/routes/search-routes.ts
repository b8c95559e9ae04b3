/** `/search`: parse → engine → present → render. A page past the last redirects to the last. */
import { Router, type Request } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { queryParams } from '../params/query-params.ts';
import { presentSearchResults } from '../present/present-search-results.ts';
import { renderPage } from '../render/render-page.ts';
import { parseSearchQuery } from '../search/parse-search-query.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SiteContext } from '../site-context.ts';

export function searchRoutes({ engine, lookups }: SiteContext): Router {
  const router = Router();
  router.get('/search', async (req: Request, res) => {
    const lang = res.locals.lang as Lang;
    const query = parseSearchQuery(queryParams(req), lang);
    const result = await engine.search(query);
    if (query.page > 1 && query.page > result.pageCount) {
      res.redirect(302, searchHref('/search', atPage(query, Math.max(1, result.pageCount))));
      return;
    }
    const context = { path: '/search', query, lang, lookups: lookups.current(), url: {} };
    const heading = query.text ? translate(lang, 'site.search.heading_text', { text: query.text }) : translate(lang, 'site.search.heading_browse');
    renderPage(res, 'search', { heading, results: presentSearchResults(result, context) }, {
      title: heading,
      canonical: searchHref('/search', query),
      section: 'search',
    });
  });
  return router;
}
