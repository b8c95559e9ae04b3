/**
 * Content negotiation for `/api`: each route names the media types it answers in, and a request
 * whose `Accept` allows none of them gets a 406 problem document instead of an answer it cannot
 * read. No `Accept` header means anything.
 */
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.ts';
import { PROBLEM_TYPE } from './problem-document.ts';

export class NotAcceptableError extends HttpError {
  override readonly name = 'NotAcceptableError';

  constructor(types: readonly string[]) {
    super(406, 'api.error.not_acceptable', { types: types.join(', ') });
  }
}

/** Passes requests that accept one of `types` (or a problem document, which is JSON too). */
export function answerOnly(types: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.get('accept') || req.accepts([...types, PROBLEM_TYPE])) next();
    else next(new NotAcceptableError(types));
  };
}
