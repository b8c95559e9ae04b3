/**
 * Runs one job of the import worker: an upload's dry run or its import, through the same import
 * core as the command line (runIngest) with the settings the curator chose. Progress goes to the
 * job's row as the import reports it (at most a few times a second); a cancel asked for on the
 * page stops the run after the batch it is writing (whole batches kept, the import undoable).
 * The report is written where the CLI writes its reports and named in the job.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Catalog } from '../../core/catalog/catalog.ts';
import type { ImportJob, JobProgress } from '../../core/catalog/import-jobs.ts';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/log.ts';
import type { SearchEngine } from '../../core/search/types.ts';
import { runIngest } from '../run-ingest.ts';
import { readOptionsOfSettings, type UploadSettings } from '../uploads/upload-settings.ts';
import { writeReport } from '../write-report.ts';

/** What the page asked the worker to do. */
export interface JobSpec {
  uploadId: number;
  /** The upload's folder, absolute. */
  folder: string;
  settings: UploadSettings;
  /** Who asked (`user:NAME`), recorded as the import's actor. */
  actor: string;
  /** An import started again after the server stopped during job `resumes`. */
  resumes?: number;
}

export interface JobResult {
  totals: { created: number; updated: number; unchanged: number; failed: number };
  failed: boolean;
  cancelled: boolean;
  importId?: number;
  emptyingUpdates?: number;
  error?: string;
}

export interface JobParts {
  catalog: Catalog;
  engine: SearchEngine;
  config: Config;
  logger: Logger;
}

/** Progress is written at most this often (each write is a small catalog transaction). */
const PROGRESS_EVERY_MS = 250;

export async function runImportJob(job: ImportJob<JobSpec>, { catalog, engine, config, logger }: JobParts): Promise<void> {
  const dryRun = job.kind === 'dry_run';
  const { spec } = job;
  const controller = new AbortController();
  let written = 0;
  const progress = (update: JobProgress, force = false) => {
    // Asked at every step (one small read), so a cancel takes effect at the next batch boundary.
    if (catalog.jobs.isCancelRequested(job.id)) controller.abort();
    if (!force && Date.now() - written < PROGRESS_EVERY_MS) return;
    written = Date.now();
    catalog.jobs.setProgress(job.id, update);
  };
  const started = Date.now();
  const upload = catalog.uploads.get(spec.uploadId);
  progress({ phase: 'reading', done: 0, total: 0 }, true);
  try {
    const { report } = await runIngest({
      catalog,
      engine,
      actor: spec.actor,
      paths: [spec.folder],
      displayRoot: spec.folder,
      dryRun,
      mode: spec.settings.mode,
      read: readOptionsOfSettings(spec.settings),
      signal: controller.signal,
      provenance: { ...(upload && { files: upload.files }), ...(spec.settings.profile && { profile: spec.settings.profile }) },
      scratchDir: path.join(config.dataDir, 'scratch'),
      media: { mediaDir: config.mediaDir, publishOriginals: config.publishOriginals },
      onProgress: ({ file, done, total, images }) =>
        progress({ phase: images ? 'images' : 'rows', file, done, total, ...(images && { images }), rate: Math.round((done * 1000) / Math.max(1, Date.now() - started)) }),
      onWaitForWriter: () => progress({ phase: 'waiting', done: 0, total: 0 }, true),
    });
    progress({ phase: 'report', done: 0, total: 0 }, true);
    const files = await writeReport(report, config.reportsDir, { dryRun, catalog });
    const result: JobResult = {
      totals: report.totals(),
      failed: report.hasFailures(),
      cancelled: report.cancelled,
      ...(report.importId !== undefined && { importId: report.importId }),
      ...(dryRun && { emptyingUpdates: report.emptyingUpdates }),
    };
    if (report.importId !== undefined) catalog.jobs.setImportId(job.id, report.importId);
    catalog.jobs.finish(job.id, report.cancelled ? 'cancelled' : 'done', { report: path.basename(files.json, '.json'), result });
    if (!dryRun && !report.cancelled) await finishUpload(catalog, spec);
    logger.info({ job: job.id, kind: job.kind, upload: spec.uploadId, totals: result.totals, cancelled: result.cancelled, ms: Date.now() - started }, 'import job finished');
  } catch (error) {
    logger.error({ err: error, job: job.id, kind: job.kind, upload: spec.uploadId }, 'import job failed');
    catalog.jobs.finish(job.id, 'failed', { result: { totals: { created: 0, updated: 0, unchanged: 0, failed: 0 }, failed: true, cancelled: false, error: (error as Error).message.slice(0, 500) } });
  }
}

/** An imported upload's files are in the archive now (photographs in the media store): its folder goes. */
async function finishUpload(catalog: Catalog, spec: JobSpec): Promise<void> {
  catalog.uploads.setStatus(spec.uploadId, 'imported');
  await rm(spec.folder, { recursive: true, force: true });
}
