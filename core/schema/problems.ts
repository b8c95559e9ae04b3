/** A problem found in one field of one record; rendered through the message catalog. */
export interface FieldProblem {
  field: string;
  code: ProblemCode;
  /** The offending value, as given (truncated for display). */
  received?: string;
  params?: Record<string, string | number>;
}

export type ProblemCode =
  | 'required'
  | 'title_required'
  | 'wrong_type'
  | 'too_long'
  | 'too_many_items'
  | 'not_a_number'
  | 'out_of_range'
  | 'year_unrecognised'
  | 'year_zero'
  | 'year_out_of_range'
  | 'start_after_end'
  | 'coordinates_incomplete'
  | 'not_in_vocabulary'
  | 'invalid_reference'
  | 'id_mapped'
  | 'period_years_disagree'
  | 'invalid_geometry'
  | 'bad_visibility'
  | 'invalid';

const MAX_RECEIVED_LENGTH = 80;

export function describeReceived(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_RECEIVED_LENGTH ? `${text.slice(0, MAX_RECEIVED_LENGTH)}…` : text;
}
