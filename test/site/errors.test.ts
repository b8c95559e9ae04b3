/** Unexpected failures: a 500 page in the visitor's language with no internals, JSON under /api, plain text if even the error page fails. */
import test from 'ava';
import request from 'supertest';
import type { StoredRecord } from '../../core/catalog/catalog.ts';
import type { EngineHealth, SearchEngine, SearchResult } from '../../core/search/types.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';

/** An engine with a bug: it fails with an ordinary error, not SearchUnavailableError. */
class BrokenEngine implements SearchEngine {
  readonly name = 'broken';
  async search(): Promise<SearchResult> {
    throw new TypeError("Cannot read properties of undefined (reading 'secret-internal-detail')");
  }
  async ping(): Promise<EngineHealth> {
    return { ok: true };
  }
  async apply(_upserts: readonly StoredRecord[], _deletedIds: readonly string[]): Promise<void> {}
  async rebuild(): Promise<void> {}
  async close(): Promise<void> {}
}

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite(() => new BrokenEngine());
});
typed.after.always(async (t) => {
  await t.context.close();
});

typed('an unexpected error is a 500 page in the visitor language, without a stack trace or the error message', async (t) => {
  for (const [lang, heading] of [['zh', '出错了'], ['en', 'Something went wrong']] as const) {
    const response = await request(t.context.app).get(`/search?q=x&lang=${lang}`);
    t.is(response.status, 500);
    t.true(response.text.includes(heading));
    t.false(response.text.includes('secret-internal-detail'));
    t.false(/at \S+ \(.*:\d+:\d+\)/.test(response.text), 'no stack frame');
  }
});

typed('errors under /api are JSON problem documents', async (t) => {
  const response = await request(t.context.app).get('/api/no-such-endpoint').set('Accept-Language', 'en');
  t.is(response.status, 404);
  t.regex(response.headers['content-type'] ?? '', /^application\/problem\+json/);
  t.like(response.body, { status: 404, title: 'Page not found', detail: 'There is no page at this address.' });
});

typed('when the error page itself cannot be rendered, an escaped plain-text message is sent', async (t) => {
  const site = await openFixtureSite();
  t.teardown(() => site.close());
  site.app.set('views', '/nonexistent-views');
  const response = await request(site.app).get('/items/no-such-record').set('Accept-Language', 'en');
  t.is(response.status, 404);
  t.regex(response.headers['content-type'] ?? '', /^text\/plain/);
  t.is(response.text, '404 Page not found\nThe archive has no such record; it may have been removed, or the address may be mistyped.\n');
});
