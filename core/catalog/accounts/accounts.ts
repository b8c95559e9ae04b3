/**
 * The curators' side of the catalog: accounts, sessions and login attempts, in the catalog file.
 * These writes happen inside web requests, so they wait at most `BRIEF_WAIT_MS` for another
 * process's write transaction (an import batch) instead of the catalog's minute: a busy catalog
 * answers "try again" (`AccountsBusyError`) rather than freezing the server's event loop.
 */
import type Database from 'better-sqlite3';
import { LoginAttempts } from './login-attempts.ts';
import { SessionStore } from './session-store.ts';
import { UserStore, type User } from './user-store.ts';

const BRIEF_WAIT_MS = 200;

/** The catalog was held by another writer for longer than a web request may wait. */
export class AccountsBusyError extends Error {
  override readonly name = 'AccountsBusyError';
}

/** The three account tables, and the brief-wait transaction every web request uses for them. */
export class Accounts {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly attempts: LoginAttempts;
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
    this.users = new UserStore(db);
    this.sessions = new SessionStore(db, this.users);
    this.attempts = new LoginAttempts(db);
  }

  /**
   * Runs `fn` (reads and small writes of these tables) in one transaction, waiting briefly for
   * other writers. @throws AccountsBusyError when the catalog stayed locked.
   */
  briefly<T>(fn: () => T): T {
    const previous = this.#db.pragma('busy_timeout', { simple: true }) as number;
    this.#db.pragma(`busy_timeout = ${BRIEF_WAIT_MS}`);
    try {
      return this.#db.transaction(fn).immediate();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new AccountsBusyError('the catalog is busy', { cause: error });
      throw error;
    } finally {
      this.#db.pragma(`busy_timeout = ${previous}`);
    }
  }

  /** Deletes an account and ends its sessions, in one transaction. */
  deleteUser(user: User): void {
    this.briefly(() => {
      this.sessions.closeAllOf(user.id);
      this.users.remove(user.id);
    });
  }
}
