/**
 * How long a curator stays signed in and how many wrong passwords are tolerated. A session ends
 * after 30 minutes without a request, and after 12 hours whatever its use (a stolen cookie does
 * not live for ever). Five failures in 15 minutes lock an account name, twenty an address.
 */
import type { SessionLimits } from '../../core/catalog/accounts/session-store.ts';
import type { AttemptLimits } from '../../core/catalog/accounts/login-attempts.ts';

export const SESSION_LIMITS: SessionLimits = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000 };

/** A session's last use is written at most this often: most requests then only read. */
export const TOUCH_EVERY_MS = 60_000;

export const ATTEMPT_LIMITS: AttemptLimits = { windowMs: 15 * 60_000, perAccount: 5, perAddress: 20 };

/** Every curator cookie is sent only under this path: public pages never see one. */
export const CURATOR_PATH = '/curator';
export const SESSION_COOKIE = 'curator_session';
export const CSRF_COOKIE = 'curator_csrf';
