/**
 * The one error handler: every failure becomes a page in the visitor's language (or a problem
 * document under /api) with the right status and no internals. Express 5 forwards rejected promises from async
 * routes here, so routes have no try/catch of their own.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import escapeHtml from 'escape-html';
import type { Lang } from '../../core/i18n/translate.ts';
import type { Logger } from '../../core/log.ts';
import { InvalidCursorError, SearchUnavailableError } from '../../core/search/types.ts';
import { presentProblem, sendProblem } from '../api/problem-document.ts';
import { HttpError, NotFoundError } from '../errors.ts';
import { presentErrorPage, type Failure } from '../present/present-error-page.ts';
import { presentLayout } from '../present/present-layout.ts';

/** After every route: whatever no route answered is a 404. */
export const notFound: RequestHandler = (_req, _res, next) => next(new NotFoundError());

/** The error handler: must be the last middleware of the app. */
export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    // Too late for an error page: let Express end the connection.
    if (res.headersSent) return next(error);
    const failure = classify(error);
    if (failure.status >= 500 && failure.status !== 503) logger.error({ err: error, url: req.originalUrl }, 'request failed');
    else if (failure.status === 503) logger.warn({ err: error, url: req.originalUrl }, 'search unavailable');
    const lang: Lang = res.locals.lang === 'en' ? 'en' : 'zh';
    const view = presentErrorPage(failure, lang);
    res.status(failure.status).set('Cache-Control', 'no-store');
    if (req.path.startsWith('/api/')) {
      sendProblem(res, presentProblem(failure, lang, req.originalUrl, error));
      return;
    }
    const site = presentLayout({ lang, origin: String(res.app.locals.publicOrigin), title: view.heading, canonical: addressWithoutLang(req), section: 'error', assets: String(res.app.locals.assets) });
    res.render('error', { ...view, site, lang }, (renderError: Error | null, html?: string) => {
      if (renderError || html === undefined) {
        logger.error({ err: renderError, url: req.originalUrl }, 'error page failed to render');
        res.type('text/plain; charset=utf-8').send(`${view.status} ${escapeHtml(view.heading)}\n${escapeHtml(view.message)}\n`);
        return;
      }
      res.send(html);
    });
  };
}

/**
 * Known errors keep their status and message; errors Express itself raises for bad requests
 * (a malformed percent-escape in the path, a static file refused) keep their 4xx status; anything
 * else is a 500 whose details go to the log only.
 */
function classify(error: unknown): Failure {
  if (error instanceof HttpError) return { status: error.status, messageKey: error.messageKey, params: error.params };
  if (error instanceof SearchUnavailableError) return { status: 503, messageKey: 'site.error.search_unavailable', params: {} };
  if (error instanceof InvalidCursorError) return { status: 400, messageKey: 'api.error.bad_cursor', params: {} };
  const status = typeof error === 'object' && error !== null ? Number((error as { status?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode) : Number.NaN;
  if (status === 404 || status === 403) return { status: 404, messageKey: 'site.error.not_found', params: {} };
  if (status >= 400 && status < 500) return { status, messageKey: 'site.error.bad_request', params: {} };
  return { status: 500, messageKey: 'site.error.internal', params: {} };
}

/** The requested address minus `lang`, so the language switch shows the same error in the other language. */
function addressWithoutLang(req: Request): string {
  const url = new URL(req.originalUrl, 'http://archive.invalid');
  url.searchParams.delete('lang');
  return url.pathname + url.search;
}
