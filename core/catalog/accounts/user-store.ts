/**
 * Curators' accounts: a name, a role and an argon2id password hash (hashed by the caller, never
 * here: hashing is slow and belongs off the catalog's path). Names are compared as written after
 * NFKC and lower-casing, so `Alice` and `alice` are one account.
 */
import type Database from 'better-sqlite3';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  createdBy: string;
  passwordChangedAt: string;
  disabledAt?: string;
  lastLoginAt?: string;
}

interface UserRow {
  id: number;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  created_by: string;
  password_changed_at: string;
  disabled_at: string | null;
  last_login_at: string | null;
}

/** Letters (any script) and digits, then also `.`, `_`, `-`; at most 64 characters. */
const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** The account name as stored, or undefined when `text` cannot be one. */
export function normalizeUserName(text: string): string | undefined {
  const name = text.normalize('NFKC').trim().toLowerCase();
  return USER_NAME.test(name) ? name : undefined;
}

/** Whether `value` names one of the three roles. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The `users` table. */
export class UserStore {
  readonly #statements;

  constructor(db: Database.Database) {
    this.#statements = {
      insert: db.prepare(
        "INSERT INTO users (name, role, password_hash, created_at, created_by, password_changed_at) VALUES (@name, @role, @hash, @now, @by, @now)",
      ),
      byName: db.prepare<[string], UserRow>('SELECT * FROM users WHERE name = ?'),
      byId: db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?'),
      list: db.prepare<[], UserRow>('SELECT * FROM users ORDER BY name'),
      countAdmins: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL"),
      setRole: db.prepare('UPDATE users SET role = ? WHERE id = ?'),
      setDisabled: db.prepare('UPDATE users SET disabled_at = ? WHERE id = ?'),
      setPassword: db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?'),
      setLastLogin: db.prepare('UPDATE users SET last_login_at = ? WHERE id = ?'),
      remove: db.prepare('DELETE FROM users WHERE id = ?'),
    };
  }

  /** Creates an account; false when the name is taken. */
  add(account: { name: string; role: Role; passwordHash: string; createdBy: string }): boolean {
    if (this.#statements.byName.get(account.name)) return false;
    this.#statements.insert.run({ name: account.name, role: account.role, hash: account.passwordHash, now: new Date().toISOString(), by: account.createdBy });
    return true;
  }

  get(name: string): User | undefined {
    const row = this.#statements.byName.get(name);
    return row && toUser(row);
  }

  getById(id: number): User | undefined {
    const row = this.#statements.byId.get(id);
    return row && toUser(row);
  }

  list(): User[] {
    return this.#statements.list.all().map(toUser);
  }

  /** Active administrators: the last one may not be disabled, demoted or deleted. */
  countActiveAdmins(): number {
    return this.#statements.countAdmins.get()?.n ?? 0;
  }

  setRole(id: number, role: Role): void {
    this.#statements.setRole.run(role, id);
  }

  setDisabled(id: number, disabled: boolean): void {
    this.#statements.setDisabled.run(disabled ? new Date().toISOString() : null, id);
  }

  setPasswordHash(id: number, passwordHash: string): void {
    this.#statements.setPassword.run(passwordHash, new Date().toISOString(), id);
  }

  noteLogin(id: number): void {
    this.#statements.setLastLogin.run(new Date().toISOString(), id);
  }

  /** Call inside a transaction that also ends the account's sessions. */
  remove(id: number): void {
    this.#statements.remove.run(id);
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    passwordChangedAt: row.password_changed_at,
    ...(row.disabled_at && { disabledAt: row.disabled_at }),
    ...(row.last_login_at && { lastLoginAt: row.last_login_at }),
  };
}
