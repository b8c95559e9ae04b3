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
  /** Bytes of results (typed arrays and facet lists), as `sizeOf` counts them. */
  bytes: number;
  entries: number;
}

/** Measured with bench:memory (see README's configuration table): a few broad queries at 1M records, every query of a session at 100k. */
export const DEFAULT_RESULT_CACHE_LIMITS: ResultCacheLimits = Object.freeze({ bytes: 24 * 1024 * 1024, entries: 500 });

/** What a cached result must say about where it was computed. */
export interface OnSnapshot {
  snapshot: FacetSnapshot;
  epoch: number;
}

export class SnapshotResultCache<V extends OnSnapshot> {
  readonly #cache: LRUCache<string, V>;
  #snapshot: FacetSnapshot | undefined;
  #epoch = -1;

  /** @param sizeOf the bytes a result holds (its typed arrays and lists; a fixed overhead for the rest) */
  constructor(limits: ResultCacheLimits, sizeOf: (value: V) => number) {
    this.#cache = new LRUCache({ max: limits.entries, maxSize: limits.bytes, sizeCalculation: (value) => Math.max(1, Math.ceil(sizeOf(value))) });
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

  clear(): void {
    this.#cache.clear();
    this.#snapshot = undefined;
  }

  /** Drops everything kept for another snapshot or an earlier epoch of this one: none of it is usable again. */
  #follow(snapshot: FacetSnapshot, epoch = snapshot.epoch): void {
    if (snapshot === this.#snapshot && epoch === this.#epoch) return;
    this.#cache.clear();
    this.#snapshot = snapshot;
    this.#epoch = epoch;
  }
}
