import type { MessageKey } from '../i18n/messages.ts';
import { translate, type MessageParams } from '../i18n/translate.ts';

/** The catalog file exists but is not a whole catalog; nothing may write to it. */
export class CatalogFileError extends Error {
  override readonly name = 'CatalogFileError';
  readonly params: MessageParams;

  constructor(
    readonly messageKey: MessageKey,
    readonly file: string,
    params: MessageParams = {},
  ) {
    super(translate('en', messageKey, { file, ...params }));
    this.params = { file, ...params };
  }
}
