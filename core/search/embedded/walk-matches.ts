/**
 * Cursor walks over filtered matches: the hits after a position, in the orders pages use
 * (sort-matches.ts), found from the position instead of by counting an offset, so a walk's page
 * costs about the same at the millionth hit as at the first, and a walk carries on past records
 * added or removed between its requests (keyset paging, as Solr's cursorMark and
 * Elasticsearch's search_after do). Positions (`SearchCursor.after`), per order:
 *
 *   relevance with text   [score, seq]       bm25 (lower first), then catalog order; a text too
 *                                            broad for bm25 scores -1 for a title match, else 0
 *   relevance, browsing   [seq]              catalog order
 *   title, year_asc/desc  [seq, seq, …]      the page's last records, last first: the walk resumes
 *                                            after the first of them still in the sort order
 *
 * So a walk resumes after a record deleted meanwhile; only when every one of them is gone is the
 * position refused (the walk starts again). A relevance walk over text follows the scores of the index
 * as it is, and a title or year walk the order as last computed: an import between two requests
 * can move a changed record across the position (the caveat Solr documents for its cursors).
 */
import { InvalidCursorError, type CursorKey, type SearchCursor, type SearchQuery } from '../types.ts';
import type { FacetSnapshot, SortOrder } from './facet-snapshot.ts';
import type { FilteredCandidates } from './filter-and-count.ts';
import { bestScored, membershipOf, walkOrder } from './sort-matches.ts';
import { titleFirst, type TitleSeqs } from './title-first.ts';

export interface WalkedPage {
  ordinals: number[];
  /** The position after the page's last hit, when more hits follow. */
  next?: SearchCursor;
}

/** The `query.pageSize` matches after `query.cursor`; throws `InvalidCursorError` for a position this order cannot have. */
export function walkMatches(snapshot: FacetSnapshot, matches: FilteredCandidates, query: SearchQuery, order?: SortOrder): WalkedPage {
  const after = query.cursor?.after ?? [];
  // One more than the page: whether it exists says whether a next page does.
  const wanted = query.pageSize + 1;
  const walked =
    order !== undefined
      ? walkOrdered(snapshot, matches, order, after, wanted)
      : matches.titleSeqs
        ? walkTitleFirst(snapshot, matches.ordinals, matches.titleSeqs, after, wanted)
        : matches.scores.length > 0
          ? walkScored(snapshot, matches, after, wanted)
          : walkCatalogOrder(snapshot, matches, after, wanted);
  if (walked.ordinals.length < wanted) return { ordinals: walked.ordinals };
  const ordinals = walked.ordinals.slice(0, query.pageSize);
  return { ordinals, next: { after: walked.keyOf(ordinals) } };
}

interface Walked {
  ordinals: number[];
  /** The position after `page`, the walk's page in order. */
  keyOf: (page: readonly number[]) => CursorKey[];
}

/** Browsing: matches are in catalog order already, so the position is a binary search away. */
function walkCatalogOrder(snapshot: FacetSnapshot, { ordinals }: FilteredCandidates, after: readonly CursorKey[], wanted: number): Walked {
  const [seq] = expectKeys(after, [isSeq]) as [number?];
  const start = seq === undefined ? 0 : firstIndex(ordinals.length, (i) => snapshot.seqs[ordinals[i]!]! > seq);
  return { ordinals: Array.from(ordinals.subarray(start, start + wanted)), keyOf: (page) => [snapshot.seqs[page.at(-1)!]!] };
}

/**
 * Matches in relevance order, sorted once per result set and kept with it (the engine caches the
 * result set for the next pages): each later page of a relevance walk is then a binary search.
 */
const RANKED_ORDERS = new WeakMap<FilteredCandidates, Int32Array>();

function rankedPositions(matches: FilteredCandidates): Int32Array {
  const { ordinals, scores } = matches;
  let order = RANKED_ORDERS.get(matches);
  if (!order) {
    order = Int32Array.from({ length: ordinals.length }, (_, position) => position).sort((a, b) => scores[a]! - scores[b]! || ordinals[a]! - ordinals[b]!);
    RANKED_ORDERS.set(matches, order);
  }
  return order;
}

/**
 * Relevance: the first page is the best-scored matches, picked with a heap as page 1 is; later
 * pages follow the position in the sorted order.
 */
function walkScored(snapshot: FacetSnapshot, matches: FilteredCandidates, after: readonly CursorKey[], wanted: number): Walked {
  const [score, seq] = expectKeys(after, [isScore, isSeq]) as [number?, number?];
  const scoreOf = new Map<number, number>();
  let ordinals: number[];
  if (score === undefined || seq === undefined) {
    ordinals = bestScored(matches, wanted);
    const onPage = new Set(ordinals);
    matches.ordinals.forEach((ordinal, position) => {
      if (onPage.has(ordinal)) scoreOf.set(ordinal, matches.scores[position]!);
    });
  } else {
    const order = rankedPositions(matches);
    const isAfter = (position: number) => {
      const own = matches.scores[position]!;
      return own > score || (own === score && snapshot.seqs[matches.ordinals[position]!]! > seq);
    };
    const start = firstIndex(order.length, (i) => isAfter(order[i]!));
    const positions = Array.from(order.subarray(start, start + wanted));
    ordinals = positions.map((position) => matches.ordinals[position]!);
    positions.forEach((position) => scoreOf.set(matches.ordinals[position]!, matches.scores[position]!));
  }
  return { ordinals, keyOf: (page) => [scoreOf.get(page.at(-1)!)!, snapshot.seqs[page.at(-1)!]!] };
}

/** Relevance for a text too broad for bm25: title matches first, positioned as a scored walk is. */
function walkTitleFirst(snapshot: FacetSnapshot, ordinals: Int32Array, titleSeqs: TitleSeqs, after: readonly CursorKey[], wanted: number): Walked {
  const position = expectKeys(after, [isScore, isSeq]) as [number, number] | [];
  const walked = titleFirst(snapshot, { ordinals, titleSeqs }, wanted, position.length === 0 ? undefined : position);
  const scoreOf = new Map(walked.map(({ ordinal, score }) => [ordinal, score]));
  return { ordinals: walked.map(({ ordinal }) => ordinal), keyOf: (page) => [scoreOf.get(page.at(-1)!)!, snapshot.seqs[page.at(-1)!]!] };
}

/** How many of a page's last records a title or year position names. */
const POSITION_RECORDS = 4;

/**
 * Per result set, which ordinals it holds; per sort order, where each ordinal stands in it. Both
 * cost a pass over the whole snapshot, so they are built on a walk's first use and kept with the
 * result set and the order they describe (neither changes once made): each later page of a title
 * or year walk then starts at its place at once instead of rebuilding them.
 */
const MEMBERSHIPS = new WeakMap<FilteredCandidates, Uint8Array>();
const PLACES = new WeakMap<Int32Array, Int32Array>();

function membership(matches: FilteredCandidates, size: number): Uint8Array {
  let included = MEMBERSHIPS.get(matches);
  if (included?.length !== size) {
    included = membershipOf(matches.ordinals, size);
    MEMBERSHIPS.set(matches, included);
  }
  return included;
}

/** Where `ordinal` stands in `order` (after its list for records added since), or -1. */
function placeIn(order: SortOrder, ordinal: number | undefined): number {
  if (ordinal === undefined) return -1;
  if (ordinal >= order.covers) return order.ordinals.length + ordinal - order.covers;
  let places = PLACES.get(order.ordinals);
  if (!places) {
    // Place + 1 by ordinal, so 0 says "not in the order" (a record since removed).
    places = new Int32Array(order.covers);
    order.ordinals.forEach((inOrder, place) => (places![inOrder] = place + 1));
    PLACES.set(order.ordinals, places);
  }
  return places[ordinal]! - 1;
}

/** Title and year: walk the snapshot's precomputed order from the place after the position's records. */
function walkOrdered(snapshot: FacetSnapshot, matches: FilteredCandidates, order: SortOrder, after: readonly CursorKey[], wanted: number): Walked {
  if (after.length > POSITION_RECORDS || !after.every(isSeq)) throw new InvalidCursorError('the cursor does not fit this order');
  let start = 0;
  if (after.length > 0) {
    const place = (after as number[]).map((seq) => placeIn(order, snapshot.ordinalOf(seq))).find((found) => found >= 0);
    if (place === undefined) throw new InvalidCursorError('the records the walk stood at have all left the index since: start the walk again');
    start = place + 1;
  }
  return {
    ordinals: walkOrder(order, membership(matches, snapshot.size), wanted, start),
    keyOf: (page) => page.slice(-POSITION_RECORDS).reverse().map((ordinal) => snapshot.seqs[ordinal]!),
  };
}

/** The first index in [0, length) where `isAfter` holds, for a predicate that is false then true. */
function firstIndex(length: number, isAfter: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAfter(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

const isSeq = (key: CursorKey) => Number.isSafeInteger(key) && (key as number) >= 0;
const isScore = (key: CursorKey) => typeof key === 'number' && Number.isFinite(key);

/** The start (no keys) or exactly these keys; anything else was not made by this order. */
function expectKeys(after: readonly CursorKey[], checks: readonly ((key: CursorKey) => boolean)[]): readonly CursorKey[] {
  if (after.length === 0) return after;
  if (after.length !== checks.length || !checks.every((check, i) => check(after[i]!))) throw new InvalidCursorError('the cursor does not fit this order');
  return after;
}
