/**
 * `/curator/jobs/:id`: a dry run or an import run by the import worker — its progress while it
 * runs (the page refreshes itself every two seconds, with or without JavaScript), its report
 * when it ends; `/report.csv`, and `POST …/cancel` (the worker stops after the batch it is
 * writing; a queued job is cancelled at once). Editors and admins only.
 */
import { existsSync } from 'node:fs';
import { Router, type Request } from 'express';
import type { ImportJob } from '../../../core/catalog/import-jobs.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import type { JobResult, JobSpec } from '../../../ingest/jobs/run-import-job.ts';
import { DEFAULT_UPLOAD_SETTINGS } from '../../../ingest/uploads/upload-settings.ts';
import { NotFoundError } from '../../errors.ts';
import { queryParams } from '../../params/query-params.ts';
import type { CuratorContext } from '../curator-context.ts';
import { routeParam } from '../form-fields.ts';
import { requireRole } from '../middleware/require-role.ts';
import { isFinished, presentJobPage, type JobReport } from '../present/present-job.ts';
import { presentNotice, withNotice } from '../present/present-notice.ts';
import { jobHref } from '../present/present-uploads.ts';
import { renderCuratorPage } from '../render-curator-page.ts';
import { readImportReport, reportPath } from '../services/read-import-report.ts';

/** Seconds between the refreshes of a page whose job has not finished. */
const REFRESH_SECONDS = 2;

export function jobRoutes({ site, csrf }: CuratorContext): Router {
  const router = Router();
  const { catalog, config } = site;
  const jobOf = (req: Request): ImportJob<JobSpec, JobResult> => {
    const text = routeParam(req, 'id');
    const job = /^[1-9]\d{0,12}$/.test(text) ? catalog.jobs.get<JobSpec, JobResult>(Number(text)) : undefined;
    if (!job) throw new NotFoundError('upload.no_job');
    return job;
  };
  /** The dry run is the upload's latest, its settings are still the upload's, and no import was started from the upload. */
  const canImport = (job: ImportJob<JobSpec, JobResult>) => {
    if (job.kind !== 'dry_run' || job.status !== 'done' || job.uploadId === undefined) return false;
    const upload = catalog.uploads.get(job.uploadId);
    const jobs = catalog.jobs.ofUpload<JobSpec>(job.uploadId);
    const imported = jobs.some((other) => other.kind === 'import' && other.status !== 'cancelled' && other.status !== 'failed');
    return upload?.status === 'ready' && !imported && JSON.stringify(upload.settings ?? DEFAULT_UPLOAD_SETTINGS) === JSON.stringify(job.spec.settings);
  };

  router.get('/jobs/:id', requireRole('editor'), async (req, res) => {
    const lang = res.locals.lang as Lang;
    const job = jobOf(req);
    const report = job.report ? ((await readImportReport(config.reportsDir, { report: job.report })) as JobReport | undefined) : undefined;
    const view = presentJobPage({ job, report, waiting: catalog.jobs.queuedBefore(job.id), canImport: canImport(job), canCancel: true, lang, notices: presentNotice(queryParams(req), lang) });
    if (!isFinished(job)) res.set('Refresh', String(REFRESH_SECONDS));
    renderCuratorPage(csrf, req, res, 'job', view, { title: view.title, section: 'uploads' });
  });

  router.get('/jobs/:id/report.csv', requireRole('editor'), (req, res) => {
    const job = jobOf(req);
    const file = job.report ? reportPath(config.reportsDir, { report: job.report }, 'csv') : undefined;
    if (!file || !existsSync(file)) throw new NotFoundError('curator.error.no_report');
    res.attachment(`${job.kind === 'dry_run' ? 'dry-run' : 'import'}-${job.id}-report.csv`).sendFile(file);
  });

  router.post('/jobs/:id/cancel', requireRole('editor'), (req, res) => {
    const job = jobOf(req);
    catalog.jobs.requestCancel(job.id);
    site.logger.info({ job: job.id }, 'import job cancel requested');
    res.redirect(303, withNotice(jobHref(job.id), 'cancel_requested'));
  });

  return router;
}

