/** Static assets are cached by version; every page carries security headers and satisfies its CSP; pages are small. */
import { statSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import request from 'supertest';
import { assetVersion, PUBLIC_DIR } from '../../server/middleware/serve-assets.ts';
import { fullRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';
import { foreignScripts, scriptsOf } from './helpers/html.ts';

const typed = test as import('ava').TestFn<FixtureSite>;

typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

const PAGES = ['/', '/search?q=%E5%A1%98%E6%A0%96', `/items/${fullRecordId}`, '/collections', '/collections/grand-canal', '/about', '/no-such-page', '/search?sort=x'];

typed('pages link the stylesheet under the current asset version, which is cached for a year as immutable', async (t) => {
  const home = await request(t.context.app).get('/');
  const href = home.text.match(/<link rel="stylesheet" href="([^"]+site\.css)">/)?.[1];
  t.is(href, `/assets/${assetVersion()}/css/site.css`);
  const css = await request(t.context.app).get(href!);
  t.is(css.status, 200);
  t.regex(css.headers['content-type'] ?? '', /^text\/css/);
  t.is(css.headers['cache-control'], 'public, max-age=31536000, immutable');
  t.truthy(css.headers.etag);
});

typed('an asset asked for under an old version is still served, but cached only briefly', async (t) => {
  const css = await request(t.context.app).get('/assets/000000000000/css/site.css');
  t.is(css.status, 200);
  t.is(css.headers['cache-control'], 'public, max-age=300');
});

typed('a missing asset is a 404', async (t) => {
  const response = await request(t.context.app).get(`/assets/${assetVersion()}/css/missing.css`);
  t.is(response.status, 404);
});

typed('the asset version changes when a file in public/ changes', (t) => {
  t.regex(assetVersion(), /^[0-9a-f]{12}$/);
  t.not(assetVersion(), assetVersion([{ prefix: '', dir: path.join(PUBLIC_DIR, 'css') }]));
});

for (const page of PAGES) {
  typed(`${page} has security headers and nothing its Content-Security-Policy would block`, async (t) => {
    const response = await request(t.context.app).get(page);
    const csp = String(response.headers['content-security-policy']);
    t.regex(csp, /default-src 'self'/);
    t.regex(csp, /script-src 'self'/);
    t.regex(csp, /style-src 'self'(;|$)/);
    t.regex(csp, /frame-ancestors 'none'/);
    t.is(response.headers['x-content-type-options'], 'nosniff');
    t.is(response.headers['x-powered-by'], undefined);
    t.deepEqual(foreignScripts(response.text), [], 'no inline script, and no script from anywhere else');
    t.true(scriptsOf(response.text).filter((script) => script.src !== undefined).every((script) => script.defer), 'script files are deferred: pages render before they run');
    t.false(/<style/i.test(response.text), 'no inline stylesheet');
    t.false(/\sstyle="/i.test(response.text), 'no style attribute');
    const sources = [...response.text.matchAll(/\s(?:src|href)="(https?:)?\/\/[^"]*"/g)].map((m) => m[0]);
    // A record's permanent link names the archive's own public origin; a source may link to UNESCO.
    const external = sources.filter((source) => !source.includes('whc.unesco.org') && !source.includes('127.0.0.1') && !source.includes(t.context.config.publicOrigin));
    t.deepEqual(external, [], 'no third-party resource');
  });
}

typed('pages are small: no framework bundle, well under 64 KB of HTML each', async (t) => {
  for (const page of PAGES) {
    const response = await request(t.context.app).get(page);
    t.true(Buffer.byteLength(response.text) < 64 * 1024, `${page}: ${Buffer.byteLength(response.text)} bytes`);
  }
  t.true(statSync(path.join(PUBLIC_DIR, 'css', 'site.css')).size < 24 * 1024);
});

typed('error responses are never cached', async (t) => {
  const response = await request(t.context.app).get('/no-such-page');
  t.is(response.headers['cache-control'], 'no-store');
});
