/**
 * A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
 * formula (`=HYPERLINK(…)`, DDE). Every CSV the archive writes — reports, exports — puts a `'`
 * before such a cell, which Excel and LibreOffice show as text.
 */
const FORMULA_CHARACTERS = '=+\\-@\\t\\r';
const FORMULA_START = new RegExp(`^[${FORMULA_CHARACTERS}]`);
const NEUTRALISED_FORMULA = new RegExp(`^'(?=[${FORMULA_CHARACTERS}])`);

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** `neutraliseFormula` undone, for a cell read back from one of the archive's own CSVs. */
export function restoreFormula(cell: string): string {
  return cell.replace(NEUTRALISED_FORMULA, '');
}
