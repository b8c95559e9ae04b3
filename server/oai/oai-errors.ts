/**
 * OAI-PMH errors: one of the specification's eight codes, and what to change, from the message
 * tables. A harvester states no language, and the people reading its logs may read either, so the
 * text carries both: Chinese, then English.
 */
import type { MessageKey } from '../../core/i18n/messages.ts';
import { translate, type MessageParams } from '../../core/i18n/translate.ts';

export type OaiErrorCode =
  | 'badArgument'
  | 'badResumptionToken'
  | 'badVerb'
  | 'cannotDisseminateFormat'
  | 'idDoesNotExist'
  | 'noRecordsMatch'
  | 'noMetadataFormats'
  | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  messageKey: MessageKey;
  params?: MessageParams;
}

/** A value from the request inside a message: long garbage is cut, so an error stays short. */
const MAX_QUOTED = 100;

/** An error of `code`, explained by the message `messageKey`. */
export function oaiError(code: OaiErrorCode, messageKey: MessageKey, params?: MessageParams): OaiError {
  return { code, messageKey, ...(params && { params }) };
}

/** The text of an `<error>` element. */
export function describeOaiError(error: OaiError): string {
  return `${translate('zh', error.messageKey, error.params)} / ${translate('en', error.messageKey, error.params)}`;
}

/** A value as quoted in a message: at most `MAX_QUOTED` characters. */
export function quoted(value: string): string {
  const characters = [...value];
  return characters.length > MAX_QUOTED ? `${characters.slice(0, MAX_QUOTED).join('')}…` : value;
}
