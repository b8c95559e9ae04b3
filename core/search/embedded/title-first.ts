/**
 * Relevance for a text that matches too many records to score each with bm25 (text-matches.ts):
 * records whose title matches first, then the others, each group in catalog order. Which records'
 * titles match is read from FTS5 lazily, in catalog order and a chunk at a time, only as far as
 * the page asks: a page of 临平 in a million records reads a few hundred title matches instead of
 * scanning every title for the whole match set.
 *
 * A position in this order is `[score, seq]` as in a scored walk (walk-matches.ts): score -1 for
 * a title match, 0 for the others.
 */
import type { FacetSnapshot } from './facet-snapshot.ts';
import { firstAtOrAfter } from './typed-arrays.ts';

/** The seqs of the records whose title matches, ascending: `limit` of them after `afterSeq`. */
export type TitleSeqs = (afterSeq: number, limit: number) => number[];

export const TITLE_SCORE = -1;
export const OTHER_SCORE = 0;

const FIRST_CHUNK = 256;
const LARGEST_CHUNK = 65_536;

/** What the walk needs of a result set: its ordinals (ascending: catalog order) and its title matches. */
export interface Ranked {
  ordinals: Int32Array;
  titleSeqs: TitleSeqs;
}

export interface ScoredOrdinal {
  ordinal: number;
  score: number;
}

/**
 * The first `wanted` matches in title-first order after the position `[score, seq]` (none: from
 * the start). A position from another scoring compares by its score as a scored walk does: below
 * -1 every record is after it, above 0 none is.
 */
export function titleFirst(snapshot: FacetSnapshot, matches: Ranked, wanted: number, after?: readonly [number, number]): ScoredOrdinal[] {
  const [score, seq] = after ?? [Number.NEGATIVE_INFINITY, 0];
  const page: ScoredOrdinal[] = [];
  // Title seqs read from the start to the end: the other records' pass needs no second read of them.
  let everyTitle: number[] | undefined;
  if (score <= TITLE_SCORE) {
    const fromSeq = score === TITLE_SCORE ? seq : 0;
    const read: number[] = [];
    for (const titleSeq of titleSeqsAfter(matches.titleSeqs, fromSeq)) {
      read.push(titleSeq);
      const ordinal = snapshot.ordinalOf(titleSeq);
      if (ordinal === undefined || !includes(matches.ordinals, ordinal)) continue;
      if (page.length === wanted) return page;
      page.push({ ordinal, score: TITLE_SCORE });
    }
    if (fromSeq === 0) everyTitle = read;
  }
  if (score <= OTHER_SCORE) {
    const fromSeq = score === OTHER_SCORE ? seq : 0;
    const titles = everyTitle ? everyTitle.filter((titleSeq) => titleSeq > fromSeq) : titleSeqsAfter(matches.titleSeqs, fromSeq);
    for (const ordinal of otherMatches(snapshot, matches.ordinals, titles, fromSeq)) {
      if (page.length === wanted) return page;
      page.push({ ordinal, score: OTHER_SCORE });
    }
  }
  return page;
}

/** Title-matching seqs after `afterSeq`, ascending, read in growing chunks. */
function* titleSeqsAfter(titleSeqs: TitleSeqs, afterSeq: number): Generator<number> {
  let chunk = FIRST_CHUNK;
  let from = afterSeq;
  for (;;) {
    const seqs = titleSeqs(from, chunk);
    yield* seqs;
    if (seqs.length < chunk) return;
    from = seqs.at(-1)!;
    chunk = Math.min(chunk * 4, LARGEST_CHUNK);
  }
}

/**
 * The matches whose title does not match, after `afterSeq`, in catalog order: the set minus the
 * title seqs (ascending, from `afterSeq` on), merged as two ascending lists.
 */
function* otherMatches(snapshot: FacetSnapshot, ordinals: Int32Array, titleSeqs: Iterable<number>, afterSeq: number): Generator<number> {
  const titles = titleSeqs[Symbol.iterator]();
  let title = titles.next();
  for (let i = firstAfterSeq(snapshot, ordinals, afterSeq); i < ordinals.length; i++) {
    const seq = snapshot.seqs[ordinals[i]!]!;
    while (!title.done && title.value < seq) title = titles.next();
    if (title.done || title.value !== seq) yield ordinals[i]!;
  }
}

/** Whether ascending `ordinals` holds `ordinal` (a binary search). */
function includes(ordinals: Int32Array, ordinal: number): boolean {
  return ordinals[firstAtOrAfter(ordinals, ordinal)] === ordinal;
}

/** The first position of ascending `ordinals` whose record's seq is past `afterSeq`. */
function firstAfterSeq(snapshot: FacetSnapshot, ordinals: Int32Array, afterSeq: number): number {
  let low = 0;
  let high = ordinals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (snapshot.seqs[ordinals[middle]!]! <= afterSeq) low = middle + 1;
    else high = middle;
  }
  return low;
}
