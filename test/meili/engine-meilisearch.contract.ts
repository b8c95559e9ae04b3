/**
 * The engine contracts (test/contract/) against a real Meilisearch: npm run test:meili, which
 * checks MEILI_HOST first. Each test gets its own index and deletes it, with its `_next`, afterwards.
 */
import type { ExecutionContext } from 'ava';
import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../../core/search/meilisearch/meilisearch-engine.ts';
import { nextIndexName } from '../../core/search/meilisearch/rebuild-index.ts';
import { cursorContract } from '../contract/cursor-contract.ts';
import { discoveryContract } from '../contract/discovery-contract.ts';
import { visibilityContract } from '../contract/visibility-contract.ts';
import { engineContract } from '../contract/engine-contract.ts';
import { searchClassesContract } from '../contract/search-classes-contract.ts';

const host = process.env.MEILI_HOST ?? '';
if (!host) throw new Error('MEILI_HOST is not set: run these tests with npm run test:meili');
const apiKey = process.env.MEILI_API_KEY || undefined;
const TEARDOWN_TIMEOUT_MS = 60_000;

async function meilisearchEngine(t: ExecutionContext): Promise<MeilisearchEngine> {
  const index = `contract_${randomUUID().replaceAll('-', '')}`;
  t.teardown(async () => {
    const admin = new Meilisearch({ host, apiKey });
    for (const uid of [index, nextIndexName(index)]) {
      await admin.deleteIndex(uid).waitTask({ timeout: TEARDOWN_TIMEOUT_MS });
    }
  });
  return new MeilisearchEngine({ host, index, apiKey });
}

engineContract('meilisearch', meilisearchEngine);
discoveryContract('meilisearch', meilisearchEngine);
visibilityContract('meilisearch', meilisearchEngine);
searchClassesContract('meilisearch', meilisearchEngine);
cursorContract('meilisearch', meilisearchEngine);
