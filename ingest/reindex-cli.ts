/**
 * `npm run reindex [-- --engine embedded|meilisearch] [--lang=zh|en]`: rebuilds the search index
 * from the catalog. Searches keep being answered from the old index until the new one is complete.
 * Exit status: core/cli/exit-codes.ts.
 */
import { Catalog } from '../core/catalog/catalog.ts';
import { lowerProcessPriority } from '../core/process/lower-thread-priority.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { runCommand } from '../core/cli/run-command.ts';
import { checkCatalogFile } from '../core/faults/check-catalog-file.ts';
import { createEngine } from '../core/search/create-engine.ts';
import { checkMeiliConfig } from '../core/search/meilisearch/check-config.ts';
import { reindexAll } from '../core/search/sync-index.ts';
import { mergeIndexAloud } from './merge-index-aloud.ts';
import { createProgress } from './progress.ts';

const OPTIONS = { engine: { type: 'string', choices: ['embedded', 'meilisearch'] } } as const;

await runCommand({ name: 'reindex', usage: 'reindex.usage', options: OPTIONS }, async (cli) => {
  const config = cli.config(cli.values.engine ? { ...process.env, ARCHIVE_ENGINE: cli.values.engine } : process.env);
  // A rebuild, like an import, leaves the CPU to a server on this machine first (ARCHIVE_IMPORT_NICE).
  lowerProcessPriority(config.importNice);
  const problems = checkMeiliConfig(config, 'admin');
  for (const problem of problems) cli.printError(problem.key, problem.params);
  if (problems.some((problem) => problem.severity === 'error')) return EXIT.usage;
  const log = cli.log();
  checkCatalogFile(config.catalogFile);
  const catalog = Catalog.open(config.catalogFile);
  const engine = await createEngine(config, catalog);
  const progress = createProgress();
  // One writer at a time: an import running now finishes first (its records are then in the rebuild).
  const release = await catalog.writerLock.acquire('reindex', {
    onWait: (holder) => cli.printError('catalog.waiting_for_writer', { purpose: holder.purpose, pid: holder.owner.pid, since: holder.since }),
  });
  const started = Date.now();
  try {
    const count = await reindexAll(catalog, engine, (done, total) => progress.update(cli.text('reindex.progress'), done, total));
    progress.stop();
    log.info({ engine: engine.name, count, ms: Date.now() - started }, 'reindex finished');
    cli.print('reindex.done', { engine: engine.name, count });
    // The rebuild started merging the new index's segments: said here, not waited for in silence by `close`.
    await mergeIndexAloud(engine, cli, log);
    return EXIT.ok;
  } finally {
    progress.stop();
    release();
    await engine.close();
    catalog.close();
  }
});
