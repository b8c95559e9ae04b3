import request from 'supertest';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { decodeEntities } from '../site/helpers/html.ts';
import { hashSessionId } from '../../core/catalog/accounts/session-store.ts';
import { anonymousAgent, csrfOf, PASSWORDS, sessionCookieOf, signedIn, signInAgain, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite();

function cookieNamed(response: request.Response, name: string): string | undefined {
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return cookies.find((cookie) => cookie.startsWith(`${name}=`));
}

test('signing in sets an HttpOnly, SameSite=Lax session cookie limited to /curator and goes to the workspace', async (t) => {
  const { agent, token } = await anonymousAgent(t);
  const response = await agent.post('/curator/login').type('form').send({ _csrf: token, name: 'editor', password: PASSWORDS.editor });
  t.is(response.status, 303);
  t.is(response.headers.location, '/curator');
  const cookie = cookieNamed(response, 'curator_session')!;
  t.truthy(cookie);
  t.regex(cookie, /; Path=\/curator/);
  t.regex(cookie, /; HttpOnly/);
  t.regex(cookie, /; SameSite=Lax/);
  t.notRegex(cookie, /; Secure/, 'plain http on localhost: a Secure cookie would never come back');
  const home = await agent.get('/curator').set('Accept-Language', 'en');
  t.is(home.status, 200);
  t.regex(home.text, /editor \(editor\)/);
  t.is(home.headers['cache-control'], 'no-store');
});

test('the session id changes at sign-in: a cookie the browser held before is not kept or reused', async (t) => {
  const first = await signInAgain(t, 'viewer');
  const before = sessionCookieOf(first.agent)!;
  const again = await first.agent.post('/curator/login').type('form').send({ _csrf: first.token, name: 'viewer', password: PASSWORDS.viewer });
  t.is(again.status, 303);
  const after = sessionCookieOf(first.agent)!;
  t.not(after, before);
  const stored = (id: string) => catalogRows(t.context.catalog, 'SELECT 1 FROM sessions WHERE id_hash = ?', hashSessionId(id)).length;
  t.is(stored(before), 0, 'the old session was closed');
  t.is(stored(after), 1, 'and a new one opened');
  t.is(catalogRows(t.context.catalog, 'SELECT 1 FROM sessions WHERE id_hash = ?', after).length, 0, 'the table holds only hashes');
});

test('an unknown account, a wrong password and a disabled account get the same reply, in either language', async (t) => {
  const replies = [];
  for (const [name, password] of [['nobody', 'whatever passphrase'], ['admin', 'not the passphrase'], ['admin', 'NOT THE PASSPHRASE']] as const) {
    const { agent, token } = await anonymousAgent(t);
    const response = await agent.post('/curator/login').set('Accept-Language', 'zh').type('form').send({ _csrf: token, name, password });
    replies.push({ status: response.status, message: /role="alert">([^<]*)</.exec(response.text)?.[1] });
    t.is(cookieNamed(response, 'curator_session'), undefined);
  }
  t.deepEqual(replies, Array(3).fill({ status: 401, message: '用户名或密码不正确。' }));
});

test('five wrong passwords lock the account name, known or not, with a 429 that says when to try again', async (t) => {
  const { addAccount } = await import('../../core/auth/manage-accounts.ts');
  t.true((await addAccount(t.context.catalog, { name: 'locked-out', role: 'viewer', password: PASSWORDS.viewer, by: 'test' })).ok);
  for (const name of ['no-such-account', 'locked-out']) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { agent, token } = await anonymousAgent(t);
      const response = await agent.post('/curator/login').type('form').send({ _csrf: token, name, password: 'wrong guess number ' + attempt });
      t.is(response.status, 401);
    }
    const { agent, token } = await anonymousAgent(t);
    const locked = await agent.post('/curator/login').set('Accept-Language', 'en').type('form').send({ _csrf: token, name, password: PASSWORDS.viewer });
    t.is(locked.status, 429, `${name} is locked, even with the right password`);
    t.regex(locked.text, /Too many failed sign-ins: try again in 15 minutes\./);
    t.truthy(locked.headers['retry-after']);
  }
});

test('?next= leads back to a workspace page, and never to another site', async (t) => {
  const cases: [string, string][] = [
    ['/curator/imports', '/curator/imports'],
    ['/curator?q=%E5%A1%98%E6%A0%96', '/curator?q=%E5%A1%98%E6%A0%96'],
    ['https://evil.example/', '/curator'],
    ['//evil.example/curator', '/curator'],
    ['/\\evil.example', '/curator'],
    ['/curator/../items/x', '/curator'],
    ['javascript:alert(1)', '/curator'],
    ['/search', '/curator'],
  ];
  for (const [next, expected] of cases) {
    const { agent, token } = await anonymousAgent(t);
    const response = await agent.post('/curator/login').type('form').send({ _csrf: token, name: 'viewer', password: PASSWORDS.viewer, next });
    t.is(response.status, 303, next);
    t.is(response.headers.location, expected, next);
  }
});

test('a sign-in form posted without its token, with a stale token or from another site is refused with 403', async (t) => {
  const { agent, token } = await anonymousAgent(t);
  const missing = await agent.post('/curator/login').set('Accept-Language', 'en').type('form').send({ name: 'admin', password: PASSWORDS.admin });
  t.is(missing.status, 403);
  t.regex(missing.text, /This form has expired or was not sent from this site/);
  const forged = await agent.post('/curator/login').type('form').send({ _csrf: `${token.slice(0, -4)}abcd`, name: 'admin', password: PASSWORDS.admin });
  t.is(forged.status, 403);
  // Another site's page: the browser sends no SameSite=Strict cookie, only the field it forged.
  const crossSite = await request(t.context.app).post('/curator/login').set('Origin', 'https://evil.example').type('form').send({ _csrf: token, name: 'admin', password: PASSWORDS.admin });
  t.is(crossSite.status, 403);
  t.is(cookieNamed(crossSite, 'curator_session'), undefined);
});

test('a token from before sign-in no longer works after it, and one from a closed session is stale', async (t) => {
  const { agent, token: anonymousToken } = await anonymousAgent(t);
  await agent.post('/curator/login').type('form').send({ _csrf: anonymousToken, name: 'editor', password: PASSWORDS.editor });
  const stale = await agent.post('/curator/logout').type('form').send({ _csrf: anonymousToken });
  t.is(stale.status, 403, 'the token was bound to no session');
  const page = await agent.get('/curator');
  const out = await agent.post('/curator/logout').type('form').send({ _csrf: csrfOf(page.text) });
  t.is(out.status, 303);
  t.is(out.headers.location, '/curator/login?done=logged_out');
  const after = await agent.get('/curator');
  t.is(after.status, 303, 'signed out: the workspace sends to sign-in');
  t.is(after.headers.location, '/curator/login');
});

test('a session cookie from a deleted account opens nothing, and its session row is gone', async (t) => {
  const { addAccount, deleteAccount } = await import('../../core/auth/manage-accounts.ts');
  const added = await addAccount(t.context.catalog, { name: '临时馆员', role: 'editor', password: 'temporary passphrase', by: 'test' });
  t.true(added.ok);
  const { agent, token } = await signInAgain(t, '临时馆员', 'temporary passphrase');
  const user = t.context.catalog.accounts.users.get('临时馆员')!;
  t.is(t.context.catalog.accounts.sessions.countOf(user.id), 1);
  t.true(deleteAccount(t.context.catalog, user).ok);
  const page = await agent.get('/curator?q=canal');
  t.is(page.status, 303);
  t.regex(page.headers.location!, /^\/curator\/login\?next=/);
  const post = await agent.post('/curator/logout').set('Accept-Language', 'en').type('form').send({ _csrf: token });
  t.true(post.status === 401 || post.status === 403, 'a form posted with it is refused');
  t.is(catalogRows<{ n: number }>(t.context.catalog, 'SELECT count(*) AS n FROM sessions WHERE user_id = ?', user.id)[0]!.n, 0);
});

test('deleting an account in the workspace asks first: a post without the confirmation page’s answer changes nothing, the confirmed one deletes it', async (t) => {
  const { addAccount } = await import('../../core/auth/manage-accounts.ts');
  t.true((await addAccount(t.context.catalog, { name: 'to-be-deleted', role: 'viewer', password: 'temporary passphrase', by: 'test' })).ok);
  const { agent, token } = await signedIn(t, 'admin');
  const list = await agent.get('/curator/users').set('Accept-Language', 'en');
  t.regex(list.text, /<a class="curator-action" href="\/curator\/users\/to-be-deleted\/delete">Delete account…<\/a>/, 'the list links to the confirmation, it does not delete');
  const unconfirmed = await agent.post('/curator/users/to-be-deleted/delete').set('Accept-Language', 'zh').type('form').send({ _csrf: token });
  t.is(unconfirmed.status, 400);
  t.regex(decodeEntities(unconfirmed.text), /删除账户“to-be-deleted”需要在确认页上确认。没有做任何改动/);
  const wrongName = await agent.post('/curator/users/to-be-deleted/delete').type('form').send({ _csrf: token, confirm: 'someone-else' });
  t.is(wrongName.status, 400, 'a confirmation for another account confirms nothing');
  t.truthy(t.context.catalog.accounts.users.get('to-be-deleted'), 'the account is still there');
  const asked = await agent.get('/curator/users/to-be-deleted/delete').set('Accept-Language', 'en');
  t.is(asked.status, 200);
  t.regex(decodeEntities(asked.text), /Delete the account “to-be-deleted”\?[\s\S]*will no longer be able to sign in and its 0 open sessions end at once/);
  const confirmed = await agent.post('/curator/users/to-be-deleted/delete').type('form').send({ _csrf: csrfOf(asked.text), confirm: 'to-be-deleted' });
  t.is(confirmed.status, 303);
  t.is(t.context.catalog.accounts.users.get('to-be-deleted'), undefined);
});

test('sessions are kept in the catalog file: they survive a restart of the server', async (t) => {
  const { agent } = await signedIn(t, 'viewer');
  const { createApp } = await import('../../server/app.ts');
  const { silentLogger } = await import('../site/helpers/fixture-site.ts');
  const restarted = createApp({ config: t.context.config, catalog: t.context.catalog, engine: t.context.engine, logger: silentLogger });
  const page = await request(restarted).get('/curator').set('Cookie', `curator_session=${sessionCookieOf(agent)}`);
  t.is(page.status, 200);
});

test('a session idle for more than 30 minutes is closed: the next page sends to sign-in and its row is removed', async (t) => {
  const { agent } = await signInAgain(t, 'viewer');
  const idHash = hashSessionId(sessionCookieOf(agent)!);
  t.context.catalog.accounts.sessions.touch(idHash, Date.now() - 31 * 60_000);
  const page = await agent.get('/curator/imports');
  t.is(page.status, 303);
  t.is(page.headers.location, '/curator/login?next=%2Fcurator%2Fimports');
  t.is(catalogRows(t.context.catalog, 'SELECT 1 FROM sessions WHERE id_hash = ?', idHash).length, 0);
});

test('signing out everywhere ends the account’s sessions in every browser', async (t) => {
  const { addAccount } = await import('../../core/auth/manage-accounts.ts');
  t.true((await addAccount(t.context.catalog, { name: 'two-browsers', role: 'viewer', password: PASSWORDS.viewer, by: 'test' })).ok);
  const laptop = await signInAgain(t, 'two-browsers', PASSWORDS.viewer);
  const phone = await signInAgain(t, 'two-browsers', PASSWORDS.viewer);
  t.is((await phone.agent.get('/curator')).status, 200);
  const out = await laptop.agent.post('/curator/account/logout-everywhere').type('form').send({ _csrf: laptop.token });
  t.is(out.status, 303);
  t.is((await phone.agent.get('/curator')).status, 303, 'the other browser is signed out too');
  t.is((await laptop.agent.get('/curator')).status, 303);
});
