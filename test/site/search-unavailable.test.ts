/** bad-inputs.md row 34: with the search engine down, search says so with a 503 and the rest keeps working. */
import test from 'ava';
import request from 'supertest';
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import { SearchUnavailableError, type EngineHealth, type SearchEngine, type SearchResult } from '../../core/search/types.ts';
import { fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities } from './helpers/html.ts';
import { settledHealth } from './helpers/settled-health.ts';

/** An engine whose server has gone away: every search fails as a real client's would. */
class UnreachableEngine implements SearchEngine {
  readonly name = 'unreachable';
  async search(): Promise<SearchResult> {
    throw new SearchUnavailableError('connect ECONNREFUSED 127.0.0.1:7700');
  }
  async ping(): Promise<EngineHealth> {
    return { ok: false, detail: 'connect ECONNREFUSED 127.0.0.1:7700' };
  }
  async apply(_upserts: readonly StoredRecord[], _deletedIds: readonly string[]): Promise<void> {}
  async rebuild(): Promise<void> {}
  async close(): Promise<void> {}
}

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite(() => new UnreachableEngine());
});
typed.after.always(async (t) => {
  await t.context.close();
});

typed('search answers 503 with a page saying search is unavailable, in both languages', async (t) => {
  const chinese = await request(t.context.app).get('/search?q=%E5%A1%98%E6%A0%96&lang=zh');
  const english = await request(t.context.app).get('/search?q=tangqi&lang=en');
  t.is(chinese.status, 503);
  t.is(english.status, 503);
  t.true(chinese.text.includes('检索暂时不可用'));
  t.true(chinese.text.includes('专题页和记录页仍可正常访问'));
  t.true(english.text.includes('Search is unavailable for the moment'));
  t.false(english.text.includes('ECONNREFUSED'), 'no internals reach the visitor');
});

typed('record pages keep working from the catalog', async (t) => {
  const response = await request(t.context.app).get(`/items/${fullRecordId}?lang=en`);
  t.is(response.status, 200);
  t.true(response.text.includes('Guangji Bridge'));
});

typed('collection pages keep their narrative and list records from the catalog', async (t) => {
  const response = await request(t.context.app).get('/collections/tangqi-old-town?lang=en&type=building');
  t.is(response.status, 200);
  t.true(response.text.includes('Search is unavailable for the moment; below are the first records of this collection in catalogue order (34 in all).'));
  t.is([...response.text.matchAll(/<li class="record-card">/g)].length, 20);
  t.true(response.text.includes('塘栖是运河边的古镇。'));
});

typed('the home page and the collections index render without counts', async (t) => {
  const home = await request(t.context.app).get('/?lang=en');
  t.is(home.status, 200);
  t.false(home.text.includes('Browse by type'));
  const collections = await request(t.context.app).get('/collections?lang=en');
  t.is(collections.status, 200);
  t.false(collections.text.includes('Records:'));
});

typed('the health check answers 503 and names the engine problem', async (t) => {
  const response = await settledHealth(t.context.app);
  t.is(response.status, 503);
  t.deepEqual(response.body, { catalog: 'ok', engine: { ok: false, detail: 'connect ECONNREFUSED 127.0.0.1:7700' } });
});

typed('a record opened from a search still shows, and leads back to that search, while search is down', async (t) => {
  const from = `/search?q=${encodeURIComponent('塘栖')}&page=2`;
  const page = await request(t.context.app).get(`/items/${fullRecordId}?from=${encodeURIComponent(from)}&lang=en`);
  t.is(page.status, 200);
  t.true(decodeEntities(page.text).includes(`<p class="breadcrumb"><a href="${from}">Back to the search results</a></p>`));
  t.false(page.text.includes('record-trail__position'), 'no place in results it cannot read');
});
