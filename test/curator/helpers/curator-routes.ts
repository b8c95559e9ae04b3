/**
 * The list of curator routes with the status each role gets (test/curator/route-roles.test.ts):
 * a new route is added here with its expectations. `body` and `path` may differ per role, so a
 * route that changes the archive succeeds once per allowed role without disturbing the others.
 */
import type { FixtureSite } from '../../site/helpers/fixture-site.ts';

export type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';

export interface RouteCase {
  method: 'GET' | 'POST';
  path: string | ((who: Who) => string);
  body?: (who: Who) => Record<string, string>;
  expect: Record<Who, number>;
  endsSession?: boolean;
}

/** Statuses of a page any signed-in curator may read. */
const READ_PAGE = { anonymous: 303, viewer: 200, editor: 200, admin: 200 };

export const CURATOR_ROUTES: { prepare?: (site: FixtureSite) => Promise<void> | void; routes: RouteCase[] } = {
  routes: [
    { method: 'GET', path: '/curator/login', expect: { anonymous: 200, viewer: 303, editor: 303, admin: 303 } },
    { method: 'GET', path: '/curator', expect: READ_PAGE },
    { method: 'GET', path: '/curator?q=%E5%A1%98%E6%A0%96&page=2', expect: READ_PAGE },
    { method: 'GET', path: '/curator/no-such-page', expect: { anonymous: 404, viewer: 404, editor: 404, admin: 404 } },
    { method: 'POST', path: '/curator/logout', expect: { anonymous: 401, viewer: 303, editor: 303, admin: 303 }, endsSession: true },
  ],
};
