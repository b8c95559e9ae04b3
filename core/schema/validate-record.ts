/**
 * Turns one raw row (CSV cells are strings; JSON gives numbers and arrays too) into a valid
 * `ArchiveRecord`, or the list of problems that stop it. Two steps: coerce each known field by
 * its kind (years, numbers, `;` lists, vocabulary labels), then let the zod schema check bounds.
 */
import type * as z from 'zod';
import { CATALOG_COLUMNS, fieldMeta, MAX_IDENTIFIER_LENGTH, recordSchema, RECORD_FIELDS, type ArchiveRecord, type RecordField } from './record.ts';
import { toRecordId } from './record-id.ts';
import { describeReceived, type FieldProblem } from './problems.ts';
import { geometrySchema, representativePoint } from './geometry.ts';
import { reconcilePeriod } from './reconcile-period.ts';
import { matchVocabulary, PROTECTION_LEVELS, RECORD_TYPES, type Vocabulary } from './vocabularies.ts';
import { parseYear } from './years.ts';

export type RawRow = Readonly<Record<string, unknown>>;

export type ValidationOutcome =
  | { ok: true; record: ArchiveRecord; warnings: FieldProblem[] }
  | { ok: false; problems: FieldProblem[]; warnings: FieldProblem[] };

const KNOWN_FIELDS = new Set<string>([...RECORD_FIELDS, ...CATALOG_COLUMNS]);
const LIST_SEPARATOR = ';';
const HIERARCHY_SEPARATORS = /\s*[/>›]\s*/;
/** Plain decimal notation only: `Number()` would also take `0x1e`, `0b1` and `1e1`. */
const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const VOCABULARIES: Partial<Record<RecordField, Vocabulary>> = { type: RECORD_TYPES, protection_level: PROTECTION_LEVELS };

/** Field names in `row` that the schema does not declare; they are ignored, never assigned. */
export function unknownFields(row: RawRow): string[] {
  return Object.keys(row).filter((name) => !KNOWN_FIELDS.has(name));
}

export function validateRecord(row: RawRow): ValidationOutcome {
  const problems: FieldProblem[] = [];
  const warnings: FieldProblem[] = [];
  const candidate: Record<string, unknown> = {};
  for (const name of RECORD_FIELDS) {
    if (!Object.hasOwn(row, name)) continue;
    const value = coerceField(name, row[name], problems);
    if (value !== undefined) candidate[name] = value;
  }
  mapIds(candidate, problems, warnings);
  fillSingleYear(candidate);
  fillPointFromGeometry(candidate);
  const parsed = recordSchema.safeParse(candidate);
  if (parsed.success && problems.length === 0) {
    warnings.push(...reconcilePeriod(parsed.data));
    return { ok: true, record: parsed.data, warnings };
  }
  // Report every problem at once, but only one per field: a field that failed coercion is
  // missing from the candidate and would otherwise be reported again.
  const reported = new Set(problems.map((problem) => problem.field));
  for (const issue of parsed.error?.issues ?? []) {
    const problem = problemFromIssue(issue, candidate);
    if (!reported.has(problem.field)) problems.push(problem);
    reported.add(problem.field);
  }
  return { ok: false, problems, warnings };
}

/**
 * Notes the problem with field `name` (its value `raw`) and returns undefined: the field is left out.
 * A plain function rather than a closure made per cell: under tsx every closure is wrapped to keep
 * its name (esbuild's `__name`), and making one per cell was a tenth of validating a row.
 */
function failField(problems: FieldProblem[], name: RecordField, raw: unknown, code: FieldProblem['code'], params?: FieldProblem['params']): undefined {
  problems.push({ field: name, code, received: describeReceived(raw), ...(params && { params }) });
  return undefined;
}

function coerceField(name: RecordField, raw: unknown, problems: FieldProblem[]): unknown {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  const { kind } = fieldMeta(name);
  switch (kind) {
    case 'list': {
      const items = coerceList(raw);
      if (!items) return failField(problems, name, raw, 'wrong_type', { expected: 'list' });
      return items.length > 0 ? items : undefined;
    }
    case 'year': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return failField(problems, name, raw, 'wrong_type', { expected: 'year' });
      const parsed = parseYear(raw);
      return parsed.ok ? parsed.year : failField(problems, name, raw, `year_${parsed.reason}` as const);
    }
    case 'latitude':
    case 'longitude': {
      const number = typeof raw === 'number' ? raw : typeof raw === 'string' ? decimalOf(raw) : Number.NaN;
      return Number.isFinite(number) ? number : failField(problems, name, raw, 'not_a_number');
    }
    case 'vocabulary': {
      if (typeof raw !== 'string') return failField(problems, name, raw, 'wrong_type', { expected: 'text' });
      const vocabulary = VOCABULARIES[name] ?? [];
      return matchVocabulary(vocabulary, raw)?.key ?? failField(problems, name, raw, 'not_in_vocabulary', { options: vocabulary.map((e) => e.key).join(', ') });
    }
    case 'geometry':
      return coerceGeometry(raw) ?? failField(problems, name, raw, 'invalid_geometry');
    case 'hierarchy':
      if (typeof raw !== 'string') return failField(problems, name, raw, 'wrong_type', { expected: 'text' });
      return raw.trim().split(HIERARCHY_SEPARATORS).filter(Boolean).join('/');
    case 'id':
    case 'text':
      if (typeof raw === 'number') return String(raw);
      if (typeof raw !== 'string') return failField(problems, name, raw, 'wrong_type', { expected: 'text' });
      return raw.trim();
  }
}

function decimalOf(raw: string): number {
  const text = raw.normalize('NFKC').trim().replace(/^\u2212/, '-');
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** GeoJSON from a CSV cell (JSON text) or a JSON import (an object); the schema checks its shape. */
function coerceGeometry(raw: unknown): unknown {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return raw;
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function coerceList(raw: unknown): string[] | undefined {
  const items = typeof raw === 'string' ? raw.split(LIST_SEPARATOR) : Array.isArray(raw) ? raw : undefined;
  if (!items || !items.every((item) => typeof item === 'string' || typeof item === 'number')) return undefined;
  return [...new Set(items.map((item) => String(item).trim()).filter(Boolean))];
}

/** Ids and the ids that refer to records or collections are mapped to safe slugs the same way. */
function mapIds(candidate: Record<string, unknown>, problems: FieldProblem[], warnings: FieldProblem[]): void {
  if (typeof candidate.id === 'string') {
    const { id, mapped } = toRecordId(candidate.id);
    if (mapped && candidate.identifier === undefined && candidate.id.length > MAX_IDENTIFIER_LENGTH) {
      // Named as the id the curator wrote, not as the `identifier` it would have been kept in.
      problems.push({ field: 'id', code: 'too_long', received: describeReceived(candidate.id), params: { maximum: MAX_IDENTIFIER_LENGTH } });
    } else if (mapped) {
      warnings.push({ field: 'id', code: 'id_mapped', received: describeReceived(candidate.id), params: { id } });
      candidate.identifier ??= candidate.id;
      candidate.id = id;
    }
  }
  for (const name of ['related', 'collections'] as const) {
    const ids = candidate[name];
    if (Array.isArray(ids)) candidate[name] = ids.map((value: string) => toRecordId(value).id);
  }
}

/** A line without a point gets its middle position as its point, so it shows on maps and near-me searches. */
function fillPointFromGeometry(candidate: Record<string, unknown>): void {
  if (candidate.lat !== undefined || candidate.lon !== undefined) return;
  const geometry = geometrySchema.safeParse(candidate.geometry);
  if (geometry.success) Object.assign(candidate, representativePoint(geometry.data));
}

/** A record dated by one year (`start_year` or `end_year` alone) spans just that year. */
function fillSingleYear(candidate: Record<string, unknown>): void {
  // Never assign undefined: an undated record must not gain `start_year: undefined` keys.
  if (candidate.end_year === undefined) {
    if (candidate.start_year !== undefined) candidate.end_year = candidate.start_year;
  } else candidate.start_year ??= candidate.end_year;
}

function problemFromIssue(issue: z.core.$ZodIssue, candidate: Record<string, unknown>): FieldProblem {
  const field = String(issue.path[0] ?? 'record');
  const received = candidate[field] === undefined ? undefined : describeReceived(candidate[field]);
  if (field === 'geometry') return { field, code: 'invalid_geometry', ...(received !== undefined && { received }) };
  const withReceived = (problem: FieldProblem): FieldProblem => (received === undefined ? problem : { ...problem, received });
  switch (issue.code) {
    case 'custom':
      return withReceived({ field, code: (issue.params?.code as FieldProblem['code']) ?? 'invalid' });
    case 'too_big':
      if (issue.origin === 'array') return withReceived({ field, code: 'too_many_items', params: { maximum: Number(issue.maximum) } });
      if (issue.origin === 'string') return withReceived({ field, code: 'too_long', params: { maximum: Number(issue.maximum) } });
      return withReceived({ field, code: 'out_of_range', params: rangeOf(field) });
    case 'too_small':
      return withReceived(issue.origin === 'string' ? { field, code: 'required' } : { field, code: 'out_of_range', params: rangeOf(field) });
    case 'invalid_type':
      return withReceived(issue.input === undefined ? { field, code: 'required' } : { field, code: 'wrong_type' });
    case 'invalid_format':
      return withReceived({ field, code: field === 'id' ? 'invalid' : 'invalid_reference' });
    default:
      return withReceived({ field, code: 'invalid' });
  }
}

function rangeOf(field: string): Record<string, number> {
  if (field === 'lat') return { minimum: -90, maximum: 90 };
  if (field === 'lon') return { minimum: -180, maximum: 180 };
  return {};
}
