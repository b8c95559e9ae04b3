/** The accounts page (admins) and a curator's own account page. */
import type { User } from '../../../core/catalog/accounts/user-store.ts';
import { ROLES } from '../../../core/catalog/accounts/user-store.ts';
import { MIN_PASSWORD_LENGTH } from '../../../core/auth/passwords.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../../core/i18n/translate.ts';

export interface AccountProblem {
  key: MessageKey;
  params?: MessageParams;
}

function roleOptions(lang: Lang, selected: string) {
  return ROLES.map((role) => ({ value: role, label: translate(lang, `curator.role.${role}`), selected: role === selected }));
}

/** Every account with its actions, and the form for a new one. */
export function presentUsersPage(users: readonly { user: User; sessions: number }[], context: { lang: Lang; self: string; notices: string[]; problem?: AccountProblem; draft?: { name: string; role: string } }) {
  const { lang } = context;
  return {
    notices: context.notices,
    problem: context.problem && translate(lang, context.problem.key, context.problem.params),
    passwordHint: translate(lang, 'curator.users.password_hint', { minimum: MIN_PASSWORD_LENGTH }),
    draftName: context.draft?.name ?? '',
    newRoleOptions: roleOptions(lang, context.draft?.role ?? 'viewer'),
    users: users.map(({ user, sessions }) => {
      const base = `/curator/users/${encodeURIComponent(user.name)}`;
      return {
        name: user.name,
        inputPrefix: `user-${user.id}`,
        role: translate(lang, `curator.role.${user.role}`),
        roleOptions: roleOptions(lang, user.role),
        state: translate(lang, user.disabledAt ? 'users.state_disabled' : 'users.state_active'),
        disabled: user.disabledAt !== undefined,
        lastLogin: user.lastLoginAt?.slice(0, 19).replace('T', ' ') ?? '—',
        sessions,
        self: user.name === context.self,
        actions: { role: `${base}/role`, disable: `${base}/disable`, enable: `${base}/enable`, logout: `${base}/logout`, delete: `${base}/delete`, password: `${base}/password` },
      };
    }),
  };
}

/** A curator’s own account: a new password, signing out everywhere. */
export function presentAccountPage(user: User, sessions: number, context: { lang: Lang; notices: string[]; problem?: AccountProblem }) {
  const { lang } = context;
  return {
    notices: context.notices,
    problem: context.problem && translate(lang, context.problem.key, context.problem.params),
    name: user.name,
    role: translate(lang, `curator.role.${user.role}`),
    sessions: translate(lang, 'curator.account.sessions', { count: sessions }),
    passwordHint: translate(lang, 'curator.users.password_hint', { minimum: MIN_PASSWORD_LENGTH }),
  };
}

/** The page that asks an admin to confirm deleting an account. */
export function presentDeleteAccountPage(user: User, sessions: number, context: { lang: Lang; problem?: AccountProblem }) {
  const { lang } = context;
  return {
    name: user.name,
    action: `/curator/users/${encodeURIComponent(user.name)}/delete`,
    explain: translate(lang, 'curator.users.delete_explain', { name: user.name, sessions }),
    problem: context.problem && translate(lang, context.problem.key, context.problem.params),
  };
}
