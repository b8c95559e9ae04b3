/**
 * `npm run reindex [-- --engine embedded|meilisearch]`: rebuilds the search index from the
 * catalog. Searches keep being answered from the old index until the new one is complete.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/config.ts';
import { langFromLocale, translate } from '../core/i18n/translate.ts';
import { createLogger } from '../core/log.ts';
import { Catalog } from '../core/catalog/catalog.ts';
import { createEngine } from '../core/search/create-engine.ts';
import { checkMeiliConfig } from '../core/search/meilisearch/check-config.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { createProgress } from './progress.ts';

const { values } = parseArgs({ options: { engine: { type: 'string' }, lang: { type: 'string' } } });
const lang = langFromLocale(values.lang ?? process.env.LC_ALL ?? process.env.LANG);
const config = loadConfig(values.engine ? { ...process.env, ARCHIVE_ENGINE: values.engine } : process.env);
const problems = checkMeiliConfig(config, 'admin');
for (const problem of problems) console.error(translate(lang, problem.key, problem.params));
if (problems.some((problem) => problem.severity === 'error')) process.exit(2);
const log = createLogger(config, 'reindex', 'file');
const catalog = Catalog.open(config.catalogFile);
const engine = await createEngine(config, catalog);
const progress = createProgress();
const started = Date.now();
try {
  const count = await reindexAll(catalog, engine, (done, total) => progress.update(translate(lang, 'reindex.progress'), done, total));
  progress.stop();
  log.info({ engine: engine.name, count, ms: Date.now() - started }, 'reindex finished');
  console.log(translate(lang, 'reindex.done', { engine: engine.name, count }));
} finally {
  await engine.close();
  catalog.close();
}
