/** Opens the catalog and the configured search engine, and brings the engine up to date. */
import { mkdirSync } from 'node:fs';
import { Catalog } from './catalog/catalog.ts';
import type { Config } from './config.ts';
import { createEngine } from './search/create-engine.ts';
import { EmbeddedEngine } from './search/embedded/embedded-engine.ts';
import { reindexAll, syncIndex } from './search/sync-index.ts';
import type { SearchEngine } from './search/types.ts';

export interface Archive {
  catalog: Catalog;
  engine: SearchEngine;
  close(): Promise<void>;
}

export async function openArchive(config: Config): Promise<Archive> {
  mkdirSync(config.dataDir, { recursive: true });
  const catalog = Catalog.open(config.catalogFile);
  const engine = await createEngine(config, catalog);
  // The embedded index lives in the catalog file; a new index format starts empty and is rebuilt here.
  if (engine instanceof EmbeddedEngine && engine.needsRebuild()) await reindexAll(catalog, engine);
  // Changes left queued by an import that was killed between its write and its index sync.
  await syncIndex(catalog, engine);
  return {
    catalog,
    engine,
    async close() {
      await engine.close();
      catalog.close();
    },
  };
}
