/**
 * `/curator/uploads`: send files (record files, photographs, a ZIP of both), read how the
 * archive reads them and map their columns, then preview (a dry run) and import — each run a
 * job of the import worker (job-routes.ts shows it). Editors and admins only.
 *
 * The upload itself is multipart, which the workspace's form parser does not read: its route is
 * mounted before the CSRF check (create-curator-router.ts) and checks the form's token itself,
 * before it writes a byte (receive-upload.ts).
 */
import { Router, type Request, type Response } from 'express';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { IMPORT_LIMITS } from '../../../ingest/archive/import-limits.ts';
import type { JobSpec } from '../../../ingest/jobs/run-import-job.ts';
import type { UploadAnalysis } from '../../../ingest/uploads/analyse-upload.ts';
import type { UploadSettings } from '../../../ingest/uploads/upload-settings.ts';
import { queryParams } from '../../params/query-params.ts';
import type { CuratorContext } from '../curator-context.ts';
import { ConflictError } from '../curator-errors.ts';
import { formFields, routeParam } from '../form-fields.ts';
import { sessionOf } from '../middleware/read-session.ts';
import { requireRole } from '../middleware/require-role.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { jobHref, presentMappingPage, presentUploadList, uploadHref } from '../present/present-uploads.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { receiveUpload } from '../uploads/receive-upload.ts';
import { acceptUpload, analyse, carryProfile, queueDryRun, queueImport, saveProfile, settingsOfForm, uploadOf, withProfile } from '../uploads/upload-service.ts';

const RECENT = 30;
const actorOf = (res: Response) => `user:${sessionOf(res)!.user.name}`;

/** `POST /uploads`: mounted before the workspace's CSRF check, which it makes itself. */
export function uploadReceiveRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  router.post('/uploads', requireRole('editor'), async (req, res) => {
    const checkToken = (token: string) =>
      new Promise<void>((resolve, reject) => {
        req.body = { _csrf: token };
        csrf.protect(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve()));
      });
    const received = await receiveUpload(req, site.config.uploadsDir, { maxBytes: site.config.uploadMaxBytes, maxFiles: IMPORT_LIMITS.uploadFiles }, checkToken);
    const id = await acceptUpload(site.catalog, site.config.uploadsDir, received, actorOf(res));
    site.logger.info({ upload: id, files: received.files.length, by: actorOf(res) }, 'upload received');
    res.redirect(303, uploadHref(id));
  });
  return router;
}

/** The uploads list, an upload's mapping page and its posts. */
export function uploadRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  const { catalog, config } = site;
  const uploadParam = (req: Request) => uploadOf(catalog, Number(routeParam(req, 'id')));
  const renderMapping = (req: Request, res: Response, problem?: string, status = 200) => {
    const lang = res.locals.lang as Lang;
    const upload = uploadParam(req);
    const view = presentMappingPage({ upload, jobs: catalog.jobs.ofUpload<JobSpec>(upload.id), profiles: catalog.mappings.list(), lang, notices: presentNotice(queryParams(req), lang), ...(problem && { problem }) });
    renderCuratorPage(csrf, req, res, 'upload', view, { title: translate(lang, 'upload.one_title', { id: upload.id }), section: 'uploads', status });
  };

  router.get('/uploads', requireRole('editor'), (req, res) => {
    const lang = res.locals.lang as Lang;
    const view = presentUploadList(catalog.uploads.recent<UploadAnalysis, UploadSettings>(RECENT), lang, Math.round(config.uploadMaxBytes / 1024 / 1024));
    renderCuratorPage(csrf, req, res, 'uploads', view, { title: translate(lang, 'upload.title'), section: 'uploads' });
  });

  router.get('/uploads/:id', requireRole('editor'), (req, res) => renderMapping(req, res));

  router.post('/uploads/:id', requireRole('editor'), async (req, res) => {
    const upload = uploadParam(req);
    if (upload.status === 'imported') throw new ConflictError('upload.already_imported');
    const fields = formFields(req);
    let settings = carryProfile(catalog, upload.settings, settingsOfForm(fields, upload.analysis ?? { recordFiles: [], photos: 0, columns: [], rows: [] }));
    if (fields.action === 'apply_profile') settings = withProfile(catalog, settings, fields.profile ?? '');
    const saved = fields.save_as ? saveProfile(catalog, fields.save_as, settings.mapping, actorOf(res)) : undefined;
    if (saved) settings = { ...settings, profile: saved };
    await analyse(catalog, config.uploadsDir, upload.id, settings);
    if (fields.action === 'dry_run') return res.redirect(303, jobHref(queueDryRun(catalog, config.uploadsDir, uploadOf(catalog, upload.id), actorOf(res))));
    res.redirect(303, withNotice(uploadHref(upload.id), saved ? 'profile_saved' : fields.action === 'apply_profile' ? 'profile_applied' : 'reread'));
  });

  router.post('/uploads/:id/import', requireRole('editor'), (req, res) => {
    const upload = uploadParam(req);
    const jobId = queueImport(catalog, config.uploadsDir, upload, Number(formFields(req).dry_run), actorOf(res));
    res.redirect(303, jobHref(jobId));
  });

  return router;
}
