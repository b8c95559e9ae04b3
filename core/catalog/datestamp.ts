/**
 * Datestamps: when a record last really changed, in the form OAI-PMH harvesters and sitemaps
 * compare — UTC, second precision (`2026-12-01T09:30:00Z`). A datestamp never moves backwards,
 * even if the clock does, so a harvester that asked `from=` its last visit never misses a change.
 */

export function toSecondPrecision(time: number): string {
  return new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Now, or `previous` if the clock is behind it. */
export function nextDatestamp(previous?: string | null, now = Date.now()): string {
  const current = toSecondPrecision(now);
  return previous && previous > current ? previous : current;
}
