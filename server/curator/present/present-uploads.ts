/**
 * The upload pages: the list of recent uploads with the form to send one, and an upload's
 * mapping page — how its file was read (encoding and how it was decided, a workbook's sheets),
 * its first rows decoded, each column's field (chosen by name, changeable), the list separator,
 * the import mode, saved mappings, and the dry runs and imports already run from it.
 */
import type { ImportJob } from '../../../core/catalog/import-jobs.ts';
import type { MappingProfile } from '../../../core/catalog/mapping-profiles.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { IMPORT_TARGETS, LIST_SEPARATORS } from '../../../core/schema/column-mapping.ts';
import { IMPORT_MODES } from '../../../ingest/import-policy.ts';
import type { JobSpec } from '../../../ingest/jobs/run-import-job.ts';
import { isUnsure, otherCandidates } from '../../../ingest/read/detect-encoding.ts';
import { ENCODING_INFO, encodingLabel, TEXT_ENCODINGS } from '../../../ingest/read/text-encodings.ts';
import type { CuratorUpload } from '../uploads/upload-service.ts';
import { fieldLabel } from './present-record-form.ts';

export function uploadHref(id: number, tail = ''): string {
  return `/curator/uploads/${id}${tail}`;
}

export function jobHref(id: number, tail = ''): string {
  return `/curator/jobs/${id}${tail}`;
}

function shownTime(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}

function presentJobLine(job: ImportJob<unknown, unknown>, lang: Lang) {
  return {
    href: jobHref(job.id),
    label: translate(lang, job.kind === 'dry_run' ? 'upload.job_dry_run' : 'upload.job_import', { id: job.id }),
    status: translate(lang, `upload.status_${job.status}` as MessageKey),
    at: shownTime(job.createdAt),
  };
}

/** The uploads page. */
export function presentUploadList(uploads: readonly CuratorUpload[], lang: Lang, maxMegabytes: number) {
  return {
    uploads: uploads.map((upload) => ({
      href: uploadHref(upload.id),
      id: upload.id,
      at: shownTime(upload.createdAt),
      by: upload.createdBy,
      files: upload.files.map((file) => file.name).join(', '),
      status: translate(lang, `upload.upload_status_${upload.status}` as MessageKey),
    })),
    empty: uploads.length === 0,
    limits: translate(lang, 'upload.limits', { maximum: maxMegabytes }),
  };
}

export interface MappingPageInput {
  upload: CuratorUpload;
  jobs: readonly ImportJob<JobSpec>[];
  profiles: readonly MappingProfile[];
  lang: Lang;
  notices: string[];
  problem?: string;
}

/** An upload's mapping page. */
export function presentMappingPage({ upload, jobs, profiles, lang, notices, problem }: MappingPageInput) {
  const analysis = upload.analysis ?? { recordFiles: [], photos: 0, columns: [], rows: [] };
  const settings = upload.settings ?? { mode: 'upsert' as const };
  const detected = analysis.encoding;
  const targets = IMPORT_TARGETS.map((target) => ({ value: target, label: `${fieldLabel(target, lang)} (${target})` }));
  return {
    id: upload.id,
    action: uploadHref(upload.id),
    notices,
    problem,
    imported: upload.status === 'imported',
    files: upload.files.map((file) => ({ name: file.name, size: translate(lang, 'upload.kilobytes', { size: Math.max(1, Math.round(file.bytes / 1024)) }), sha256: file.sha256 })),
    recordFiles: analysis.recordFiles.join(', '),
    photos: analysis.photos,
    refusal: analysis.refusal && translate(lang, analysis.refusal.key, analysis.refusal.params),
    readAs: detected && {
      label: encodingLabel(detected.encoding),
      how: translate(lang, `upload.encoding_how_${detected.how}` as MessageKey, { confidence: detected.confidence ?? 0 }),
      unsure: isUnsure(detected) ? translate(lang, 'upload.encoding_unsure', { confidence: detected.confidence ?? 0, candidates: otherCandidates(detected).map(encodingLabel).join(', ') }) : undefined,
    },
    encodingOptions: [
      { value: '', label: translate(lang, 'upload.encoding_detect'), selected: !settings.encoding },
      ...TEXT_ENCODINGS.map((encoding) => ({ value: ENCODING_INFO[encoding].names[0], label: encodingLabel(encoding), selected: settings.encoding === encoding })),
    ],
    textFile: analysis.format !== undefined && analysis.format !== 'xlsx',
    sheetOptions: analysis.sheets?.map((sheet) => ({
      value: sheet.name,
      label: translate(lang, 'upload.sheet_option', { name: sheet.name, rows: sheet.rows }),
      selected: settings.sheet === sheet.name,
    })),
    columns: analysis.columns.map((column, index) => ({
      name: `column_${index}`,
      header: column.header,
      how: translate(lang, `upload.column_${column.how}` as MessageKey),
      options: [{ value: '-', label: translate(lang, 'upload.leave_out'), selected: !column.target }, ...targets.map((target) => ({ ...target, selected: target.value === column.target }))],
    })),
    rows: analysis.rows.map((row) => ('problem' in row ? { line: row.line, problem: translate(lang, row.problem.key, row.problem.params) } : { line: row.line, cells: row.cells })),
    separatorOptions: LIST_SEPARATORS.map((separator) => ({ value: separator, label: separator, selected: (settings.mapping?.separator ?? ';') === separator })),
    modeOptions: IMPORT_MODES.map((mode) => ({ value: mode, label: translate(lang, `upload.mode_${mode}` as MessageKey), selected: settings.mode === mode })),
    profiles: profiles.map((profile) => ({ value: profile.name, label: profile.name })),
    jobs: [...jobs].reverse().map((job) => presentJobLine(job, lang)),
  };
}
