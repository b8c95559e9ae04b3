/**
 * The workspace behind an HTTPS reverse proxy (ARCHIVE_PUBLIC_URL is https, ARCHIVE_TRUST_PROXY
 * names the proxy): every curator cookie is Secure, and a client's address is the one the proxy
 * forwards, so the per-address sign-in limit stops one client, not everyone behind the proxy.
 * Without ARCHIVE_TRUST_PROXY, X-Forwarded-For is ignored: a client cannot choose its address.
 */
import request from 'supertest';
import { ConfigError, loadConfig } from '../../core/config.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { decodeEntities } from '../site/helpers/html.ts';
import { csrfOf, PASSWORDS, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite({ ARCHIVE_PUBLIC_URL: 'https://archive.example.org', ARCHIVE_TRUST_PROXY: 'loopback' });

/** Signs in as a browser on https would, through the proxy that says the client is `address`. */
async function signInFrom(app: Parameters<typeof request>[0], address: string, name: string, password: string) {
  const page = await request(app).get('/curator/login').set('X-Forwarded-For', address);
  const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('curator_csrf='))!;
  // supertest speaks plain http and would not send a Secure cookie back: set it as the browser would.
  const response = await request(app).post('/curator/login').set('X-Forwarded-For', address).set('Cookie', csrfCookie.split(';')[0]!).type('form').send({ _csrf: csrfOf(page.text), name, password });
  return { csrfCookie, response };
}

test('with an https public origin the session and token cookies are Secure, HttpOnly and limited to /curator', async (t) => {
  const { csrfCookie, response } = await signInFrom(t.context.app, '192.0.2.10', 'editor', PASSWORDS.editor);
  t.regex(csrfCookie, /; Path=\/curator; HttpOnly; Secure; SameSite=Strict/);
  t.is(response.status, 303);
  const session = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('curator_session='))!;
  t.regex(session, /; Path=\/curator; HttpOnly; Secure; SameSite=Lax/);
  t.is(catalogRows(t.context.catalog, "SELECT 1 FROM sessions WHERE address = '192.0.2.10'").length, 1, 'the session lists the client, not the proxy');
});

test('opened over plain http while ARCHIVE_PUBLIC_URL is https, a form whose Secure cookie never came back is told why, not that it expired, and nothing is done', async (t) => {
  // The browser received Secure cookies over http and, as browsers do, sends none of them back.
  const page = await request(t.context.app).get('/curator/login').set('Accept-Language', 'en');
  const sent = { _csrf: csrfOf(page.text), name: 'editor', password: PASSWORDS.editor };
  const refused = await request(t.context.app).post('/curator/login').set('Origin', 'http://127.0.0.1:3000').set('Accept-Language', 'en').type('form').send(sent);
  t.is(refused.status, 403);
  const text = decodeEntities(refused.text);
  t.regex(text, /set up to be used over HTTPS \(ARCHIVE_PUBLIC_URL is https:\/\/archive\.example\.org\), but this page was opened over plain HTTP/);
  t.regex(text, /set ARCHIVE_PUBLIC_URL to the http:\/\/ address it is really served at/);
  t.notRegex(text, /expired or was not sent from this site/);
  const zh = await request(t.context.app).post('/curator/login').set('Accept-Language', 'zh').type('form').send(sent);
  t.is(zh.status, 403, 'without an Origin header, the connection itself says plain http');
  t.regex(decodeEntities(zh.text), /是通过普通 HTTP 打开的/);
  t.is(catalogRows(t.context.catalog, "SELECT 1 FROM sessions WHERE address LIKE '%127.0.0.1'").length, 0, 'no session was opened');
  // Through the HTTPS proxy, a form that lost its cookie is the ordinary stale form.
  const proxied = await request(t.context.app).post('/curator/login').set('X-Forwarded-Proto', 'https').set('Accept-Language', 'en').type('form').send(sent);
  t.is(proxied.status, 403);
  t.regex(decodeEntities(proxied.text), /expired or was not sent from this site/);
});

test('behind the proxy, twenty failures lock the client who made them and no one else', async (t) => {
  for (let guess = 0; guess < 20; guess++) {
    const { response } = await signInFrom(t.context.app, '203.0.113.5', `guessed-${guess % 5}`, `guess number ${guess}`);
    t.is(response.status, 401);
  }
  t.is((await signInFrom(t.context.app, '203.0.113.5', 'viewer', PASSWORDS.viewer)).response.status, 429);
  t.is((await signInFrom(t.context.app, '198.51.100.7', 'viewer', PASSWORDS.viewer)).response.status, 303, 'another curator behind the same proxy still signs in');
});

test('without ARCHIVE_TRUST_PROXY a forwarded address is ignored, and a malformed proxy list is refused at start', async (t) => {
  const { openCuratorSite } = await import('./helpers/curator-site.ts');
  const direct = await openCuratorSite();
  t.teardown(() => direct.close());
  t.is((await signInFrom(direct.app, '198.51.100.99', 'viewer', PASSWORDS.viewer)).response.status, 303);
  t.deepEqual(catalogRows<{ address: string }>(direct.catalog, 'SELECT address FROM sessions').map((row) => row.address.replace(/^::ffff:/, '')), ['127.0.0.1']);
  for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,']) {
    t.throws(() => loadConfig({ ARCHIVE_TRUST_PROXY: bad }), { instanceOf: ConfigError }, bad);
  }
  t.deepEqual(loadConfig({ ARCHIVE_TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy, ['loopback', '10.0.0.0/8', 'fd00::1']);
});
