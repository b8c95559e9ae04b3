/**
 * `/curator/records/:id/history`: every version and a comparison of any two (`?from=&to=`);
 * `POST …/versions/:version/restore` brings a version back as a new one (history is never rewritten).
 */
import { Router } from 'express';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { firstValue, queryParams } from '../../params/query-params.ts';
import type { CuratorContext } from '../curator-context.ts';
import { routeParam } from '../form-fields.ts';
import { hasRole, requireRole } from '../middleware/require-role.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { presentHistory } from '../present/present-history.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { curatorRecordHref } from '../present/present-record-list.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { writeArchive } from '../services/write-archive.ts';

const VERSION = /^[1-9]\d{0,8}$/;

/** A record’s history and restoring a version. */
export function historyRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  const { catalog } = site;

  router.get('/records/:id/history', requireRole('viewer'), (req, res) => {
    const lang = res.locals.lang as Lang;
    const id = routeParam(req, 'id');
    const versions = catalog.history.ofRecord(id);
    if (versions.length === 0) throw new NotFoundError('curator.error.no_record');
    const params = queryParams(req);
    const from = firstValue(params, 'from');
    const to = firstValue(params, 'to');
    let compare;
    if (from !== undefined || to !== undefined) {
      const known = new Set(versions.map((version) => String(version.versionNo)));
      if (!from || !to || !known.has(from) || !known.has(to)) throw new BadRequestError('curator.error.bad_versions', { count: versions.length });
      compare = { from: Number(from), to: Number(to) };
    }
    const view = presentHistory({
      id,
      versions,
      lang,
      canRestore: hasRole(sessionOf(res)!.user.role, 'editor'),
      ...(compare && { compare }),
      notices: presentNotice(params, lang),
      deleted: !catalog.getRecord(id),
    });
    renderCuratorPage(csrf, req, res, 'history', view, { title: translate(lang, 'curator.history.title', { id }), section: 'records' });
  });

  router.post('/records/:id/versions/:version/restore', requireRole('editor'), async (req, res) => {
    const id = routeParam(req, 'id');
    const version = routeParam(req, 'version');
    if (!VERSION.test(version)) throw new BadRequestError('curator.error.bad_versions', { count: catalog.history.count(id) });
    const wanted = catalog.history.get(id, Number(version));
    if (!wanted) throw new NotFoundError('curator.error.no_version');
    if (!wanted.after) throw new BadRequestError('curator.error.version_is_deletion', { version: wanted.versionNo });
    const written = await writeArchive(site, 'restore', () => catalog.restoreVersion(id, wanted.versionNo, { actor: `user:${sessionOf(res)!.user.name}` }));
    const code = written.value?.action === 'unchanged' ? 'restore_unchanged' : 'restored';
    res.redirect(303, withNotice(curatorRecordHref(id, '/history'), code, written.indexed));
  });

  return router;
}
