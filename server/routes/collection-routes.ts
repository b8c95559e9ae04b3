/**
 * `/collections` and `/collections/:id`. A collection page is a search scoped to the collection
 * (same facets, same URL keys); when search is down it still shows the narrative and a plain list
 * of the collection's first records, read from the catalog.
 */
import { thumbnailsOfRecords } from '../media/present-thumbnail.ts';
import { Router } from 'express';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { DEFAULT_PAGE_SIZE, SearchUnavailableError } from '../../core/search/types.ts';
import { NotFoundError } from '../errors.ts';
import { queryParams } from '../params/query-params.ts';
import { collectionHref } from '../present/collection-text.ts';
import { collectionCounts, presentCollectionCard, presentCollectionPage, type CollectionSearch } from '../present/present-collections.ts';
import { presentSearchResults, VIEW_ASSETS } from '../present/present-search-results.ts';
import { renderPage } from '../render/render-page.ts';
import { searchRecords } from '../services/search-records.ts';
import { atPage, searchHref } from '../search/search-url.ts';
import type { SiteContext } from '../site-context.ts';
import { readCovers } from './read-covers.ts';

const FIXED_FACETS = ['collection'] as const;

export function collectionRoutes(site: SiteContext): Router {
  const { catalog, lookups } = site;
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
    const cover = readCovers(catalog, [collection]).get(collection.cover ?? '');
    let search: CollectionSearch;
    let canonical = path;
    let assets = {};
    try {
      // The page fixes the collection: a `collection` parameter cannot widen or change it.
      const found = await searchRecords(site, { params, lang, scope: { collection: collection.id } });
      const url = { fixed: FIXED_FACETS, view: found.view };
      if (found.pastLastPage !== undefined) {
        res.redirect(302, searchHref(path, atPage(found.query, found.pastLastPage), url));
        return;
      }
      search = { results: presentSearchResults(found.result, { path, query: found.query, lang, lookups: found.lookups, url, thumbnails: found.thumbnails }, site.config.tiles) };
      canonical = searchHref(path, found.query, url);
      assets = VIEW_ASSETS[found.view];
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
      site.logger.warn({ err: error, collection: collection.id }, 'search unavailable: collection page listed from the catalog');
      search = { fallback: catalog.recordsInCollection(collection.id, DEFAULT_PAGE_SIZE, { publicOnly: true }) };
    }
    const page = presentCollectionPage(collection, lang, cover, search, thumbnailsOfRecords(catalog, cover ? [cover.record] : [], lang));
    renderPage(res, 'collection', page, { title: page.title.value, canonical, section: 'collections', headerSearch: false, ...assets });
  });

  return router;
}
