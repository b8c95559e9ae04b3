/**
 * When the search engine cannot take a curator's change (Meilisearch down, or a server that holds
 * only the search key), the change still stands in the catalog — the source of truth — stays
 * queued in the outbox for the next sync, and the curator is told so; record pages show it at once.
 */
import request from 'supertest';
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import { SearchUnavailableError, type SearchEngine } from '../../core/search/types.ts';
import { signedIn, withCuratorSite } from './helpers/curator-site.ts';

/** The real engine for searches; index writes refused, as Meilisearch refuses them to a search-only key. */
function searchOnly(engine: SearchEngine): SearchEngine {
  return {
    name: engine.name,
    search: (query) => engine.search(query),
    ping: () => engine.ping(),
    apply: async (_upserts: readonly StoredRecord[], _deletedIds: readonly string[]) => {
      throw new SearchUnavailableError('The provided API key is invalid.');
    },
    rebuild: (records, onProgress) => engine.rebuild(records, onProgress),
    close: () => engine.close(),
  } as SearchEngine;
}

const test = withCuratorSite({}, searchOnly);

test('a withdrawal the index cannot take yet is kept in the catalog and the outbox, and the curator is told', async (t) => {
  const { agent, token } = await signedIn(t, 'editor');
  const response = await agent.post('/curator/records/tangqi-house-21/visibility').type('form').send({ _csrf: token, visibility: 'hidden' });
  t.is(response.status, 303);
  t.is(response.headers.location, '/curator/records/tangqi-house-21?done=withdrawn&index=later');
  t.is(t.context.catalog.getRecord('tangqi-house-21')!.visibility.state, 'hidden');
  t.true(t.context.catalog.pendingChanges(100).some((change) => change.recordId === 'tangqi-house-21'), 'queued for the next sync');
  const page = await agent.get(response.headers.location!).set('Accept-Language', 'en');
  t.regex(page.text, /the search index could not take it yet; the next import or npm run reindex brings it along/);
  t.is((await request(t.context.app).get('/items/tangqi-house-21')).status, 404, 'the record page reads the catalog: withdrawn at once');
});
