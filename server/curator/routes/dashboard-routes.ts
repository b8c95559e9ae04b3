/** `/curator`: the workspace's home, a search over every record, hidden and embargoed ones included. */
import { Router } from 'express';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { queryParams } from '../../params/query-params.ts';
import { searchRecords } from '../../services/search-records.ts';
import type { CuratorContext } from '../curator-context.ts';
import { hasRole, requireRole } from '../middleware/require-role.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { presentRecordList } from '../present/present-record-list.ts';
import { renderCuratorPage } from '../render-curator-page.ts';

/** The workspace’s home. */
export function dashboardRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  router.get('/', requireRole('viewer'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const outcome = await searchRecords(site, { params: queryParams(req), lang, audience: 'curator' });
    const stored = new Map(site.catalog.getRecords(outcome.result.hits.map((hit) => hit.record.id)).map((held) => [held.record.id, held]));
    const view = presentRecordList(outcome, stored, lang, hasRole(sessionOf(res)!.user.role, 'editor'));
    renderCuratorPage(csrf, req, res, 'records', view, { title: translate(lang, 'curator.records.title'), section: 'records' });
  });
  return router;
}
