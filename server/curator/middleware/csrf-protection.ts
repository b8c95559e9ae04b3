/**
 * CSRF protection for every state-changing curator request, with csrf-csrf (the double-submit
 * cookie pattern; the deprecated csurf is not used): each form carries a token that must match a
 * cookie this site set, HMAC-signed with the archive's own secret and bound to the session, so a
 * token from before sign-in or from another session is refused. The cookies are SameSite=Strict
 * and only sent under /curator, so another site's form arrives with neither.
 */
import { randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import type { Catalog } from '../../../core/catalog/catalog.ts';
import { ForbiddenError } from '../curator-errors.ts';
import { CSRF_COOKIE, CURATOR_PATH } from '../session-policy.ts';
import { sessionIdentifier } from './read-session.ts';

const SECRET_KEY = 'curator_csrf_secret';

export interface CsrfProtection {
  /** Refuses a POST without a valid token (403, nothing done). */
  protect: RequestHandler;
  /** The token for the forms of the page being rendered (sets its cookie). */
  tokenFor(req: Request, res: Response): string;
}

/** @param secure whether the token cookie is Secure (an https public origin) */
export function createCsrfProtection(catalog: Catalog, secure: boolean): CsrfProtection {
  const secret = archiveSecret(catalog);
  const csrf = doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (req) => sessionIdentifier(req, req.res!),
    cookieName: CSRF_COOKIE,
    cookieOptions: { sameSite: 'strict', path: CURATOR_PATH, secure, httpOnly: true },
    getCsrfTokenFromRequest: (req) => {
      const value: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof value === 'string' ? value : undefined;
    },
  });
  return {
    protect: (req, res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD') return next();
      if (!csrf.validateRequest(req)) return next(new ForbiddenError('curator.error.csrf'));
      next();
    },
    tokenFor: (req, res) => csrf.generateCsrfToken(req, res),
  };
}

/** The archive's own signing secret, made once and kept in the catalog. */
function archiveSecret(catalog: Catalog): string {
  const existing = catalog.getMeta(SECRET_KEY);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  catalog.setMeta(SECRET_KEY, secret);
  return secret;
}
