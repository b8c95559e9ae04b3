/**
 * Years as ISO 8601 writes them: astronomical numbering, so 1 BCE is `0000` and 221 BCE `-0220`
 * (the archive stores historical years, with no year 0: -221 means 221 BCE), four digits at least.
 * IIIF navDate, schema.org temporalCoverage and Linked Art timespans all use this form.
 */
export function isoYear(year: number): string {
  const astronomical = year < 0 ? year + 1 : year;
  const digits = String(Math.abs(astronomical)).padStart(4, '0');
  return astronomical < 0 ? `-${digits}` : digits;
}

/** The first instant of `year` (`-0220-01-01T00:00:00Z`), or its last (`…-12-31T23:59:59Z`). */
export function isoYearInstant(year: number, end: 'begin' | 'end'): string {
  return end === 'begin' ? `${isoYear(year)}-01-01T00:00:00Z` : `${isoYear(year)}-12-31T23:59:59Z`;
}
