/**
 * Signing in: rate-limited per account name and per address, with one reply for an unknown
 * name, a disabled account and a wrong password (and the same time spent on each: an unknown
 * name is checked against a decoy hash). Each attempt is counted before the password is checked,
 * so parallel guesses cannot slip past the limit. Success opens a new session: the id a browser
 * held before is never carried over (no session fixation).
 */
import type { Catalog } from '../../../core/catalog/catalog.ts';
import type { AttemptVerdict } from '../../../core/catalog/accounts/login-attempts.ts';
import { hashSessionId as hashOf } from '../../../core/catalog/accounts/session-store.ts';
import { normalizeUserName, type User } from '../../../core/catalog/accounts/user-store.ts';
import { verifyPassword } from '../../../core/auth/passwords.ts';
import { ATTEMPT_LIMITS, SESSION_LIMITS } from '../session-policy.ts';

export type SignInOutcome =
  | { ok: true; sessionId: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'too_many'; retryAfterMs: number };

export interface SignInRequest {
  name: string;
  password: string;
  address: string;
  userAgent: string;
  /** The session the browser had, closed on success. */
  previousSession?: string;
}

/** Checks the name and password against the limits and the account; on success, the new session’s id for the cookie. */
export async function signIn(catalog: Catalog, request: SignInRequest): Promise<SignInOutcome> {
  const { accounts } = catalog;
  const account = normalizeUserName(request.name) ?? request.name.slice(0, 64).toLowerCase();
  const verdict = countAttempt(catalog, account, request.address);
  if (!verdict.allowed) return { ok: false, reason: 'too_many', retryAfterMs: verdict.retryAfterMs };
  const user = accounts.users.get(account);
  const matches = await verifyPassword(user?.passwordHash, request.password);
  if (!user || !matches || user.disabledAt) return { ok: false, reason: 'wrong' };
  const sessionId = accounts.briefly(() => {
    accounts.attempts.record(account, request.address, true);
    if (request.previousSession) accounts.sessions.close(hashOf(request.previousSession));
    accounts.users.noteLogin(user.id);
    accounts.sessions.purgeExpired(SESSION_LIMITS);
    accounts.attempts.purge(ATTEMPT_LIMITS.windowMs * 4);
    return accounts.sessions.open(user, { address: request.address, userAgent: request.userAgent });
  });
  return { ok: true, sessionId };
}

export type PasswordCheck = { ok: true } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'too_many'; retryAfterMs: number };

/**
 * Checks a signed-in curator's current password (before a new one is set) under the sign-in
 * limits: a stolen session must not be a way to guess the password without limit and so keep the
 * account for good. A wrong guess counts as a failed sign-in of the account from `address`.
 */
export async function checkCurrentPassword(catalog: Catalog, user: User, password: string, address: string): Promise<PasswordCheck> {
  const verdict = countAttempt(catalog, user.name, address);
  if (!verdict.allowed) return { ok: false, reason: 'too_many', retryAfterMs: verdict.retryAfterMs };
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: 'wrong' };
  catalog.accounts.briefly(() => catalog.accounts.attempts.record(user.name, address, true));
  return { ok: true };
}

/** Counts an attempt as failed before its password is checked (a success clears it), so parallel guesses cannot slip past the limit. */
function countAttempt(catalog: Catalog, account: string, address: string): AttemptVerdict {
  const { attempts } = catalog.accounts;
  return catalog.accounts.briefly(() => {
    const checked = attempts.check(account, address, ATTEMPT_LIMITS);
    if (checked.allowed) attempts.record(account, address, false);
    return checked;
  });
}
