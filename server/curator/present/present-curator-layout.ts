/**
 * What every curator page's layout shows: who is signed in, the workspace's navigation (only the
 * sections the role may open), sign-out, the language switch and the CSRF token its forms carry.
 * To add a page to the navigation, add it to `CURATOR_NAV` with the role it needs.
 */
import type { Role } from '../../../core/catalog/accounts/user-store.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { HTML_LANG, otherLang } from '../../present/localize.ts';
import { hasRole } from '../middleware/require-role.ts';

export type CuratorSection = 'records' | 'uploads' | 'jobs' | 'imports' | 'users' | 'account' | 'login' | 'error';

export const CURATOR_NAV: readonly { section: CuratorSection; href: string; key: MessageKey; role: Role }[] = [
  { section: 'records', href: '/curator', key: 'curator.nav.records', role: 'viewer' },
  { section: 'uploads', href: '/curator/uploads', key: 'upload.nav', role: 'editor' },
  { section: 'imports', href: '/curator/imports', key: 'curator.nav.imports', role: 'viewer' },
  { section: 'users', href: '/curator/users', key: 'curator.nav.users', role: 'admin' },
  { section: 'account', href: '/curator/account', key: 'curator.nav.account', role: 'viewer' },
];

export interface CuratorLayoutInput {
  lang: Lang;
  title: string;
  section: CuratorSection;
  /** The page's address without `lang`, for the language switch. */
  address: string;
  assets: string;
  csrfToken: string;
  user?: { name: string; role: Role };
}

/** The layout’s view-model (`curator` in every curator template). */
export function presentCuratorLayout(input: CuratorLayoutInput) {
  const { lang, user } = input;
  const other = otherLang(lang);
  return {
    htmlLang: HTML_LANG[lang],
    title: translate(lang, 'curator.title_with_workspace', { page: input.title }),
    assets: input.assets,
    csrfToken: input.csrfToken,
    langSwitch: { href: withLang(input.address, other), label: translate(other, 'site.lang.name'), htmlLang: HTML_LANG[other] },
    nav: user
      ? CURATOR_NAV.filter((item) => hasRole(user.role, item.role)).map((item) => ({ href: item.href, label: translate(lang, item.key), current: item.section === input.section }))
      : [],
    user: user && { name: user.name, role: translate(lang, `curator.role.${user.role}`) },
  };
}

function withLang(address: string, lang: Lang): string {
  const url = new URL(address, 'http://archive.invalid');
  url.searchParams.set('lang', lang);
  return url.pathname + url.search;
}
