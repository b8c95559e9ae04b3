/**
 * Facet counts of every record a snapshot holds, kept per state of the snapshot, so a result that
 * holds most records is counted by what it leaves out: browsing everything, or a text in nearly
 * every record (临 in a Linping archive), then costs a copy of the totals instead of a pass over a
 * million records' values. Counting `matches` directly and counting `totals − the rest` give the
 * same figures (test/search/facet-totals.test.ts).
 *
 * Totals follow the snapshot as it grows: records appended since they were counted are added on
 * the next use; a record changed or removed (the snapshot's epoch moves) has them counted afresh.
 */
import { FACETS } from '../../schema/facets.ts';
import type { FacetColumn } from './facet-column.ts';
import type { FacetSnapshot } from './facet-snapshot.ts';

interface Totals {
  size: number;
  epoch: number;
  /** Per facet (FACETS order), per value id: live records the public may always see (visible from 0). */
  open: Int32Array[];
  openRecords: number;
  /** Live records under an embargo or hidden: added per query, by the time it asks about. */
  restricted: number[];
}

const KEPT = new WeakMap<FacetSnapshot, Totals>();

/** Per facet, the counts of the live records visible by `visibleBy` (seconds; undefined: all), and how many records those are. */
export function visibleTotals(snapshot: FacetSnapshot, visibleBy: number | undefined): { counts: Int32Array[]; records: number } {
  const totals = totalsOf(snapshot);
  const columns = columnsOf(snapshot);
  const counts = columns.map((column, f) => {
    // Room for every value of the column: values may have come since the totals were counted.
    const copy = new Int32Array(column.values.length);
    copy.set(totals.open[f]!);
    return copy;
  });
  const visible = visibleRestricted(snapshot, totals, visibleBy);
  columns.forEach((column, f) => {
    for (const ordinal of visible) addValues(column, counts[f]!, ordinal, 1);
  });
  return { counts, records: totals.openRecords + visible.length };
}

/**
 * Per facet, the counts of `matches` (ascending ordinals of live records visible by `visibleBy`),
 * computed as the visible totals minus the visible records not among them: the cheaper way when
 * the matches are most of the snapshot (see `countsAreCheaperByComplement`).
 */
export function countByComplement(snapshot: FacetSnapshot, matches: Int32Array, visibleBy: number | undefined): Int32Array[] {
  const { counts } = visibleTotals(snapshot, visibleBy);
  const rest = leftOut(snapshot, matches, visibleBy);
  columnsOf(snapshot).forEach((column, f) => {
    for (let i = 0; i < rest.length; i++) addValues(column, counts[f]!, rest[i]!, -1);
  });
  return counts;
}

/** True when `matches` of this many records are more than half of those visible: fewer records are left out than matched. */
export function countsAreCheaperByComplement(snapshot: FacetSnapshot, matches: number, visibleBy: number | undefined): boolean {
  // Far fewer than the snapshot holds: not worth counting its totals (most records would have to be hidden).
  if (matches * 4 <= snapshot.size) return false;
  const totals = totalsOf(snapshot);
  return matches * 2 > totals.openRecords + visibleRestricted(snapshot, totals, visibleBy).length;
}

/** The restricted records (embargoed or hidden) that are visible by `visibleBy`. */
function visibleRestricted(snapshot: FacetSnapshot, totals: Totals, visibleBy: number | undefined): number[] {
  const upTo = visibleBy ?? Number.POSITIVE_INFINITY;
  return totals.restricted.filter((ordinal) => snapshot.visibleFrom[ordinal]! <= upTo);
}

/** Live records visible by `visibleBy` that ascending `matches` does not hold, ascending. */
function leftOut(snapshot: FacetSnapshot, matches: Int32Array, visibleBy: number | undefined): Int32Array {
  const { dead, visibleFrom, size } = snapshot;
  const upTo = visibleBy ?? Number.POSITIVE_INFINITY;
  const rest = new Int32Array(Math.max(0, size - matches.length));
  let count = 0;
  let next = 0;
  for (let ordinal = 0; ordinal < size; ordinal++) {
    if (next < matches.length && matches[next] === ordinal) {
      next++;
      continue;
    }
    if (dead[ordinal] === 1 || visibleFrom[ordinal]! > upTo) continue;
    rest[count++] = ordinal;
  }
  return rest.subarray(0, count);
}

function totalsOf(snapshot: FacetSnapshot): Totals {
  let totals = KEPT.get(snapshot);
  if (!totals || totals.epoch !== snapshot.epoch || totals.size > snapshot.size) {
    totals = { size: 0, epoch: snapshot.epoch, open: columnsOf(snapshot).map(() => new Int32Array(0)), openRecords: 0, restricted: [] };
    KEPT.set(snapshot, totals);
  }
  if (totals.size < snapshot.size) addRecords(snapshot, totals, totals.size, snapshot.size);
  return totals;
}

/** Adds ordinals [from, to) to `totals`, a facet at a time (each pass reads three arrays in order). */
function addRecords(snapshot: FacetSnapshot, totals: Totals, from: number, to: number): void {
  const { dead, visibleFrom } = snapshot;
  const open = new Int32Array(to - from);
  let opened = 0;
  for (let ordinal = from; ordinal < to; ordinal++) {
    if (dead[ordinal] === 1) continue;
    if (visibleFrom[ordinal]! <= 0) open[opened++] = ordinal;
    else totals.restricted.push(ordinal);
  }
  columnsOf(snapshot).forEach((column, f) => {
    const counts = new Int32Array(column.values.length);
    counts.set(totals.open[f]!);
    for (let i = 0; i < opened; i++) addValues(column, counts, open[i]!, 1);
    totals.open[f] = counts;
  });
  totals.openRecords += opened;
  totals.size = to;
}

function addValues({ starts, ends, ids }: FacetColumn, counts: Int32Array, ordinal: number, by: 1 | -1): void {
  for (let k = starts[ordinal]!; k < ends[ordinal]!; k++) counts[ids[k]!]! += by;
}

function columnsOf(snapshot: FacetSnapshot): FacetColumn[] {
  return FACETS.map((facet) => snapshot.columns.get(facet.key)!);
}
