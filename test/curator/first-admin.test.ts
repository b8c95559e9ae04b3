/** On an archive without accounts the web offers no way to make one: the first administrator comes from the terminal. */
import test, { type TestFn } from 'ava';
import request from 'supertest';
import { openFixtureSite, type FixtureSite } from '../site/helpers/fixture-site.ts';
import { countRows } from '../helpers/catalog-sql.ts';
import { csrfOf } from './helpers/curator-site.ts';

const typed = test as TestFn<FixtureSite>;
typed.before(async (t) => {
  t.context = await openFixtureSite();
});
typed.after.always(async (t) => {
  await t.context.close();
});

typed('with no account at all, posting an account, signing up or signing in makes none, and the sign-in page says how one is made', async (t) => {
  const agent = request.agent(t.context.app);
  const login = await agent.get('/curator/login').set('Accept-Language', 'en');
  t.regex(login.text, /Accounts are made by an administrator \(npm run users\); there is no sign-up here\./);
  const token = csrfOf(login.text);
  const form = { _csrf: token, name: 'intruder', role: 'admin', password: 'intruder passphrase', password_again: 'intruder passphrase' };
  t.is((await agent.post('/curator/users').type('form').send(form)).status, 401);
  for (const path of ['/curator/signup', '/curator/register', '/curator/setup']) {
    t.is((await agent.post(path).type('form').send(form)).status, 404, path);
  }
  t.is((await agent.post('/curator/login').type('form').send({ _csrf: token, name: 'intruder', password: 'intruder passphrase' })).status, 401);
  t.is(countRows(t.context.catalog, 'users'), 0);
});
