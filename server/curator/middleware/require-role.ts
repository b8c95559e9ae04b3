/**
 * Who may do what. Viewers see hidden records, history and imports; editors also edit,
 * withdraw, restore and undo; admins also manage accounts and delete. A request without a
 * session is sent to sign in (a page) or refused with 401 (a form post).
 */
import type { RequestHandler } from 'express';
import type { Role } from '../../../core/catalog/accounts/user-store.ts';
import { ROLES } from '../../../core/catalog/accounts/user-store.ts';
import { ForbiddenError, SignInRequiredError } from '../curator-errors.ts';
import { loginHref } from '../local-next.ts';
import { sessionOf } from './read-session.ts';

/** Whether `role` includes what `needed` may do (viewer < editor < admin). */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** Lets the request through only for a signed-in curator with at least `needed`. */
export function requireRole(needed: Role): RequestHandler {
  return (req, res, next) => {
    const session = sessionOf(res);
    if (!session) {
      if (req.method === 'GET') return res.redirect(303, loginHref(req.originalUrl));
      return next(new SignInRequiredError());
    }
    if (!hasRole(session.user.role, needed)) return next(new ForbiddenError('curator.error.forbidden', { role: { key: `curator.role.${needed}` } }));
    next();
  };
}
