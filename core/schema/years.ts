/**
 * Years are integers, negative for BCE. There is no year 0: 1 BCE is -1 and 1 CE is 1, the
 * convention historians use (not astronomical numbering).
 */
export const EARLIEST_YEAR = -100_000;
export const LATEST_YEAR = 2100;

// Digits are not capped: a number too large to be a year is out of range, not unrecognised.
const BCE_SUFFIX = /^(\d+)\s*(?:BCE|BC|B\.C\.E\.|B\.C\.)$/i;
const BCE_PREFIX = /^(?:BCE|BC)\s*(\d+)$/i;
const CE_FORM = /^(?:(?:CE|AD|A\.D\.)\s*)?(\d+)(?:\s*(?:CE|AD|A\.D\.))?$/i;
const ZH_BCE = /^(?:公元)?前\s*(\d+)\s*年?$/;
const ZH_CE = /^(?:公元)?\s*(\d+)\s*年?$/;
const SIGNED = /^([-+\u2212]?)(\d+)$/;

export type YearParse = { ok: true; year: number } | { ok: false; reason: 'unrecognised' | 'zero' | 'out_of_range' };

/**
 * Parses the year forms curators write: `-3300`, `3300 BCE`, `3300 BC`, `公元前3300年`, `前221年`,
 * `1990`, `1990年`, `公元1990年`, `AD 1990`, `1990 CE`. Numbers from JSON are taken as they are.
 */
export function parseYear(input: string | number): YearParse {
  const year = typeof input === 'number' ? (Number.isInteger(input) ? input : Number.NaN) : yearFromText(input);
  if (Number.isNaN(year)) return { ok: false, reason: 'unrecognised' };
  if (year === 0) return { ok: false, reason: 'zero' };
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { ok: false, reason: 'out_of_range' };
  return { ok: true, year };
}

function yearFromText(raw: string): number {
  const text = raw.normalize('NFKC').trim();
  const signed = SIGNED.exec(text);
  if (signed) return (signed[1] === '-' || signed[1] === '−' ? -1 : 1) * Number(signed[2]);
  const bce = BCE_SUFFIX.exec(text) ?? BCE_PREFIX.exec(text) ?? ZH_BCE.exec(text);
  if (bce) return -Number(bce[1]);
  const ce = CE_FORM.exec(text) ?? ZH_CE.exec(text);
  if (ce) return Number(ce[1]);
  return Number.NaN;
}

/** `公元前3300年` / `3300 BCE` style, for messages and views. */
export function formatYear(year: number, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return year < 0 ? `公元前${-year}年` : `${year}年`;
  return year < 0 ? `${-year} BCE` : `${year}`;
}
