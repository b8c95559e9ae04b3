/**
 * Merges the pieces (segments) of the FTS5 index into fewer. Every batch an import commits adds
 * segments, and FTS5 only merges them as they pile up: a million records built in batches left 13,
 * and every query reads each segment's b-tree for each of its terms. Merging them is FTS5's
 * 'optimize', done here in small steps ('merge' with a negative page count, which treats all
 * segments as one level), each its own short transaction: readers keep reading meanwhile (WAL), and
 * a writer waits at most one step.
 */
import type Database from 'better-sqlite3';

/** Leaf pages merged per step (about 4 MB): a step takes ~0.1 s on this hardware. */
export const MERGE_PAGES_PER_STEP = 1000;

/** How many segments the index has now: one seek per segment in FTS5's index of them (`search_fts_idx`). */
export function countSegments(db: Database.Database): number {
  const next = db.prepare<[number], number>('SELECT segid FROM search_fts_idx WHERE segid > ? ORDER BY segid LIMIT 1').pluck();
  let count = 0;
  for (let segid = next.get(-1); segid !== undefined; segid = next.get(segid)) count++;
  return count;
}

/**
 * Merges until FTS5 reports nothing left to do (a step that changed fewer than 2 rows, as the
 * FTS5 documentation says), or `maxSteps` ran. Returns the steps that did work.
 */
export function mergeSegments(db: Database.Database, options: { pagesPerStep?: number; maxSteps?: number } = {}): number {
  const merge = db.prepare("INSERT INTO search_fts (search_fts, rank) VALUES ('merge', ?)");
  const totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
  const maxSteps = options.maxSteps ?? Number.MAX_SAFE_INTEGER;
  let steps = 0;
  while (steps < maxSteps) {
    const before = totalChanges.get()!;
    merge.run(-(options.pagesPerStep ?? MERGE_PAGES_PER_STEP));
    if (totalChanges.get()! - before < 2) break;
    steps += 1;
  }
  return steps;
}
