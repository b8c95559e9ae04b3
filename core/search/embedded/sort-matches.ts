/**
 * Picks the requested page of filtered matches without sorting them all: relevance keeps only
 * the best `offset + pageSize` in a heap (or, for a text too broad for bm25, reads title matches
 * first as far as the page needs, title-first.ts); year and title walk the snapshot's precomputed order.
 */
import TinyQueue from 'tinyqueue';
import type { SearchQuery } from '../types.ts';
import type { FacetSnapshot, SortOrder } from './facet-snapshot.ts';
import type { FilteredCandidates } from './filter-and-count.ts';
import { titleFirst } from './title-first.ts';

/** @param order the snapshot's order for a year or title sort (see SnapshotStore.order) */
export function pageOfMatches(snapshot: FacetSnapshot, matches: FilteredCandidates, query: SearchQuery, order?: SortOrder): number[] {
  const offset = (query.page - 1) * query.pageSize;
  const wanted = offset + query.pageSize;
  if (offset >= matches.ordinals.length) return [];
  const ranked =
    order !== undefined
      ? walkOrder(order, membershipOf(matches.ordinals, snapshot.size), wanted)
      : matches.titleSeqs
        ? titleFirst(snapshot, { ordinals: matches.ordinals, titleSeqs: matches.titleSeqs }, wanted).map(({ ordinal }) => ordinal)
        : matches.scores.length > 0
          ? bestScored(matches, wanted)
          : Array.from(matches.ordinals.subarray(0, wanted));
  return ranked.slice(offset);
}

/** A byte per ordinal of a snapshot of `size` records: 1 for those among `ordinals`. */
export function membershipOf(ordinals: Int32Array, size: number): Uint8Array {
  const included = new Uint8Array(size);
  for (const ordinal of ordinals) included[ordinal] = 1;
  return included;
}

/**
 * The first `wanted` records of `order` that are `included` (see `membershipOf`; records added
 * since the order was computed come last), from place `start` on: places past the order's own
 * are those records.
 */
export function walkOrder({ ordinals: order, covers }: SortOrder, included: Uint8Array, wanted: number, start = 0): number[] {
  const size = included.length;
  const page: number[] = [];
  for (let i = start; i < order.length && page.length < wanted; i++) {
    if (included[order[i]!] === 1) page.push(order[i]!);
  }
  for (let ordinal = covers + Math.max(0, start - order.length); ordinal < size && page.length < wanted; ordinal++) {
    if (included[ordinal] === 1) page.push(ordinal);
  }
  return page;
}

/** The `wanted` best-scored matches (lower score is better; ties by catalog order), best first. */
export function bestScored({ ordinals, scores }: FilteredCandidates, wanted: number): number[] {
  const better = (a: number, b: number) => scores[a]! - scores[b]! || ordinals[a]! - ordinals[b]!;
  // A max-heap of positions holding the best `wanted` seen so far; its top is the worst of them.
  const heap = new TinyQueue<number>([], (a, b) => better(b, a));
  for (let position = 0; position < ordinals.length; position++) {
    if (heap.length < wanted) heap.push(position);
    else if (better(position, heap.peek()!) < 0) {
      heap.pop();
      heap.push(position);
    }
  }
  const best: number[] = [];
  while (heap.length > 0) best.push(heap.pop()!);
  return best.reverse().map((position) => ordinals[position]!);
}
