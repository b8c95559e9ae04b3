/**
 * Every curator route × every role, and anonymous: the expected status for each. Viewers read,
 * editors also write, admins also manage accounts and delete; without a session a page sends to
 * sign-in (303) and a form post is refused (401). Each request carries a valid CSRF token, so
 * what is tested here is the role, not the token (sign-in.test.ts tests tokens).
 */
import type { ExecutionContext } from 'ava';
import type { FixtureSite } from '../site/helpers/fixture-site.ts';
import { anonymousAgent, signInAgain, type Agent, withCuratorSite } from './helpers/curator-site.ts';
import { CURATOR_ROUTES, type Who } from './helpers/curator-routes.ts';

const test = withCuratorSite();
const WHO: readonly Who[] = ['anonymous', 'viewer', 'editor', 'admin'];

async function agentFor(t: ExecutionContext<FixtureSite>, who: Who): Promise<{ agent: Agent; token: string }> {
  return who === 'anonymous' ? anonymousAgent(t) : signInAgain(t, who);
}

test('each curator route answers every role, and anonymous, with the status its role rule gives', async (t) => {
  await CURATOR_ROUTES.prepare(t.context);
  const agents = new Map<Who, { agent: Agent; token: string }>();
  for (const route of CURATOR_ROUTES.routes) {
    for (const who of WHO) {
      // A route that ends the session (sign-out) gets an agent of its own.
      const client = route.endsSession ? await agentFor(t, who) : agents.get(who) ?? (await agentFor(t, who));
      if (!route.endsSession) agents.set(who, client);
      const path = typeof route.path === 'function' ? route.path(who) : route.path;
      const call = route.method === 'GET' ? client.agent.get(path) : client.agent.post(path).type('form').send({ _csrf: client.token, ...route.body?.(who, t.context) });
      const response = await call.set('Accept-Language', 'en');
      t.is(response.status, route.expect[who], `${route.method} ${path} as ${who}`);
      t.notRegex(response.text, /^\s+at /m, 'no stack trace');
    }
  }
});
