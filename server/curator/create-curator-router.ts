/**
 * The curators' workspace under /curator: its own cookies (path /curator, so public pages never
 * receive or set one), sessions, CSRF tokens on every form, roles on every route, pages that are
 * never cached, and its own error pages. The order below matters: body and cookies are parsed
 * before the session is read, the session before the CSRF check (tokens are bound to it), and
 * the check before any route.
 *
 * Adding a page: write a route module under routes/ (`router.get('/things', requireRole('viewer'), …)`),
 * a presenter under present/ and a template under views/curator/, render it with
 * `renderCuratorPage`, mount the routes below, and list the page in present-curator-layout.ts's
 * `CURATOR_NAV` if it belongs in the navigation. test/curator/route-roles.test.ts must then
 * know the route's expected status for every role.
 */
import cookieParser from 'cookie-parser';
import express, { Router } from 'express';
import { chooseLanguage } from '../middleware/choose-language.ts';
import type { SiteContext } from '../site-context.ts';
import type { CuratorContext } from './curator-context.ts';
import { createCsrfProtection } from './middleware/csrf-protection.ts';
import { handleCuratorErrors } from './middleware/handle-curator-errors.ts';
import { readSession } from './middleware/read-session.ts';
import { refusePlainHttp } from './middleware/refuse-plain-http.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { dashboardRoutes } from './routes/dashboard-routes.ts';
import { historyRoutes } from './routes/history-routes.ts';
import { importRoutes } from './routes/import-routes.ts';
import { jobRoutes } from './routes/job-routes.ts';
import { loginRoutes } from './routes/login-routes.ts';
import { recordRoutes } from './routes/record-routes.ts';
import { uploadReceiveRoutes, uploadRoutes } from './routes/upload-routes.ts';
import { NotFoundError } from '../errors.ts';
import { SESSION_LIMITS } from './session-policy.ts';

/** Big enough for a record with every field full (descriptions run to 20,000 characters each). */
const FORM_LIMIT = '512kb';

/** The router to mount at /curator. */
export function createCuratorRouter(site: SiteContext): Router {
  const secureCookies = site.config.publicOrigin.startsWith('https:');
  const context: CuratorContext = { site, csrf: createCsrfProtection(site.catalog, secureCookies), secureCookies };
  // Sessions that ended while the server was down are removed now; later ones at each sign-in.
  site.catalog.accounts.briefly(() => site.catalog.accounts.sessions.purgeExpired(SESSION_LIMITS));
  const router = Router();
  router.use((_req, res, next) => {
    // Curator pages show hidden records: no shared or browser cache may keep them, no crawler list them.
    res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' });
    next();
  });
  router.use(cookieParser(), chooseLanguage);
  router.use(express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 200 }));
  router.use(readSession(site.catalog));
  if (secureCookies) router.use(refusePlainHttp(site.config.publicOrigin, site.logger));
  // Multipart uploads check their CSRF token themselves, once the form's first field is read.
  router.use(uploadReceiveRoutes(context));
  router.use(context.csrf.protect);
  router.use(loginRoutes(context));
  router.use(dashboardRoutes(context), recordRoutes(context), historyRoutes(context), importRoutes(context), uploadRoutes(context), jobRoutes(context), accountRoutes(context));
  router.use(() => {
    throw new NotFoundError('curator.error.not_found');
  });
  router.use(handleCuratorErrors(context));
  return router;
}
