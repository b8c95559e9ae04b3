/**
 * `/curator/imports`: the import history (newest first, 50 a page), one import with its report
 * (and the report's CSV), and `POST …/:id/undo` with the CLI's rules (`catalog.undoImport`): an
 * import whose records changed again later is refused, naming each change, unless `force`.
 */
import { existsSync } from 'node:fs';
import { Router } from 'express';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { NotFoundError } from '../../errors.ts';
import { firstValue, queryParams } from '../../params/query-params.ts';
import type { CuratorContext } from '../curator-context.ts';
import { formFields, routeParam } from '../form-fields.ts';
import { hasRole, requireRole } from '../middleware/require-role.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { importHref, presentImportList, presentImportPage } from '../present/present-imports.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { readImportReport, reportPath } from '../services/read-import-report.ts';
import { writeArchive } from '../services/write-archive.ts';

const PAGE = 50;
const IMPORT_ID = /^[1-9]\d{0,12}$/;

/** The import history, one import, its report, undo. */
export function importRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  const { catalog, config } = site;
  const entryOf = (text: string) => {
    const entry = IMPORT_ID.test(text) ? catalog.imports.get(Number(text)) : undefined;
    if (!entry) throw new NotFoundError('curator.error.no_import');
    return entry;
  };

  router.get('/imports', requireRole('viewer'), (req, res) => {
    const lang = res.locals.lang as Lang;
    const before = firstValue(queryParams(req), 'before');
    const entries = catalog.imports.page(PAGE + 1, before && IMPORT_ID.test(before) ? Number(before) : undefined);
    const older = entries.length > PAGE ? `/curator/imports?before=${entries[PAGE - 1]!.id}` : undefined;
    renderCuratorPage(csrf, req, res, 'imports', presentImportList(entries.slice(0, PAGE), lang, older), { title: translate(lang, 'curator.imports.title'), section: 'imports' });
  });

  router.get('/imports/:id', requireRole('viewer'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const entry = entryOf(routeParam(req, 'id'));
    const view = presentImportPage({
      entry,
      report: await readImportReport(config.reportsDir, entry),
      lang,
      canUndo: hasRole(sessionOf(res)!.user.role, 'editor'),
      notices: presentNotice(queryParams(req), lang),
    });
    renderCuratorPage(csrf, req, res, 'import', view, { title: translate(lang, 'curator.imports.one_title', { id: entry.id }), section: 'imports' });
  });

  router.get('/imports/:id/report.csv', requireRole('viewer'), (req, res) => {
    const entry = entryOf(routeParam(req, 'id'));
    const file = reportPath(config.reportsDir, entry, 'csv');
    if (!file || !existsSync(file)) throw new NotFoundError('curator.error.no_report');
    res.attachment(`import-${entry.id}-report.csv`).sendFile(file);
  });

  router.post('/imports/:id/undo', requireRole('editor'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const entry = entryOf(routeParam(req, 'id'));
    const force = formFields(req).force === 'yes';
    const written = await writeArchive(site, 'undo', () => catalog.undoImport(entry.id, { actor: `user:${sessionOf(res)!.user.name}`, force }));
    const outcome = written.value;
    if (outcome.ok) return res.redirect(303, withNotice(importHref(entry.id), 'undone', written.indexed));
    const view = presentImportPage({ entry: catalog.imports.get(entry.id) ?? entry, report: await readImportReport(config.reportsDir, entry), lang, canUndo: true, notices: [], refusal: outcome.refusal });
    renderCuratorPage(csrf, req, res, 'import', view, { title: translate(lang, 'curator.imports.one_title', { id: entry.id }), section: 'imports', status: 409 });
  });

  return router;
}
