/**
 * Passwords: argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane), through
 * @node-rs/argon2, which hashes on libuv's thread pool so the server keeps serving meanwhile. It is
 * loaded by the first sign-in or new password: most servers only ever serve visitors.
 */
import type { Options } from '@node-rs/argon2';

/** `Algorithm.Argon2id`: the package declares its enum `const`, which has no value at run time. */
const ARGON2ID = 2 as Options['algorithm'];
const OWASP: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing one is never a way to tie up the server. */
export const MAX_PASSWORD_LENGTH = 1024;

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, name: string): 'too_short' | 'too_long' | 'is_name' | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (length > MAX_PASSWORD_LENGTH) return 'too_long';
  if (password.normalize('NFKC').trim().toLowerCase() === name) return 'is_name';
  return undefined;
}

/** An argon2id hash of `password` in PHC form (`$argon2id$v=19$m=19456,t=2,p=1$…`). */
export async function hashPassword(password: string): Promise<string> {
  const { hash } = await import('@node-rs/argon2');
  return hash(password, OWASP);
}

/** A hash of no one's password, checked when the account does not exist so that takes as long as a real check. */
let decoy: Promise<string> | undefined;

/** Whether `password` matches `passwordHash`; without a hash, a check that always fails in the same time. */
export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH * 4) return false;
  const { verify } = await import('@node-rs/argon2');
  if (passwordHash === undefined) {
    decoy ??= hashPassword('no account has this password');
    await verify(await decoy, password);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
