/** Why a backup or restore was refused: a message key the command prints, and what kind of refusal it is. */
import type { MessageKey } from '../i18n/messages.ts';
import type { MessageParams } from '../i18n/translate.ts';

/** `usage`: the command line was wrong; `refused`: the input (a folder, a backup) was; `catalog-unusable`: the catalog is damaged. */
export type RefusalKind = 'usage' | 'refused' | 'catalog-unusable';

/**
 * Thrown before anything is changed, or after what was written has been removed again: whoever
 * catches it can say "nothing was changed" and mean it.
 */
export class BackupRefusal extends Error {
  override readonly name = 'BackupRefusal';

  constructor(
    readonly kind: RefusalKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }
}
