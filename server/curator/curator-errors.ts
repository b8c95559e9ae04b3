/** The refusals of the curators' workspace, each with its status and a message in both languages. */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import { HttpError } from '../errors.ts';

/** Not signed in (or the session ended): sign in again. */
export class SignInRequiredError extends HttpError {
  override readonly name = 'SignInRequiredError';
  constructor() {
    super(401, 'curator.error.sign_in_required');
  }
}

/** Signed in, but the role does not allow it; or a form that did not come from this site. */
export class ForbiddenError extends HttpError {
  override readonly name = 'ForbiddenError';
  constructor(messageKey: MessageKey = 'curator.error.forbidden', params: MessageParams = {}) {
    super(403, messageKey, params);
  }
}

/** The archive changed under the request (another editor saved first, an undo that would lose later work). */
export class ConflictError extends HttpError {
  override readonly name = 'ConflictError';
  constructor(messageKey: MessageKey, params: MessageParams = {}) {
    super(409, messageKey, params);
  }
}

/** Another writer holds the archive (an import, a reindex): try again in a moment; nothing was changed. */
export class BusyError extends HttpError {
  override readonly name = 'BusyError';
  constructor(messageKey: MessageKey = 'curator.error.busy', params: MessageParams = {}) {
    super(503, messageKey, params);
  }
}

export class TooManyAttemptsError extends HttpError {
  override readonly name = 'TooManyAttemptsError';
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'curator.login.too_many', { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}
