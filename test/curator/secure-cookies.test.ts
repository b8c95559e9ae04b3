/** Behind HTTPS (ARCHIVE_PUBLIC_URL says so), every curator cookie is Secure as well. */
import request from 'supertest';
import { csrfOf, PASSWORDS, withCuratorSite } from './helpers/curator-site.ts';

const test = withCuratorSite({ ARCHIVE_PUBLIC_URL: 'https://archive.example.org' });

test('with an https public origin the session and token cookies are Secure, HttpOnly and limited to /curator', async (t) => {
  const page = await request(t.context.app).get('/curator/login');
  const csrfCookie = ([] as string[]).concat(page.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('curator_csrf='))!;
  t.regex(csrfCookie, /; Path=\/curator; HttpOnly; Secure; SameSite=Strict/);
  // As a browser on https would send it back (supertest speaks plain http and would not).
  const signedIn = await request(t.context.app)
    .post('/curator/login')
    .set('Cookie', csrfCookie.split(';')[0]!)
    .type('form')
    .send({ _csrf: csrfOf(page.text), name: 'editor', password: PASSWORDS.editor });
  t.is(signedIn.status, 303);
  const session = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).find((cookie) => cookie.startsWith('curator_session='))!;
  t.regex(session, /; Path=\/curator; HttpOnly; Secure; SameSite=Lax/);
});
