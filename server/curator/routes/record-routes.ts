/**
 * A record in the workspace: `/curator/records/:id` (read), `/new` and `/:id/edit` (the form),
 * and the posts that change it — save, visibility (withdraw, embargo, republish), delete.
 */
import { Router, type Request, type Response } from 'express';
import { HIDDEN, isPublicNow, parseVisibility, PUBLIC, type Visibility } from '../../../core/catalog/visibility.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { BadRequestError, NotFoundError } from '../../errors.ts';
import { queryParams } from '../../params/query-params.ts';
import { recordTitle } from '../../present/localize.ts';
import type { CuratorContext } from '../curator-context.ts';
import { ConflictError } from '../curator-errors.ts';
import { formFields, routeParam } from '../form-fields.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { requireRole } from '../middleware/require-role.ts';
import { presentCuratorRecord, presentDeletedRecord } from '../present/present-curator-record.ts';
import { presentConflict } from '../present/present-history.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { presentRecordForm } from '../present/present-record-form.ts';
import { curatorRecordHref } from '../present/present-record-list.ts';
import { formValuesOf, postedValues } from '../present/record-form-fields.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { mergeEdit } from '../services/merge-edit.ts';
import { saveEdit, saveNew, type SaveOutcome } from '../services/save-record.ts';
import { writeArchive } from '../services/write-archive.ts';

/** A record’s page, its form, and the posts that change it. */
export function recordRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  const { catalog } = site;
  const actorOf = (res: Response) => `user:${sessionOf(res)!.user.name}`;

  router.get('/records/new', requireRole('editor'), (req, res) => {
    const lang = res.locals.lang as Lang;
    renderForm(req, res, presentRecordForm({ lang, values: formValuesOf({}) }), translate(lang, 'curator.records.new'));
  });

  router.post('/records', requireRole('editor'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const values = postedValues(formFields(req));
    const outcome = await saveNew(site, values, actorOf(res));
    if (outcome.status === 'saved') return res.redirect(303, withNotice(curatorRecordHref(outcome.record.id), 'created', outcome.indexed));
    const problems = outcome.status === 'invalid' ? outcome.problems : [{ field: 'id', code: 'invalid' as const, received: values.id }];
    const view = presentRecordForm({ lang, values, problems, ...(outcome.status === 'invalid' && { warnings: outcome.warnings }) });
    const exists = outcome.status === 'exists' ? translate(lang, 'curator.form.id_taken', { id: values.id }) : undefined;
    renderForm(req, res, { ...view, conflict: exists && { message: exists } }, translate(lang, 'curator.records.new'), outcome.status === 'exists' ? 409 : 400);
  });

  router.get('/records/:id', requireRole('viewer'), (req, res) => {
    const lang = res.locals.lang as Lang;
    const id = routeParam(req, 'id');
    const notices = presentNotice(queryParams(req), lang);
    const stored = catalog.getRecord(id);
    if (!stored) {
      const tombstone = catalog.getTombstone(id);
      if (!tombstone) throw new NotFoundError('curator.error.no_record');
      return renderCuratorPage(csrf, req, res, 'record-deleted', presentDeletedRecord(tombstone, lang, notices), { title: id, section: 'records' });
    }
    const view = presentCuratorRecord(stored, { lang, role: sessionOf(res)!.user.role, versions: catalog.history.count(id), photographs: catalog.media.linksOf(id).length, notices });
    renderCuratorPage(csrf, req, res, 'record', view, { title: view.title.value, section: 'records' });
  });

  router.get('/records/:id/edit', requireRole('editor'), (req, res) => {
    const lang = res.locals.lang as Lang;
    const stored = catalog.getRecord(routeParam(req, 'id'));
    if (!stored) throw new NotFoundError('curator.error.no_record');
    const view = presentRecordForm({ lang, id: stored.record.id, values: formValuesOf(stored.record), version: catalog.history.latest(stored.record.id)?.versionNo ?? 0 });
    renderForm(req, res, view, translate(lang, 'curator.form.edit_title', { title: recordTitle(stored.record, lang).value }));
  });

  router.post('/records/:id', requireRole('editor'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const id = routeParam(req, 'id');
    const form = formFields(req);
    const openedAt = Number(form.version);
    if (!Number.isInteger(openedAt) || openedAt < 0) throw new BadRequestError('curator.error.bad_request');
    const stored = catalog.getRecord(id);
    if (!stored) throw new NotFoundError('curator.error.no_record');
    const values = postedValues(form, stored.record);
    const outcome: SaveOutcome = await saveEdit(site, id, values, openedAt, actorOf(res));
    switch (outcome.status) {
      case 'saved':
        return res.redirect(303, withNotice(curatorRecordHref(id), outcome.action === 'unchanged' ? 'unchanged' : 'saved', outcome.indexed));
      case 'not_found':
        throw new NotFoundError('curator.error.no_record');
      case 'invalid': {
        const view = presentRecordForm({ lang, id, values, version: openedAt, problems: outcome.problems, warnings: outcome.warnings });
        return renderForm(req, res, view, translate(lang, 'curator.form.edit_title', { title: id }), 400);
      }
      case 'conflict': {
        // The form comes back merged with what is stored now, answering to the latest version.
        const latest = catalog.history.latest(id)?.versionNo ?? openedAt;
        const current = catalog.getRecord(id)?.record;
        const merged = current ? mergeEdit(catalog.history.get(id, openedAt)?.after?.record, current, values) : { values, clashes: [] };
        const view = presentRecordForm({ lang, id, values: merged.values, version: latest, clashes: merged.clashes });
        return renderForm(req, res, { ...view, conflict: presentConflict(outcome.since, lang) }, translate(lang, 'curator.form.edit_title', { title: id }), 409);
      }
      default:
        throw new ConflictError('curator.error.bad_request');
    }
  });

  router.post('/records/:id/visibility', requireRole('editor'), async (req, res) => {
    const id = routeParam(req, 'id');
    if (!catalog.getRecord(id)) throw new NotFoundError('curator.error.no_record');
    const visibility = visibilityOf(formFields(req));
    const written = await writeArchive(site, 'visibility', () => catalog.setVisibility([id], visibility, { actor: actorOf(res) }).get(id));
    const code = written.value === 'unchanged' ? 'visibility_unchanged' : visibility.state === 'public' ? 'published' : visibility.state === 'hidden' ? 'withdrawn' : 'embargoed';
    res.redirect(303, withNotice(curatorRecordHref(id), code, written.indexed));
  });

  router.post('/records/:id/delete', requireRole('admin'), async (req, res) => {
    const id = routeParam(req, 'id');
    const reason = formFields(req).reason?.trim();
    if (!reason) throw new BadRequestError('curator.error.delete_reason');
    if (!catalog.getRecord(id)) throw new NotFoundError('curator.error.no_record');
    const written = await writeArchive(site, 'delete', () => catalog.deleteRecords([id], { actor: actorOf(res), reason: reason.slice(0, 500) }));
    res.redirect(303, withNotice(curatorRecordHref(id), 'deleted', written.indexed));
  });

  function renderForm(req: Request, res: Response, view: object, title: string, status = 200): void {
    renderCuratorPage(csrf, req, res, 'record-form', view, { title, section: 'records', status });
  }

  return router;
}

/** `public`, `hidden`, or `embargoed` with a date in the future. @throws BadRequestError otherwise. */
function visibilityOf(form: Readonly<Record<string, string>>): Visibility {
  switch (form.visibility) {
    case 'public':
      return PUBLIC;
    case 'hidden':
      return HIDDEN;
    case 'embargoed': {
      const parsed = parseVisibility(form.until ?? '');
      if (!parsed.ok || parsed.visibility.state !== 'embargoed') throw new BadRequestError('curator.error.bad_until', { received: form.until ?? '' });
      if (isPublicNow(parsed.visibility)) throw new BadRequestError('curator.error.until_past', { until: parsed.visibility.until!.slice(0, 10) });
      return parsed.visibility;
    }
    default:
      throw new BadRequestError('curator.error.bad_visibility');
  }
}
