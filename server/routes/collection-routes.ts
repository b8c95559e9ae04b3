/**
 * `/collections` and `/collections/:id`. A collection page is a search scoped to the collection
 * (same facets, same URL keys); when search is down it still shows the narrative and a plain list
 * of the collection's first records, read from the catalog.
 */
import { thumbnailsOfRecords } from '../media/present-thumbnail.ts';
import { Router } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { DEFAULT_PAGE_SIZE, SearchUnavailableError, type SearchQuery } from '../../core/search/types.ts';
import { NotFoundError } from '../errors.ts';
import { queryParams } from '../params/query-params.ts';
import { collectionHref } from '../present/collection-text.ts';
import { collectionCounts, presentCollectionCard, presentCollectionPage, type CollectionSearch } from '../present/present-collections.ts';
import { presentSearchResults, VIEW_ASSETS } from '../present/present-search-results.ts';
import { renderPage } from '../render/render-page.ts';
import { parseSearchQuery } from '../search/parse-search-query.ts';
import { parseSearchView } from '../search/parse-search-view.ts';
import { queryForView } from '../search/search-for-view.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SiteContext } from '../site-context.ts';
import { readCovers } from './read-covers.ts';

const FIXED_FACETS = ['collection'] as const;

export function collectionRoutes(site: SiteContext): Router {
  const { catalog, engine, lookups } = site;
  const router = Router();

  router.get('/collections', async (_req, res) => {
    const lang = res.locals.lang as Lang;
    const { collections } = lookups.current();
    const counts = collectionCounts((await site.overview.get())?.result);
    const covers = readCovers(catalog, collections);
    const thumbnails = thumbnailsOfRecords(catalog, [...covers.values()].map((stored) => stored.record), lang);
    const view = { collections: collections.map((collection) => presentCollectionCard(collection, lang, covers, counts, thumbnails)) };
    renderPage(res, 'collections', view, { title: translate(lang, 'site.collections.title'), canonical: '/collections', section: 'collections' });
  });

  router.get('/collections/:id', async (req, res) => {
    const lang = res.locals.lang as Lang;
    const collection = lookups.current().collectionById.get(req.params.id);
    if (!collection) throw new NotFoundError('site.error.collection_not_found');
    const path = collectionHref(collection.id);
    const params = queryParams(req);
    const view = parseSearchView(params);
    const parsed = parseSearchQuery(params, lang);
    // The page fixes the collection: a `collection` parameter cannot widen or change it.
    // The timeline shows the whole result set: it has no pages.
    const query: SearchQuery = { ...parsed, filters: { ...parsed.filters, collection: [collection.id] }, ...(view === 'timeline' && { page: 1 }) };
    const url = { fixed: FIXED_FACETS, view };
    const cover = collection.cover ? catalog.getRecord(collection.cover) : undefined;
    let search: CollectionSearch;
    try {
      const result = await engine.search(queryForView(query, view));
      if (query.page > 1 && query.page > result.pageCount) {
        res.redirect(302, searchHref(path, atPage(query, Math.max(1, result.pageCount)), url));
        return;
      }
      const thumbnails = thumbnailsOfRecords(catalog, result.hits.map((hit) => hit.record), lang);
      search = { results: presentSearchResults(result, { path, query, lang, lookups: lookups.current(), url, thumbnails }, site.config.tiles) };
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      site.logger.warn({ err: error, collection: collection.id }, 'search unavailable: collection page listed from the catalog');
      search = { fallback: catalog.recordsInCollection(collection.id, DEFAULT_PAGE_SIZE, { publicOnly: true }) };
    }
    const page = presentCollectionPage(collection, lang, cover, search, thumbnailsOfRecords(catalog, cover ? [cover.record] : [], lang));
    renderPage(res, 'collection', page, {
      title: page.title.value,
      canonical: searchHref(path, query, url),
      section: 'collections',
      headerSearch: false,
      ...('results' in search ? VIEW_ASSETS[view] : {}),
    });
  });

  return router;
}
