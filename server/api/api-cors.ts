/**
 * CORS for `/api`: any origin may read it with GET (and HEAD), and its preflight is answered, so
 * a researcher's notebook or web page can call the API from anywhere. Only reads are opened:
 * the API has no writes, and no credentials are allowed. Pages are not opened to other origins.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

/** A day: preflights for the same request need not be repeated. */
const PREFLIGHT_MAX_AGE_S = 86_400;

export function apiCors(): RequestHandler {
  return cors({
    origin: '*',
    methods: ['GET', 'HEAD'],
    // Paging (Link) and the answer's language are for scripts to read too.
    exposedHeaders: ['Link', 'Content-Language'],
    maxAge: PREFLIGHT_MAX_AGE_S,
  });
}
