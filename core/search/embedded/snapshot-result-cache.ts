/**
 * A bounded cache of results computed on one snapshot (text matches, filtered counts). A result is
 * only ever usable on the snapshot state it was computed on — the same snapshot object at the same
 * epoch — so once the engine serves another state, everything kept for the previous one is dropped
 * at once: a full reload then frees the old snapshot (tens of MB at 100k records) instead of
 * leaving it pinned by cached results until the cache happens to evict them.
 */
import { LRUCache } from 'lru-cache';
import type { FacetSnapshot } from './facet-snapshot.ts';

/** How much a result cache may hold: `ARCHIVE_RESULT_CACHE_MB` and `ARCHIVE_RESULT_CACHE_ENTRIES`. */
export interface ResultCacheLimits {
  /** Bytes of results (typed arrays and facet lists), as `sizeOf` counts them; undefined: as many as `scaledResultBytes` gives the archive. */
  bytes?: number;
  entries: number;
}

export const DEFAULT_RESULT_CACHE_LIMITS: ResultCacheLimits = Object.freeze({ entries: 500 });

/**
 * Unless told otherwise, a cache has room for the matches of this many queries that each match
 * every record (4 bytes an ordinal). A visitor's broad query (browsing, a facet link, a word in
 * every record's place) holds about that, so a cache of a fixed size holds ten times fewer of them
 * at a million records than at 100k — and a least-recently-used cache asked a cycle of queries
 * larger than itself keeps none of them: at a million records the 24 searches of bench:live
 * hold ~45 MB, and in a fixed 24 MB a round of them took 0.9–1.1 s against 24–98 ms in 48 MB.
 */
export const BROAD_RESULTS_KEPT = 16;
const ORDINAL_BYTES = 4;
/** The least a cache may hold, whatever the archive's size. */
export const LEAST_RESULT_BYTES = 24 * 1024 * 1024;

/** The bytes a cache holds by default for an archive of `records` records: 64 MB at a million, 24 MB up to 393,216 (as before). */
export function scaledResultBytes(records: number): number {
  return Math.max(LEAST_RESULT_BYTES, BROAD_RESULTS_KEPT * ORDINAL_BYTES * records);
}

/** What a cached result must say about where it was computed. */
export interface OnSnapshot {
  snapshot: FacetSnapshot;
  epoch: number;
}

export class SnapshotResultCache<V extends OnSnapshot> {
  readonly #limits: ResultCacheLimits;
  readonly #sizeOf: (value: V) => number;
  #cache: LRUCache<string, V>;
  #snapshot: FacetSnapshot | undefined;
  #epoch = -1;

  /** @param sizeOf the bytes a result holds (its typed arrays and lists; a fixed overhead for the rest) */
  constructor(limits: ResultCacheLimits, sizeOf: (value: V) => number) {
    this.#limits = limits;
    this.#sizeOf = sizeOf;
    this.#cache = this.#sized(0);
  }

  /** The result kept for `key` on `snapshot` as it is now, if any. */
  get(key: string, snapshot: FacetSnapshot): V | undefined {
    this.#follow(snapshot);
    return this.#cache.get(key);
  }

  /** Keeps `value` (computed on the snapshot state last passed to `get`); one larger than the whole cache is not kept. */
  set(key: string, value: V): void {
    this.#follow(value.snapshot, value.epoch);
    this.#cache.set(key, value);
  }

  /** Bytes kept now (as `sizeOf` counts them). */
  get bytes(): number {
    return this.#cache.calculatedSize;
  }

  get entries(): number {
    return this.#cache.size;
  }

  /** The most bytes it keeps now (for the archive's size when it was last asked, unless set). */
  get maxBytes(): number {
    return this.#cache.maxSize;
  }

  clear(): void {
    this.#cache.clear();
    this.#snapshot = undefined;
  }

  /** Drops everything kept for another snapshot or an earlier epoch of this one: none of it is usable again. */
  #follow(snapshot: FacetSnapshot, epoch = snapshot.epoch): void {
    if (snapshot === this.#snapshot && epoch === this.#epoch) return;
    this.#cache.clear();
    // Emptied anyway: the room it has follows the archive's size from here.
    if (this.#limits.bytes === undefined && scaledResultBytes(snapshot.size) !== this.#cache.maxSize) this.#cache = this.#sized(snapshot.size);
    this.#snapshot = snapshot;
    this.#epoch = epoch;
  }

  #sized(records: number): LRUCache<string, V> {
    const maxSize = this.#limits.bytes ?? scaledResultBytes(records);
    return new LRUCache({ max: this.#limits.entries, maxSize, sizeCalculation: (value) => Math.max(1, Math.ceil(this.#sizeOf(value))) });
  }
}
