import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';
import type { ExitCode } from './exit-codes.ts';

/** A message key and its parameters, translated when printed. */
export interface CliMessage {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * A failure a command knows how to explain: thrown anywhere under `runCommand`, it ends the
 * command with its message (in the user's language, on one line) and its exit status.
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';

  constructor(
    readonly exitCode: ExitCode,
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(messageKey, options);
  }
}
