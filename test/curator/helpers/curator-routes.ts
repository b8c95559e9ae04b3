/**
 * The list of curator routes with the status each role gets (test/curator/route-roles.test.ts):
 * a new route is added here with its expectations. `body` and `path` may differ per role and see
 * the archive, so a route that changes it succeeds for each allowed role without disturbing the
 * others (the roles are tried in the order anonymous, viewer, editor, admin).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runIngest } from '../../../ingest/run-ingest.ts';
import { formValuesOf } from '../../../server/curator/present/record-form-fields.ts';
import type { FixtureSite } from '../../site/helpers/fixture-site.ts';

export type Who = 'anonymous' | 'viewer' | 'editor' | 'admin';

export interface RouteCase {
  method: 'GET' | 'POST';
  path: string | ((who: Who) => string);
  body?: (who: Who, site: FixtureSite) => Record<string, string>;
  expect: Record<Who, number>;
  endsSession?: boolean;
}

/** A page any signed-in curator may read; one only editors and admins may open; one for admins. */
const READ = { anonymous: 303, viewer: 200, editor: 200, admin: 200 };
const EDIT_PAGE = { anonymous: 303, viewer: 403, editor: 200, admin: 200 };
const ADMIN_PAGE = { anonymous: 303, viewer: 403, editor: 403, admin: 200 };
/** A form post that editors and admins may make (and that then redirects), and one for admins. */
const EDIT = { anonymous: 401, viewer: 403, editor: 303, admin: 303 };
const ADMIN = { anonymous: 401, viewer: 403, editor: 403, admin: 303 };
const MISSING = { anonymous: 303, viewer: 404, editor: 404, admin: 404 };

/** The import made for these cases (so undoing it disturbs no other test). */
let importId = 0;

const editedForm = (id: string) => (_who: Who, site: FixtureSite) => {
  const stored = site.catalog.getRecord(id)!.record;
  const { images: _images, coordinates_source: _source, ...values } = formValuesOf(stored);
  return { ...values, version: String(site.catalog.history.latest(id)!.versionNo) };
};

export const CURATOR_ROUTES: { prepare: (site: FixtureSite) => Promise<void>; routes: RouteCase[] } = {
  async prepare(site) {
    const dir = mkdtempSync(path.join(tmpdir(), 'route-roles-'));
    writeFileSync(path.join(dir, 'records.csv'), 'id,title_zh\nroute-roles-import,为撤销而导入\n');
    const { report } = await runIngest({ catalog: site.catalog, engine: site.engine, paths: [dir], actor: 'test' });
    importId = report.importId!;
  },
  routes: [
    { method: 'GET', path: '/curator/login', expect: { anonymous: 200, viewer: 303, editor: 303, admin: 303 } },
    { method: 'GET', path: '/curator', expect: READ },
    { method: 'GET', path: '/curator?q=%E5%A1%98%E6%A0%96&page=2', expect: READ },
    { method: 'GET', path: '/curator/no-such-page', expect: { anonymous: 404, viewer: 404, editor: 404, admin: 404 } },
    { method: 'GET', path: '/curator/records/new', expect: EDIT_PAGE },
    { method: 'POST', path: '/curator/records', body: (who) => ({ id: `route-roles-${who}`, title_en: `Made by ${who}` }), expect: EDIT },
    { method: 'GET', path: '/curator/records/guangji-bridge', expect: READ },
    { method: 'GET', path: '/curator/records/no-such-record', expect: MISSING },
    { method: 'GET', path: '/curator/records/guangji-bridge/edit', expect: EDIT_PAGE },
    { method: 'POST', path: '/curator/records/tangqi-stone-bridge-1', body: editedForm('tangqi-stone-bridge-1'), expect: EDIT },
    { method: 'POST', path: '/curator/records/tangqi-stone-bridge-2/visibility', body: () => ({ visibility: 'public' }), expect: EDIT },
    { method: 'POST', path: '/curator/records/tangqi-stone-bridge-6/delete', body: () => ({ reason: 'route test' }), expect: ADMIN },
    { method: 'GET', path: '/curator/records/guangji-bridge/history', expect: READ },
    { method: 'GET', path: '/curator/records/guangji-bridge/history?from=1&to=1', expect: READ },
    { method: 'POST', path: '/curator/records/tangqi-stone-bridge-3/versions/1/restore', expect: EDIT },
    { method: 'GET', path: '/curator/imports', expect: READ },
    { method: 'GET', path: () => `/curator/imports/${importId}`, expect: READ },
    { method: 'GET', path: '/curator/imports/999999', expect: MISSING },
    { method: 'GET', path: () => `/curator/imports/${importId}/report.csv`, expect: MISSING },
    // The editor undoes it; for the admin after, it is already undone: refused, 409.
    { method: 'POST', path: () => `/curator/imports/${importId}/undo`, expect: { anonymous: 401, viewer: 403, editor: 303, admin: 409 } },
    { method: 'GET', path: '/curator/uploads', expect: EDIT_PAGE },
    // The role is checked before the body is read: an editor's form that is not a multipart upload is a 400.
    { method: 'POST', path: '/curator/uploads', expect: { anonymous: 401, viewer: 403, editor: 400, admin: 400 } },
    { method: 'GET', path: '/curator/uploads/999999', expect: { anonymous: 303, viewer: 403, editor: 404, admin: 404 } },
    { method: 'POST', path: '/curator/uploads/999999', body: () => ({ action: 'dry_run' }), expect: { anonymous: 401, viewer: 403, editor: 404, admin: 404 } },
    { method: 'POST', path: '/curator/uploads/999999/import', expect: { anonymous: 401, viewer: 403, editor: 404, admin: 404 } },
    { method: 'GET', path: '/curator/jobs/999999', expect: { anonymous: 303, viewer: 403, editor: 404, admin: 404 } },
    { method: 'GET', path: '/curator/jobs/999999/report.csv', expect: { anonymous: 303, viewer: 403, editor: 404, admin: 404 } },
    { method: 'POST', path: '/curator/jobs/999999/cancel', expect: { anonymous: 401, viewer: 403, editor: 404, admin: 404 } },
    { method: 'GET', path: '/curator/users', expect: ADMIN_PAGE },
    { method: 'POST', path: '/curator/users', body: (who) => ({ name: `made-by-${who}`, role: 'viewer', password: 'route roles passphrase', password_again: 'route roles passphrase' }), expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/role', body: () => ({ role: 'editor' }), expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/disable', expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/enable', expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/logout', expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/password', body: () => ({ password: 'another long passphrase', password_again: 'another long passphrase' }), expect: ADMIN },
    { method: 'POST', path: '/curator/users/made-by-admin/frobnicate', expect: { anonymous: 401, viewer: 403, editor: 403, admin: 404 } },
    { method: 'GET', path: '/curator/users/made-by-admin/delete', expect: ADMIN_PAGE },
    { method: 'POST', path: '/curator/users/made-by-admin/delete', body: () => ({ confirm: 'made-by-admin' }), expect: ADMIN },
    { method: 'GET', path: '/curator/account', expect: READ },
    { method: 'POST', path: '/curator/account/password', body: () => ({ current: 'not my password', password: 'x', password_again: 'x' }), expect: { anonymous: 401, viewer: 400, editor: 400, admin: 400 } },
    { method: 'POST', path: '/curator/account/logout-everywhere', expect: { anonymous: 401, viewer: 303, editor: 303, admin: 303 }, endsSession: true },
    { method: 'POST', path: '/curator/logout', expect: { anonymous: 401, viewer: 303, editor: 303, admin: 303 }, endsSession: true },
  ],
};
