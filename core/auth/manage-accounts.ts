/**
 * What a curator can do to accounts, for both front ends (`npm run users` and the workspace's
 * accounts page): each returns done or a refusal as a message key, and a refusal changes nothing.
 * The archive always keeps one active administrator.
 */
import type { Catalog } from '../catalog/catalog.ts';
import { isRole, normalizeUserName, type Role, type User } from '../catalog/accounts/user-store.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem } from './passwords.ts';

export type AccountOutcome<T = void> = { ok: true; value: T } | { ok: false; key: MessageKey; params: MessageParams };

const refuse = (key: MessageKey, params: MessageParams = {}): { ok: false; key: MessageKey; params: MessageParams } => ({ ok: false, key, params });

/** The account named `text`, or a refusal naming what was written. */
export function findAccount(catalog: Catalog, text: string): AccountOutcome<User> {
  const name = normalizeUserName(text);
  const user = name === undefined ? undefined : catalog.accounts.users.get(name);
  return user ? { ok: true, value: user } : refuse('users.unknown', { name: text });
}

/** Refuses a password the policy does not accept. */
export function checkNewPassword(password: string, name: string): AccountOutcome {
  const problem = passwordProblem(password, name);
  if (problem === 'too_short') return refuse('users.password_too_short', { minimum: MIN_PASSWORD_LENGTH });
  if (problem === 'too_long') return refuse('users.password_too_long', { maximum: MAX_PASSWORD_LENGTH });
  if (problem === 'is_name') return refuse('users.password_is_name');
  return { ok: true, value: undefined };
}

/** Makes an account (the name normalised, the password checked and hashed); refused when the name, role or password will not do or the name is taken. */
export async function addAccount(catalog: Catalog, input: { name: string; role: string; password: string; by: string }): Promise<AccountOutcome<User>> {
  const name = normalizeUserName(input.name);
  if (name === undefined) return refuse('users.bad_name', { name: input.name });
  if (!isRole(input.role)) return refuse('users.bad_role', { role: input.role });
  if (catalog.accounts.users.get(name)) return refuse('users.exists', { name });
  const checked = checkNewPassword(input.password, name);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(input.password);
  const added = catalog.accounts.briefly(() => catalog.accounts.users.add({ name, role: input.role as Role, passwordHash, createdBy: input.by }));
  return added ? { ok: true, value: catalog.accounts.users.get(name)! } : refuse('users.exists', { name });
}

/** Sets a new password and ends every session of the account. */
export async function changePassword(catalog: Catalog, user: User, password: string): Promise<AccountOutcome> {
  const checked = checkNewPassword(password, user.name);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(password);
  // A new password ends every session opened with the old one.
  catalog.accounts.briefly(() => {
    catalog.accounts.users.setPasswordHash(user.id, passwordHash);
    catalog.accounts.sessions.closeAllOf(user.id);
  });
  return { ok: true, value: undefined };
}

/** Gives the account another role; the last active administrator keeps theirs. */
export function changeRole(catalog: Catalog, user: User, role: string): AccountOutcome {
  if (!isRole(role)) return refuse('users.bad_role', { role });
  if (user.role === 'admin' && role !== 'admin' && isLastAdmin(catalog, user)) return refuse('users.last_admin', { name: user.name });
  catalog.accounts.briefly(() => catalog.accounts.users.setRole(user.id, role));
  return { ok: true, value: undefined };
}

/** Stops (and ends every session of) or allows sign-in; the last active administrator cannot be disabled. */
export function setDisabled(catalog: Catalog, user: User, disabled: boolean): AccountOutcome {
  if (disabled && isLastAdmin(catalog, user)) return refuse('users.last_admin', { name: user.name });
  catalog.accounts.briefly(() => {
    catalog.accounts.users.setDisabled(user.id, disabled);
    if (disabled) catalog.accounts.sessions.closeAllOf(user.id);
  });
  return { ok: true, value: undefined };
}

/** Deletes the account and its sessions; its name stays in the records’ history. Never the last active administrator. */
export function deleteAccount(catalog: Catalog, user: User): AccountOutcome {
  const deletable = checkDeletable(catalog, user);
  if (!deletable.ok) return deletable;
  catalog.accounts.deleteUser(user);
  return { ok: true, value: undefined };
}

/** Whether the account may be deleted (never the only active administrator), without deleting it. */
export function checkDeletable(catalog: Catalog, user: User): AccountOutcome {
  return isLastAdmin(catalog, user) ? refuse('users.last_admin', { name: user.name }) : { ok: true, value: undefined };
}

/** Ends every session of the account; returns how many there were. */
export function logOutEverywhere(catalog: Catalog, user: User): number {
  return catalog.accounts.briefly(() => catalog.accounts.sessions.closeAllOf(user.id));
}

function isLastAdmin(catalog: Catalog, user: User): boolean {
  return user.role === 'admin' && !user.disabledAt && catalog.accounts.users.countActiveAdmins() <= 1;
}
