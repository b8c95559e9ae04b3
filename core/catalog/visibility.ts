/**
 * Who may see a record: everyone (`public`, the default), curators only (`hidden`, a withdrawn
 * record), or curators only until a date (`embargoed`), after which it is public by itself.
 *
 * Engines index a record's "visible from" time rather than its state, so a public search is one
 * numeric filter (`visible_from <= now`) that lifts an embargo the moment its date passes, with no
 * reindex and no restart (and no write access: a Meilisearch search key is enough).
 */
import { toSecondPrecision } from './datestamp.ts';

export type VisibilityState = 'public' | 'hidden' | 'embargoed';

export interface Visibility {
  state: VisibilityState;
  /** For `embargoed`: the UTC instant (ISO 8601, second precision) from which the record is public. */
  until?: string;
}

export const PUBLIC: Visibility = Object.freeze({ state: 'public' });
export const HIDDEN: Visibility = Object.freeze({ state: 'hidden' });

/** Hidden records sort past every embargo: year 9999, well inside what engines store exactly. */
export const NEVER_VISIBLE = Date.UTC(9999, 11, 31) / 1000;

/** Seconds since the epoch from which `visibility` lets the public see the record. */
export function visibleFrom(visibility: Visibility): number {
  switch (visibility.state) {
    case 'public':
      return 0;
    case 'hidden':
      return NEVER_VISIBLE;
    case 'embargoed':
      return Date.parse(visibility.until!) / 1000;
  }
}

/** `isPublicNow` as an SQL condition on a records row, with `@now` a datestamp. */
export const PUBLIC_AT_NOW_SQL = "(visibility = 'public' OR (visibility = 'embargoed' AND embargo_until <= @now))";

export function isPublicNow(visibility: Visibility, now = Date.now()): boolean {
  return visibleFrom(visibility) <= now / 1000;
}

export function sameVisibility(a: Visibility, b: Visibility): boolean {
  return a.state === b.state && (a.until ?? '') === (b.until ?? '');
}

export type VisibilityParse = { ok: true; visibility: Visibility } | { ok: false };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * What a curator writes: `public`, `hidden`, or an embargo date — `2030-01-01` (the record
 * becomes public at 00:00 UTC that day) or an ISO date-time with a zone. Chinese labels
 * (公开 / 隐藏) are accepted too. Anything else does not parse: it is never guessed.
 */
export function parseVisibility(text: string): VisibilityParse {
  const value = text.normalize('NFKC').trim().toLowerCase();
  if (value === 'public' || value === '公开') return { ok: true, visibility: PUBLIC };
  if (value === 'hidden' || value === '隐藏' || value === 'withdrawn') return { ok: true, visibility: HIDDEN };
  const embargo = value.replace(/^embargo(?:ed)?\s*[:=]?\s*/, '');
  const until = parseInstant(embargo);
  return until === undefined ? { ok: false } : { ok: true, visibility: { state: 'embargoed', until } };
}

/** `2030-01-01` or a zoned ISO date-time as `YYYY-MM-DDTHH:MM:SSZ`; undefined unless it is a real date. */
function parseInstant(text: string): string | undefined {
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1).map(Number) as [number, number, number];
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    // Date.UTC rolls 2030-02-30 over into March: such a date is refused, not moved.
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
    return toSecondPrecision(time);
  }
  if (!DATE_TIME.test(text.toUpperCase())) return undefined;
  const time = Date.parse(text.toUpperCase());
  return Number.isNaN(time) ? undefined : toSecondPrecision(time);
}

/** How a visibility is written back to a curator (the inverse of `parseVisibility`). */
export function formatVisibility(visibility: Visibility): string {
  return visibility.state === 'embargoed' ? `embargoed until ${visibility.until}` : visibility.state;
}
