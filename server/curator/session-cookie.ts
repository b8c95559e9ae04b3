/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (another site's form posts
 * arrive without it), Secure when the archive's public origin is https, sent only under
 * /curator, and kept for the browser session (the server enforces the time-outs).
 */
import type { CookieOptions, Response } from 'express';
import { CURATOR_PATH, SESSION_COOKIE } from './session-policy.ts';

/** The cookie’s attributes; `secure` when the public origin is https. */
export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: CURATOR_PATH };
}

/** Sets the session cookie. */
export function setSessionCookie(res: Response, id: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, id, sessionCookieOptions(secure));
}

/** Removes it (sign-out). */
export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, sessionCookieOptions(secure));
}
