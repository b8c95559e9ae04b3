/**
 * Attacks on the workspace's forms (bad-inputs.md rows 32–33): another site's form posted with the
 * curator's session, a missing or stale token, a token from another session, an oversized body,
 * a stolen session guessing the account's password.
 * Each is refused with a clear message in the curator's language and a 4xx; nothing changes.
 */
import request from 'supertest';
import { decodeEntities } from '../site/helpers/html.ts';
import { anonymousAgent, csrfOf, PASSWORDS, sessionCookieOf, signedIn, signInAgain, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite();
const TARGET = '/curator/records/tangqi-house-20/visibility';

test('a withdrawal posted with the curator’s session but no token — another site’s form — is refused with 403 and changes nothing', async (t) => {
  const { agent } = await signedIn(t, 'editor');
  // What a browser sends for another site's form: the Lax session cookie is withheld on a
  // cross-site POST; even if it were sent, the Strict token cookie and the form's token are not.
  const forged = await request(t.context.app)
    .post(TARGET)
    .set('Cookie', `curator_session=${sessionCookieOf(agent)}`)
    .set('Origin', 'https://evil.example')
    .set('Accept-Language', 'zh')
    .type('form')
    .send({ visibility: 'hidden' });
  t.is(forged.status, 403);
  t.regex(decodeEntities(forged.text), /这个表单已过期，或不是从本站提交的。请返回、刷新页面后再试；没有做任何改动。/);
  const missing = await agent.post(TARGET).type('form').send({ visibility: 'hidden' });
  t.is(missing.status, 403);
  t.is(t.context.catalog.getRecord('tangqi-house-20')!.visibility.state, 'public');
});

test('a token from another curator’s session, or from a session since closed, is refused', async (t) => {
  const editor = await signInAgain(t, 'editor');
  const viewerToken = (await signedIn(t, 'viewer')).token;
  const borrowed = await editor.agent.post(TARGET).type('form').send({ _csrf: viewerToken, visibility: 'hidden' });
  t.is(borrowed.status, 403);
  const page = await editor.agent.get('/curator');
  const token = csrfOf(page.text);
  t.is((await editor.agent.post('/curator/logout').type('form').send({ _csrf: token })).status, 303);
  const again = await signInAgain(t, 'editor');
  const stale = await again.agent.post(TARGET).set('Cookie', `curator_session=${sessionCookieOf(again.agent)}; curator_csrf=${token}`).type('form').send({ _csrf: token, visibility: 'hidden' });
  t.is(stale.status, 403);
  t.is(t.context.catalog.getRecord('tangqi-house-20')!.visibility.state, 'public');
});

test('an oversized form is refused with 413 before anything is read into the archive', async (t) => {
  const { agent, token } = await signedIn(t, 'editor');
  const huge = await agent.post('/curator/records').set('Accept-Language', 'en').type('form').send({ _csrf: token, id: 'too-big', description_en: 'x'.repeat(600_000) });
  t.is(huge.status, 413);
  t.regex(huge.text, /What was sent is too large\. Nothing was changed\./);
  t.is(t.context.catalog.getRecord('too-big'), undefined);
});

test('a viewer’s well-formed post to an editor’s route is refused with 403, naming the role it needs', async (t) => {
  const { agent, token } = await signedIn(t, 'viewer');
  const refused = await agent.post(TARGET).set('Accept-Language', 'en').type('form').send({ _csrf: token, visibility: 'hidden' });
  t.is(refused.status, 403);
  t.regex(refused.text, /Your role does not allow this \(it needs editor or above\)\. Nothing was changed\./);
  t.is(t.context.catalog.getRecord('tangqi-house-20')!.visibility.state, 'public');
});

test('a stolen session cannot guess the password: wrong current passwords count as failed sign-ins and lock the account', async (t) => {
  const { addAccount } = await import('../../core/auth/manage-accounts.ts');
  t.true((await addAccount(t.context.catalog, { name: 'guessed-at', role: 'viewer', password: PASSWORDS.viewer, by: 'test' })).ok);
  const { agent, token } = await signInAgain(t, 'guessed-at', PASSWORDS.viewer);
  const change = (current: string) =>
    agent.post('/curator/account/password').set('Accept-Language', 'en').type('form').send({ _csrf: token, current, password: 'a brand new passphrase', password_again: 'a brand new passphrase' });
  for (let guess = 0; guess < 5; guess++) t.is((await change(`guess number ${guess}`)).status, 400);
  const locked = await change(PASSWORDS.viewer);
  t.is(locked.status, 429, 'even the right password, once the guesses ran out');
  t.regex(locked.text, /Too many failed sign-ins: try again in 15 minutes\./);
  const stored = t.context.catalog.accounts.users.get('guessed-at')!;
  const { verifyPassword } = await import('../../core/auth/passwords.ts');
  t.true(await verifyPassword(stored.passwordHash, PASSWORDS.viewer), 'the password is unchanged');
  const { agent: other, token: otherToken } = await anonymousAgent(t);
  t.is((await other.post('/curator/login').type('form').send({ _csrf: otherToken, name: 'guessed-at', password: PASSWORDS.viewer })).status, 429);
});
