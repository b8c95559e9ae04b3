/**
 * The errors a page can end in. Each names a message key (core/i18n/messages/site.ts) so the one
 * error handler can explain it in the visitor's language; none carries internals to the visitor.
 */
import type { MessageKey } from '../core/i18n/messages.ts';
import type { MessageParams } from '../core/i18n/translate.ts';

export class HttpError extends Error {
  readonly status: number;
  readonly messageKey: MessageKey;
  readonly params: MessageParams;

  constructor(status: number, messageKey: MessageKey, params: MessageParams = {}) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.params = params;
  }
}

/** A request the visitor can correct: a bad year, an unknown sort, a filter on a field that has none. */
export class BadRequestError extends HttpError {
  override readonly name = 'BadRequestError';

  constructor(messageKey: MessageKey, params: MessageParams = {}) {
    super(400, messageKey, params);
  }
}

export class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError';

  constructor(messageKey: MessageKey = 'site.error.not_found') {
    super(404, messageKey);
  }
}

/** A record that was in the archive and was deleted: 410 tells visitors and crawlers it is not coming back. */
export class GoneError extends HttpError {
  override readonly name = 'GoneError';
  /** When the record was deleted (its tombstone's time), for answers that state it (the API's problem documents). */
  readonly deletedAt?: string;

  constructor(messageKey: MessageKey, params: MessageParams = {}, deletedAt?: string) {
    super(410, messageKey, params);
    if (deletedAt !== undefined) this.deletedAt = deletedAt;
  }
}
