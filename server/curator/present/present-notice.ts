/**
 * What a curator is told after a change: the page a form redirects to carries `?done=…` (and
 * `&index=later` when the search index could not follow yet); only the codes below are known,
 * so the address cannot make a page say anything else.
 */
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { firstValue, type QueryParams } from '../../params/query-params.ts';

const NOTICES = {
  created: 'curator.done.created',
  saved: 'curator.done.saved',
  unchanged: 'curator.done.unchanged',
  published: 'curator.done.published',
  withdrawn: 'curator.done.withdrawn',
  embargoed: 'curator.done.embargoed',
  visibility_unchanged: 'curator.done.visibility_unchanged',
  deleted: 'curator.done.deleted',
  restored: 'curator.done.restored',
  restore_unchanged: 'curator.done.restore_unchanged',
  undone: 'curator.done.undone',
  account_added: 'curator.done.account_added',
  account_changed: 'curator.done.account_changed',
  account_deleted: 'curator.done.account_deleted',
  password_changed: 'curator.done.password_changed',
  profile_saved: 'upload.done.profile_saved',
  profile_applied: 'upload.done.profile_applied',
  reread: 'upload.done.reread',
  cancel_requested: 'upload.done.cancel_requested',
} as const satisfies Record<string, MessageKey>;

export type NoticeCode = keyof typeof NOTICES;

/** `path?done=code` (and `&index=later`). */
export function withNotice(path: string, code: NoticeCode, indexed = true): string {
  return `${path}${path.includes('?') ? '&' : '?'}done=${code}${indexed ? '' : '&index=later'}`;
}

/** The notices the address asks for, in `lang`. */
export function presentNotice(params: QueryParams, lang: Lang): string[] {
  const code = firstValue(params, 'done');
  const notices: string[] = [];
  if (code !== undefined && Object.hasOwn(NOTICES, code)) notices.push(translate(lang, NOTICES[code as NoticeCode]));
  if (firstValue(params, 'index') === 'later') notices.push(translate(lang, 'curator.done.index_later'));
  return notices;
}
