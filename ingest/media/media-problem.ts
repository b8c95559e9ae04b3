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
