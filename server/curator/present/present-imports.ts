/**
 * The import history in the browser: who ran each import, when and for how long, its sources,
 * counts and status, and its report (each problem with its file, line and reason in the curator's
 * language, as the CLI and the report's CSV give them). Undoing follows the CLI's rules.
 */
import type { ImportEntry, ImportStatus } from '../../../core/catalog/import-log.ts';
import type { LaterChange, UndoRefusal } from '../../../core/catalog/undo-import.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../../core/i18n/translate.ts';
import { presentProvenance, presentProvenanceSummary } from './present-import-provenance.ts';
import { curatorRecordHref } from './present-record-list.ts';

/** One entry of a report file, as written by ingest/write-report.ts. */
export interface ReportFileEntry {
  file: string;
  line?: number;
  id?: string;
  severity: 'error' | 'media' | 'warning';
  field?: string;
  message: { key: MessageKey; params?: MessageParams };
}

export interface ReportFile {
  files: { file: string; rows: number; created: number; updated: number; unchanged: number; failed: number; refused?: { key: MessageKey; params?: MessageParams }; unknownColumns: string[] }[];
  entries: ReportFileEntry[];
  entriesNotListed: number;
}

/** Each status's words; `cancelled` is a web import stopped by its curator (the uploads' jobs). */
const STATUS_LABELS: Readonly<Record<ImportStatus | 'cancelled', MessageKey>> = {
  running: 'curator.imports.status_running',
  done: 'curator.imports.status_done',
  failed: 'curator.imports.status_failed',
  interrupted: 'curator.imports.status_interrupted',
  cancelled: 'curator.imports.status_cancelled',
  undone: 'curator.imports.status_undone',
};

/** Problems listed on the page; the CSV download has them all. */
const ENTRIES_SHOWN = 500;
const CHANGES_SHOWN = 50;

/** The workspace address of an import (and of its parts: `/undo`, `/report.csv`). */
export function importHref(id: number, tail = ''): string {
  return `/curator/imports/${id}${tail}`;
}

function duration(entry: ImportEntry, lang: Lang): string {
  if (!entry.finishedAt) return '—';
  const seconds = Math.max(0, Math.round((Date.parse(entry.finishedAt) - Date.parse(entry.startedAt)) / 1000));
  return translate(lang, 'curator.imports.seconds', { seconds });
}

function presentSummary(entry: ImportEntry, lang: Lang) {
  const totals = entry.summary ?? { created: 0, updated: 0, unchanged: 0, failed: 0 };
  return {
    id: entry.id,
    href: importHref(entry.id),
    startedAt: entry.startedAt.slice(0, 19).replace('T', ' '),
    duration: duration(entry, lang),
    actor: entry.actor ?? '—',
    sources: entry.sources.join(', '),
    ...presentProvenanceSummary(entry, lang),
    status: translate(lang, STATUS_LABELS[entry.status]),
    statusCode: entry.status,
    counts: translate(lang, 'curator.imports.counts', { created: totals.created, updated: totals.updated, unchanged: totals.unchanged, failed: totals.failed }),
  };
}

/** The import history page. */
export function presentImportList(entries: readonly ImportEntry[], lang: Lang, olderHref: string | undefined) {
  return { imports: entries.map((entry) => presentSummary(entry, lang)), olderHref, empty: entries.length === 0 };
}

export interface ImportPageInput {
  entry: ImportEntry;
  report?: ReportFile;
  lang: Lang;
  canUndo: boolean;
  notices: string[];
  refusal?: UndoRefusal;
}

/** One import: its facts, the undo form (or why it was refused), its report. */
export function presentImportPage({ entry, report, lang, canUndo, notices, refusal }: ImportPageInput) {
  return {
    ...presentSummary(entry, lang),
    notices,
    error: entry.summary?.error,
    undoneAt: entry.undoneAt,
    undoAction: canUndo && entry.status !== 'undone' && entry.status !== 'running' ? importHref(entry.id, '/undo') : undefined,
    refusal: refusal && presentRefusal(refusal, lang),
    reportMissing: !report,
    csvHref: report ? importHref(entry.id, '/report.csv') : undefined,
    ...presentProvenance(entry, lang),
    ...presentReport(report, lang),
  };
}

/** A report's files and problems (an import's, a dry run's), each problem in the curator's language. */
export function presentReport(report: Pick<ReportFile, 'files' | 'entries' | 'entriesNotListed'> | undefined, lang: Lang) {
  const render = (message: { key: MessageKey; params?: MessageParams }) => translate(lang, message.key, message.params);
  const entries = report?.entries ?? [];
  return {
    files: (report?.files ?? []).map((file) => ({
      file: file.file,
      counts: translate(lang, 'curator.imports.file_counts', { rows: file.rows, created: file.created, updated: file.updated, unchanged: file.unchanged, failed: file.failed }),
      refused: file.refused && render(file.refused),
      unknownColumns: file.unknownColumns.join(', '),
    })),
    problemSummary: report && translate(lang, 'curator.imports.problem_count', { count: entries.length + report.entriesNotListed }),
    problems: entries.slice(0, ENTRIES_SHOWN).map((problem) => ({
      file: problem.file,
      line: problem.line ?? '',
      id: problem.id ?? '',
      severity: translate(lang, `curator.imports.severity_${problem.severity}` as MessageKey),
      message: render(problem.message),
    })),
    moreProblems: entries.length > ENTRIES_SHOWN ? translate(lang, 'curator.imports.more_problems', { count: entries.length + (report?.entriesNotListed ?? 0) - ENTRIES_SHOWN }) : undefined,
  };
}

function presentRefusal(refusal: UndoRefusal, lang: Lang) {
  switch (refusal.reason) {
    case 'unknown_import':
      return { message: translate(lang, 'curator.undo.unknown', { id: refusal.importId }) };
    case 'already_undone':
      return { message: translate(lang, 'curator.undo.already_undone', { id: refusal.importId, at: refusal.undoneAt }) };
    case 'still_running':
      return { message: translate(lang, 'curator.undo.still_running', { id: refusal.importId }) };
    case 'later_changes':
      return {
        message: translate(lang, 'curator.undo.later_changes', { id: refusal.importId, count: refusal.changes.length }),
        changes: refusal.changes.slice(0, CHANGES_SHOWN).map((change: LaterChange) => ({
          text: translate(lang, 'undo.later_change', { id: change.id, version: change.versionNo, at: change.at, actor: change.actor }),
          href: change.kind === 'record' ? curatorRecordHref(change.id, '/history') : undefined,
        })),
        more: refusal.changes.length > CHANGES_SHOWN ? translate(lang, 'curator.imports.more_problems', { count: refusal.changes.length - CHANGES_SHOWN }) : undefined,
        offerForce: true,
      };
  }
}
