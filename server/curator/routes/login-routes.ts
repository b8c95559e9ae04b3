/** `/curator/login` (sign in) and `/curator/logout`; signing out everywhere is on the account page. */
import { Router } from 'express';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import type { CuratorContext } from '../curator-context.ts';
import { SignInRequiredError, TooManyAttemptsError } from '../curator-errors.ts';
import { clientAddress, formFields } from '../form-fields.ts';
import { safeNext } from '../local-next.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { presentLoginPage } from '../present/present-login-page.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { signIn } from '../services/sign-in.ts';
import { clearSessionCookie, setSessionCookie } from '../session-cookie.ts';
import { SESSION_COOKIE } from '../session-policy.ts';
import { firstValue, queryParams } from '../../params/query-params.ts';

/** Signing in and out. */
export function loginRoutes({ site, csrf, secureCookies }: CuratorContext): Router {
  const router = Router();
  const { catalog } = site;

  router.get('/login', (req, res) => {
    const lang = res.locals.lang as Lang;
    const params = queryParams(req);
    if (sessionOf(res)) return res.redirect(303, safeNext(firstValue(params, 'next')));
    const view = presentLoginPage(lang, { next: safeNext(firstValue(params, 'next')), loggedOut: firstValue(params, 'done') === 'logged_out' });
    renderCuratorPage(csrf, req, res, 'login', view, { title: translate(lang, 'curator.login.title'), section: 'login' });
  });

  router.post('/login', async (req, res) => {
    const lang = res.locals.lang as Lang;
    const form = formFields(req);
    const next = safeNext(form.next);
    const previous: unknown = req.cookies?.[SESSION_COOKIE];
    const outcome = await signIn(catalog, {
      name: form.name ?? '',
      password: form.password ?? '',
      address: clientAddress(req),
      userAgent: req.get('user-agent') ?? '',
      ...(typeof previous === 'string' && previous !== '' && { previousSession: previous }),
    });
    if (outcome.ok) {
      setSessionCookie(res, outcome.sessionId, secureCookies);
      site.logger.info({ user: (form.name ?? '').slice(0, 64) }, 'curator signed in');
      return res.redirect(303, next);
    }
    // For whoever watches the log for brute force: which name, from where, and why (never the password).
    site.logger.warn({ user: (form.name ?? '').slice(0, 64), address: clientAddress(req), reason: outcome.reason }, 'curator sign-in refused');
    if (outcome.reason === 'too_many') {
      const error = new TooManyAttemptsError(outcome.retryAfterMs / 1000);
      res.set('Retry-After', String(Math.ceil(outcome.retryAfterMs / 1000)));
      const view = presentLoginPage(lang, { next, name: form.name ?? '', problem: { key: error.messageKey, params: error.params } });
      return renderCuratorPage(csrf, req, res, 'login', view, { title: translate(lang, 'curator.login.title'), section: 'login', status: 429 });
    }
    const view = presentLoginPage(lang, { next, name: form.name ?? '', problem: { key: 'curator.login.wrong' } });
    renderCuratorPage(csrf, req, res, 'login', view, { title: translate(lang, 'curator.login.title'), section: 'login', status: 401 });
  });

  router.post('/logout', (_req, res) => {
    const session = sessionOf(res);
    if (!session) throw new SignInRequiredError();
    catalog.accounts.briefly(() => catalog.accounts.sessions.close(session.idHash));
    clearSessionCookie(res, secureCookies);
    res.redirect(303, '/curator/login?done=logged_out');
  });

  return router;
}
