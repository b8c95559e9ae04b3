/**
 * `/curator/users` (admins: make, re-role, disable, log out, delete accounts, set passwords) and
 * `/curator/account` (every curator: a new password, signing out everywhere). The shared rules
 * (one active administrator always, the password policy) are core/auth/manage-accounts.ts's.
 */
import { Router, type Request, type Response } from 'express';
import { addAccount, changePassword, changeRole, deleteAccount, findAccount, logOutEverywhere, setDisabled, type AccountOutcome } from '../../../core/auth/manage-accounts.ts';
import type { User } from '../../../core/catalog/accounts/user-store.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { NotFoundError } from '../../errors.ts';
import { queryParams } from '../../params/query-params.ts';
import type { CuratorContext } from '../curator-context.ts';
import { TooManyAttemptsError } from '../curator-errors.ts';
import { clientAddress, formFields, routeParam } from '../form-fields.ts';
import { requireRole } from '../middleware/require-role.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { presentAccountPage, presentDeleteAccountPage, presentUsersPage, type AccountProblem } from '../present/present-accounts.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { checkCurrentPassword } from '../services/sign-in.ts';
import { clearSessionCookie } from '../session-cookie.ts';

const USER_ACTIONS = new Set(['role', 'disable', 'enable', 'logout', 'delete', 'password']);

/** The accounts page (admins) and a curator’s own account page. */
export function accountRoutes({ site, csrf, secureCookies }: CuratorContext): Router {
  const router = Router();
  const { catalog } = site;
  const accounts = catalog.accounts;

  const renderUsers = (req: Request, res: Response, status = 200, problem?: AccountProblem, draft?: { name: string; role: string }) => {
    const lang = res.locals.lang as Lang;
    const users = accounts.users.list().map((user) => ({ user, sessions: accounts.sessions.countOf(user.id) }));
    const view = presentUsersPage(users, { lang, self: sessionOf(res)!.user.name, notices: presentNotice(queryParams(req), lang), ...(problem && { problem }), ...(draft && { draft }) });
    renderCuratorPage(csrf, req, res, 'users', view, { title: translate(lang, 'curator.users.title'), section: 'users', status });
  };

  router.get('/users', requireRole('admin'), (req, res) => renderUsers(req, res));

  router.post('/users', requireRole('admin'), async (req, res) => {
    const form = formFields(req);
    const draft = { name: form.name ?? '', role: form.role ?? '' };
    if ((form.password ?? '') !== (form.password_again ?? '')) return renderUsers(req, res, 400, { key: 'users.password_mismatch' }, draft);
    const added = await addAccount(catalog, { ...draft, password: form.password ?? '', by: `user:${sessionOf(res)!.user.name}` });
    if (!added.ok) return renderUsers(req, res, added.key === 'users.exists' ? 409 : 400, added, draft);
    res.redirect(303, withNotice('/curator/users', 'account_added'));
  });

  const renderDeletePage = (req: Request, res: Response, user: User, status = 200, problem?: AccountProblem) => {
    const lang = res.locals.lang as Lang;
    const view = presentDeleteAccountPage(user, accounts.sessions.countOf(user.id), { lang, ...(problem && { problem }) });
    renderCuratorPage(csrf, req, res, 'user-delete', view, { title: translate(lang, 'curator.users.delete_title', { name: user.name }), section: 'users', status });
  };

  // Deleting asks first: the list links here, and only this page's form carries the confirmation.
  router.get('/users/:name/delete', requireRole('admin'), (req, res) => {
    const found = findAccount(catalog, routeParam(req, 'name'));
    if (!found.ok) return renderUsers(req, res, 404, found);
    renderDeletePage(req, res, found.value);
  });

  router.post('/users/:name/:action', requireRole('admin'), async (req, res) => {
    const action = routeParam(req, 'action');
    if (!USER_ACTIONS.has(action)) throw new NotFoundError('curator.error.not_found');
    const found = findAccount(catalog, routeParam(req, 'name'));
    if (!found.ok) return renderUsers(req, res, 404, found);
    const user = found.value;
    const form = formFields(req);
    let outcome: AccountOutcome;
    switch (action) {
      case 'role':
        outcome = changeRole(catalog, user, form.role ?? '');
        break;
      case 'disable':
      case 'enable':
        outcome = setDisabled(catalog, user, action === 'disable');
        break;
      case 'logout':
        logOutEverywhere(catalog, user);
        outcome = { ok: true, value: undefined };
        break;
      case 'password':
        outcome = (form.password ?? '') === (form.password_again ?? '') ? await changePassword(catalog, user, form.password ?? '') : { ok: false, key: 'users.password_mismatch', params: {} };
        break;
      default:
        if (form.confirm !== user.name) return renderDeletePage(req, res, user, 400, { key: 'users.delete_unconfirmed', params: { name: user.name } });
        outcome = deleteAccount(catalog, user);
    }
    if (!outcome.ok) return renderUsers(req, res, outcome.key === 'users.last_admin' ? 409 : 400, outcome);
    res.redirect(303, withNotice('/curator/users', action === 'delete' ? 'account_deleted' : 'account_changed'));
  });

  const renderAccount = (req: Request, res: Response, status = 200, problem?: AccountProblem) => {
    const lang = res.locals.lang as Lang;
    const { user } = sessionOf(res)!;
    const view = presentAccountPage(user, accounts.sessions.countOf(user.id), { lang, notices: presentNotice(queryParams(req), lang), ...(problem && { problem }) });
    renderCuratorPage(csrf, req, res, 'account', view, { title: translate(lang, 'curator.nav.account'), section: 'account', status });
  };

  router.get('/account', requireRole('viewer'), (req, res) => renderAccount(req, res));

  router.post('/account/password', requireRole('viewer'), async (req, res) => {
    const form = formFields(req);
    const { user } = sessionOf(res)!;
    const current = await checkCurrentPassword(catalog, user, form.current ?? '', clientAddress(req));
    if (!current.ok && current.reason === 'too_many') {
      const refusal = new TooManyAttemptsError(current.retryAfterMs / 1000);
      res.set('Retry-After', String(Math.ceil(refusal.retryAfterSeconds)));
      return renderAccount(req, res, 429, { key: refusal.messageKey, params: refusal.params });
    }
    if (!current.ok) return renderAccount(req, res, 400, { key: 'curator.account.wrong_current' });
    if ((form.password ?? '') !== (form.password_again ?? '')) return renderAccount(req, res, 400, { key: 'users.password_mismatch' });
    const changed = await changePassword(catalog, user, form.password ?? '');
    if (!changed.ok) return renderAccount(req, res, 400, changed);
    // A new password ends every session, this one too: sign in again with it.
    clearSessionCookie(res, secureCookies);
    res.redirect(303, '/curator/login?done=logged_out');
  });

  router.post('/account/logout-everywhere', requireRole('viewer'), (_req, res) => {
    logOutEverywhere(catalog, sessionOf(res)!.user);
    clearSessionCookie(res, secureCookies);
    res.redirect(303, '/curator/login?done=logged_out');
  });

  return router;
}
