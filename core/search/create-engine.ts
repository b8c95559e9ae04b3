import type { Catalog } from '../catalog/catalog.ts';
import type { Config } from '../config.ts';
import { EmbeddedEngine } from './embedded/embedded-engine.ts';
import type { SearchEngine } from './types.ts';

/** The engine the configuration names. */
export async function createEngine(config: Config, catalog: Catalog): Promise<SearchEngine> {
  switch (config.engine) {
    case 'embedded':
      return new EmbeddedEngine(catalog);
    case 'meilisearch':
      throw new Error('the Meilisearch engine is not available yet: unset MEILI_HOST and ARCHIVE_ENGINE to use the embedded engine');
  }
}
