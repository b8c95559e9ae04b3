/**
 * `from` and `until`: UTC at day (`2026-12-01`) or second (`2026-12-01T09:30:00Z`) granularity,
 * the two the specification allows (the archive's own granularity is seconds, so both are
 * accepted). A day is widened to its first or last second, so `until=2026-12-01` includes that
 * whole day. Anything else is not a date: never guessed.
 */

export type Granularity = 'day' | 'second';

export interface OaiDate {
  granularity: Granularity;
  /** The first second the date covers, `YYYY-MM-DDThh:mm:ssZ`. */
  first: string;
  /** The last second it covers. */
  last: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** `text` as a date of either granularity, or undefined when it is not one. */
export function parseOaiDate(text: string): OaiDate | undefined {
  if (DAY.test(text)) {
    const first = `${text}T00:00:00Z`;
    return isRealInstant(first) ? { granularity: 'day', first, last: `${text}T23:59:59Z` } : undefined;
  }
  if (SECOND.test(text)) return isRealInstant(text) ? { granularity: 'second', first: text, last: text } : undefined;
  return undefined;
}

/** True when the calendar has this instant: no 30 February, no hour 24, no leap second. */
function isRealInstant(iso: string): boolean {
  const time = Date.parse(iso);
  return !Number.isNaN(time) && new Date(time).toISOString().replace('.000Z', 'Z') === iso;
}
