/** Opens the catalog and the configured search engine, and brings the engine up to date. */
import { mkdirSync } from 'node:fs';
import { Catalog } from './catalog/catalog.ts';
import { ConfigError, type Config } from './config.ts';
import { checkCatalogFile } from './faults/check-catalog-file.ts';
import { translate } from './i18n/translate.ts';
import { createEngine } from './search/create-engine.ts';
import { EmbeddedEngine } from './search/embedded/embedded-engine.ts';
import { checkMeiliConfig, type ConfigProblem, type MeiliRole } from './search/meilisearch/check-config.ts';
import { isIndexOutage } from './search/index-outage.ts';
import { mergeStagedSuggestions, withSuggestionIndex } from './search/suggest/suggestion-index.ts';
import { reindexAll, syncIndex } from './search/sync-index.ts';
import type { SearchEngine } from './search/types.ts';

export interface Archive {
  catalog: Catalog;
  engine: SearchEngine;
  /** Configuration problems that do not stop the program, for the caller to log. */
  warnings: ConfigProblem[];
  /** Why the engine could not take the changes queued before this program started (they stay queued). */
  indexOutage?: Error;
  close(): Promise<void>;
}

/**
 * @param role `admin` for programs that write (ingest, reindex); `server` for the web server,
 *   which with Meilisearch holds only a search key and so leaves index writes to the admin tools.
 * @throws ConfigError when the configuration is unsafe for `role` (e.g. a server given no search key).
 * @throws CatalogFileError when the catalog file exists but cannot be a whole catalog.
 */
export async function openArchive(config: Config, role: MeiliRole = 'admin'): Promise<Archive> {
  const problems = checkMeiliConfig(config, role);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ConfigError(errors.map((problem) => translate('en', problem.key, problem.params)).join('; '));
  mkdirSync(config.dataDir, { recursive: true });
  // Before SQLite, which would take a 0-byte or cut-short file for a new archive.
  checkCatalogFile(config.catalogFile);
  const catalog = Catalog.open(config.catalogFile);
  const engine = await createEngine(config, catalog);
  let indexOutage: Error | undefined;
  if (engine instanceof EmbeddedEngine) {
    // The embedded index lives in the catalog file; a new index format starts empty and is rebuilt here.
    if (engine.needsRebuild()) await reindexAll(catalog, engine);
    // Changes left queued by an import killed between its write and its index sync.
    await syncIndex(catalog, engine);
  } else if (role === 'admin') {
    // Meilisearch down must not stop an import: the catalog takes the records, the outbox keeps them.
    indexOutage = await syncIndex(catalog, engine).then(
      () => undefined,
      (error: unknown) => {
        if (isIndexOutage(error)) return error;
        throw error;
      },
    );
  }
  // Suggestions live in the catalog file whatever the engine; a catalog made before them fills them once.
  withSuggestionIndex(catalog, (suggestions) => suggestions.needsRebuild() && suggestions.rebuild(catalog.iterateRecords()));
  // Titles an import killed before its end had staged (suggestion-index.ts).
  mergeStagedSuggestions(catalog);
  return {
    catalog,
    engine,
    ...(indexOutage && { indexOutage }),
    warnings: problems.filter((problem) => problem.severity === 'warning'),
    async close() {
      await engine.close();
      catalog.close();
    },
  };
}
