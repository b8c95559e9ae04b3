/**
 * A job's page: queued (how many wait before it), running (phase, file, rows and photographs
 * done of all, rate), or finished — the counts, each problem with its line and reason, a dry
 * run's field-level diff of every update, the report's CSV, and what can be done next (run the
 * import that was previewed, open the import to undo it, resume an interrupted one).
 */
import type { FieldChange } from '../../../core/catalog/diff-states.ts';
import type { ImportJob } from '../../../core/catalog/import-jobs.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import type { JobResult, JobSpec } from '../../../ingest/jobs/run-import-job.ts';
import { fieldLabel } from './present-record-form.ts';
import { importHref, presentReport, type ReportFile } from './present-imports.ts';
import { jobHref, uploadHref } from './present-uploads.ts';

/** Updates shown with their changes; the report's JSON has them all. */
const UPDATES_SHOWN = 100;

/** A dry run's report: the import's report and each previewed update's changes. */
export interface JobReport extends ReportFile {
  changes?: { file: string; line: number; id: string; changes: FieldChange[]; emptiedUnmapped: string[] }[];
  changesNotListed?: number;
}

export interface JobPageInput {
  job: ImportJob<JobSpec, JobResult>;
  report?: JobReport;
  /** Jobs queued before it. */
  waiting: number;
  /** The upload's settings are still those of this dry run, and nothing was imported from it yet. */
  canImport: boolean;
  canCancel: boolean;
  lang: Lang;
  notices: string[];
}

export function isFinished(job: ImportJob<unknown, unknown>): boolean {
  return job.status !== 'queued' && job.status !== 'running';
}

/** The job page's view-model. */
export function presentJobPage({ job, report, waiting, canImport, canCancel, lang, notices }: JobPageInput) {
  const progress = job.progress;
  const finished = isFinished(job);
  const totals = job.result?.totals;
  const dryRun = job.kind === 'dry_run';
  return {
    id: job.id,
    title: translate(lang, dryRun ? 'upload.job_dry_run' : 'upload.job_import', { id: job.id }),
    notices,
    uploadHref: job.uploadId === undefined ? undefined : uploadHref(job.uploadId),
    status: translate(lang, `upload.status_${job.status}` as MessageKey),
    running: !finished,
    waiting: job.status === 'queued' && translate(lang, 'upload.waiting', { count: waiting }),
    progress: job.status === 'running' && progress && {
      phase: translate(lang, `upload.phase_${progress.phase}` as MessageKey),
      file: progress.file,
      done: progress.done,
      total: progress.total,
      text: translate(lang, 'upload.progress_rows', { done: progress.done, total: progress.total, rate: progress.rate ?? 0 }),
      images: progress.images && { done: progress.images.done, total: progress.images.total, text: translate(lang, 'upload.progress_images', progress.images) },
    },
    cancelAction: canCancel && !finished && !job.cancelRequested ? jobHref(job.id, '/cancel') : undefined,
    cancelRequested: !finished && job.cancelRequested,
    counts: totals && translate(lang, dryRun ? 'upload.would_counts' : 'curator.imports.counts', totals),
    error: job.result?.error,
    emptying: dryRun && (job.result?.emptyingUpdates ?? 0) > 0 ? translate(lang, 'upload.emptying_updates', { count: job.result!.emptyingUpdates! }) : undefined,
    csvHref: job.report ? jobHref(job.id, '/report.csv') : undefined,
    ...presentReport(report, lang),
    updates: (report?.changes ?? []).slice(0, UPDATES_SHOWN).map((update) => ({
      heading: translate(lang, 'upload.update_heading', { id: update.id, file: update.file, line: update.line }),
      changes: update.changes.map((change) => ({ label: fieldLabel(change.field, lang), name: change.field, before: change.before ?? '', after: change.after ?? '' })),
      emptied: update.emptiedUnmapped.length > 0 ? translate(lang, 'upload.emptied_fields', { fields: update.emptiedUnmapped.join(', ') }) : undefined,
    })),
    moreUpdates: (report?.changes?.length ?? 0) + (report?.changesNotListed ?? 0) > UPDATES_SHOWN ? translate(lang, 'upload.more_updates', { count: (report?.changes?.length ?? 0) + (report?.changesNotListed ?? 0) - UPDATES_SHOWN }) : undefined,
    importAction: canImport && job.uploadId !== undefined ? uploadHref(job.uploadId, '/import') : undefined,
    importHref: job.importId === undefined ? undefined : importHref(job.importId),
    resumedBy: job.status === 'interrupted' && typeof (job.result as { resumedBy?: number } | undefined)?.resumedBy === 'number' ? jobHref((job.result as unknown as { resumedBy: number }).resumedBy) : undefined,
  };
}
