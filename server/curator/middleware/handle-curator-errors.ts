/**
 * The workspace's own error handler: a refusal is shown inside the curator layout in the
 * curator's language, with its status (401, 403, 404, 409, 413, 429, 503 …) and what to do; no
 * internals. Express's own 4xx (a malformed or oversized form) keep their status.
 */
import type { ErrorRequestHandler } from 'express';
import { AccountsBusyError } from '../../../core/catalog/accounts/accounts.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../../core/i18n/translate.ts';
import { HttpError } from '../../errors.ts';
import type { CuratorContext } from '../curator-context.ts';
import { loginHref } from '../local-next.ts';
import { renderCuratorPage } from '../render-curator-page.ts';

const HEADINGS: Record<number, MessageKey> = {
  400: 'curator.error.heading_400',
  401: 'curator.error.heading_401',
  403: 'curator.error.heading_403',
  404: 'curator.error.heading_404',
  409: 'curator.error.heading_409',
  410: 'curator.error.heading_404',
  413: 'curator.error.heading_413',
  429: 'curator.error.heading_429',
  503: 'curator.error.heading_503',
};

/** The last middleware of the curator router. */
export function handleCuratorErrors({ site, csrf }: CuratorContext): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const failure = classify(error);
    if (failure.status >= 500 && failure.status !== 503) site.logger.error({ err: error, url: req.originalUrl }, 'curator request failed');
    const lang = res.locals.lang as Lang;
    const heading = translate(lang, HEADINGS[failure.status] ?? (failure.status < 500 ? 'curator.error.heading_400' : 'curator.error.heading_500'));
    if (failure.status === 503) res.set('Retry-After', '5');
    const view = {
      heading,
      message: translate(lang, failure.key, failure.params),
      signIn: failure.status === 401 ? loginHref(req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/curator')) : undefined,
    };
    renderCuratorPage(csrf, req, res, 'error', view, { title: heading, section: 'error', status: failure.status });
  };
}

function classify(error: unknown): { status: number; key: MessageKey; params: MessageParams } {
  if (error instanceof HttpError) return { status: error.status, key: error.messageKey, params: error.params };
  if (error instanceof AccountsBusyError) return { status: 503, key: 'curator.error.busy_accounts', params: {} };
  const status = typeof error === 'object' && error !== null ? Number((error as { status?: unknown }).status) : Number.NaN;
  if (status === 413) return { status, key: 'curator.error.too_large', params: {} };
  if (status >= 400 && status < 500) return { status: 400, key: 'curator.error.bad_request', params: {} };
  return { status: 500, key: 'curator.error.internal', params: {} };
}
