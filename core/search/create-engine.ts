import type { Catalog } from '../catalog/catalog.ts';
import { ConfigError, type Config } from '../config.ts';
import { translate } from '../i18n/translate.ts';
import { EmbeddedEngine } from './embedded/embedded-engine.ts';
import { MeilisearchEngine } from './meilisearch/meilisearch-engine.ts';
import type { SearchEngine } from './types.ts';

/**
 * The engine the configuration names. Which Meilisearch keys are safe for which process is
 * `checkMeiliConfig`'s concern (core/search/meilisearch/check-config.ts), checked before this runs.
 */
export async function createEngine(config: Config, catalog: Catalog): Promise<SearchEngine> {
  switch (config.engine) {
    case 'embedded':
      return new EmbeddedEngine(catalog, { resultCache: config.resultCache });
    case 'meilisearch': {
      const { host, apiKey, searchKey, index } = config.meili;
      if (!host) throw new ConfigError(translate('en', 'search.config.host_missing'));
      return new MeilisearchEngine({ host, index, apiKey, searchKey });
    }
  }
}
