/**
 * Work that may wait a little, spread so it never takes the event loop in a burst. When the
 * snapshot takes in an import's records (every 2–5 s, follow-pace.ts), every query kept since is
 * brought up to it at its next ask — its new text matches read, scored by bm25 (whose document
 * frequencies FTS5 reads afresh for each statement), counted — and the visitors' queries all come
 * back within a fraction of a second: at 60k records, two dozen of them took 200 ms of one
 * third of a second, which every page asked meanwhile (record pages too) waited behind. Spread,
 * such work runs only when what it took last is a small share of the time since; a query asked
 * before answers from what it kept, the snapshot as it was at the look before (seconds behind).
 */

/** Of the time from the start of one piece of work to the start of the next, at most this share. */
export const SPREAD_SHARE = 0.25;
/** Below this many records (a snapshot that follows every commit at once, follow-pace.ts) the work is small: it runs at once. */
export const SPREAD_ABOVE = 20_000;

export interface SpreadOptions {
  share?: number;
  /** Snapshots of fewer records run the work at once. */
  above?: number;
  /** The clock in milliseconds (tests turn it by hand). */
  now?: () => number;
}

export class SpreadWork {
  readonly #share: number;
  readonly #above: number;
  readonly #now: () => number;
  #nextAt = Number.NEGATIVE_INFINITY;

  constructor({ share = SPREAD_SHARE, above = SPREAD_ABOVE, now = () => performance.now() }: SpreadOptions = {}) {
    this.#share = share;
    this.#above = above;
    this.#now = now;
  }

  /** True when a piece of work for a snapshot of `size` records may run now. */
  allows(size: number): boolean {
    return size < this.#above || this.#now() >= this.#nextAt;
  }

  /** The next piece runs at once (this process wrote: its own change is searchable at its next search). */
  hurry(): void {
    this.#nextAt = Number.NEGATIVE_INFINITY;
  }

  /** Runs `work` and holds the next piece back until it is `share` of the time since this one began. */
  run<T>(work: () => T): T {
    const started = this.#now();
    try {
      return work();
    } finally {
      const ended = this.#now();
      this.#nextAt = ended + (ended - started) * (1 / this.#share - 1);
    }
  }
}
