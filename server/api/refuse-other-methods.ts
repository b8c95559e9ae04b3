/**
 * The API is read-only: a write method (POST, PUT, PATCH, DELETE …) at one of its addresses is a
 * 405 problem document with `Allow: GET, HEAD` (RFC 9110 §15.5.6), so a client learns the address
 * exists and what it takes, instead of a 404 that says it does not. Addresses the API does not
 * have stay 404s. OPTIONS never gets here: CORS answers every preflight first.
 */
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.ts';
import { API_PATHS } from './openapi-document.ts';

const ALLOWED = ['GET', 'HEAD'];

export class MethodNotAllowedError extends HttpError {
  override readonly name = 'MethodNotAllowedError';

  constructor(method: string) {
    super(405, 'api.error.method_not_allowed', { method, allowed: ALLOWED.join(', ') });
  }
}

/** `/api/v1/records/{id}` → a pattern for one path segment in place of each `{…}`. */
const PATTERNS = API_PATHS.map((template) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}/?$`));

/** Mount under `/api`, after every API router: only requests none of them answered reach it. */
export const refuseOtherMethods: RequestHandler = (req, res, next) => {
  const path = `${req.baseUrl}${req.path}`;
  if (ALLOWED.includes(req.method) || !PATTERNS.some((pattern) => pattern.test(path))) return next();
  res.set('Allow', ALLOWED.join(', '));
  next(new MethodNotAllowedError(req.method));
};
