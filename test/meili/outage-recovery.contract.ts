/**
 * Against a real Meilisearch (npm run test:meili): changes an import queued while Meilisearch was
 * unreachable are synced by the next import once it answers again, and become searchable.
 * (test/faults/meilisearch-down.test.ts covers the outage itself in every `npm test`.)
 */
import { randomUUID } from 'node:crypto';
import test from 'ava';
import { Meilisearch } from 'meilisearch';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { MeilisearchEngine } from '../../core/search/meilisearch/meilisearch-engine.ts';
import { nextIndexName } from '../../core/search/meilisearch/rebuild-index.ts';
import { closedPort } from '../faults/helpers/closed-port.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { catalogState } from '../faults/helpers/catalog-state.ts';
import { query } from '../helpers/temp-archive.ts';

const host = process.env.MEILI_HOST ?? '';
if (!host) throw new Error('MEILI_HOST is not set: run these tests with npm run test:meili');
const apiKey = process.env.MEILI_API_KEY || undefined;

test('changes queued while Meilisearch was down are synced by the next import once it is back', async (t) => {
  const index = `outage_${randomUUID().replaceAll('-', '')}`;
  t.teardown(async () => {
    const admin = new Meilisearch({ host, apiKey });
    for (const uid of [index, nextIndexName(index)]) await admin.deleteIndex(uid).waitTask({ timeout: 60_000 });
  });
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  const env = { ARCHIVE_ENGINE: 'meilisearch', MEILI_INDEX: index, MEILI_API_KEY: apiKey };

  const down = await cli.run([file], { env: { ...env, MEILI_HOST: `http://127.0.0.1:${await closedPort()}` } });
  t.is(down.code, EXIT.indexBehind, down.stderr);
  t.is(catalogState(cli.dataDir).queued, 3);

  const back = await cli.run([file], { env: { ...env, MEILI_HOST: host } });
  t.is(back.code, EXIT.ok, back.stderr);
  t.is(catalogState(cli.dataDir).queued, 0);
  const engine = new MeilisearchEngine({ host, index, apiKey });
  t.is((await engine.search(query({ text: '' }))).total, 3);
});
