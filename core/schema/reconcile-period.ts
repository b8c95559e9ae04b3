/**
 * Periods and years describe the same thing two ways. A record that names a known period gets its
 * years, and the period's name in the other language; one that gives years gets the narrowest
 * period containing them; when both are given and do not overlap, the record still imports with a
 * warning for the curator.
 */
import { matchPeriods, periodContaining, type PeriodEntry } from './periods.ts';
import type { FieldProblem } from './problems.ts';
import type { ArchiveRecord } from './record.ts';
import { formatYear } from './years.ts';

export function reconcilePeriod(record: ArchiveRecord): FieldProblem[] {
  const periods = namedPeriods(record);
  fillOtherLanguage(record, periods);
  const hasYears = record.start_year !== undefined && record.end_year !== undefined;
  // A period still going on (中华人民共和国) gives no end year, so it fills in nothing.
  if (periods.length > 0 && !hasYears && !periods.some((period) => period.ongoing)) {
    record.start_year = Math.min(...periods.map((period) => period.start));
    record.end_year = Math.max(...periods.map((period) => period.end));
    return [];
  }
  if (periods.length === 0 && hasYears && !record.period_zh && !record.period_en) {
    const period = periodContaining(record.start_year!, record.end_year!);
    if (period) Object.assign(record, { period_zh: period.zh, period_en: period.en });
    return [];
  }
  if (periods.length > 0 && hasYears && !periods.some((period) => overlaps(period, record.start_year!, record.end_year!))) {
    const span = periods.map((period) => `${formatYear(period.start, 'en')}–${formatYear(period.end, 'en')}`).join(', ');
    return [{ field: 'start_year', code: 'period_years_disagree', received: `${record.start_year}–${record.end_year}`, params: { period: record.period_zh ?? record.period_en ?? '', span } }];
  }
  return [];
}

/**
 * A period named in one language only gets its name in the other from the vocabulary (明 → Ming
 * dynasty; Neolithic → 新石器时代), so both interfaces can show it. A name the curator gave is never
 * replaced.
 */
function fillOtherLanguage(record: ArchiveRecord, periods: readonly PeriodEntry[]): void {
  if (periods.length === 0) return;
  if (record.period_en === undefined) record.period_en = periods.map((period) => period.en).join(', ');
  if (record.period_zh === undefined) record.period_zh = periods.map((period) => period.zh).join('、');
}

/** The vocabulary periods a record names, from its Chinese name first, else its English name. */
export function namedPeriods(record: ArchiveRecord): PeriodEntry[] {
  for (const name of [record.period_zh, record.period_en]) {
    const periods = name ? matchPeriods(name) : [];
    if (periods.length > 0) return periods;
  }
  return [];
}

function overlaps(period: PeriodEntry, start: number, end: number): boolean {
  return period.start <= end && start <= period.end;
}
