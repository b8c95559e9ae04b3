/**
 * The JSON the site's own scripts read: `/api/suggest` for the search boxes and
 * `/api/search.geojson` for the map. Both parse their parameters at the edge like pages do, and
 * answer bad ones with a 400 problem document from the one error handler (never a 500). The app escapes `<`,
 * `>` and `&` in all JSON it sends (`json escape`), so no answer can be read as markup.
 */
import { Router } from 'express';
import { answerOnly } from '../api/negotiate.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import { firstValue, queryParams } from '../params/query-params.ts';
import { presentFeatures, type MapFeatureCollection } from '../present/present-geojson.ts';
import { MAX_MAP_FEATURES } from '../present/present-map.ts';
import { presentSuggestions } from '../present/present-suggestions.ts';
import { searchLocatedRecords } from '../services/search-records.ts';
import type { SiteContext } from '../site-context.ts';

/** A prefix longer than any name in an archive: longer input is cut, not refused (it is typing). */
export const MAX_SUGGEST_PREFIX = 100;
/** Suggestions follow the catalog, which an ingest may change at any moment. */
const SUGGEST_CACHE = 'public, max-age=60';

/** Mount under `/api`, after `apiLanguage`. */
export function apiRoutes(site: SiteContext): Router {
  const { suggester } = site;
  const router = Router();

  router.get('/suggest', answerOnly(['application/json']), (req, res) => {
    const lang = res.locals.lang as Lang;
    const prefix = [...(firstValue(queryParams(req), 'q') ?? '').trim()].slice(0, MAX_SUGGEST_PREFIX).join('');
    const suggestions = prefix ? presentSuggestions(suggester.suggest(prefix, lang), lang) : [];
    res.set('Cache-Control', SUGGEST_CACHE).json({ suggestions });
  });

  router.get('/search.geojson', answerOnly(['application/geo+json', 'application/json']), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const result = await searchLocatedRecords(site, { params: queryParams(req), lang }, MAX_MAP_FEATURES);
    const features = presentFeatures(result.hits, lang);
    const collection: MapFeatureCollection = { type: 'FeatureCollection', features, total: result.total, truncated: result.total > features.length };
    // res.json keeps a content type already set.
    res.type('application/geo+json').set('Cache-Control', 'no-cache').json(collection);
  });

  return router;
}
