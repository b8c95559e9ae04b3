/**
 * Failed logins, counted per account name (whether or not such an account exists, so the count
 * itself tells nothing) and per client address over a sliding window. Kept in the catalog file,
 * so a restart does not reset a brute-force attacker's count.
 */
import type Database from 'better-sqlite3';

export interface AttemptLimits {
  windowMs: number;
  perAccount: number;
  perAddress: number;
}

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The `login_attempts` table. */
export class LoginAttempts {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      insert: db.prepare('INSERT INTO login_attempts (account, address, at, succeeded) VALUES (?, ?, ?, ?)'),
      failuresOfAccount: db.prepare<[string, number], { n: number; first: number | null }>(
        'SELECT count(*) AS n, min(at) AS first FROM login_attempts WHERE account = ? AND at > ? AND succeeded = 0',
      ),
      failuresOfAddress: db.prepare<[string, number], { n: number; first: number | null }>(
        'SELECT count(*) AS n, min(at) AS first FROM login_attempts WHERE address = ? AND at > ? AND succeeded = 0',
      ),
      forgetAccount: db.prepare('DELETE FROM login_attempts WHERE account = ? AND succeeded = 0'),
      purge: db.prepare('DELETE FROM login_attempts WHERE at < ?'),
    };
  }

  /** Whether another attempt may be made now for `account` from `address`. */
  check(account: string, address: string, limits: AttemptLimits, now = Date.now()): AttemptVerdict {
    const since = now - limits.windowMs;
    const byAccount = this.#statements.failuresOfAccount.get(account, since)!;
    const byAddress = this.#statements.failuresOfAddress.get(address, since)!;
    const blocked = [
      byAccount.n >= limits.perAccount ? byAccount.first : undefined,
      byAddress.n >= limits.perAddress ? byAddress.first : undefined,
    ].filter((first): first is number => typeof first === 'number');
    if (blocked.length === 0) return { allowed: true };
    return { allowed: false, retryAfterMs: Math.max(...blocked) + limits.windowMs - now };
  }

  /** Records an attempt; a success clears the account's failures. */
  record(account: string, address: string, succeeded: boolean, now = Date.now()): void {
    if (succeeded) this.#statements.forgetAccount.run(account);
    this.#statements.insert.run(account, address, now, succeeded ? 1 : 0);
  }

  /** Forgets attempts older than `windowMs`. */
  purge(windowMs: number, now = Date.now()): number {
    return this.#statements.purge.run(now - windowMs).changes;
  }
}
