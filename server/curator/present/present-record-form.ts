/**
 * The record edit form's view-model: every schema field with its label in the curator's language
 * and its column name (as in the import template), its control, its value, and the problem
 * `validateRecord` found in it, in the same words an import report uses.
 */
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import type { FieldProblem } from '../../../core/schema/problems.ts';
import { RECORD_FIELDS, type RecordField } from '../../../core/schema/record.ts';
import type { FieldClash } from '../services/merge-edit.ts';
import { controlOf, VOCABULARY_OF } from './record-form-fields.ts';

export interface RecordFormInput {
  lang: Lang;
  /** The record being edited; absent for a new record. */
  id?: string;
  values: Record<RecordField, string>;
  /** The version the form was opened on, for the optimistic check at save. */
  version?: number;
  problems?: readonly FieldProblem[];
  warnings?: readonly FieldProblem[];
  /** Fields someone else changed too while this form was open (their value, shown beside the editor's). */
  clashes?: readonly FieldClash[];
}

/** A problem in the words of an import report: `problem.*` with the field and the value. */
export function problemText(problem: FieldProblem, lang: Lang): string {
  return translate(lang, `problem.${problem.code}` as MessageKey, { field: problem.field, received: problem.received, ...problem.params });
}

/** A record field’s (or `visibility`’s, `media`’s) name for curators. */
export function fieldLabel(field: string, lang: Lang): string {
  return translate(lang, `curator.field.${field}` as MessageKey);
}

/** The form’s view-model. */
export function presentRecordForm(input: RecordFormInput) {
  const { lang } = input;
  const problemsOf = new Map<string, string[]>();
  for (const problem of input.problems ?? []) {
    // A rule across fields (`title_required` …) is shown at the field it names; an unknown one at the top.
    const field = RECORD_FIELDS.includes(problem.field as RecordField) ? problem.field : 'id';
    problemsOf.set(field, [...(problemsOf.get(field) ?? []), problemText(problem, lang)]);
  }
  const clashOf = new Map((input.clashes ?? []).map((clash) => [clash.field, clash.theirs]));
  return {
    editing: input.id !== undefined,
    action: input.id === undefined ? '/curator/records' : `/curator/records/${encodeURIComponent(input.id)}`,
    version: input.version,
    problemCount: input.problems?.length ? translate(lang, 'curator.form.problem_count', { count: input.problems.length }) : undefined,
    warnings: (input.warnings ?? []).map((warning) => problemText(warning, lang)),
    fields: RECORD_FIELDS.map((field) => {
      const control = controlOf(field, input.id === undefined);
      const vocabulary = VOCABULARY_OF[field];
      const value = input.values[field];
      const problems = problemsOf.get(field);
      const theirs = clashOf.get(field);
      const clash = theirs === undefined ? undefined : theirs === '' ? translate(lang, 'curator.form.clash_cleared') : translate(lang, 'curator.form.clash', { theirs });
      return {
        name: field,
        inputId: `field-${field}`,
        label: fieldLabel(field, lang),
        hint: hintOf(field, lang),
        value,
        text: control === 'text',
        textarea: control === 'textarea',
        readonly: control === 'readonly',
        select: control === 'select',
        options: vocabulary && [
          { value: '', label: translate(lang, 'curator.form.none'), selected: value === '' },
          ...vocabulary.map((entry) => ({ value: entry.key, label: `${entry[lang]} (${entry.key})`, selected: entry.key === value })),
        ],
        problems,
        clash,
        invalid: problems !== undefined,
        describedBy: [hintOf(field, lang) && `field-${field}-hint`, problems && `field-${field}-problem`, clash && `field-${field}-clash`].filter(Boolean).join(' ') || undefined,
      };
    }),
  };
}

const HINTS: Partial<Record<RecordField, MessageKey>> = {
  id: 'curator.hint.id',
  start_year: 'curator.hint.year',
  end_year: 'curator.hint.year',
  admin_area: 'curator.hint.admin_area',
  lat: 'curator.hint.coordinates',
  lon: 'curator.hint.coordinates',
  collections: 'curator.hint.list',
  keywords_zh: 'curator.hint.list',
  keywords_en: 'curator.hint.list',
  related: 'curator.hint.list',
  images: 'curator.hint.images',
  coordinates_source: 'curator.hint.coordinates_source',
  geometry: 'curator.hint.geometry',
};

function hintOf(field: RecordField, lang: Lang): string | undefined {
  const key = HINTS[field];
  return key && translate(lang, key);
}
