/**
 * Meilisearch client errors → the archive's errors. Down, slow, missing index, refused key:
 * `SearchUnavailableError` (the site answers 503 and keeps serving pages from the catalog). A
 * write whose task failed: `MeiliWriteError` (the import fails, nothing is acknowledged).
 * Each error keeps a message key so the site and the CLIs can say it in zh or en; its `message`
 * is English, for logs.
 */
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, type Task } from 'meilisearch';
import type { MessageKey } from '../../i18n/messages.ts';
import { translate, type MessageParams } from '../../i18n/translate.ts';
import { SearchUnavailableError } from '../types.ts';

export class MeiliUnavailableError extends SearchUnavailableError {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams,
    options?: { cause?: unknown },
  ) {
    super(translate('en', messageKey, params), options);
  }
}

/** A write that did not happen: a failed or timed-out task, a failed rebuild. */
export class MeiliWriteError extends Error {
  override readonly name = 'MeiliWriteError';
  /** The task, when a task is what failed. */
  readonly task: Task | undefined;

  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams,
    options?: { cause?: unknown; task?: Task },
  ) {
    super(translate('en', messageKey, params), options);
    this.task = options?.task;
  }
}

/** API error codes that mean "this server cannot answer this archive", not "this request is wrong". */
const KEY_CODES = new Set(['invalid_api_key', 'missing_authorization_header']);

export interface ErrorContext {
  host: string;
  index: string;
}

/**
 * The archive's error for a client error. A 4xx other than a missing index or a refused key is
 * a bug in the request this module built, so it is returned unchanged (a 500 with Meilisearch's
 * own message), not disguised as an outage.
 */
export function toEngineError(error: unknown, { host, index }: ErrorContext): unknown {
  if (error instanceof MeilisearchRequestError) {
    if (error.cause instanceof MeilisearchRequestTimeOutError) return new MeiliUnavailableError('search.meili.timeout', { host, ms: error.cause.cause.timeout }, { cause: error });
    return new MeiliUnavailableError('search.meili.unreachable', { host, detail: networkDetail(error.cause) }, { cause: error });
  }
  if (error instanceof MeilisearchApiError) {
    const code = error.cause?.code;
    if (code === 'index_not_found') return new MeiliUnavailableError('search.meili.index_missing', { index }, { cause: error });
    if (code !== undefined && KEY_CODES.has(code)) return new MeiliUnavailableError('search.meili.key_rejected', { code }, { cause: error });
    if (error.response.status >= 500) return new MeiliUnavailableError('search.meili.server_error', { detail: error.message }, { cause: error });
    return error;
  }
  // A proxy in front of Meilisearch answering with an HTML error page: the client cannot parse it.
  if (error instanceof SyntaxError) return new MeiliUnavailableError('search.meili.server_error', { detail: error.message }, { cause: error });
  return error;
}

/** Runs one client call, turning its errors into the archive's (see `toEngineError`). */
export async function callMeili<T>(context: ErrorContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toEngineError(error, context);
  }
}

/** `ECONNREFUSED`, `ENOTFOUND` … from fetch's nested cause, else the cause's message. */
function networkDetail(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof inner?.code === 'string') return inner.code;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Throws unless `task` succeeded; `toleratedCodes` are failures that leave things as wanted (creating an index that exists). */
export function assertTaskSucceeded(task: Task, toleratedCodes: readonly string[] = []): void {
  if (task.status === 'succeeded') return;
  if (task.status === 'failed' && task.error && toleratedCodes.includes(task.error.code)) return;
  const detail = task.error ? `${task.error.code}: ${task.error.message}` : task.status;
  throw new MeiliWriteError('search.meili.task_failed', { task: task.uid, type: task.type, detail }, { task });
}
