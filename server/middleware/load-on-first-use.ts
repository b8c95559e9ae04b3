/**
 * A part of the site whose modules are imported by the first request that reaches it, not when the
 * server starts: most servers only ever serve visitors, and the curators' workspace (sessions, CSRF,
 * forms, uploads) holds ~20 MB of them.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/** A handler made by `load` on first use and kept; a failed load is tried again by the next request. */
export function loadOnFirstUse(load: () => Promise<RequestHandler>): RequestHandler {
  let loading: Promise<RequestHandler> | undefined;
  return async (req: Request, res: Response, next: NextFunction) => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    const handler = await loading;
    return handler(req, res, next);
  };
}
