/**
 * Meilisearch down while a curator imports (a real ingest process, a real catalog file, and a
 * Meilisearch address where nothing listens, as when the server is stopped): the catalog takes
 * the records, the outbox keeps every change, and the run ends with one clear line and its own
 * exit status (3, not 1 "rows refused"). Syncing them once Meilisearch is back is checked against
 * a real server in test/meili/outage-recovery.contract.ts (npm run test:meili).
 */
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { COMMANDS, cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { catalogState } from './helpers/catalog-state.ts';
import { closedPort } from './helpers/closed-port.ts';

test('with Meilisearch down an import still lands in the catalog, keeps its changes queued and exits 3 saying so', async (t) => {
  const cli = cliWorkspace(t);
  const host = `http://127.0.0.1:${await closedPort()}`;
  const env = { ARCHIVE_ENGINE: 'meilisearch', MEILI_HOST: host, MEILI_API_KEY: 'an-admin-key' };
  const file = cli.copy(fixtures.recordsCsv);

  const first = await cli.run([file], { env });
  t.is(first.code, EXIT.indexBehind);
  t.true(first.stdout.includes('records.csv: 3 created, 0 updated, 0 unchanged, 0 failed'), first.stdout);
  t.is(
    first.stderr.trim().split('\n').at(-1),
    `the search engine is unavailable (cannot reach Meilisearch at ${host}: ECONNREFUSED). 3 changes are safely in the catalog and queued for indexing, not yet searchable. Once the engine is back, the next import or npm run reindex syncs them`,
  );
  t.notRegex(first.stderr, /^\s+at /m);
  t.deepEqual(catalogState(cli.dataDir), { records: 3, queued: 3, imports: ['done'], integrity: 'ok' });

  // Still down: the next run starts anyway, changes nothing twice and still owes the same 3 changes.
  cli.write('more.csv', 'id,title_zh\nanother-record,又一条\nbad-row,\n');
  const second = await cli.run(['more.csv', file, '--lang=zh'], { env });
  t.is(second.code, EXIT.indexBehind, 'an index behind the catalog outranks a refused row');
  t.true(second.stdout.includes('more.csv：新建 1，更新 0，未变 0，失败 1'), second.stdout);
  t.true(second.stdout.includes('records.csv：新建 0，更新 0，未变 3，失败 0'), second.stdout);
  t.true(second.stderr.trim().endsWith('4 项更改已安全写入目录，并在队列中等待索引；它们暂时搜索不到。搜索引擎恢复后，下一次导入或 npm run reindex 会同步它们'), second.stderr);
  t.deepEqual(catalogState(cli.dataDir), { records: 4, queued: 4, imports: ['done', 'failed'], integrity: 'ok' });
});

test('reindex with Meilisearch down stops with one line and exit status 3, the catalog untouched', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  t.is((await cli.run([file])).code, EXIT.ok);
  const host = `http://127.0.0.1:${await closedPort()}`;
  const result = await cli.run(['--engine=meilisearch'], { script: COMMANDS.reindex, env: { MEILI_HOST: host, MEILI_API_KEY: 'an-admin-key' } });
  t.is(result.code, EXIT.indexBehind);
  t.is(result.stderr.trim().split('\n').at(-1), `rebuilding the index records failed and the live index was left unchanged: cannot reach Meilisearch at ${host}: ECONNREFUSED`);
  t.like(catalogState(cli.dataDir), { records: 3, integrity: 'ok' });
});
