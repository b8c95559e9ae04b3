/** The sign-in form: where to go afterwards, the name typed (never the password), and what went wrong. */
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../../core/i18n/translate.ts';

export interface LoginPageInput {
  next: string;
  name?: string;
  problem?: { key: MessageKey; params?: MessageParams };
  loggedOut?: boolean;
}

/** The sign-in page’s view-model. */
export function presentLoginPage(lang: Lang, input: LoginPageInput) {
  return {
    next: input.next,
    name: input.name ?? '',
    problem: input.problem && translate(lang, input.problem.key, input.problem.params),
    notice: input.loggedOut ? translate(lang, 'curator.login.logged_out') : undefined,
  };
}
