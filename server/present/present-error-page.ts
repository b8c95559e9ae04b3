/** What an error page says: a heading and an explanation for the status, in the visitor's language. */
import type { MessageKey } from '../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../core/i18n/translate.ts';

export interface Failure {
  status: number;
  messageKey: MessageKey;
  params: MessageParams;
}

export interface ErrorPageView {
  status: number;
  heading: string;
  message: string;
  /** 503: search is down, but records and collections can still be read. */
  searchDown: boolean;
}

const HEADINGS: Record<number, MessageKey> = {
  400: 'site.error.heading_400',
  404: 'site.error.heading_404',
  405: 'api.error.heading_405',
  406: 'api.error.heading_406',
  410: 'site.error.heading_410',
  500: 'site.error.heading_500',
  503: 'site.error.heading_503',
};

/** The heading for the status and the failure's own message, in `lang`. */
export function presentErrorPage(failure: Failure, lang: Lang): ErrorPageView {
  const heading = HEADINGS[failure.status] ?? (failure.status < 500 ? HEADINGS[400]! : HEADINGS[500]!);
  return {
    status: failure.status,
    heading: translate(lang, heading),
    message: translate(lang, failure.messageKey, failure.params),
    searchDown: failure.status === 503,
  };
}
