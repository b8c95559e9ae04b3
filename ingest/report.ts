/**
 * What an import did, file by file and row by row, kept as message keys so it can be shown in
 * either language and written as JSON (for tools) and CSV (for curators' spreadsheets).
 */
import type { AppliedColumn } from '../core/catalog/import-log.ts';
import type { MessageKey } from '../core/i18n/messages.ts';
import { translate, type Lang } from '../core/i18n/translate.ts';
import type { FieldProblem } from '../core/schema/problems.ts';
import type { RecordChanges } from './preview-changes.ts';
import type { EncodingChoice } from './read/detect-encoding.ts';
import type { Message } from './read/source-item.ts';

/** error: the row was not imported; media: the record was imported without an image; warning: imported with a change. */
export type Severity = 'error' | 'media' | 'warning';

export interface ReportEntry {
  file: string;
  line?: number;
  id?: string;
  severity: Severity;
  field?: string;
  message: Message;
}

export interface FileSummary {
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Set when the whole file was refused; nothing from it was imported. */
  refused?: Message;
  unknownColumns: string[];
  /** How a text file was decoded (absent for workbooks and refused files). */
  encoding?: EncodingChoice;
  /** The run was cancelled while this file was being imported: the rows after `rows` done were not read. */
  cancelled?: boolean;
  /** Each column's field as the file was read (chosen by the curator or matched by name). */
  columns?: AppliedColumn[];
}

/** Entries kept in memory and written out; past this they are only counted. */
const MAX_ENTRIES = 100_000;
/** A dry run's previewed updates kept with their field changes; past this they are only counted. */
const MAX_CHANGES = 10_000;

export class IngestReport {
  readonly entries: ReportEntry[] = [];
  readonly files: FileSummary[] = [];
  entriesDropped = 0;
  /** A dry run's updates, field by field (preview-changes.ts). */
  readonly changes: RecordChanges[] = [];
  changesDropped = 0;
  /** Updates (of a dry run) that would empty a field the file has no column for. */
  emptyingUpdates = 0;
  /** The run stopped early because it was cancelled: whole batches were kept. */
  cancelled = false;
  /** The import's id in the history (what `ingest --undo` takes); none for a dry run. */
  importId: number | undefined;

  add(entry: ReportEntry): void {
    if (this.entries.length < MAX_ENTRIES) this.entries.push(entry);
    else this.entriesDropped++;
  }

  addChanges(changes: RecordChanges): void {
    if (changes.emptiedUnmapped.length > 0) this.emptyingUpdates++;
    if (this.changes.length < MAX_CHANGES) this.changes.push(changes);
    else this.changesDropped++;
  }

  addFieldProblem(file: string, line: number, id: string | undefined, severity: Severity, problem: FieldProblem): void {
    const message = { key: `problem.${problem.code}` as MessageKey, params: { field: problem.field, received: problem.received, ...problem.params } };
    this.add({ file, line, id, severity, field: problem.field, message });
  }

  totals(): Pick<FileSummary, 'created' | 'updated' | 'unchanged' | 'failed'> {
    const sum = (key: 'created' | 'updated' | 'unchanged' | 'failed') => this.files.reduce((total, file) => total + file[key], 0);
    return { created: sum('created'), updated: sum('updated'), unchanged: sum('unchanged'), failed: sum('failed') };
  }

  /** True when anything was refused: a row, a file or an image. */
  hasFailures(): boolean {
    return this.files.some((file) => file.failed > 0 || file.refused) || this.entries.some((entry) => entry.severity !== 'warning');
  }

  render(entry: ReportEntry, lang: Lang): string {
    return translate(lang, entry.message.key, entry.message.params);
  }
}
