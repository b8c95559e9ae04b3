/**
 * Who is asking: the session its cookie names, if it is still open, as `res.locals.curator`.
 * Only curator routes run this (the cookie's path is /curator), so public pages never look a
 * session up. Most requests only read; the last-use time is written at most once a minute, and a
 * catalog busy with an import's write does not hold the request (the touch waits for the next one).
 */
import type { Request, RequestHandler, Response } from 'express';
import { AccountsBusyError } from '../../../core/catalog/accounts/accounts.ts';
import type { OpenSession } from '../../../core/catalog/accounts/session-store.ts';
import type { Catalog } from '../../../core/catalog/catalog.ts';
import { SESSION_COOKIE, SESSION_LIMITS, TOUCH_EVERY_MS } from '../session-policy.ts';

export interface CuratorLocals {
  session?: OpenSession;
}

/** Sets `res.locals.curator` from the session cookie; never refuses a request itself. */
export function readSession(catalog: Catalog): RequestHandler {
  return (req, res, next) => {
    const id: unknown = req.cookies?.[SESSION_COOKIE];
    const curator: CuratorLocals = {};
    res.locals.curator = curator;
    if (typeof id !== 'string' || id === '') return next();
    const now = Date.now();
    const found = catalog.accounts.sessions.find(id, SESSION_LIMITS, now);
    if (found.status === 'open') {
      curator.session = found.session;
      if (now - found.session.lastSeenAt >= TOUCH_EVERY_MS) quietly(() => catalog.accounts.briefly(() => catalog.accounts.sessions.touch(found.session.idHash, now)));
    } else if (found.status === 'ended') {
      quietly(() => catalog.accounts.briefly(() => catalog.accounts.sessions.close(found.idHash)));
    }
    next();
  };
}

/** The request's open session, if any. */
export function sessionOf(res: Response): OpenSession | undefined {
  return (res.locals.curator as CuratorLocals | undefined)?.session;
}

/** What the CSRF tokens of a request are bound to: its session, or nothing before sign-in. */
export function sessionIdentifier(_req: Request, res: Response): string {
  return sessionOf(res)?.idHash ?? '';
}

function quietly(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof AccountsBusyError)) throw error;
  }
}
