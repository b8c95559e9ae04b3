/**
 * The fixture archive with the curators' workspace: one account per role (passwords below),
 * signed in through the real sign-in form with supertest agents that keep cookies the way a
 * browser does (path /curator, HttpOnly). `csrfOf` reads a page's form token as a browser would.
 */
import request from 'supertest';
import type { ExecutionContext, TestFn } from 'ava';
import test from 'ava';
import type { Role } from '../../../core/catalog/accounts/user-store.ts';
import { addAccount } from '../../../core/auth/manage-accounts.ts';
import { openFixtureSite, type FixtureSite } from '../../site/helpers/fixture-site.ts';
import { decodeEntities } from '../../site/helpers/html.ts';

export const PASSWORDS: Record<Role, string> = {
  admin: 'admin passphrase 管理员',
  editor: 'editor passphrase 编辑',
  viewer: 'viewer passphrase 查看',
};

export type Agent = ReturnType<typeof request.agent>;

/** The fixture site with the accounts `admin`, `editor` and `viewer`. */
export async function openCuratorSite(env: Record<string, string> = {}, engineFor?: Parameters<typeof openFixtureSite>[0]): Promise<FixtureSite> {
  const site = await openFixtureSite(engineFor, env);
  for (const role of ['admin', 'editor', 'viewer'] as const) {
    const added = await addAccount(site.catalog, { name: role, role, password: PASSWORDS[role], by: 'test' });
    if (!added.ok) throw new Error(`could not add ${role}: ${added.key}`);
  }
  return site;
}

/** The test file's curator site, opened before its tests and closed after them. */
export function withCuratorSite(env: Record<string, string> = {}, engineFor?: Parameters<typeof openFixtureSite>[0]): TestFn<FixtureSite> {
  const typed = test as TestFn<FixtureSite>;
  typed.before(async (t) => {
    t.context = await openCuratorSite(env, engineFor);
  });
  typed.after.always(async (t) => {
    await t.context.close();
  });
  return typed;
}

/** The first form token on a page. */
export function csrfOf(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('the page has no CSRF token');
  return decodeEntities(token);
}

/** A browser-like agent that has fetched the sign-in page: it holds the form's token and its cookie. */
export async function anonymousAgent(t: ExecutionContext<FixtureSite>): Promise<{ agent: Agent; token: string }> {
  const agent = request.agent(t.context.app);
  const page = await agent.get('/curator/login').set('Accept-Language', 'en');
  return { agent, token: csrfOf(page.text) };
}

// Keyed by the catalog: ava gives each test its own shallow copy of the context.
const shared = new WeakMap<object, Map<string, Promise<{ agent: Agent; token: string }>>>();

/**
 * The test file's agent signed in as `name`, shared by its tests (signing in once per account,
 * as concurrent sign-ins of one account would trip the rate limit). Tests that sign out or sign
 * in again use `signInAgain`.
 */
export function signedIn(t: ExecutionContext<FixtureSite>, name: string, password = PASSWORDS[name as Role]): Promise<{ agent: Agent; token: string }> {
  const agents = shared.get(t.context.catalog) ?? new Map<string, Promise<{ agent: Agent; token: string }>>();
  shared.set(t.context.catalog, agents);
  if (!agents.has(name)) agents.set(name, signInAgain(t, name, password));
  return agents.get(name)!;
}

/** A new agent signed in as `name` (one of the role accounts unless a password is given), with a token for its next form. */
export async function signInAgain(t: ExecutionContext<FixtureSite>, name: string, password = PASSWORDS[name as Role]): Promise<{ agent: Agent; token: string }> {
  const { agent, token } = await anonymousAgent(t);
  const response = await agent.post('/curator/login').type('form').send({ _csrf: token, name, password });
  if (response.status !== 303) throw new Error(`sign-in as ${name} answered ${response.status}`);
  const home = await agent.get('/curator').set('Accept-Language', 'en');
  return { agent, token: csrfOf(home.text) };
}

/** The session id an agent's cookie jar holds, as the browser would send it to /curator. */
export function sessionCookieOf(agent: Agent): string | undefined {
  const jar = (agent as unknown as { jar: { getCookie(name: string, access: unknown): { value: string } | undefined } }).jar;
  return jar.getCookie('curator_session', { path: '/curator', domain: '127.0.0.1', secure: false, script: false })?.value;
}
