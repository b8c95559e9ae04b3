/**
 * Media problems as message keys, and how a decoder's error becomes one. A `MediaProblemError`
 * carries the message a report shows; anything else a decoder throws is "could not be decoded".
 */
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import type { MediaProblem } from '../../core/media/media-repository.ts';

export class MediaProblemError extends Error {
  override readonly name = 'MediaProblemError';
  constructor(
    readonly problem: MediaProblem,
    /** Worth trying again next time (a timeout, a read error), so not remembered as failed. */
    readonly transient = false,
  ) {
    super(problem.key);
  }
}

export function mediaProblem(key: MessageKey, params: MessageParams, options: { transient?: boolean } = {}): MediaProblemError {
  return new MediaProblemError({ key, params }, options.transient);
}

/** The problem a thrown error stands for, naming `path` (the reference as the curator wrote it). */
export function problemOf(error: unknown, path: string): MediaProblemError {
  if (error instanceof MediaProblemError) return error;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  if (/^timeout/i.test(message)) return mediaProblem('media.timed_out', { path }, { transient: true });
  if ((error as NodeJS.ErrnoException)?.code?.startsWith('E')) return mediaProblem('media.unreadable', { path, detail: message.slice(0, 200) }, { transient: true });
  return mediaProblem('media.undecodable', { path, detail: message.slice(0, 200) });
}

const STORAGE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS']);
const STORAGE_MESSAGES: [RegExp, string][] = [
  [/No space left on device|Disk quota exceeded/i, 'ENOSPC'],
  [/Read-only file system/i, 'EROFS'],
];

/**
 * A full or read-only disk is not a problem with one photograph: every later one would fail the
 * same way, and so will the catalog. Such an error ends the import (the command says to free
 * space). sharp reports it in libvips' words (`<file>: write error\nsystem error: No space left
 * on device`), without a code, so one is given.
 */
export function storageFaultOf(error: unknown, folder?: string): NodeJS.ErrnoException | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && STORAGE_CODES.has(code)) return error as NodeJS.ErrnoException;
  const message = error instanceof Error ? error.message : '';
  const match = STORAGE_MESSAGES.find(([pattern]) => pattern.test(message));
  if (!match) return undefined;
  // libvips names the file it was writing, or only its own function (`vips__file_write`).
  const named = /^(\/.+?): write error/.exec(message)?.[1];
  const file = named ?? folder;
  return Object.assign(new Error(message.split('\n')[0], { cause: error }), { code: match[1], ...(file && { path: file }) });
}
