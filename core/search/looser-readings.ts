/**
 * Looser readings of a query, for when no record matches every word (as Meilisearch's matching
 * strategies drop words): readings that keep fewer clauses, the most kept first. Within one level,
 * readings dropping later words come first, as with Meilisearch's `last` strategy; the engine then
 * takes the one with the most hits.
 */
import type { QueryClause } from './tokenizer.ts';

/** The most readings an engine counts per level (a query of 6+ words has more subsets than worth trying). */
export const MAX_READINGS_PER_LEVEL = 16;

/** Levels of looser readings, from one clause fewer down to a single clause; empty for one clause. */
export function looserReadingLevels(clauses: readonly QueryClause[]): QueryClause[][][] {
  const levels: QueryClause[][][] = [];
  for (let kept = clauses.length - 1; kept >= 1; kept--) {
    levels.push(subsetsKeeping(clauses.length, kept).slice(0, MAX_READINGS_PER_LEVEL).map((indexes) => indexes.map((i) => clauses[i]!)));
  }
  return levels;
}

/** Index sets of size `kept` out of `n`, those keeping the earliest clauses first. */
function subsetsKeeping(n: number, kept: number): number[][] {
  const subsets: number[][] = [];
  const extend = (start: number, chosen: number[]) => {
    if (subsets.length >= MAX_READINGS_PER_LEVEL) return;
    if (chosen.length === kept) {
      subsets.push(chosen);
      return;
    }
    for (let i = start; i <= n - (kept - chosen.length); i++) extend(i + 1, [...chosen, i]);
  };
  extend(0, []);
  return subsets;
}

/** The reading with the most hits (the first of equals), or undefined when none has any. */
export function bestReading(readings: readonly QueryClause[][], counts: readonly number[]): QueryClause[] | undefined {
  let best = -1;
  counts.forEach((count, i) => {
    if (count > 0 && (best === -1 || count > counts[best]!)) best = i;
  });
  return best === -1 ? undefined : readings[best];
}

/** What a clause says to a person: the word as typed (before variant folding). */
export function clauseLabel(clause: QueryClause): string {
  const [term] = clause;
  return term ? (term.typed ?? term.text) : '';
}
