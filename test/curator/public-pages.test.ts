/**
 * The workspace leaves the public site exactly as fast and as cacheable as it was: its cookies are
 * only ever sent to /curator, and a public page asked with one anyway looks no session up, sets no
 * cookie and answers with the same headers and body as without it.
 */
import request from 'supertest';
import { fullRecordId } from '../fixtures/site/index.ts';
import { sessionCookieOf, signedIn, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite();

const PUBLIC_PAGES = ['/', '/search?q=%E5%A1%98%E6%A0%96', `/items/${fullRecordId}`, '/collections', '/about', '/api/suggest?q=ta', '/health'];
/** Headers that differ between any two answers. */
const VOLATILE = new Set(['date', 'etag', 'x-response-time']);

function stableHeaders(response: request.Response): Record<string, string> {
  return Object.fromEntries(Object.entries(response.headers).filter(([name]) => !VOLATILE.has(name))) as Record<string, string>;
}

test('every cookie the workspace sets is limited to /curator, so browsers never send one to a public page', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  const page = await agent.get('/curator');
  const cookies = ([] as string[]).concat(page.headers['set-cookie'] ?? []);
  t.true(cookies.length > 0);
  for (const cookie of cookies) t.regex(cookie, /; Path=\/curator(;|$)/, cookie);
  const publicPage = await agent.get('/about');
  t.is(publicPage.headers['set-cookie'], undefined);
});

test('a public page asked with a live session cookie answers exactly as without one: same headers, same body, no Set-Cookie', async (t) => {
  const { agent } = await signedIn(t, 'admin');
  const cookie = `curator_session=${sessionCookieOf(agent)}; curator_csrf=anything`;
  for (const path of PUBLIC_PAGES) {
    const plain = await request(t.context.app).get(path).set('Accept-Language', 'zh');
    const withSession = await request(t.context.app).get(path).set('Accept-Language', 'zh').set('Cookie', cookie);
    t.is(withSession.status, plain.status, path);
    t.deepEqual(stableHeaders(withSession), stableHeaders(plain), path);
    t.is(withSession.text, plain.text, path);
    t.is(withSession.headers['set-cookie'], undefined, path);
  }
});

test('public pages keep their caching headers; workspace pages are never stored', async (t) => {
  const home = await request(t.context.app).get('/');
  t.is(home.headers.vary, 'Accept-Language, Cookie');
  t.is(home.headers['cache-control'], undefined, 'as before the workspace: no cache header of its own');
  const login = await request(t.context.app).get('/curator/login');
  t.is(login.headers['cache-control'], 'no-store');
  t.is(login.headers['x-robots-tag'], 'noindex, nofollow');
});
