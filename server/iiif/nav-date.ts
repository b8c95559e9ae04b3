/**
 * `navDate` from a record's year. IIIF asks for an XSD dateTime with a time zone; XSD 1.1
 * numbers years astronomically (0000 is 1 BCE, −0001 is 2 BCE) with at least four digits and a
 * leading minus before the common era. The archive counts years as historians do (no year 0,
 * −1 is 1 BCE), so a BCE year moves by one: 3300 BCE (−3300) is `-3299-01-01T00:00:00Z`.
 */

/** The first instant (UTC) of `year` (historians' numbering, negative for BCE). */
export function navDateOf(year: number): string {
  const astronomical = year < 0 ? year + 1 : year;
  const digits = String(Math.abs(astronomical)).padStart(4, '0');
  return `${astronomical < 0 ? '-' : ''}${digits}-01-01T00:00:00Z`;
}
