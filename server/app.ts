/**
 * The public site as an Express app, built from the parts it is given. It never listens: only
 * main.ts does, and tests build their own app on a temporary archive.
 */
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import type { Catalog } from '../core/catalog/catalog.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/log.ts';
import { Suggester } from '../core/search/suggest.ts';
import type { SearchEngine } from '../core/search/types.ts';
import { CatalogLookups } from './catalog-lookups.ts';
import { loadOnFirstUse } from './middleware/load-on-first-use.ts';
import { apiLanguage, chooseLanguage } from './middleware/choose-language.ts';
import { createMediaRouter } from './media/create-media-router.ts';
import { iiifRoutes } from './iiif/iiif-routes.ts';
import { handleErrors, notFound } from './middleware/handle-errors.ts';
import { logRequests } from './middleware/log-requests.ts';
import { admitRequests } from './middleware/admit-requests.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { assetVersion, serveAssets } from './middleware/serve-assets.ts';
import { parseQueryString } from './params/query-params.ts';
import { installViewEngine } from './render/view-engine.ts';
import { OverviewCache } from './overview-cache.ts';
import { apiCors } from './api/api-cors.ts';
import { refuseOtherMethods } from './api/refuse-other-methods.ts';
import { apiRoutes } from './routes/api-routes.ts';
import { apiV1Routes } from './routes/api-v1-routes.ts';
import { collectionRoutes } from './routes/collection-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { homeRoutes } from './routes/home-routes.ts';
import { itemRoutes } from './routes/item-routes.ts';
import { linkedDataRoutes } from './routes/linked-data-routes.ts';
import { oaiRoutes } from './oai/oai-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { sitemapRoutes } from './routes/sitemap-routes.ts';
import type { SiteContext } from './site-context.ts';

export interface AppParts {
  config: Config;
  catalog: Catalog;
  engine: SearchEngine;
  logger: Logger;
}

/** The site's Express app on the given catalog and engine; its middleware order is the order below. */
export function createApp({ config, catalog, engine, logger }: AppParts): Express {
  const site: SiteContext = {
    config,
    catalog,
    engine,
    logger,
    lookups: new CatalogLookups(catalog),
    overview: new OverviewCache(catalog, engine, logger),
    suggester: new Suggester(catalog),
  };
  const version = assetVersion();
  const app = express();
  // Flat string keys with arrays of values; see params/query-params.ts.
  app.set('query parser', parseQueryString);
  app.disable('x-powered-by');
  // `<`, `>` and `&` in JSON as \u escapes: no JSON answer can be read as markup.
  app.set('json escape', true);
  // Only named proxies' X-Forwarded-For is believed (never `true`: any client could then pick its address).
  if (config.trustProxy) app.set('trust proxy', [...config.trustProxy]);
  installViewEngine(app);
  app.locals.assets = `/assets/${version}`;
  app.locals.publicOrigin = config.publicOrigin;

  app.use(logRequests(logger));
  // One request per turn of the event loop, so that connections are accepted as they come; a request
  // whose client gave up while the server was busy is dropped, never answered (see the module).
  app.use(admitRequests(() => logger.debug('a request whose client had gone was dropped')));
  app.use(securityHeaders(config.tiles));
  app.use('/assets/:version', serveAssets(version));
  // Photographs, IIIF tiles and the viewer's script: /media, /iiif, /vendor (server/media).
  app.use(createMediaRouter({ config }));
  app.use(healthRoutes(site));
  app.use(sitemapRoutes(site));
  app.use(linkedDataRoutes(site));
  app.use('/api', apiCors(), cookieParser(), apiLanguage, apiRoutes(site), apiV1Routes(site), refuseOtherMethods);
  // OAI-PMH answers harvesters in both languages at once: no language choice, no cookies.
  app.use(oaiRoutes(site));
  // The curators' workspace: sessions, CSRF and roles live only under /curator (server/curator),
  // its modules loaded by its first request.
  app.use('/curator', loadOnFirstUse(() => import('./curator/create-curator-router.ts').then(({ createCuratorRouter }) => createCuratorRouter(site))));
  // MUST run before any page route: it sets the language every page and error page renders in.
  app.use(cookieParser(), chooseLanguage);
  app.use(homeRoutes(site), searchRoutes(site), itemRoutes(site), collectionRoutes(site), exportRoutes(site));
  // IIIF Presentation 3 manifests, collections and the viewer page (server/iiif).
  app.use(iiifRoutes(site));
  app.use(notFound);
  app.use(handleErrors(logger));
  return app;
}
