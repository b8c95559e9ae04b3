import type { Catalog } from '../core/catalog/catalog.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/log.ts';
import type { Suggester } from '../core/search/suggest.ts';
import type { SearchEngine } from '../core/search/types.ts';
import type { CatalogLookups } from './catalog-lookups.ts';
import type { OverviewCache } from './overview-cache.ts';

/** The parts every route is given; nothing is reached through module state. */
export interface SiteContext {
  config: Config;
  catalog: Catalog;
  engine: SearchEngine;
  logger: Logger;
  lookups: CatalogLookups;
  overview: OverviewCache;
  /** One per app: it keeps the archive's names in memory and reloads them when the catalog changes. */
  suggester: Suggester;
}
