/**
 * With an https `ARCHIVE_PUBLIC_URL` every curator cookie is Secure, and a browser that opened
 * the workspace over plain http never sends one back: every form would then be refused as
 * "expired". A form that arrives over plain http (its Origin says so, or nothing says otherwise)
 * without the token cookie is refused with what is really wrong, and the operator is told in
 * the log how to fix it. A request through an HTTPS proxy (the cookie comes back) never is.
 */
import type { Request, RequestHandler } from 'express';
import type { Logger } from '../../../core/log.ts';
import { ForbiddenError } from '../curator-errors.ts';
import { CSRF_COOKIE } from '../session-policy.ts';

export function refusePlainHttp(publicOrigin: string, logger: Logger): RequestHandler {
  return (req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.cookies?.[CSRF_COOKIE] || !cameOverPlainHttp(req)) return next();
    logger.warn(
      { publicOrigin, origin: req.get('origin'), url: req.originalUrl },
      'a curator form came over plain http but ARCHIVE_PUBLIC_URL is https, so the browser sent back none of its Secure cookies: serve the archive over HTTPS (behind a proxy, set ARCHIVE_TRUST_PROXY) or set ARCHIVE_PUBLIC_URL to the address it is served at',
    );
    next(new ForbiddenError('curator.error.https_required', { origin: publicOrigin }));
  };
}

function cameOverPlainHttp(req: Request): boolean {
  const origin = req.get('origin');
  if (origin?.startsWith('http:')) return true;
  if (origin?.startsWith('https:')) return false;
  return !req.secure;
}
