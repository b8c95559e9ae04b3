/**
 * Curators' sessions, kept in the catalog file so they survive a restart. The cookie carries a
 * random 256-bit id; the table holds only its sha256, so a copy of the file (a backup) opens no
 * session. A session ends when it is idle too long, when it is too old whatever its use, when
 * its owner logs out (here or everywhere), or when the account is disabled or deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { User, UserStore } from './user-store.ts';

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export interface OpenSession {
  /** The hash that identifies the session in the table (and binds its CSRF tokens). */
  idHash: string;
  user: User;
  createdAt: number;
  lastSeenAt: number;
}

interface SessionRow {
  id_hash: string;
  user_id: number;
  created_at: number;
  last_seen_at: number;
}

/** What the table keeps of a session id. */
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** The `sessions` table. */
export class SessionStore {
  readonly #users: UserStore;
  readonly #statements;

  constructor(db: Database.Database, users: UserStore) {
    this.#users = users;
    this.#statements = {
      insert: db.prepare('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, address, user_agent) VALUES (?, ?, ?, ?, ?, ?)'),
      get: db.prepare<[string], SessionRow>('SELECT id_hash, user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?'),
      touch: db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?'),
      remove: db.prepare('DELETE FROM sessions WHERE id_hash = ?'),
      removeOfUser: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
      countOf: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM sessions WHERE user_id = ?'),
      purge: db.prepare('DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?'),
    };
  }

  /** Opens a new session for `user`; returns the id for the cookie (never stored as it is). */
  open(user: User, client: { address: string; userAgent: string }, now = Date.now()): string {
    const id = randomBytes(32).toString('base64url');
    this.#statements.insert.run(hashSessionId(id), user.id, now, now, client.address, client.userAgent.slice(0, 300));
    return id;
  }

  /**
   * The session a cookie names: `open` with its account, or `ended` when it expired or its
   * account is disabled or gone (the caller removes it). Only reads, so it never waits.
   */
  find(id: string, limits: SessionLimits, now = Date.now()): { status: 'open'; session: OpenSession } | { status: 'ended'; idHash: string } | { status: 'unknown' } {
    const idHash = hashSessionId(id);
    const row = this.#statements.get.get(idHash);
    if (!row) return { status: 'unknown' };
    const user = this.#users.getById(row.user_id);
    const expired = now - row.last_seen_at > limits.idleMs || now - row.created_at > limits.absoluteMs;
    if (expired || !user || user.disabledAt) return { status: 'ended', idHash };
    return { status: 'open', session: { idHash, user, createdAt: row.created_at, lastSeenAt: row.last_seen_at } };
  }

  /** Keeps a session from going idle. */
  touch(idHash: string, now = Date.now()): void {
    this.#statements.touch.run(now, idHash);
  }

  close(idHash: string): void {
    this.#statements.remove.run(idHash);
  }

  /** Logs an account out everywhere; returns how many sessions ended. */
  closeAllOf(userId: number): number {
    return this.#statements.removeOfUser.run(userId).changes;
  }

  countOf(userId: number): number {
    return this.#statements.countOf.get(userId)?.n ?? 0;
  }

  /** Removes every expired session; returns how many. */
  purgeExpired(limits: SessionLimits, now = Date.now()): number {
    return this.#statements.purge.run(now - limits.idleMs, now - limits.absoluteMs).changes;
  }
}
